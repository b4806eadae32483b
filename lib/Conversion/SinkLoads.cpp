//===- SinkLoads.cpp - loads next to their first use ----------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace nas {
#define GEN_PASS_DEF_NASSINKLOADS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Returns true if `op` may write memory. A prefetch only moves data between
/// caches.
bool mayWrite(Operation *op) {
  if (isa<LLVM::Prefetch>(op))
    return false;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return true;
  return effects.hasEffect<MemoryEffects::Write>() ||
         effects.hasEffect<MemoryEffects::Free>() ||
         effects.hasEffect<MemoryEffects::Allocate>();
}

/// Returns the first op of the block of `op` that uses one of its results,
/// or null if some user is in another block or there is no user. A user
/// nested in a region of an op of the block counts at that op.
Operation *getFirstUser(Operation *op) {
  Operation *first = nullptr;
  for (Operation *user : op->getUsers()) {
    Operation *ancestor = op->getBlock()->findAncestorOpInBlock(*user);
    if (!ancestor)
      return nullptr;
    if (!first || ancestor->isBeforeInBlock(first))
      first = ancestor;
  }
  return first;
}

/// Returns true if `op` moves with the loads: a load that is neither
/// volatile nor atomic, or one of the ops between a load and the FMA that
/// uses the loaded element (address computation, element extraction and
/// broadcast).
bool isSinkable(Operation *op) {
  if (auto load = dyn_cast<LLVM::LoadOp>(op))
    return !load.getVolatile_() &&
           load.getOrdering() == LLVM::AtomicOrdering::not_atomic;
  return isa<LLVM::GEPOp, LLVM::ExtractElementOp, LLVM::InsertElementOp,
             LLVM::ShuffleVectorOp, LLVM::BitcastOp>(op);
}

/// Moves `op` right before its first user, unless it is a load and an op in
/// between may write memory.
void sink(Operation *op) {
  Operation *user = getFirstUser(op);
  if (!user || user == op->getNextNode())
    return;
  if (isa<LLVM::LoadOp>(op))
    for (Operation *next = op->getNextNode(); next != user;
         next = next->getNextNode())
      if (mayWrite(next))
        return;
  op->moveBefore(user);
}

struct NasSinkLoadsPass : nas::impl::NasSinkLoadsBase<NasSinkLoadsPass> {
  void runOnOperation() override {
    // Last op first: when an op moves, its users are already where they
    // stay, so a load, the extraction of its element and the broadcast of
    // that element all end up next to the FMA.
    getOperation().walk([](Block *block) {
      SmallVector<Operation *> ops;
      for (Operation &op : *block)
        if (isSinkable(&op))
          ops.push_back(&op);
      for (Operation *op : llvm::reverse(ops))
        sink(op);
    });
  }
};

} // namespace
