//===- Shape.cpp - lower nas.flatten and nas.reshape to tensor reshapes ---===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

using namespace mlir;
using namespace nas;
using namespace nas::nas_to_linalg;

namespace {

/// Lowers nas.flatten and nas.reshape, which both keep the row-major order
/// of the elements, to tensor.collapse_shape and tensor.expand_shape (see
/// createReshape).
template <typename OpTy> struct ReshapeLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, createReshape(rewriter, op.getLoc(),
                                         adaptor.getInput(), op.getType()));
    return success();
  }
};

} // namespace

void nas::nas_to_linalg::populateShapePatterns(RewritePatternSet &patterns) {
  patterns.add<ReshapeLowering<FlattenOp>, ReshapeLowering<ReshapeOp>>(
      patterns.getContext());
}
