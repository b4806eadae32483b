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

/// Replaces `loop`, which carries no values, with an scf.parallel over the
/// same range that runs the same body.
void replaceWithParallel(RewriterBase &rewriter, scf::ForOp loop) {
  rewriter.setInsertionPoint(loop);
  auto parallel = scf::ParallelOp::create(
      rewriter, loop.getLoc(), ValueRange{loop.getLowerBound()},
      ValueRange{loop.getUpperBound()}, ValueRange{loop.getStep()});
  Block *body = loop.getBody();
  rewriter.eraseOp(body->getTerminator());
  Block *parallelBody = parallel.getBody();
  rewriter.inlineBlockBefore(body, parallelBody->getTerminator(),
                             parallel.getInductionVars());
  rewriter.eraseOp(loop);
}

struct NasParallelizeLoopsPass
    : nas::impl::NasParallelizeLoopsBase<NasParallelizeLoopsPass> {
  void runOnOperation() override {
    SmallVector<scf::ForOp> loops;
    getOperation().walk([&](scf::ForOp loop) {
      if (loop->hasAttr(kParallelMarker))
        loops.push_back(loop);
    });
    IRRewriter rewriter(&getContext());
    for (scf::ForOp loop : loops) {
      loop->removeAttr(kParallelMarker);
      // A loop that carries values, such as a tensor that bufferization
      // could not update in place, has dependent iterations.
      if (loop.getNumRegionIterArgs() == 0)
        replaceWithParallel(rewriter, loop);
    }
  }
};

} // namespace
