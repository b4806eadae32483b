//===- Convolution.cpp - lower nas.conv2d and nas.fully_connected ---------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace nas;
using namespace nas::nas_to_linalg;

namespace {

/// Returns the accumulator of a convolution or matmul result of `type`: the
/// bias broadcast along `channelDim`, or zeros without a bias.
Value createAccumulator(OpBuilder &builder, Location loc, Value bias,
                        RankedTensorType type, int64_t channelDim) {
  if (bias)
    return createBroadcastAlongDim(builder, loc, bias, type, channelDim);
  return createFilledTensor(builder, loc, type, 0.0);
}

/// Returns `type` with dimension `dim` of size G * S split into G x S.
RankedTensorType splitDim(RankedTensorType type, int64_t dim, int64_t groups) {
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] /= groups;
  shape.insert(shape.begin() + dim, groups);
  return RankedTensorType::get(shape, type.getElementType());
}

/// Lowers a 2-D convolution. The padding becomes a zero tensor.pad, the bias
/// (or zero) initialises the accumulator, and the convolution accumulates
/// into it:
///
/// ```mlir
/// %p = tensor.pad %x low[0, 0, t, l] high[0, 0, b, r] { yield 0.0 }
/// %init = linalg.broadcast ins(%bias) outs(%empty) dimensions = [0, 2, 3]
/// %y = linalg.conv_2d_nchw_fchw {strides = ..., dilations = ...}
///        ins(%p, %w) outs(%init)
/// ```
///
/// With groups G > 1 (grouped and depthwise, with any channel multiplier),
/// the channel dimensions are split into G x C/G and G x F/G by
/// tensor.expand_shape, linalg.conv_2d_ngchw_gfchw computes all groups, and
/// tensor.collapse_shape restores N x F x HO x WO. Output channel f belongs
/// to group f / (F/G), as in ONNX and PyTorch.
struct Conv2DLowering : OpConversionPattern<Conv2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    ArrayRef<int64_t> padding = op.getPadding();
    Value input = createPadded(rewriter, loc, adaptor.getInput(),
                               {0, 0, padding[0], padding[1]},
                               {0, 0, padding[2], padding[3]}, 0.0);
    Value weight = adaptor.getWeight();
    Value init =
        createAccumulator(rewriter, loc, adaptor.getBias(), resultType, 1);
    DenseIntElementsAttr strides = rewriter.getI64TensorAttr(op.getStrides());
    DenseIntElementsAttr dilations =
        rewriter.getI64TensorAttr(op.getDilations());

    int64_t groups = op.getGroups();
    if (groups == 1) {
      Value result =
          linalg::Conv2DNchwFchwOp::create(rewriter, loc, TypeRange{resultType},
                                           ValueRange{input, weight},
                                           ValueRange{init}, strides, dilations)
              .getResult(0);
      rewriter.replaceOp(op, result);
      return success();
    }

    // N x C x H x W -> N x G x C/G x H x W, F x C/G x KH x KW ->
    // G x F/G x C/G x KH x KW, N x F x HO x WO -> N x G x F/G x HO x WO.
    SmallVector<ReassociationIndices> splitChannels = {{0}, {1, 2}, {3}, {4}};
    SmallVector<ReassociationIndices> splitFilters = {{0, 1}, {2}, {3}, {4}};
    Value groupedInput = tensor::ExpandShapeOp::create(
        rewriter, loc, splitDim(getTensorType(input), 1, groups), input,
        splitChannels);
    Value groupedWeight = tensor::ExpandShapeOp::create(
        rewriter, loc, splitDim(getTensorType(weight), 0, groups), weight,
        splitFilters);
    RankedTensorType groupedResultType = splitDim(resultType, 1, groups);
    Value groupedInit = tensor::ExpandShapeOp::create(
        rewriter, loc, groupedResultType, init, splitChannels);
    Value groupedResult = linalg::Conv2DNgchwGfchwOp::create(
                              rewriter, loc, TypeRange{groupedResultType},
                              ValueRange{groupedInput, groupedWeight},
                              ValueRange{groupedInit}, strides, dilations)
                              .getResult(0);
    rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
        op, resultType, groupedResult, splitChannels);
    return success();
  }
};

/// Lowers a fully connected layer to a matmul on rows x c_in with the
/// weight c_out x c_in read transposed, accumulating into the broadcast bias:
///
/// ```mlir
/// %rows = tensor.collapse_shape %x [[0, 1], [2]]
/// %init = linalg.broadcast ins(%bias) outs(%empty) dimensions = [0]
/// %y = linalg.matmul indexing_maps = [(m, n, k) -> (m, k),
///                                     (m, n, k) -> (n, k),
///                                     (m, n, k) -> (m, n)]
///        ins(%rows, %w) outs(%init)
/// %out = tensor.expand_shape %y [[0, 1], [2]]
/// ```
struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inputType = getTensorType(adaptor.getInput());
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    int64_t inFeatures = inputType.getShape().back();
    int64_t outFeatures = resultType.getShape().back();
    // The product of the leading dimensions, not a division of the element
    // count, which is 0 when c_in is.
    int64_t rows = ShapedType::getNumElements(inputType.getShape().drop_back());

    auto rowsType = RankedTensorType::get({rows, inFeatures}, elementType);
    auto matmulType = RankedTensorType::get({rows, outFeatures}, elementType);
    Value input = createReshape(rewriter, loc, adaptor.getInput(), rowsType);
    Value init =
        createAccumulator(rewriter, loc, adaptor.getBias(), matmulType, 1);
    Value product =
        linalg::MatmulTransposeBOp::create(
            rewriter, loc, TypeRange{matmulType},
            ValueRange{input, adaptor.getWeight()}, ValueRange{init})
            .getResult(0);
    rewriter.replaceOp(op, createReshape(rewriter, loc, product, resultType));
    return success();
  }
};

} // namespace

void nas::nas_to_linalg::populateConvolutionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<Conv2DLowering, FullyConnectedLowering>(patterns.getContext());
}
