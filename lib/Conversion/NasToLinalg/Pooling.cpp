//===- Pooling.cpp - lower nas pooling ops to linalg ----------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;
using namespace nas;
using namespace nas::nas_to_linalg;

namespace {

/// Window geometry of a 2-D pooling op along one spatial dimension.
struct WindowDim {
  int64_t inputSize;
  int64_t outputSize;
  int64_t kernel;
  int64_t stride;
  int64_t dilation;
  int64_t padBefore;
  int64_t padAfter;

  /// Returns the padding needed after the input, at least `padAfter`, so
  /// that the last window lies inside the padded input. With ceil_mode the
  /// last window may reach past `padAfter`, and the named pooling ops read
  /// every element of every window.
  int64_t getPadAfterForWindows() const {
    int64_t needed = (outputSize - 1) * stride + (kernel - 1) * dilation + 1;
    return std::max(padAfter, needed - inputSize - padBefore);
  }
};

/// Returns the window geometry of a pooling op from NCHW `inputType` to
/// `resultType`, for dimension `dim` (0 for height, 1 for width).
WindowDim getWindowDim(RankedTensorType inputType, RankedTensorType resultType,
                       ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                       ArrayRef<int64_t> dilations, ArrayRef<int64_t> padding,
                       int dim) {
  return {inputType.getDimSize(2 + dim),
          resultType.getDimSize(2 + dim),
          kernel[dim],
          strides[dim],
          dilations[dim],
          padding[dim],
          padding[dim + 2]};
}

/// Pads an input in `layout` for a named pooling op with `padValue`,
/// including the extra bottom and right padding that ceil_mode windows
/// reach.
Value padForPooling(OpBuilder &builder, Location loc, Value input,
                    ActivationLayout layout, const WindowDim &height,
                    const WindowDim &width, double padValue) {
  if (layout == ActivationLayout::NHWC)
    return createPadded(
        builder, loc, input, {0, height.padBefore, width.padBefore, 0},
        {0, height.getPadAfterForWindows(), width.getPadAfterForWindows(), 0},
        padValue);
  return createPadded(
      builder, loc, input, {0, 0, height.padBefore, width.padBefore},
      {0, 0, height.getPadAfterForWindows(), width.getPadAfterForWindows()},
      padValue);
}

/// Returns `input`, an NCHW tensor, in `layout`.
Value toLayout(OpBuilder &builder, Location loc, Value input,
               ActivationLayout layout) {
  if (layout == ActivationLayout::NHWC)
    return createTranspose(builder, loc, input, kToChannelsLast);
  return input;
}

/// Returns `result`, a tensor in `layout`, in NCHW.
Value fromLayout(OpBuilder &builder, Location loc, Value result,
                 ActivationLayout layout) {
  if (layout == ActivationLayout::NHWC)
    return createTranspose(builder, loc, result, kToChannelsFirst);
  return result;
}

/// Returns the NCHW type `type` in `layout`.
RankedTensorType getLayoutType(RankedTensorType type, ActivationLayout layout) {
  if (layout == ActivationLayout::NHWC)
    return getPermutedType(type, kToChannelsLast);
  return type;
}

/// Base of the pooling lowerings: stores the layout.
template <typename OpTy> struct PoolingLowering : OpConversionPattern<OpTy> {
  PoolingLowering(MLIRContext *context, ActivationLayout layout)
      : OpConversionPattern<OpTy>(context), layout(layout) {}

protected:
  ActivationLayout layout;
};

/// Lowers max pooling to linalg.pooling_nchw_max on the input padded with
/// -inf, so padding never wins:
///
/// ```mlir
/// %p = tensor.pad %x low[0, 0, t, l] high[0, 0, b', r'] { yield -inf }
/// %init = linalg.fill ins(-inf) outs(%empty)
/// %y = linalg.pooling_nchw_max {strides = ..., dilations = ...}
///        ins(%p, %window) outs(%init)
/// ```
///
/// b' and r' add to the bottom and right padding what ceil_mode windows
/// need; the output size comes from the result type. With the NHWC layout,
/// the input is transposed to NHWC, linalg.pooling_nhwc_max computes the
/// maximum, and the result is transposed back.
struct MaxPool2DLowering : PoolingLowering<MaxPool2DOp> {
  using PoolingLowering::PoolingLowering;

  LogicalResult
  matchAndRewrite(MaxPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inputType = getTensorType(adaptor.getInput());
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    WindowDim height =
        getWindowDim(inputType, resultType, op.getKernel(), op.getStrides(),
                     op.getDilations(), op.getPadding(), 0);
    WindowDim width =
        getWindowDim(inputType, resultType, op.getKernel(), op.getStrides(),
                     op.getDilations(), op.getPadding(), 1);

    double lowest = -std::numeric_limits<double>::infinity();
    Value input = padForPooling(
        rewriter, loc, toLayout(rewriter, loc, adaptor.getInput(), layout),
        layout, height, width, lowest);
    RankedTensorType poolType = getLayoutType(resultType, layout);
    Value init = createFilledTensor(rewriter, loc, poolType, lowest);
    Value window = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{height.kernel, width.kernel},
        elementType);
    DenseIntElementsAttr strides = rewriter.getI64TensorAttr(op.getStrides());
    DenseIntElementsAttr dilations =
        rewriter.getI64TensorAttr(op.getDilations());
    Value result;
    if (layout == ActivationLayout::NHWC)
      result =
          linalg::PoolingNhwcMaxOp::create(rewriter, loc, TypeRange{poolType},
                                           ValueRange{input, window},
                                           ValueRange{init}, strides, dilations)
              .getResult(0);
    else
      result =
          linalg::PoolingNchwMaxOp::create(rewriter, loc, TypeRange{poolType},
                                           ValueRange{input, window},
                                           ValueRange{init}, strides, dilations)
              .getResult(0);
    rewriter.replaceOp(op, fromLayout(rewriter, loc, result, layout));
    return success();
  }
};

/// Returns the divisor of each output position along one dimension of
/// average pooling. Window o covers [o * stride - padBefore, + kernel). With
/// `countIncludePad`, the divisor counts the window's elements up to the end
/// of the explicit padding, so the elements that only ceil_mode adds do not
/// count. This is PyTorch's rule, with the end padding in place of its
/// symmetric padding. Without `countIncludePad`, the divisor counts the
/// elements inside the input.
SmallVector<int64_t> getWindowCounts(const WindowDim &dim,
                                     bool countIncludePad) {
  SmallVector<int64_t> counts;
  for (int64_t o = 0; o < dim.outputSize; ++o) {
    int64_t begin = o * dim.stride - dim.padBefore;
    int64_t end = std::min(begin + dim.kernel, dim.inputSize + dim.padAfter);
    if (!countIncludePad) {
      begin = std::max<int64_t>(begin, 0);
      end = std::min(end, dim.inputSize);
    }
    // The verifier keeps the padding smaller than the kernel, and ceil_mode
    // drops a window that would start after the input, so every window
    // holds at least one input element.
    assert(end > begin && "average pooling window without input elements");
    counts.push_back(end - begin);
  }
  return counts;
}

/// Creates a 1-D arith.constant tensor of the float type `elementType`.
Value createVectorConstant(OpBuilder &builder, Location loc, Type elementType,
                           ArrayRef<int64_t> values) {
  auto type =
      RankedTensorType::get({static_cast<int64_t>(values.size())}, elementType);
  SmallVector<Attribute> elements;
  for (int64_t value : values)
    elements.push_back(
        builder.getFloatAttr(elementType, static_cast<double>(value)));
  return arith::ConstantOp::create(builder, loc,
                                   DenseElementsAttr::get(type, elements));
}

/// Lowers average pooling to linalg.pooling_nchw_sum on the zero-padded
/// input, then a linalg.generic that divides each sum by its window's
/// divisor. The divisor of output (oh, ow) is count_h[oh] * count_w[ow]
/// (see getWindowCounts). When all windows share one divisor, as for
/// count_include_pad without ceil_mode overhang or for no padding at all,
/// the generic divides by a scalar constant:
///
/// ```mlir
/// %s = linalg.pooling_nchw_sum ins(%p, %window) outs(%zeros)
/// %y = linalg.generic ins(%s) outs(%empty) { divf %sum, 9.0 }
/// ```
///
/// otherwise it reads count_h and count_w from two 1-D constants through the
/// maps (n, c, h, w) -> (h) and (n, c, h, w) -> (w). With the NHWC layout,
/// linalg.pooling_nhwc_sum and the division compute on the input transposed
/// to NHWC, with the maps (n, h, w, c) -> (h) and (n, h, w, c) -> (w), and
/// the result is transposed back.
struct AvgPool2DLowering : PoolingLowering<AvgPool2DOp> {
  using PoolingLowering::PoolingLowering;

  LogicalResult
  matchAndRewrite(AvgPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inputType = getTensorType(adaptor.getInput());
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    SmallVector<int64_t, 2> dilations = {1, 1};
    WindowDim height =
        getWindowDim(inputType, resultType, op.getKernel(), op.getStrides(),
                     dilations, op.getPadding(), 0);
    WindowDim width =
        getWindowDim(inputType, resultType, op.getKernel(), op.getStrides(),
                     dilations, op.getPadding(), 1);

    Value input = padForPooling(
        rewriter, loc, toLayout(rewriter, loc, adaptor.getInput(), layout),
        layout, height, width, 0.0);
    RankedTensorType poolType = getLayoutType(resultType, layout);
    Value init = createFilledTensor(rewriter, loc, poolType, 0.0);
    Value window = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{height.kernel, width.kernel},
        elementType);
    DenseIntElementsAttr strideAttr =
        rewriter.getI64TensorAttr(op.getStrides());
    DenseIntElementsAttr dilationAttr = rewriter.getI64TensorAttr(dilations);
    Value sum;
    if (layout == ActivationLayout::NHWC)
      sum = linalg::PoolingNhwcSumOp::create(
                rewriter, loc, TypeRange{poolType}, ValueRange{input, window},
                ValueRange{init}, strideAttr, dilationAttr)
                .getResult(0);
    else
      sum = linalg::PoolingNchwSumOp::create(
                rewriter, loc, TypeRange{poolType}, ValueRange{input, window},
                ValueRange{init}, strideAttr, dilationAttr)
                .getResult(0);

    bool countIncludePad = op.getCountIncludePad();
    SmallVector<int64_t> heightCounts =
        getWindowCounts(height, countIncludePad);
    SmallVector<int64_t> widthCounts = getWindowCounts(width, countIncludePad);
    AffineMap identity = rewriter.getMultiDimIdentityMap(4);
    Value empty = tensor::EmptyOp::create(rewriter, loc, poolType.getShape(),
                                          elementType);
    unsigned heightDim = layout == ActivationLayout::NHWC ? 1 : 2;

    linalg::GenericOp divide;
    if (llvm::all_equal(heightCounts) && llvm::all_equal(widthCounts)) {
      Value divisor = createFloatConstant(
          rewriter, loc, elementType,
          static_cast<double>(heightCounts.front() * widthCounts.front()));
      divide = linalg::GenericOp::create(
          rewriter, loc, TypeRange{poolType}, ValueRange{sum},
          ValueRange{empty}, ArrayRef<AffineMap>{identity, identity},
          getParallelIterators(4),
          [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
            Value mean =
                arith::DivFOp::create(builder, bodyLoc, args[0], divisor);
            linalg::YieldOp::create(builder, bodyLoc, mean);
          });
    } else {
      Value heightDivisors =
          createVectorConstant(rewriter, loc, elementType, heightCounts);
      Value widthDivisors =
          createVectorConstant(rewriter, loc, elementType, widthCounts);
      AffineMap heightMap =
          AffineMap::get(4, 0, rewriter.getAffineDimExpr(heightDim));
      AffineMap widthMap =
          AffineMap::get(4, 0, rewriter.getAffineDimExpr(heightDim + 1));
      divide = linalg::GenericOp::create(
          rewriter, loc, TypeRange{poolType},
          ValueRange{sum, heightDivisors, widthDivisors}, ValueRange{empty},
          ArrayRef<AffineMap>{identity, heightMap, widthMap, identity},
          getParallelIterators(4),
          [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
            Value divisor =
                arith::MulFOp::create(builder, bodyLoc, args[1], args[2]);
            Value mean =
                arith::DivFOp::create(builder, bodyLoc, args[0], divisor);
            linalg::YieldOp::create(builder, bodyLoc, mean);
          });
    }
    rewriter.replaceOp(op,
                       fromLayout(rewriter, loc, divide.getResult(0), layout));
    return success();
  }
};

/// Lowers global average pooling to a linalg.reduce of the sum over H and W,
/// a linalg.generic dividing by H * W, and a tensor.expand_shape from
/// N x C to N x C x 1 x 1. With the NHWC layout, the sum is instead a
/// linalg.pooling_nhwc_sum over the whole plane of the input transposed to
/// NHWC, into N x 1 x 1 x C. nas-tile-and-vectorize then computes it like
/// any pooling, a vector of channels at a time, with the division fused.
/// The N x 1 x 1 x C mean collapses to N x C, the same in both layouts.
struct GlobalAvgPool2DLowering : PoolingLowering<GlobalAvgPool2DOp> {
  using PoolingLowering::PoolingLowering;

  LogicalResult
  matchAndRewrite(GlobalAvgPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inputType = getTensorType(adaptor.getInput());
    Type elementType = inputType.getElementType();
    auto planeType = RankedTensorType::get(
        {inputType.getDimSize(0), inputType.getDimSize(1)}, elementType);

    int64_t height = inputType.getDimSize(2);
    int64_t width = inputType.getDimSize(3);
    Value input = toLayout(rewriter, loc, adaptor.getInput(), layout);
    // The sum is N x C, or N x 1 x 1 x C in NHWC.
    RankedTensorType sumType = planeType;
    Value sum;
    if (layout == ActivationLayout::NHWC) {
      sumType = RankedTensorType::get(
          {planeType.getDimSize(0), 1, 1, planeType.getDimSize(1)},
          elementType);
      Value init = createFilledTensor(rewriter, loc, sumType, 0.0);
      Value window = tensor::EmptyOp::create(
          rewriter, loc, ArrayRef<int64_t>{height, width}, elementType);
      SmallVector<int64_t, 2> ones = {1, 1};
      sum = linalg::PoolingNhwcSumOp::create(
                rewriter, loc, TypeRange{sumType}, ValueRange{input, window},
                ValueRange{init}, rewriter.getI64TensorAttr(ones),
                rewriter.getI64TensorAttr(ones))
                .getResult(0);
    } else {
      Value init = createFilledTensor(rewriter, loc, planeType, 0.0);
      sum = linalg::ReduceOp::create(
                rewriter, loc, ValueRange{input}, ValueRange{init},
                ArrayRef<int64_t>{2, 3},
                [](OpBuilder &builder, Location bodyLoc, ValueRange args) {
                  Value total =
                      arith::AddFOp::create(builder, bodyLoc, args[0], args[1]);
                  linalg::YieldOp::create(builder, bodyLoc, total);
                })
                .getResult(0);
    }

    Value count = createFloatConstant(rewriter, loc, elementType,
                                      static_cast<double>(height * width));
    Value empty =
        tensor::EmptyOp::create(rewriter, loc, sumType.getShape(), elementType);
    AffineMap identity = rewriter.getMultiDimIdentityMap(sumType.getRank());
    Value mean =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{sumType}, ValueRange{sum},
            ValueRange{empty}, ArrayRef<AffineMap>{identity, identity},
            getParallelIterators(sumType.getRank()),
            [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
              Value quotient =
                  arith::DivFOp::create(builder, bodyLoc, args[0], count);
              linalg::YieldOp::create(builder, bodyLoc, quotient);
            })
            .getResult(0);
    if (sumType != planeType)
      mean = createReshape(rewriter, loc, mean, planeType);
    rewriter.replaceOp(op, createReshape(rewriter, loc, mean, op.getType()));
    return success();
  }
};

} // namespace

void nas::nas_to_linalg::populatePoolingPatterns(RewritePatternSet &patterns,
                                                 ActivationLayout layout) {
  patterns.add<MaxPool2DLowering, AvgPool2DLowering, GlobalAvgPool2DLowering>(
      patterns.getContext(), layout);
}
