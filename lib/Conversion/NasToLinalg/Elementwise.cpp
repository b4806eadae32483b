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

/// Replaces `op` with a linalg.generic over its result shape, all loops
/// parallel, reading `inputs` through `inputMaps` and writing a new tensor
/// through the identity map.
void replaceWithGeneric(ConversionPatternRewriter &rewriter, Operation *op,
                        ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                        ScalarBody body) {
  Location loc = op->getLoc();
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  unsigned rank = resultType.getRank();
  Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                        resultType.getElementType());
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(rewriter.getMultiDimIdentityMap(rank));
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{resultType}, inputs, ValueRange{empty}, maps,
      getParallelIterators(rank),
      [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
        Value result = body(builder, bodyLoc, args.drop_back());
        linalg::YieldOp::create(builder, bodyLoc, result);
      });
  rewriter.replaceOp(op, generic.getResults());
}

/// Lowers batch normalization to one linalg.generic that computes
/// `(x - mean[c]) / sqrt(variance[c] + epsilon) * scale[c] + bias[c]` per
/// element, reading the four vectors at the index of dimension 1.
struct BatchNormLowering : OpConversionPattern<BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

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
        rewriter, op,
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
struct ReluLowering : OpConversionPattern<ReluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    Value zero =
        createFloatConstant(rewriter, op.getLoc(), type.getElementType(), 0.0);
    replaceWithGeneric(
        rewriter, op, {adaptor.getInput()},
        {rewriter.getMultiDimIdentityMap(type.getRank())},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          return arith::MaximumFOp::create(builder, bodyLoc, args[0], zero);
        });
    return success();
  }
};

/// Lowers clip to a linalg.generic computing
/// arith.minimumf(arith.maximumf(x, min), max).
struct ClipLowering : OpConversionPattern<ClipOp> {
  using OpConversionPattern::OpConversionPattern;

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
        rewriter, op, {adaptor.getInput()},
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
struct AddLowering : OpConversionPattern<AddOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ArrayRef<int64_t> shape = op.getType().getShape();
    MLIRContext *context = rewriter.getContext();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    replaceWithGeneric(
        rewriter, op, {lhs, rhs},
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
    RewritePatternSet &patterns) {
  patterns.add<BatchNormLowering, ReluLowering, ClipLowering, AddLowering>(
      patterns.getContext());
}
