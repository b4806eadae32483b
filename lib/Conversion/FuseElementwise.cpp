//===- FuseElementwise.cpp - elementwise fusion around named kernels ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace nas {
#define GEN_PASS_DEF_NASFUSEELEMENTWISE
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Returns true if `op` is a linalg op whose loops are all parallel.
bool isParallelLinalgOp(Operation *op) {
  auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
  return linalgOp && linalg::isElementwise(linalgOp);
}

/// Returns true if the producer of `operand` may be fused or folded into its
/// owner. As upstream, the producer must have no other user. A reshape must
/// also have a linalg op with only parallel loops on its other side.
bool shouldFuse(OpOperand *operand) {
  Operation *producer = operand->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  Operation *owner = operand->getOwner();
  if (isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp>(owner))
    return isParallelLinalgOp(producer);
  if (isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp>(producer))
    return isParallelLinalgOp(owner);
  return true;
}

struct NasFuseElementwisePass
    : nas::impl::NasFuseElementwiseBase<NasFuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, shouldFuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, shouldFuse);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()
        ->getCanonicalizationPatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, shouldFuse);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
