//===- ParallelizeLoops.cpp - marked tile loops to scf.parallel -----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "mlir/IR/PatternMatch.h"

namespace nas {
#define GEN_PASS_DEF_NASPARALLELIZELOOPS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Unit attribute of the loops to parallelize, set by nas-tile-and-vectorize.
constexpr llvm::StringLiteral kParallelMarker = "nas.parallel";

/// Unit attribute of the border fills that run before the producer of the
/// rest of their buffer, set by nas-tile-and-vectorize. The first op of the
/// parallel loop's body takes it over: convert-scf-to-openmp moves the
/// body's ops into the OpenMP loop, but does not keep the loop's own
/// attributes, and nas-merge-parallel-regions reads it there.
constexpr llvm::StringLiteral kBorderFillMarker = "nas.border_fill";

/// An outer loop with fewer iterations than this is collapsed with a
/// perfectly nested marked loop. Its iterations would otherwise split
/// unevenly between threads: 7 output rows give one of 2 threads 4 rows
/// and the other 3.
constexpr int64_t kMaxIterationsWithoutCollapse = 16;

/// Returns the marked loop that is the only op of the body of `loop`,
/// carries no values and has bounds defined outside `loop`, or null.
scf::ForOp getCollapsibleInnerLoop(scf::ForOp loop) {
  std::optional<APInt> trips = loop.getStaticTripCount();
  if (!trips || trips->getSExtValue() >= kMaxIterationsWithoutCollapse)
    return nullptr;
  Block *body = loop.getBody();
  if (!llvm::hasSingleElement(body->without_terminator()))
    return nullptr;
  auto inner = dyn_cast<scf::ForOp>(body->front());
  if (!inner || !inner->hasAttr(kParallelMarker) ||
      inner.getNumRegionIterArgs() != 0)
    return nullptr;
  for (Value bound :
       {inner.getLowerBound(), inner.getUpperBound(), inner.getStep()})
    if (!bound.getParentRegion()->isProperAncestor(&loop.getRegion()))
      return nullptr;
  return inner;
}

/// Replaces `loops`, perfectly nested loops that carry no values, the
/// outermost first, with one scf.parallel over their ranges that runs the
/// body of the innermost, and returns it.
scf::ParallelOp replaceWithParallel(RewriterBase &rewriter,
                                    ArrayRef<scf::ForOp> loops) {
  scf::ForOp outer = loops.front();
  scf::ForOp innermost = loops.back();
  SmallVector<Value> lowerBounds, upperBounds, steps;
  for (scf::ForOp loop : loops) {
    lowerBounds.push_back(loop.getLowerBound());
    upperBounds.push_back(loop.getUpperBound());
    steps.push_back(loop.getStep());
  }
  rewriter.setInsertionPoint(outer);
  auto parallel = scf::ParallelOp::create(rewriter, outer.getLoc(), lowerBounds,
                                          upperBounds, steps);
  Block *body = innermost.getBody();
  rewriter.eraseOp(body->getTerminator());
  SmallVector<Value> arguments(parallel.getInductionVars());
  // The body reads the induction variables of all the loops.
  for (size_t i = 0, e = loops.size() - 1; i < e; ++i) {
    scf::ForOp loop = loops[i];
    rewriter.replaceAllUsesWith(loop.getInductionVar(), arguments[i]);
  }
  rewriter.inlineBlockBefore(body, parallel.getBody()->getTerminator(),
                             ValueRange{arguments.back()});
  rewriter.eraseOp(outer);
  return parallel;
}

struct NasParallelizeLoopsPass
    : nas::impl::NasParallelizeLoopsBase<NasParallelizeLoopsPass> {
  void runOnOperation() override {
    // The marked loops nested in a marked loop are handled with it.
    SmallVector<scf::ForOp> loops;
    getOperation()->walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
      if (!loop->hasAttr(kParallelMarker))
        return WalkResult::advance();
      loops.push_back(loop);
      return WalkResult::skip();
    });
    IRRewriter rewriter(&getContext());
    for (scf::ForOp loop : loops) {
      scf::ForOp inner = getCollapsibleInnerLoop(loop);
      loop->walk(
          [](scf::ForOp nested) { nested->removeAttr(kParallelMarker); });
      // A loop that carries values, such as a tensor that bufferization
      // could not update in place, has dependent iterations.
      if (loop.getNumRegionIterArgs() != 0)
        continue;
      bool borderFill = loop->hasAttr(kBorderFillMarker);
      scf::ParallelOp parallel =
          inner ? replaceWithParallel(rewriter, {loop, inner})
                : replaceWithParallel(rewriter, {loop});
      Block *body = parallel.getBody();
      if (borderFill && &body->front() != body->getTerminator())
        body->front().setAttr(kBorderFillMarker, rewriter.getUnitAttr());
    }
  }
};

} // namespace
