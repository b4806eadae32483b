//===- NasOps.cpp - nas op verifiers and shape rules ----------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace nas;

//===----------------------------------------------------------------------===//
// Shape rules
//===----------------------------------------------------------------------===//

std::optional<int64_t> nas::slidingWindowOutputSize(
    int64_t inputSize, int64_t kernel, int64_t stride, int64_t padBefore,
    int64_t padAfter, int64_t dilation, bool ceilMode) {
  if (ShapedType::isDynamic(inputSize))
    return ShapedType::kDynamic;
  int64_t span = inputSize + padBefore + padAfter - dilation * (kernel - 1) - 1;
  if (span < 0)
    return std::nullopt;
  int64_t size = span / stride + 1;
  if (ceilMode && span % stride != 0) {
    ++size;
    // The last window must start inside the input or the leading padding.
    if ((size - 1) * stride >= inputSize + padBefore)
      --size;
  }
  return size;
}

std::optional<SmallVector<int64_t, 4>>
nas::inferConv2DShape(ArrayRef<int64_t> inputShape,
                      ArrayRef<int64_t> weightShape, ArrayRef<int64_t> strides,
                      ArrayRef<int64_t> padding, ArrayRef<int64_t> dilations) {
  if (inputShape.size() != 4 || weightShape.size() != 4 ||
      strides.size() != 2 || padding.size() != 4 || dilations.size() != 2)
    return std::nullopt;
  SmallVector<int64_t, 4> shape = {inputShape[0], weightShape[0]};
  for (int i = 0; i < 2; ++i) {
    if (ShapedType::isDynamic(weightShape[2 + i])) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    std::optional<int64_t> size = slidingWindowOutputSize(
        inputShape[2 + i], weightShape[2 + i], strides[i], padding[i],
        padding[i + 2], dilations[i]);
    if (!size)
      return std::nullopt;
    shape.push_back(*size);
  }
  return shape;
}

std::optional<SmallVector<int64_t>>
nas::broadcastShapes(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> shape(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l == 1) {
      shape[i] = r;
    } else if (r == 1) {
      shape[i] = l;
    } else if (ShapedType::isDynamic(l) || ShapedType::isDynamic(r)) {
      shape[i] = ShapedType::isDynamic(l) ? r : l;
    } else if (l == r) {
      shape[i] = l;
    } else {
      return std::nullopt;
    }
  }
  return shape;
}

//===----------------------------------------------------------------------===//
// Verifier helpers
//===----------------------------------------------------------------------===//

namespace {

std::string shapeToString(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (ShapedType::isDynamic(dim))
          os << '?';
        else
          os << dim;
      },
      "x");
  return text;
}

RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Checks that `value` has the rank of `expected` and that each static
/// dimension of both matches. kDynamic in `expected` matches any size.
LogicalResult checkShape(Operation *op, StringRef name, Value value,
                         ArrayRef<int64_t> expected) {
  RankedTensorType type = tensorType(value);
  bool matches = type.getRank() == static_cast<int64_t>(expected.size());
  for (auto [actual, want] : llvm::zip(type.getShape(), expected))
    if (!ShapedType::isDynamic(actual) && !ShapedType::isDynamic(want) &&
        actual != want)
      matches = false;
  if (matches)
    return success();
  return op->emitOpError() << "expected " << name << " of shape "
                           << shapeToString(expected) << ", got " << type;
}

/// Checks the result against the shape inferred from the operands. A
/// dynamic inferred size accepts any result size; a static one must match
/// exactly, so a dynamic result size with static operands is rejected.
LogicalResult checkResultShape(Operation *op, ArrayRef<int64_t> inferred) {
  RankedTensorType result = tensorType(op->getResult(0));
  bool matches = result.getRank() == static_cast<int64_t>(inferred.size());
  for (auto [actual, want] : llvm::zip(result.getShape(), inferred))
    if (!ShapedType::isDynamic(want) && actual != want)
      matches = false;
  if (matches)
    return success();
  return op->emitOpError() << "expected result of shape "
                           << shapeToString(inferred)
                           << " (inferred from the operands), got " << result;
}

/// Checks that every operand and result has the element type of operand 0.
LogicalResult checkElementTypes(Operation *op) {
  Type expected = tensorType(op->getOperand(0)).getElementType();
  for (OpOperand &operand : op->getOpOperands()) {
    Type actual = tensorType(operand.get()).getElementType();
    if (actual != expected)
      return op->emitOpError()
             << "expected operand #" << operand.getOperandNumber()
             << " to have element type " << expected << ", got " << actual;
  }
  Type resultType = tensorType(op->getResult(0)).getElementType();
  if (resultType != expected)
    return op->emitOpError() << "expected result element type " << expected
                             << ", got " << resultType;
  return success();
}

LogicalResult checkRank(Operation *op, StringRef name, Value value,
                        int64_t rank) {
  RankedTensorType type = tensorType(value);
  if (type.getRank() == rank)
    return success();
  return op->emitOpError() << "expected " << name << " of rank " << rank
                           << ", got " << type;
}

/// Checks an array attribute's length and that each value is >= minValue.
LogicalResult checkArray(Operation *op, StringRef name,
                         ArrayRef<int64_t> values, size_t size,
                         int64_t minValue) {
  if (values.size() != size)
    return op->emitOpError() << "expected " << name << " to have " << size
                             << " values, got " << values.size();
  for (int64_t value : values)
    if (value < minValue)
      return op->emitOpError()
             << "expected all " << name << " values to be >= " << minValue
             << ", got [" << llvm::make_range(values.begin(), values.end())
             << "]";
  return success();
}

/// Checks the window attributes shared by convolution and pooling.
LogicalResult checkWindow(Operation *op, ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> padding,
                          ArrayRef<int64_t> dilations) {
  if (failed(checkArray(op, "strides", strides, 2, 1)) ||
      failed(checkArray(op, "padding", padding, 4, 0)) ||
      failed(checkArray(op, "dilations", dilations, 2, 1)))
    return failure();
  return success();
}

/// Returns the pooled NCHW shape, or emits an error if a window does not fit.
FailureOr<SmallVector<int64_t, 4>>
inferPoolShape(Operation *op, RankedTensorType input, ArrayRef<int64_t> kernel,
               ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
               ArrayRef<int64_t> dilations, bool ceilMode) {
  SmallVector<int64_t, 4> shape = {input.getDimSize(0), input.getDimSize(1)};
  for (int i = 0; i < 2; ++i) {
    if (padding[i] >= kernel[i] || padding[i + 2] >= kernel[i])
      return op->emitOpError()
             << "expected padding smaller than the kernel, got padding ["
             << llvm::make_range(padding.begin(), padding.end())
             << "] for kernel ["
             << llvm::make_range(kernel.begin(), kernel.end()) << "]";
    std::optional<int64_t> size = slidingWindowOutputSize(
        input.getDimSize(2 + i), kernel[i], strides[i], padding[i],
        padding[i + 2], dilations[i], ceilMode);
    if (!size)
      return op->emitOpError()
             << "window of kernel " << kernel[i] << " and dilation "
             << dilations[i] << " does not fit input " << (i ? "width " : "height ")
             << input.getDimSize(2 + i) << " with padding " << padding[i]
             << " and " << padding[i + 2];
    shape.push_back(*size);
  }
  return shape;
}

/// Returns the static value of a dimension, or kDynamic.
int64_t dim(Value value, unsigned index) {
  return tensorType(value).getDimSize(index);
}

/// Returns a / b, or kDynamic if a is dynamic.
int64_t divideDim(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) ? ShapedType::kDynamic : a / b;
}

/// Returns a * b, or kDynamic if a is dynamic.
int64_t multiplyDim(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) ? ShapedType::kDynamic : a * b;
}

} // namespace

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "weight", getWeight(), 2)))
    return failure();
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 1)
    return emitOpError() << "expected input of rank >= 1, got " << input;
  int64_t inFeatures = input.getShape().back();
  int64_t outFeatures = dim(getWeight(), 0);
  if (failed(checkShape(*this, "weight", getWeight(),
                        {outFeatures, inFeatures})))
    return failure();
  if (getBias() &&
      failed(checkShape(*this, "bias", getBias(), {outFeatures})))
    return failure();
  SmallVector<int64_t> shape(input.getShape().drop_back());
  shape.push_back(outFeatures);
  return checkResultShape(*this, shape);
}

//===----------------------------------------------------------------------===//
// Conv2DOp
//===----------------------------------------------------------------------===//

bool Conv2DOp::isDepthwise() {
  int64_t channels = dim(getInput(), 1);
  return getGroups() > 1 && static_cast<int64_t>(getGroups()) == channels;
}

bool Conv2DOp::isPointwise() {
  return getGroups() == 1 && dim(getWeight(), 2) == 1 &&
         dim(getWeight(), 3) == 1;
}

LogicalResult Conv2DOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "weight", getWeight(), 4)) ||
      failed(checkWindow(*this, getStrides(), getPadding(), getDilations())))
    return failure();
  int64_t groups = getGroups();
  if (groups < 1)
    return emitOpError() << "expected groups >= 1, got " << groups;
  int64_t channels = dim(getInput(), 1);
  int64_t filters = dim(getWeight(), 0);
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return emitOpError() << "expected input channels " << channels
                         << " to be divisible by groups " << groups;
  if (!ShapedType::isDynamic(filters) && filters % groups != 0)
    return emitOpError() << "expected output channels " << filters
                         << " (weight dimension 0) to be divisible by groups "
                         << groups;
  int64_t groupChannels = divideDim(channels, groups);
  int64_t weightChannels = dim(getWeight(), 1);
  if (!ShapedType::isDynamic(groupChannels) &&
      !ShapedType::isDynamic(weightChannels) &&
      groupChannels != weightChannels)
    return emitOpError() << "expected weight dimension 1 to be "
                         << groupChannels << " (input channels " << channels
                         << " / groups " << groups << "), got "
                         << weightChannels;
  if (getBias() && failed(checkShape(*this, "bias", getBias(), {filters})))
    return failure();
  std::optional<SmallVector<int64_t, 4>> shape =
      inferConv2DShape(getInput().getType().getShape(),
                       getWeight().getType().getShape(), getStrides(),
                       getPadding(), getDilations());
  if (!shape)
    return emitOpError() << "kernel " << dim(getWeight(), 2) << "x"
                         << dim(getWeight(), 3) << " with dilations ["
                         << llvm::make_range(getDilations().begin(),
                                             getDilations().end())
                         << "] does not fit the padded input "
                         << getInput().getType();
  return checkResultShape(*this, *shape);
}

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 2)
    return emitOpError() << "expected input of rank >= 2, got " << input;
  int64_t channels = input.getDimSize(1);
  if (failed(checkShape(*this, "scale", getScale(), {channels})) ||
      failed(checkShape(*this, "bias", getBias(), {channels})) ||
      failed(checkShape(*this, "mean", getMean(), {channels})) ||
      failed(checkShape(*this, "variance", getVariance(), {channels})))
    return failure();
  if (getEpsilon().convertToDouble() < 0)
    return emitOpError() << "expected epsilon >= 0, got "
                         << getEpsilon().convertToDouble();
  return checkResultShape(*this, input.getShape());
}

LogicalResult ReluOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  return checkResultShape(*this, getInput().getType().getShape());
}

LogicalResult ClipOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  double min = getMin().convertToDouble();
  double max = getMax().convertToDouble();
  if (!(min <= max))
    return emitOpError() << "expected min <= max, got min " << min
                         << " and max " << max;
  return checkResultShape(*this, getInput().getType().getShape());
}

LogicalResult AddOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  std::optional<SmallVector<int64_t>> shape = broadcastShapes(
      getLhs().getType().getShape(), getRhs().getType().getShape());
  if (!shape)
    return emitOpError() << "operands " << getLhs().getType() << " and "
                         << getRhs().getType()
                         << " are not broadcast-compatible";
  return checkResultShape(*this, *shape);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

LogicalResult MaxPool2DOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkArray(*this, "kernel", getKernel(), 2, 1)) ||
      failed(checkWindow(*this, getStrides(), getPadding(), getDilations())))
    return failure();
  FailureOr<SmallVector<int64_t, 4>> shape =
      inferPoolShape(*this, getInput().getType(), getKernel(), getStrides(),
                     getPadding(), getDilations(), getCeilMode());
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

LogicalResult AvgPool2DOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkArray(*this, "kernel", getKernel(), 2, 1)) ||
      failed(checkWindow(*this, getStrides(), getPadding(), {1, 1})))
    return failure();
  FailureOr<SmallVector<int64_t, 4>> shape =
      inferPoolShape(*this, getInput().getType(), getKernel(), getStrides(),
                     getPadding(), {1, 1}, getCeilMode());
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

LogicalResult GlobalAvgPool2DOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)))
    return failure();
  return checkResultShape(*this,
                          {dim(getInput(), 0), dim(getInput(), 1), 1, 1});
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  ArrayRef<int64_t> shape = getInput().getType().getShape();
  int64_t axis = getAxis();
  if (axis < 0 || axis > static_cast<int64_t>(shape.size()))
    return emitOpError() << "expected axis in [0, " << shape.size()
                         << "], got " << axis;
  int64_t outer = 1, inner = 1;
  for (auto [index, size] : llvm::enumerate(shape)) {
    int64_t &product = static_cast<int64_t>(index) < axis ? outer : inner;
    product = ShapedType::isDynamic(size) || ShapedType::isDynamic(product)
                  ? ShapedType::kDynamic
                  : product * size;
  }
  return checkResultShape(*this, {outer, inner});
}

LogicalResult ReshapeOp::verify() {
  if (failed(checkElementTypes(*this)))
    return failure();
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (!input.hasStaticShape() || !output.hasStaticShape())
    return emitOpError() << "expected static shapes, got " << input << " -> "
                         << output;
  if (input.getNumElements() != output.getNumElements())
    return emitOpError() << "expected result with " << input.getNumElements()
                         << " elements like the input, got " << output;
  return success();
}

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

LogicalResult BottleneckOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "reduce_weight", getReduceWeight(), 4)) ||
      failed(checkRank(*this, "expand_weight", getExpandWeight(), 4)))
    return failure();
  int64_t stride = getStride();
  int64_t groups = getGroups();
  if (stride < 1)
    return emitOpError() << "expected stride >= 1, got " << stride;
  if (groups < 1)
    return emitOpError() << "expected groups >= 1, got " << groups;
  int64_t channels = dim(getInput(), 1);
  int64_t width = dim(getReduceWeight(), 0);
  int64_t outChannels = dim(getExpandWeight(), 0);
  if (!ShapedType::isDynamic(width) && width % groups != 0)
    return emitOpError() << "expected bottleneck width " << width
                         << " (reduce_weight dimension 0) to be divisible by "
                            "groups "
                         << groups;
  if (failed(checkShape(*this, "reduce_weight", getReduceWeight(),
                        {width, channels, 1, 1})) ||
      failed(checkShape(*this, "reduce_bias", getReduceBias(), {width})) ||
      failed(checkShape(*this, "conv_weight", getConvWeight(),
                        {width, divideDim(width, groups), 3, 3})) ||
      failed(checkShape(*this, "conv_bias", getConvBias(), {width})) ||
      failed(checkShape(*this, "expand_weight", getExpandWeight(),
                        {outChannels, width, 1, 1})) ||
      failed(checkShape(*this, "expand_bias", getExpandBias(),
                        {outChannels})))
    return failure();
  if (getProjectionWeight()) {
    if (!getProjectionBias())
      return emitOpError() << "expected projection_bias with "
                              "projection_weight";
    if (failed(checkShape(*this, "projection_weight", getProjectionWeight(),
                          {outChannels, channels, 1, 1})) ||
        failed(checkShape(*this, "projection_bias", getProjectionBias(),
                          {outChannels})))
      return failure();
  } else if (stride != 1 || channels != outChannels) {
    return emitOpError() << "expected a projection shortcut: the block has "
                            "stride "
                         << stride << " and maps " << channels << " to "
                         << outChannels << " channels";
  }
  std::optional<SmallVector<int64_t, 4>> shape = inferConv2DShape(
      getInput().getType().getShape(), {outChannels, channels, 3, 3},
      {stride, stride}, {1, 1, 1, 1}, {1, 1});
  if (!shape)
    return emitOpError() << "input " << getInput().getType()
                         << " is too small for a 3x3 convolution";
  return checkResultShape(*this, *shape);
}

bool InvertedResidualOp::hasResidual() {
  int64_t channels = dim(getInput(), 1);
  return getStride() == 1 && !ShapedType::isDynamic(channels) &&
         channels == dim(getProjectWeight(), 0);
}

LogicalResult InvertedResidualOp::verify() {
  if (failed(checkElementTypes(*this)) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "project_weight", getProjectWeight(), 4)))
    return failure();
  int64_t ratio = getExpandRatio();
  int64_t kernel = getKernelSize();
  int64_t stride = getStride();
  if (ratio < 1)
    return emitOpError() << "expected expand_ratio >= 1, got " << ratio;
  if (kernel < 1 || kernel % 2 == 0)
    return emitOpError() << "expected an odd kernel_size >= 1, got "
                         << kernel;
  if (stride < 1)
    return emitOpError() << "expected stride >= 1, got " << stride;
  int64_t channels = dim(getInput(), 1);
  int64_t hidden = multiplyDim(channels, ratio);
  int64_t outChannels = dim(getProjectWeight(), 0);
  bool hasExpansion = static_cast<bool>(getExpandWeight());
  if (hasExpansion != (ratio != 1))
    return emitOpError() << "expected expansion weights exactly when "
                            "expand_ratio != 1, got expand_ratio "
                         << ratio << (hasExpansion ? " with" : " without")
                         << " expansion weights";
  if (hasExpansion &&
      (failed(checkShape(*this, "expand_weight", getExpandWeight(),
                         {hidden, channels, 1, 1})) ||
       failed(checkShape(*this, "expand_bias", getExpandBias(), {hidden}))))
    return failure();
  if (failed(checkShape(*this, "depthwise_weight", getDepthwiseWeight(),
                        {hidden, 1, kernel, kernel})) ||
      failed(checkShape(*this, "depthwise_bias", getDepthwiseBias(),
                        {hidden})) ||
      failed(checkShape(*this, "project_weight", getProjectWeight(),
                        {outChannels, hidden, 1, 1})) ||
      failed(checkShape(*this, "project_bias", getProjectBias(),
                        {outChannels})))
    return failure();
  int64_t pad = (kernel - 1) / 2;
  std::optional<SmallVector<int64_t, 4>> shape = inferConv2DShape(
      getInput().getType().getShape(), {outChannels, 1, kernel, kernel},
      {stride, stride}, {pad, pad, pad, pad}, {1, 1});
  if (!shape)
    return emitOpError() << "input " << getInput().getType()
                         << " is too small for a " << kernel << "x" << kernel
                         << " depthwise convolution";
  return checkResultShape(*this, *shape);
}

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/IR/NasOps.cpp.inc"
