//===- MergeParallelRegions.cpp - one fork for consecutive regions --------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace nas {
#define GEN_PASS_DEF_NASMERGEPARALLELREGIONS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Returns true if no clause changes how the threads of `op` run: it has no
/// operands (if, num_threads, allocate, private or reduction variables), no
/// proc_bind and no discardable attribute.
bool hasNoClauses(omp::ParallelOp op) {
  return op->getNumOperands() == 0 && !op.getProcBindKind() &&
         op->getDiscardableAttrDictionary().empty();
}

/// Returns true if every op of the body of `op`, but its terminator, is a
/// worksharing loop that ends with a barrier.
bool hasOnlyBarrierLoops(omp::ParallelOp op) {
  Block &body = op.getRegion().front();
  return llvm::all_of(body.without_terminator(), [](Operation &inner) {
    auto loop = dyn_cast<omp::WsloopOp>(inner);
    return loop && !loop.getNowait();
  });
}

/// Merges `second` into `first`, moving the ops between them before
/// `first`. The caller checked that they are free of memory effects.
void merge(omp::ParallelOp first, omp::ParallelOp second) {
  for (Operation *op = first->getNextNode(); op != second.getOperation();) {
    Operation *next = op->getNextNode();
    op->moveBefore(first);
    op = next;
  }
  Block &into = first.getRegion().front();
  Block &from = second.getRegion().front();
  Operation *terminator = into.getTerminator();
  for (Operation &op : llvm::make_early_inc_range(from.without_terminator()))
    op.moveBefore(terminator);
  second->erase();
}

/// Unit attribute that nas-parallelize-loops puts on the first op of the
/// body of a border fill's loop (see nas-tile-and-vectorize).
constexpr llvm::StringLiteral kBorderFillMarker = "nas.border_fill";

/// Returns the first op of the body of `loop`, inside the alloca scope that
/// convert-scf-to-openmp wraps around it, or null.
Operation *getFirstBodyOp(omp::WsloopOp loop) {
  auto nest = dyn_cast_or_null<omp::LoopNestOp>(loop.getWrappedLoop());
  if (!nest || nest.getRegion().empty())
    return nullptr;
  Operation *first = &nest.getRegion().front().front();
  if (auto scope = dyn_cast<memref::AllocaScopeOp>(first)) {
    Region &region = scope.getBodyRegion();
    if (region.empty() || region.front().empty())
      return nullptr;
    first = &region.front().front();
  }
  return first;
}

/// Removes the barrier after each border fill loop whose next op in the
/// region is a loop with a barrier: the producer of the rest of the fill's
/// buffer. The two loops write different elements, and the producer's
/// barrier orders both before the consumer. Removes the markers too.
void removeBarriersAfterBorderFills(Operation *root) {
  root->walk([](omp::WsloopOp loop) {
    Operation *first = getFirstBodyOp(loop);
    if (!first || !first->hasAttr(kBorderFillMarker))
      return;
    first->removeAttr(kBorderFillMarker);
    auto next = dyn_cast_or_null<omp::WsloopOp>(loop->getNextNode());
    if (next && !next.getNowait())
      loop.setNowait(true);
  });
}

struct NasMergeParallelRegionsPass
    : nas::impl::NasMergeParallelRegionsBase<NasMergeParallelRegionsPass> {
  void runOnOperation() override {
    // Post-order: the blocks inside a region come before the block that
    // holds it, so a merge only erases blocks that were already visited.
    SmallVector<Block *> blocks;
    getOperation().walk([&](Block *block) { blocks.push_back(block); });
    for (Block *block : blocks) {
      omp::ParallelOp first;
      for (Operation &op : llvm::make_early_inc_range(*block)) {
        auto parallel = dyn_cast<omp::ParallelOp>(op);
        if (!parallel) {
          // Ops without memory effects can move before the first region;
          // any other op ends the run of regions.
          if (first && !isMemoryEffectFree(&op))
            first = nullptr;
          continue;
        }
        if (!hasNoClauses(parallel) || !hasOnlyBarrierLoops(parallel)) {
          first = nullptr;
          continue;
        }
        if (!first) {
          first = parallel;
          continue;
        }
        merge(first, parallel);
      }
    }
    removeBarriersAfterBorderFills(getOperation());
  }
};

} // namespace
