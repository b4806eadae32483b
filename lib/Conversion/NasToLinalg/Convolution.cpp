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

/// Lowers a 2-D convolution in the NCHW layout. The padding becomes a zero
/// tensor.pad, the bias (or zero) initialises the accumulator, and the
/// convolution accumulates into it:
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
Value lowerConvChannelsFirst(OpBuilder &builder, Conv2DOp op, Value input,
                             Value weight, Value bias) {
  Location loc = op.getLoc();
  RankedTensorType resultType = op.getType();
  ArrayRef<int64_t> padding = op.getPadding();
  input = createPadded(builder, loc, input, {0, 0, padding[0], padding[1]},
                       {0, 0, padding[2], padding[3]}, 0.0);
  Value init = createAccumulator(builder, loc, bias, resultType, 1);
  DenseIntElementsAttr strides = builder.getI64TensorAttr(op.getStrides());
  DenseIntElementsAttr dilations = builder.getI64TensorAttr(op.getDilations());

  int64_t groups = op.getGroups();
  if (groups == 1)
    return linalg::Conv2DNchwFchwOp::create(
               builder, loc, TypeRange{resultType}, ValueRange{input, weight},
               ValueRange{init}, strides, dilations)
        .getResult(0);

  // N x C x H x W -> N x G x C/G x H x W, F x C/G x KH x KW ->
  // G x F/G x C/G x KH x KW, N x F x HO x WO -> N x G x F/G x HO x WO.
  SmallVector<ReassociationIndices> splitChannels = {{0}, {1, 2}, {3}, {4}};
  SmallVector<ReassociationIndices> splitFilters = {{0, 1}, {2}, {3}, {4}};
  Value groupedInput = tensor::ExpandShapeOp::create(
      builder, loc, splitDim(getTensorType(input), 1, groups), input,
      splitChannels);
  Value groupedWeight = tensor::ExpandShapeOp::create(
      builder, loc, splitDim(getTensorType(weight), 0, groups), weight,
      splitFilters);
  RankedTensorType groupedResultType = splitDim(resultType, 1, groups);
  Value groupedInit = tensor::ExpandShapeOp::create(
      builder, loc, groupedResultType, init, splitChannels);
  Value groupedResult = linalg::Conv2DNgchwGfchwOp::create(
                            builder, loc, TypeRange{groupedResultType},
                            ValueRange{groupedInput, groupedWeight},
                            ValueRange{groupedInit}, strides, dilations)
                            .getResult(0);
  return tensor::CollapseShapeOp::create(builder, loc, resultType,
                                         groupedResult, splitChannels);
}

/// Repeats every channel of the NHWC tensor `input` `multiplier` times:
/// channel c * multiplier + j of the result is channel c of `input`.
Value repeatChannels(OpBuilder &builder, Location loc, Value input,
                     int64_t multiplier) {
  RankedTensorType type = getTensorType(input);
  SmallVector<int64_t> splitShape(type.getShape());
  splitShape.push_back(multiplier);
  Value empty =
      tensor::EmptyOp::create(builder, loc, splitShape, type.getElementType());
  MLIRContext *context = builder.getContext();
  AffineMap read = AffineMap::get(
      5, 0,
      {getAffineDimExpr(0, context), getAffineDimExpr(1, context),
       getAffineDimExpr(2, context), getAffineDimExpr(3, context)},
      context);
  Value repeated =
      linalg::GenericOp::create(
          builder, loc, TypeRange{empty.getType()}, ValueRange{input},
          ValueRange{empty},
          ArrayRef<AffineMap>{read, builder.getMultiDimIdentityMap(5)},
          getParallelIterators(5),
          [](OpBuilder &nested, Location bodyLoc, ValueRange args) {
            linalg::YieldOp::create(nested, bodyLoc, args[0]);
          })
          .getResult(0);
  SmallVector<int64_t> shape(type.getShape());
  shape[3] *= multiplier;
  return tensor::CollapseShapeOp::create(
      builder, loc, RankedTensorType::get(shape, type.getElementType()),
      repeated, ArrayRef<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
}

/// Returns the offsets {0, 0, 0, `channel`} of a channel slice of an NHWC
/// tensor (or of a KH x KW x C x F weight).
SmallVector<OpFoldResult> getChannelSliceOffsets(OpBuilder &builder,
                                                 int64_t channel) {
  SmallVector<OpFoldResult> offsets(3, builder.getIndexAttr(0));
  offsets.push_back(builder.getIndexAttr(channel));
  return offsets;
}

/// Returns the sizes of a slice of `type` with `count` elements along the
/// last dimension and all elements along the others.
SmallVector<OpFoldResult>
getChannelSliceSizes(OpBuilder &builder, RankedTensorType type, int64_t count) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < 3; ++d)
    sizes.push_back(builder.getIndexAttr(type.getDimSize(d)));
  sizes.push_back(builder.getIndexAttr(count));
  return sizes;
}

/// Computes a grouped convolution in NHWC as one linalg.conv_2d_nhwc_hwcf per
/// group: group g reads input channels [g * C/G, (g + 1) * C/G) and the
/// columns [g * F/G, (g + 1) * F/G) of the KH x KW x C/G x F `filter`, and
/// writes the same range of output channels of `init`.
Value createGroupedConvChannelsLast(OpBuilder &builder, Location loc,
                                    Value input, Value filter, Value init,
                                    int64_t groups, Attribute strides,
                                    Attribute dilations) {
  RankedTensorType inputType = getTensorType(input);
  RankedTensorType filterType = getTensorType(filter);
  RankedTensorType resultType = getTensorType(init);
  int64_t groupChannels = inputType.getDimSize(3) / groups;
  int64_t groupFilters = resultType.getDimSize(3) / groups;
  SmallVector<OpFoldResult> unitStrides(4, builder.getIndexAttr(1));
  Value result = init;
  for (int64_t g = 0; g < groups; ++g) {
    Value groupInput = tensor::ExtractSliceOp::create(
        builder, loc, input, getChannelSliceOffsets(builder, g * groupChannels),
        getChannelSliceSizes(builder, inputType, groupChannels), unitStrides);
    Value groupFilter = tensor::ExtractSliceOp::create(
        builder, loc, filter, getChannelSliceOffsets(builder, g * groupFilters),
        getChannelSliceSizes(builder, filterType, groupFilters), unitStrides);
    SmallVector<OpFoldResult> outputOffsets =
        getChannelSliceOffsets(builder, g * groupFilters);
    SmallVector<OpFoldResult> outputSizes =
        getChannelSliceSizes(builder, resultType, groupFilters);
    Value groupInit = tensor::ExtractSliceOp::create(
        builder, loc, result, outputOffsets, outputSizes, unitStrides);
    Value groupResult = linalg::Conv2DNhwcHwcfOp::create(
                            builder, loc, TypeRange{groupInit.getType()},
                            ValueRange{groupInput, groupFilter},
                            ValueRange{groupInit}, strides, dilations)
                            .getResult(0);
    result =
        tensor::InsertSliceOp::create(builder, loc, groupResult, result,
                                      outputOffsets, outputSizes, unitStrides);
  }
  return result;
}

/// Returns true if a grouped convolution with groups of `groupChannels`
/// input and `groupFilters` output channels is lowered by
/// createRotatedGroupConv.
bool isRotatedGroupConv(int64_t groups, int64_t groupChannels,
                        int64_t groupFilters) {
  return groups > 1 && groupChannels == groupFilters &&
         (groupChannels == 2 || groupChannels == 4 || groupChannels == 8);
}

/// Computes a grouped convolution in NHWC whose G groups have W input and W
/// output channels each (W = 2, 4 or 8), with the input channels of each
/// group rotated instead of sliced. Output channel f = g * W + l is
///
///   out[f] = sum over r < W of x[g * W + (l + r) mod W] * wr[r, f]
///
/// with the rotated weight wr[kh, kw, r, g, l] = weight[f, (l + r) mod W,
/// kh, kw]. For a vector of whole groups, the input operand of step r is
/// the input vector with each group rotated by r, one shuffle, so that all
/// lanes compute. In linalg, the rotation reads channel l + r of the input
/// with each group's W channels repeated twice (xx), which is affine:
///
/// ```mlir
/// %xx = linalg.generic (x5[n, h, w, g, l] -> xx[n, h, w, g, t, l])
/// %y = linalg.generic {nas.rotated_group_conv}
///        ins(%xx[n, oh * s + kh * d, ow * s + kw * d, g, l + r],
///            %wr[kh, kw, r, g, l]) outs(%init[n, oh, ow, g, l])
/// ```
///
/// nas-tile-and-vectorize computes the tiles of %y from the input itself,
/// so the repeated copy %xx is never computed. Any other lowering computes
/// the same values from %xx.
Value createRotatedGroupConv(OpBuilder &builder, Location loc, Value input,
                             Value weight, Value bias,
                             RankedTensorType resultType, int64_t groups,
                             ArrayRef<int64_t> strides,
                             ArrayRef<int64_t> dilations) {
  MLIRContext *context = builder.getContext();
  RankedTensorType inputType = getTensorType(input);
  RankedTensorType weightType = getTensorType(weight);
  Type elementType = inputType.getElementType();
  int64_t width = inputType.getDimSize(3) / groups;
  int64_t kernelHeight = weightType.getDimSize(2);
  int64_t kernelWidth = weightType.getDimSize(3);
  auto dim = [&](unsigned position) {
    return getAffineDimExpr(position, context);
  };

  // N x H x W x C -> N x H x W x G x W, each group repeated twice.
  SmallVector<ReassociationIndices> splitChannels = {{0}, {1}, {2}, {3, 4}};
  RankedTensorType groupedType = splitDim(inputType, 3, groups);
  Value grouped = tensor::ExpandShapeOp::create(builder, loc, groupedType,
                                                input, splitChannels);
  SmallVector<int64_t> repeatedShape(groupedType.getShape());
  repeatedShape.insert(repeatedShape.begin() + 4, 2);
  Value repeatedInit =
      tensor::EmptyOp::create(builder, loc, repeatedShape, elementType);
  Value repeated =
      linalg::GenericOp::create(
          builder, loc, TypeRange{repeatedInit.getType()}, ValueRange{grouped},
          ValueRange{repeatedInit},
          ArrayRef<AffineMap>{
              AffineMap::get(6, 0, {dim(0), dim(1), dim(2), dim(3), dim(5)},
                             context),
              builder.getMultiDimIdentityMap(6)},
          getParallelIterators(6),
          [](OpBuilder &nested, Location bodyLoc, ValueRange args) {
            linalg::YieldOp::create(nested, bodyLoc, args[0]);
          })
          .getResult(0);
  SmallVector<int64_t> twiceShape(groupedType.getShape());
  twiceShape[4] *= 2;
  Value twice = tensor::CollapseShapeOp::create(
      builder, loc, RankedTensorType::get(twiceShape, elementType), repeated,
      ArrayRef<ReassociationIndices>{{0}, {1}, {2}, {3}, {4, 5}});

  // wr[kh, kw, r, g, l] = weight[g * W + l, (l + r) mod W, kh, kw].
  Value rotatedInit = tensor::EmptyOp::create(
      builder, loc,
      ArrayRef<int64_t>{kernelHeight, kernelWidth, width, groups, width},
      elementType);
  Value rotatedWeight =
      linalg::GenericOp::create(
          builder, loc, TypeRange{rotatedInit.getType()}, ValueRange{},
          ValueRange{rotatedInit},
          ArrayRef<AffineMap>{builder.getMultiDimIdentityMap(5)},
          getParallelIterators(5),
          [&](OpBuilder &nested, Location bodyLoc, ValueRange) {
            auto index = [&](int64_t d) -> Value {
              return linalg::IndexOp::create(nested, bodyLoc, d);
            };
            Value widthValue =
                arith::ConstantIndexOp::create(nested, bodyLoc, width);
            Value l = index(4);
            Value filter = arith::AddIOp::create(
                nested, bodyLoc,
                arith::MulIOp::create(nested, bodyLoc, index(3), widthValue),
                l);
            Value channel = arith::RemUIOp::create(
                nested, bodyLoc,
                arith::AddIOp::create(nested, bodyLoc, l, index(2)),
                widthValue);
            Value element = tensor::ExtractOp::create(
                nested, bodyLoc, weight,
                ValueRange{filter, channel, index(0), index(1)});
            linalg::YieldOp::create(nested, bodyLoc, element);
          })
          .getResult(0);

  // The accumulator, N x OH x OW x G x W.
  RankedTensorType groupedResultType = splitDim(resultType, 3, groups);
  Value init;
  if (bias) {
    Value groupedBias = tensor::ExpandShapeOp::create(
        builder, loc, RankedTensorType::get({groups, width}, elementType), bias,
        ArrayRef<ReassociationIndices>{{0, 1}});
    Value empty = tensor::EmptyOp::create(
        builder, loc, groupedResultType.getShape(), elementType);
    init = linalg::BroadcastOp::create(builder, loc, groupedBias, empty,
                                       ArrayRef<int64_t>{0, 1, 2})
               .getResult()[0];
  } else {
    init = createFilledTensor(builder, loc, groupedResultType, 0.0);
  }

  // Loops (n, oh, ow, g, l, kh, kw, r).
  AffineMap inputMap = AffineMap::get(
      8, 0,
      {dim(0), dim(1) * strides[0] + dim(5) * dilations[0],
       dim(2) * strides[1] + dim(6) * dilations[1], dim(3), dim(4) + dim(7)},
      context);
  AffineMap weightMap =
      AffineMap::get(8, 0, {dim(5), dim(6), dim(7), dim(3), dim(4)}, context);
  AffineMap outputMap =
      AffineMap::get(8, 0, {dim(0), dim(1), dim(2), dim(3), dim(4)}, context);
  SmallVector<utils::IteratorType> iterators = getParallelIterators(5);
  iterators.append(3, utils::IteratorType::reduction);
  auto conv = linalg::GenericOp::create(
      builder, loc, TypeRange{groupedResultType},
      ValueRange{twice, rotatedWeight}, ValueRange{init},
      ArrayRef<AffineMap>{inputMap, weightMap, outputMap}, iterators,
      [](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        Value product =
            arith::MulFOp::create(nested, bodyLoc, args[0], args[1]);
        linalg::YieldOp::create(
            nested, bodyLoc,
            arith::AddFOp::create(nested, bodyLoc, args[2], product)
                .getResult());
      });
  conv->setAttr(kRotatedGroupConvAttrName, builder.getUnitAttr());
  return tensor::CollapseShapeOp::create(builder, loc, resultType,
                                         conv.getResult(0), splitChannels);
}

/// Largest output width of a strided 1x1 convolution whose input is
/// sampled into a dense copy (see sampleStridedInput). Measured with
/// AVX-512 on one thread, stride 2 (ResNet-50's projections): 1024->2048
/// to 7x7 took 1.60 ms strided and 1.33 ms on the copy, 512->1024 to 14x14
/// 1.37 and 1.29 ms (but 0.69 and 0.71 ms on two threads, with the copy on
/// one), and 256->512 to 28x28 1.27 and 1.37 ms.
constexpr int64_t kMaxSampledOutputWidth = 7;

/// Returns a dense copy of the pixels of `input` (N x H x W x C) that a 1x1
/// convolution with `strides` reads for an output of `resultType`
/// (N x HO x WO x F). The copy is a linalg.copy of the strided slice, of
/// N x HO x WO x C. On it, the convolution has stride 1: the pixels of a
/// register block are adjacent, and a block may span several short rows.
Value sampleStridedInput(OpBuilder &builder, Location loc, Value input,
                         RankedTensorType resultType,
                         ArrayRef<int64_t> strides) {
  RankedTensorType inputType = getTensorType(input);
  SmallVector<int64_t, 4> shape = {
      resultType.getDimSize(0), resultType.getDimSize(1),
      resultType.getDimSize(2), inputType.getDimSize(3)};
  SmallVector<OpFoldResult> offsets(4, builder.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes, steps;
  for (int64_t size : shape)
    sizes.push_back(builder.getIndexAttr(size));
  for (int64_t step : {int64_t(1), strides[0], strides[1], int64_t(1)})
    steps.push_back(builder.getIndexAttr(step));
  Value sampled = tensor::ExtractSliceOp::create(builder, loc, input, offsets,
                                                 sizes, steps);
  Value empty =
      tensor::EmptyOp::create(builder, loc, shape, inputType.getElementType());
  return linalg::CopyOp::create(builder, loc, sampled, empty).getResult(0);
}

/// Lowers a 2-D convolution in the NHWC layout. The input is transposed to
/// NHWC and padded, the weight F x C/G x KH x KW is transposed to
/// KH x KW x C/G x F, and the result is transposed back to NCHW:
///
/// ```mlir
/// %t = linalg.transpose ins(%x) permutation = [0, 2, 3, 1]
/// %p = tensor.pad %t low[0, t, l, 0] high[0, b, r, 0] { yield 0.0 }
/// %w = linalg.transpose ins(%weight) permutation = [2, 3, 1, 0]
/// %init = linalg.broadcast ins(%bias) outs(%empty) dimensions = [0, 1, 2]
/// %y = linalg.conv_2d_nhwc_hwcf ins(%p, %w) outs(%init)
/// %r = linalg.transpose ins(%y) permutation = [0, 3, 1, 2]
/// ```
///
/// A depthwise convolution (C/G = 1) becomes
/// linalg.depthwise_conv_2d_nhwc_hwc with the weight KH x KW x F. With a
/// channel multiplier M = F / C > 1, each input channel is first repeated M
/// times, so that channel f of the input matches output channel f. Any other
/// grouped convolution becomes one linalg.conv_2d_nhwc_hwcf per group, on
/// the group's slices of the input channels, the weight and the result.
Value lowerConvChannelsLast(OpBuilder &builder, Conv2DOp op, Value input,
                            Value weight, Value bias) {
  Location loc = op.getLoc();
  RankedTensorType resultType = getPermutedType(op.getType(), kToChannelsLast);
  ArrayRef<int64_t> padding = op.getPadding();
  input = createTranspose(builder, loc, input, kToChannelsLast);
  input = createPadded(builder, loc, input, {0, padding[0], padding[1], 0},
                       {0, padding[2], padding[3], 0}, 0.0);
  Value init = createAccumulator(builder, loc, bias, resultType, 3);
  DenseIntElementsAttr strides = builder.getI64TensorAttr(op.getStrides());
  DenseIntElementsAttr dilations = builder.getI64TensorAttr(op.getDilations());

  RankedTensorType weightType = getTensorType(weight);
  int64_t groups = op.getGroups();
  int64_t channels = getTensorType(input).getDimSize(3);
  int64_t filters = resultType.getDimSize(3);
  Value result;
  if (isRotatedGroupConv(groups, channels / groups, filters / groups)) {
    result =
        createRotatedGroupConv(builder, loc, input, weight, bias, resultType,
                               groups, op.getStrides(), op.getDilations());
  } else if (groups > 1 && groups == channels) {
    // F x 1 x KH x KW -> F x KH x KW -> KH x KW x F.
    Value collapsed = tensor::CollapseShapeOp::create(
        builder, loc,
        RankedTensorType::get(
            {filters, weightType.getDimSize(2), weightType.getDimSize(3)},
            weightType.getElementType()),
        weight, ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}});
    Value depthwiseWeight =
        createTranspose(builder, loc, collapsed, ArrayRef<int64_t>{1, 2, 0});
    if (filters != channels)
      input = repeatChannels(builder, loc, input, filters / channels);
    result = linalg::DepthwiseConv2DNhwcHwcOp::create(
                 builder, loc, TypeRange{resultType},
                 ValueRange{input, depthwiseWeight}, ValueRange{init}, strides,
                 dilations)
                 .getResult(0);
  } else {
    Value filter =
        createTranspose(builder, loc, weight, ArrayRef<int64_t>{2, 3, 1, 0});
    if (groups == 1) {
      if (weightType.getDimSize(2) == 1 && weightType.getDimSize(3) == 1 &&
          resultType.getDimSize(2) <= kMaxSampledOutputWidth &&
          llvm::any_of(op.getStrides(),
                       [](int64_t stride) { return stride != 1; })) {
        input = sampleStridedInput(builder, loc, input, resultType,
                                   op.getStrides());
        strides = builder.getI64TensorAttr({1, 1});
      }
      result =
          linalg::Conv2DNhwcHwcfOp::create(builder, loc, TypeRange{resultType},
                                           ValueRange{input, filter},
                                           ValueRange{init}, strides, dilations)
              .getResult(0);
    } else {
      result = createGroupedConvChannelsLast(builder, loc, input, filter, init,
                                             groups, strides, dilations);
    }
  }
  return createTranspose(builder, loc, result, kToChannelsFirst);
}

/// Lowers a 2-D convolution in the layout the pattern was built for.
struct Conv2DLowering : OpConversionPattern<Conv2DOp> {
  Conv2DLowering(MLIRContext *context, ActivationLayout layout)
      : OpConversionPattern(context), layout(layout) {}

  LogicalResult
  matchAndRewrite(Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result =
        layout == ActivationLayout::NHWC
            ? lowerConvChannelsLast(rewriter, op, adaptor.getInput(),
                                    adaptor.getWeight(), adaptor.getBias())
            : lowerConvChannelsFirst(rewriter, op, adaptor.getInput(),
                                     adaptor.getWeight(), adaptor.getBias());
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  ActivationLayout layout;
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
///
/// With the NHWC layout, the weight is transposed to c_in x c_out instead,
/// the layout in which the convolution weights are read, and a plain
/// linalg.matmul multiplies it.
struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  FullyConnectedLowering(MLIRContext *context, ActivationLayout layout)
      : OpConversionPattern(context), layout(layout) {}

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
    Value product;
    if (layout == ActivationLayout::NHWC) {
      Value weight = createTranspose(rewriter, loc, adaptor.getWeight(),
                                     ArrayRef<int64_t>{1, 0});
      product =
          linalg::MatmulOp::create(rewriter, loc, TypeRange{matmulType},
                                   ValueRange{input, weight}, ValueRange{init})
              .getResult(0);
    } else {
      product = linalg::MatmulTransposeBOp::create(
                    rewriter, loc, TypeRange{matmulType},
                    ValueRange{input, adaptor.getWeight()}, ValueRange{init})
                    .getResult(0);
    }
    rewriter.replaceOp(op, createReshape(rewriter, loc, product, resultType));
    return success();
  }

private:
  ActivationLayout layout;
};

} // namespace

void nas::nas_to_linalg::populateConvolutionPatterns(
    RewritePatternSet &patterns, ActivationLayout layout) {
  patterns.add<Conv2DLowering, FullyConnectedLowering>(patterns.getContext(),
                                                       layout);
}
