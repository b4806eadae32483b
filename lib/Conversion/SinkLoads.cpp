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
/// caches. Inline assembly may write memory whatever effects it declares.
bool mayWrite(Operation *op) {
  if (isa<LLVM::Prefetch>(op))
    return false;
  if (isa<LLVM::InlineAsmOp>(op))
    return true;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return true;
  return effects.hasEffect<MemoryEffects::Write>() ||
         effects.hasEffect<MemoryEffects::Free>() ||
         effects.hasEffect<MemoryEffects::Allocate>();
}

/// Returns true if `op` may move: a load that is neither volatile nor
/// atomic, or an op between a load and the FMA that uses the loaded element
/// (address computation, element extraction and broadcast).
bool isSinkable(Operation *op) {
  if (auto load = dyn_cast<LLVM::LoadOp>(op))
    return !load.getVolatile_() &&
           load.getOrdering() == LLVM::AtomicOrdering::not_atomic;
  return isa<LLVM::GEPOp, LLVM::ExtractElementOp, LLVM::InsertElementOp,
             LLVM::ShuffleVectorOp, LLVM::BitcastOp>(op);
}

/// A position in the new order of a block: right before the op at `anchor`
/// (an index in the old order), earlier for a larger `depth`. An op that
/// stays has its own index and depth 0.
struct Place {
  int64_t anchor;
  int64_t depth;
  bool operator<(const Place &other) const {
    return anchor != other.anchor ? anchor < other.anchor : depth > other.depth;
  }
};

/// Reorders `block` so that each movable op is right before its first user
/// in the block, unless it is a load and an op in between may write memory.
/// The ops are visited last first, so that a load, the extraction of its
/// element and its broadcast end up together next to the FMA. The positions
/// are computed on the old order and applied once, with one sort.
void sinkInBlock(Block &block) {
  SmallVector<Operation *> ops;
  DenseMap<Operation *, int64_t> index;
  for (Operation &op : block) {
    index[&op] = ops.size();
    ops.push_back(&op);
  }
  int64_t count = ops.size();
  // The index of the first op after op i that may write memory, or count.
  SmallVector<int64_t> nextWrite(count, count);
  for (int64_t i = count - 1; i > 0; --i)
    nextWrite[i - 1] = mayWrite(ops[i]) ? i : nextWrite[i];

  SmallVector<Place> places(count);
  bool moved = false;
  for (int64_t i = count - 1; i >= 0; --i) {
    Operation *op = ops[i];
    places[i] = {i, 0};
    if (!isSinkable(op) || op->use_empty())
      continue;
    std::optional<Place> first;
    for (Operation *user : op->getUsers()) {
      // A user nested in a region of an op of the block counts at that op.
      Operation *ancestor = block.findAncestorOpInBlock(*user);
      if (!ancestor) {
        first.reset();
        break;
      }
      Place place = places[index[ancestor]];
      if (!first || place < *first)
        first = place;
    }
    if (!first || (isa<LLVM::LoadOp>(op) && nextWrite[i] < first->anchor))
      continue;
    Place place = {first->anchor, first->depth + 1};
    // Already right before its first user.
    if (place.anchor == i + 1 && first->depth == 0)
      continue;
    places[i] = place;
    moved = true;
  }
  if (!moved)
    return;
  auto order = llvm::to_vector(llvm::seq<int64_t>(0, count));
  llvm::stable_sort(
      order, [&](int64_t a, int64_t b) { return places[a] < places[b]; });
  for (int64_t i : order)
    ops[i]->moveBefore(&block, block.end());
}

struct NasSinkLoadsPass : nas::impl::NasSinkLoadsBase<NasSinkLoadsPass> {
  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation().walk([&](Block *block) { blocks.push_back(block); });
    for (Block *block : blocks)
      sinkInBlock(*block);
  }
};

} // namespace
