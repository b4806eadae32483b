//===- Elementwise.cpp - lower nas elementwise ops to linalg.generic ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace nas;
using namespace nas::nas_to_linalg;

namespace {

/// Body of a linalg.generic: maps the scalar inputs to the scalar output.
using ScalarBody = llvm::function_ref<Value(OpBuilder &, Location, ValueRange)>;

/// Creates a linalg.generic over `resultType`, all loops parallel, reading
/// `inputs` through `inputMaps` and writing a new tensor through the
/// identity map.
Value createElementwiseGeneric(OpBuilder &builder, Location loc,
                               RankedTensorType resultType, ValueRange inputs,
                               ArrayRef<AffineMap> inputMaps, ScalarBody body) {
  unsigned rank = resultType.getRank();
  Value empty = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                        resultType.getElementType());
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  return linalg::GenericOp::create(
             builder, loc, TypeRange{resultType}, inputs, ValueRange{empty},
             maps, getParallelIterators(rank),
             [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
               Value result = body(nested, bodyLoc, args.drop_back());
               linalg::YieldOp::create(nested, bodyLoc, result);
             })
      .getResult(0);
}

/// Replaces `op` with a linalg.generic over its result shape, all loops
/// parallel, reading `inputs` through `inputMaps` (maps of the NCHW
/// iteration space for a 4-D result).
///
/// With the NHWC layout and a 4-D result, the generic iterates over the
/// NHWC shape instead: an input read through the identity map is transposed
/// to NHWC, the other maps are rewritten to name the same NCHW dimensions in
/// the NHWC iteration space (d1 becomes d3, d2 becomes d1, d3 becomes d2),
/// and the result is transposed back to NCHW. For batch normalization, the
/// channel map (d0, d1, d2, d3) -> (d1) becomes (d0, d1, d2, d3) -> (d3).
void replaceWithGeneric(ConversionPatternRewriter &rewriter, Operation *op,
                        ActivationLayout layout, ValueRange inputs,
                        ArrayRef<AffineMap> inputMaps, ScalarBody body) {
  Location loc = op->getLoc();
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (layout == ActivationLayout::NCHW || resultType.getRank() != 4) {
    rewriter.replaceOp(op, createElementwiseGeneric(rewriter, loc, resultType,
                                                    inputs, inputMaps, body));
    return;
  }

  MLIRContext *context = rewriter.getContext();
  AffineMap identity = rewriter.getMultiDimIdentityMap(4);
  // NCHW dimension i is dimension kToChannelsFirst[i] of NHWC.
  SmallVector<AffineExpr> nhwcDims;
  for (int64_t dim : kToChannelsFirst)
    nhwcDims.push_back(getAffineDimExpr(dim, context));
  SmallVector<Value> nhwcInputs;
  SmallVector<AffineMap> nhwcMaps;
  for (auto [input, map] : llvm::zip(inputs, inputMaps)) {
    if (map == identity) {
      nhwcInputs.push_back(
          createTranspose(rewriter, loc, input, kToChannelsLast));
      nhwcMaps.push_back(identity);
      continue;
    }
    nhwcInputs.push_back(input);
    nhwcMaps.push_back(map.replaceDimsAndSymbols(nhwcDims, {}, 4, 0));
  }
  Value result = createElementwiseGeneric(
      rewriter, loc, getPermutedType(resultType, kToChannelsLast), nhwcInputs,
      nhwcMaps, body);
  rewriter.replaceOp(op,
                     createTranspose(rewriter, loc, result, kToChannelsFirst));
}

/// Base of the elementwise lowerings: stores the layout.
template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  ElementwiseLowering(MLIRContext *context, ActivationLayout layout)
      : OpConversionPattern<OpTy>(context), layout(layout) {}

protected:
  ActivationLayout layout;
};

/// Lowers batch normalization to one linalg.generic that computes
/// `(x - mean[c]) / sqrt(variance[c] + epsilon) * scale[c] + bias[c]` per
/// element, reading the four vectors at the index of dimension 1.
struct BatchNormLowering : ElementwiseLowering<BatchNormOp> {
  using ElementwiseLowering::ElementwiseLowering;

  LogicalResult
  matchAndRewrite(BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    unsigned rank = type.getRank();
    Value epsilon = createFloatConstant(rewriter, loc, type.getElementType(),
                                        op.getEpsilon().convertToDouble());
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap channel = AffineMap::get(rank, 0, rewriter.getAffineDimExpr(1));
    replaceWithGeneric(
        rewriter, op, layout,
        {adaptor.getInput(), adaptor.getScale(), adaptor.getBias(),
         adaptor.getMean(), adaptor.getVariance()},
        {identity, channel, channel, channel, channel},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          Value x = args[0], scale = args[1], bias = args[2], mean = args[3],
                variance = args[4];
          Value centered = arith::SubFOp::create(builder, bodyLoc, x, mean);
          Value shifted =
              arith::AddFOp::create(builder, bodyLoc, variance, epsilon);
          Value deviation = math::SqrtOp::create(builder, bodyLoc, shifted);
          Value normalized =
              arith::DivFOp::create(builder, bodyLoc, centered, deviation);
          Value scaled =
              arith::MulFOp::create(builder, bodyLoc, normalized, scale);
          return arith::AddFOp::create(builder, bodyLoc, scaled, bias);
        });
    return success();
  }
};

/// Lowers relu to a linalg.generic computing arith.maximumf(x, 0).
struct ReluLowering : ElementwiseLowering<ReluOp> {
  using ElementwiseLowering::ElementwiseLowering;

  LogicalResult
  matchAndRewrite(ReluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    Value zero =
        createFloatConstant(rewriter, op.getLoc(), type.getElementType(), 0.0);
    replaceWithGeneric(
        rewriter, op, layout, {adaptor.getInput()},
        {rewriter.getMultiDimIdentityMap(type.getRank())},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          return arith::MaximumFOp::create(builder, bodyLoc, args[0], zero);
        });
    return success();
  }
};

/// Lowers clip to a linalg.generic computing
/// arith.minimumf(arith.maximumf(x, min), max).
struct ClipLowering : ElementwiseLowering<ClipOp> {
  using ElementwiseLowering::ElementwiseLowering;

  LogicalResult
  matchAndRewrite(ClipOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value min = createFloatConstant(rewriter, loc, type.getElementType(),
                                    op.getMin().convertToDouble());
    Value max = createFloatConstant(rewriter, loc, type.getElementType(),
                                    op.getMax().convertToDouble());
    replaceWithGeneric(
        rewriter, op, layout, {adaptor.getInput()},
        {rewriter.getMultiDimIdentityMap(type.getRank())},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          Value lower =
              arith::MaximumFOp::create(builder, bodyLoc, args[0], min);
          return arith::MinimumFOp::create(builder, bodyLoc, lower, max);
        });
    return success();
  }
};

/// Returns the indexing map that reads an operand of `operandType` for a
/// result of shape `resultShape`, with NumPy broadcasting. The operand's
/// dimensions align with the result's last ones. A size-1 dimension that the
/// result broadcasts is read at index 0.
AffineMap getBroadcastMap(RankedTensorType operandType,
                          ArrayRef<int64_t> resultShape, MLIRContext *context) {
  int64_t resultRank = resultShape.size();
  int64_t offset = resultRank - operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (auto [index, size] : llvm::enumerate(operandType.getShape())) {
    int64_t resultDim = offset + static_cast<int64_t>(index);
    if (size == 1 && resultShape[resultDim] != 1)
      exprs.push_back(getAffineConstantExpr(0, context));
    else
      exprs.push_back(getAffineDimExpr(resultDim, context));
  }
  return AffineMap::get(resultRank, 0, exprs, context);
}

/// Lowers add with NumPy broadcasting to a linalg.generic whose operand maps
/// drop the missing leading dimensions and read broadcast dimensions at 0:
/// for 2x3x4 + 3x1, the maps are (d0, d1, d2) -> (d1, 0) for the second
/// operand and the identity for the first.
struct AddLowering : ElementwiseLowering<AddOp> {
  using ElementwiseLowering::ElementwiseLowering;

  LogicalResult
  matchAndRewrite(AddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> shape = op.getType().getShape();
    MLIRContext *context = rewriter.getContext();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    replaceWithGeneric(
        rewriter, op, layout, {lhs, rhs},
        {getBroadcastMap(getTensorType(lhs), shape, context),
         getBroadcastMap(getTensorType(rhs), shape, context)},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          return arith::AddFOp::create(builder, bodyLoc, args[0], args[1]);
        });
    return success();
  }
};

} // namespace

void nas::nas_to_linalg::populateElementwisePatterns(
    RewritePatternSet &patterns, ActivationLayout layout) {
  patterns.add<BatchNormLowering, ReluLowering, ClipLowering, AddLowering>(
      patterns.getContext(), layout);
}
