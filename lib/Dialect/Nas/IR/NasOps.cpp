//===- NasOps.cpp - nas op verifiers and shape rules ----------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The verifiers reject only what is provably inconsistent: a dynamic size
// (`?`) matches any size, except where it would leave the meaning of an op
// undecided (the shortcut of a block). A result size must be static wherever
// the operands determine it. Sizes are int64_t, and every sum or product of
// sizes is checked for overflow before it is used.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace nas;

//===----------------------------------------------------------------------===//
// Shape rules
//===----------------------------------------------------------------------===//

std::optional<int64_t>
nas::slidingWindowOutputSize(int64_t inputSize, int64_t kernel, int64_t stride,
                             int64_t padBefore, int64_t padAfter,
                             int64_t dilation, bool ceilMode) {
  if (kernel < 1 || stride < 1 || dilation < 1 || padBefore < 0 || padAfter < 0)
    return std::nullopt;
  if (ShapedType::isDynamic(inputSize))
    return ShapedType::kDynamic;
  if (inputSize < 0)
    return std::nullopt;
  std::optional<int64_t> leading = llvm::checkedAdd(inputSize, padBefore);
  std::optional<int64_t> padded =
      leading ? llvm::checkedAdd(*leading, padAfter) : std::nullopt;
  std::optional<int64_t> reach = llvm::checkedMul(dilation, kernel - 1);
  if (!padded || !reach || *reach >= *padded)
    return std::nullopt;
  // The last window may start at most `span` elements after the first.
  int64_t span = *padded - *reach - 1;
  int64_t size = span / stride + 1;
  if (!ceilMode)
    return size;
  if (span % stride != 0)
    ++size;
  // Drop a last window that would start in the trailing padding. A start
  // that overflows lies beyond the input too.
  std::optional<int64_t> lastStart = llvm::checkedMul(size - 1, stride);
  if (!lastStart || *lastStart >= *leading)
    --size;
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
      // A dynamic size must equal the other size or be 1 at run time, and
      // in both cases the result has the other size.
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

/// A value checked by a verifier, with the name that diagnostics use for it.
/// `value` is null for an absent optional operand.
struct NamedValue {
  StringRef name;
  Value value;
};

/// Prints a shape like a tensor type does: "1x?x8".
std::string shapeToString(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t size) {
        if (ShapedType::isDynamic(size))
          os << '?';
        else
          os << size;
      },
      "x");
  return text;
}

/// Prints a size, or "?" if it is dynamic.
std::string sizeToString(int64_t size) {
  return ShapedType::isDynamic(size) ? "?" : std::to_string(size);
}

RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Returns the size of dimension `index` of `value`, or kDynamic.
int64_t dim(Value value, unsigned index) {
  return tensorType(value).getDimSize(index);
}

/// Returns a / b, or kDynamic if a is dynamic.
int64_t divideDim(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) ? ShapedType::kDynamic : a / b;
}

/// Checks that every present value has the element type of the first one.
LogicalResult checkElementTypes(Operation *op, ArrayRef<NamedValue> values) {
  const NamedValue &first = values.front();
  Type expected = tensorType(first.value).getElementType();
  for (const NamedValue &named : values.drop_front()) {
    if (!named.value)
      continue;
    Type actual = tensorType(named.value).getElementType();
    if (actual != expected)
      return op->emitOpError()
             << "expected " << named.name << " to have element type "
             << expected << " like " << first.name << ", got " << actual;
  }
  return success();
}

/// Checks that `value` has rank `rank`.
LogicalResult checkRank(Operation *op, StringRef name, Value value,
                        int64_t rank) {
  RankedTensorType type = tensorType(value);
  if (type.getRank() == rank)
    return success();
  return op->emitOpError() << "expected " << name << " of rank " << rank
                           << ", got " << type;
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
             << ", got [" << values << "]";
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

/// Returns the output size of a sliding window along spatial dimension
/// `axis` (0 for the height, 1 for the width), or emits an error that
/// explains why the window does not fit. The attributes must have passed
/// checkWindow.
FailureOr<int64_t> inferWindowSize(Operation *op, unsigned axis,
                                   int64_t inputSize, int64_t kernel,
                                   int64_t stride, int64_t padBefore,
                                   int64_t padAfter, int64_t dilation,
                                   bool ceilMode = false) {
  if (ShapedType::isDynamic(inputSize) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  StringRef axisName = axis == 0 ? "height" : "width";
  std::optional<int64_t> padded = llvm::checkedAdd(inputSize, padBefore);
  if (padded)
    padded = llvm::checkedAdd(*padded, padAfter);
  if (!padded)
    return op->emitOpError()
           << "expected the padded input " << axisName << " (" << inputSize
           << " + " << padBefore << " + " << padAfter << ") to fit in 64 bits";
  std::optional<int64_t> extent =
      llvm::checkedMulAdd(dilation, kernel - 1, int64_t(1));
  if (!extent)
    return op->emitOpError() << "expected the dilated kernel " << axisName
                             << " (dilation " << dilation << " * (kernel "
                             << kernel << " - 1) + 1) to fit in 64 bits";
  std::optional<int64_t> size = slidingWindowOutputSize(
      inputSize, kernel, stride, padBefore, padAfter, dilation, ceilMode);
  if (!size)
    return op->emitOpError()
           << "expected the dilated kernel " << axisName << " " << *extent
           << " (kernel " << kernel << ", dilation " << dilation
           << ") to be at most the padded input " << axisName << " " << *padded
           << " (input " << inputSize << ", padding " << padBefore << " and "
           << padAfter << ")";
  return *size;
}

/// Returns the NCHW result shape of a window op: the batch and channels of
/// `input` (or `channels` if given), then the window output sizes.
FailureOr<SmallVector<int64_t, 4>>
inferWindowShape(Operation *op, RankedTensorType input, int64_t channels,
                 ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                 ArrayRef<int64_t> padding, ArrayRef<int64_t> dilations,
                 bool ceilMode) {
  SmallVector<int64_t, 4> shape = {input.getDimSize(0), channels};
  for (unsigned axis = 0; axis < 2; ++axis) {
    FailureOr<int64_t> size = inferWindowSize(
        op, axis, input.getDimSize(2 + axis), kernel[axis], strides[axis],
        padding[axis], padding[axis + 2], dilations[axis], ceilMode);
    if (failed(size))
      return failure();
    shape.push_back(*size);
  }
  return shape;
}

/// Checks that the height and width of an NCHW input are not 0, because a
/// pooling window over no element has no defined value.
LogicalResult checkNonEmptyPlane(Operation *op, RankedTensorType type) {
  if (type.getDimSize(2) != 0 && type.getDimSize(3) != 0)
    return success();
  return op->emitOpError() << "expected an input with non-zero height and "
                              "width, got "
                           << type;
}

/// Verifies a pooling op and returns its result shape. Each padding must be
/// smaller than the kernel, as ONNX Runtime requires.
FailureOr<SmallVector<int64_t, 4>>
verifyPool(Operation *op, Value input, ArrayRef<int64_t> kernel,
           ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
           ArrayRef<int64_t> dilations, bool ceilMode) {
  if (failed(checkElementTypes(
          op, {{"input", input}, {"result", op->getResult(0)}})) ||
      failed(checkRank(op, "input", input, 4)) ||
      failed(checkArray(op, "kernel", kernel, 2, 1)) ||
      failed(checkWindow(op, strides, padding, dilations)))
    return failure();
  for (unsigned axis = 0; axis < 2; ++axis)
    if (padding[axis] >= kernel[axis] || padding[axis + 2] >= kernel[axis])
      return op->emitOpError()
             << "expected each padding to be smaller than the kernel, got "
                "padding ["
             << padding << "] for kernel [" << kernel << "]";
  RankedTensorType type = tensorType(input);
  if (failed(checkNonEmptyPlane(op, type)))
    return failure();
  return inferWindowShape(op, type, type.getDimSize(1), kernel, strides,
                          padding, dilations, ceilMode);
}

} // namespace

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::verify() {
  if (failed(checkElementTypes(*this, {{"input", getInput()},
                                       {"weight", getWeight()},
                                       {"bias", getBias()},
                                       {"result", getOutput()}})) ||
      failed(checkRank(*this, "weight", getWeight(), 2)))
    return failure();
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 1)
    return emitOpError() << "expected input of rank >= 1, got " << input;
  int64_t inFeatures = input.getShape().back();
  int64_t outFeatures = dim(getWeight(), 0);
  if (failed(
          checkShape(*this, "weight", getWeight(), {outFeatures, inFeatures})))
    return failure();
  if (getBias() && failed(checkShape(*this, "bias", getBias(), {outFeatures})))
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
  if (failed(checkElementTypes(*this, {{"input", getInput()},
                                       {"weight", getWeight()},
                                       {"bias", getBias()},
                                       {"result", getOutput()}})) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "weight", getWeight(), 4)) ||
      failed(checkWindow(*this, getStrides(), getPadding(), getDilations())))
    return failure();

  // groups is stored as a 64-bit pattern; read it as signed so that a
  // negative value is reported as such.
  int64_t groups = static_cast<int64_t>(getGroups());
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
      !ShapedType::isDynamic(weightChannels) && groupChannels != weightChannels)
    return emitOpError() << "expected weight dimension 1 to be "
                         << groupChannels << " (input channels " << channels
                         << " / groups " << groups << "), got "
                         << weightChannels;

  for (unsigned i = 2; i < 4; ++i)
    if (dim(getWeight(), i) == 0)
      return emitOpError() << "expected a kernel of at least 1x1, got weight "
                           << getWeight().getType();
  if (getBias() && failed(checkShape(*this, "bias", getBias(), {filters})))
    return failure();
  ArrayRef<int64_t> weightShape = getWeight().getType().getShape();
  FailureOr<SmallVector<int64_t, 4>> shape = inferWindowShape(
      *this, getInput().getType(), filters, weightShape.drop_front(2),
      getStrides(), getPadding(), getDilations(), /*ceilMode=*/false);
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::verify() {
  if (failed(checkElementTypes(*this, {{"input", getInput()},
                                       {"scale", getScale()},
                                       {"bias", getBias()},
                                       {"mean", getMean()},
                                       {"variance", getVariance()},
                                       {"result", getOutput()}})))
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
  double epsilon = getEpsilon().convertToDouble();
  // Written so that NaN fails too.
  if (!(epsilon >= 0))
    return emitOpError() << "expected epsilon >= 0, got " << epsilon;
  return checkResultShape(*this, input.getShape());
}

LogicalResult ReluOp::verify() {
  if (failed(checkElementTypes(
          *this, {{"input", getInput()}, {"result", getOutput()}})))
    return failure();
  return checkResultShape(*this, getInput().getType().getShape());
}

LogicalResult ClipOp::verify() {
  if (failed(checkElementTypes(
          *this, {{"input", getInput()}, {"result", getOutput()}})))
    return failure();
  double min = getMin().convertToDouble();
  double max = getMax().convertToDouble();
  // Written so that NaN fails too.
  if (!(min <= max))
    return emitOpError() << "expected min <= max, got min " << min
                         << " and max " << max;
  return checkResultShape(*this, getInput().getType().getShape());
}

LogicalResult AddOp::verify() {
  if (failed(checkElementTypes(
          *this,
          {{"lhs", getLhs()}, {"rhs", getRhs()}, {"result", getOutput()}})))
    return failure();
  std::optional<SmallVector<int64_t>> shape = broadcastShapes(
      getLhs().getType().getShape(), getRhs().getType().getShape());
  if (!shape)
    return emitOpError() << "expected broadcast-compatible operands (each "
                            "pair of trailing dimensions equal or 1), got "
                         << getLhs().getType() << " and " << getRhs().getType();
  return checkResultShape(*this, *shape);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

LogicalResult MaxPool2DOp::verify() {
  FailureOr<SmallVector<int64_t, 4>> shape =
      verifyPool(*this, getInput(), getKernel(), getStrides(), getPadding(),
                 getDilations(), getCeilMode());
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

LogicalResult AvgPool2DOp::verify() {
  FailureOr<SmallVector<int64_t, 4>> shape =
      verifyPool(*this, getInput(), getKernel(), getStrides(), getPadding(),
                 {1, 1}, getCeilMode());
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

LogicalResult GlobalAvgPool2DOp::verify() {
  if (failed(checkElementTypes(
          *this, {{"input", getInput()}, {"result", getOutput()}})) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkNonEmptyPlane(*this, getInput().getType())))
    return failure();
  return checkResultShape(*this,
                          {dim(getInput(), 0), dim(getInput(), 1), 1, 1});
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::verify() {
  if (failed(checkElementTypes(
          *this, {{"input", getInput()}, {"result", getOutput()}})))
    return failure();
  ArrayRef<int64_t> shape = getInput().getType().getShape();
  int64_t axis = getAxis();
  if (axis < 0 || axis > static_cast<int64_t>(shape.size()))
    return emitOpError() << "expected axis in [0, " << shape.size() << "], got "
                         << axis;
  // A product with a dynamic factor is dynamic, unless another factor is 0.
  SmallVector<int64_t, 2> products;
  for (ArrayRef<int64_t> part :
       {shape.take_front(axis), shape.drop_front(axis)}) {
    int64_t product = 1;
    bool dynamic = false;
    for (int64_t size : part) {
      if (ShapedType::isDynamic(size)) {
        dynamic = true;
        continue;
      }
      std::optional<int64_t> next = llvm::checkedMul(product, size);
      if (!next)
        return emitOpError() << "expected the flattened size of input "
                             << getInput().getType() << " to fit in 64 bits";
      product = *next;
    }
    products.push_back(dynamic && product != 0 ? ShapedType::kDynamic
                                               : product);
  }
  return checkResultShape(*this, products);
}

LogicalResult ReshapeOp::verify() {
  if (failed(checkElementTypes(
          *this, {{"input", getInput()}, {"result", getOutput()}})))
    return failure();
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (!input.hasStaticShape() || !output.hasStaticShape())
    return emitOpError() << "expected static shapes, got " << input << " -> "
                         << output;
  auto countElements = [](ArrayRef<int64_t> shape) -> std::optional<int64_t> {
    int64_t count = 1;
    for (int64_t size : shape) {
      std::optional<int64_t> next = llvm::checkedMul(count, size);
      if (!next)
        return std::nullopt;
      count = *next;
    }
    return count;
  };
  std::optional<int64_t> inputCount = countElements(input.getShape());
  std::optional<int64_t> outputCount = countElements(output.getShape());
  if (!inputCount)
    return emitOpError() << "expected the element count of input " << input
                         << " to fit in 64 bits";
  if (!outputCount)
    return emitOpError() << "expected the element count of result " << output
                         << " to fit in 64 bits";
  if (*inputCount != *outputCount)
    return emitOpError() << "expected result with " << *inputCount
                         << " elements like the input, got " << output;
  return success();
}

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

LogicalResult BottleneckOp::verify() {
  if (failed(checkElementTypes(*this,
                               {{"input", getInput()},
                                {"reduce_weight", getReduceWeight()},
                                {"reduce_bias", getReduceBias()},
                                {"conv_weight", getConvWeight()},
                                {"conv_bias", getConvBias()},
                                {"expand_weight", getExpandWeight()},
                                {"expand_bias", getExpandBias()},
                                {"projection_weight", getProjectionWeight()},
                                {"projection_bias", getProjectionBias()},
                                {"result", getOutput()}})) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "reduce_weight", getReduceWeight(), 4)) ||
      failed(checkRank(*this, "expand_weight", getExpandWeight(), 4)))
    return failure();
  int64_t stride = static_cast<int64_t>(getStride());
  int64_t groups = static_cast<int64_t>(getGroups());
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
      failed(checkShape(*this, "expand_bias", getExpandBias(), {outChannels})))
    return failure();
  if (static_cast<bool>(getProjectionWeight()) !=
      static_cast<bool>(getProjectionBias()))
    return emitOpError() << "expected projection_weight and projection_bias "
                            "together, got only "
                         << (getProjectionWeight() ? "projection_weight"
                                                   : "projection_bias");
  if (getProjectionWeight()) {
    if (failed(checkShape(*this, "projection_weight", getProjectionWeight(),
                          {outChannels, channels, 1, 1})) ||
        failed(checkShape(*this, "projection_bias", getProjectionBias(),
                          {outChannels})))
      return failure();
  } else if (stride != 1 || ShapedType::isDynamic(channels) ||
             ShapedType::isDynamic(outChannels) || channels != outChannels) {
    // The identity shortcut adds the input to the result, so both must have
    // the same, known number of channels and the same spatial size.
    return emitOpError() << "expected a projection shortcut, because the "
                            "identity shortcut needs stride 1 and equal "
                            "static channel counts, got stride "
                         << stride << " and " << sizeToString(channels)
                         << " -> " << sizeToString(outChannels) << " channels";
  }
  // The 3x3 convolution (padding 1) and the 1x1 projection with the same
  // stride give the same spatial size.
  SmallVector<int64_t, 2> strides = {stride, stride};
  SmallVector<int64_t, 4> padding = {1, 1, 1, 1};
  SmallVector<int64_t, 2> kernel = {3, 3};
  FailureOr<SmallVector<int64_t, 4>> shape =
      inferWindowShape(*this, getInput().getType(), outChannels, kernel,
                       strides, padding, {1, 1}, /*ceilMode=*/false);
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

bool InvertedResidualOp::hasResidual() {
  int64_t channels = dim(getInput(), 1);
  return getStride() == 1 && !ShapedType::isDynamic(channels) &&
         channels == dim(getProjectWeight(), 0);
}

LogicalResult InvertedResidualOp::verify() {
  if (failed(
          checkElementTypes(*this, {{"input", getInput()},
                                    {"expand_weight", getExpandWeight()},
                                    {"expand_bias", getExpandBias()},
                                    {"depthwise_weight", getDepthwiseWeight()},
                                    {"depthwise_bias", getDepthwiseBias()},
                                    {"project_weight", getProjectWeight()},
                                    {"project_bias", getProjectBias()},
                                    {"result", getOutput()}})) ||
      failed(checkRank(*this, "input", getInput(), 4)) ||
      failed(checkRank(*this, "project_weight", getProjectWeight(), 4)))
    return failure();
  int64_t ratio = static_cast<int64_t>(getExpandRatio());
  int64_t kernel = static_cast<int64_t>(getKernelSize());
  int64_t stride = static_cast<int64_t>(getStride());
  if (ratio < 1)
    return emitOpError() << "expected expand_ratio >= 1, got " << ratio;
  if (kernel < 1 || kernel % 2 == 0)
    return emitOpError() << "expected an odd kernel_size >= 1, got " << kernel;
  if (stride < 1)
    return emitOpError() << "expected stride >= 1, got " << stride;
  if (static_cast<bool>(getExpandWeight()) !=
      static_cast<bool>(getExpandBias()))
    return emitOpError() << "expected expand_weight and expand_bias "
                            "together, got only "
                         << (getExpandWeight() ? "expand_weight"
                                               : "expand_bias");
  bool hasExpansion = static_cast<bool>(getExpandWeight());
  if (hasExpansion != (ratio != 1))
    return emitOpError() << "expected expansion weights exactly when "
                            "expand_ratio != 1, got expand_ratio "
                         << ratio << (hasExpansion ? " with" : " without")
                         << " expansion weights";
  int64_t channels = dim(getInput(), 1);
  int64_t hidden = ShapedType::kDynamic;
  if (!ShapedType::isDynamic(channels)) {
    std::optional<int64_t> product = llvm::checkedMul(channels, ratio);
    if (!product)
      return emitOpError() << "expected the hidden channel count (input "
                              "channels "
                           << channels << " * expand_ratio " << ratio
                           << ") to fit in 64 bits";
    hidden = *product;
  }
  int64_t outChannels = dim(getProjectWeight(), 0);
  if (hasExpansion &&
      (failed(checkShape(*this, "expand_weight", getExpandWeight(),
                         {hidden, channels, 1, 1})) ||
       failed(checkShape(*this, "expand_bias", getExpandBias(), {hidden}))))
    return failure();
  if (failed(checkShape(*this, "depthwise_weight", getDepthwiseWeight(),
                        {hidden, 1, kernel, kernel})) ||
      failed(
          checkShape(*this, "depthwise_bias", getDepthwiseBias(), {hidden})) ||
      failed(checkShape(*this, "project_weight", getProjectWeight(),
                        {outChannels, hidden, 1, 1})) ||
      failed(
          checkShape(*this, "project_bias", getProjectBias(), {outChannels})))
    return failure();
  // The depthwise convolution has one group per hidden channel, and a
  // convolution needs at least one group.
  if (channels == 0 || dim(getDepthwiseWeight(), 0) == 0)
    return emitOpError() << "expected at least one hidden channel, because "
                            "the depthwise convolution has one group per "
                            "hidden channel, got input "
                         << getInput().getType() << " and depthwise_weight "
                         << getDepthwiseWeight().getType();
  // With stride 1, equal channel counts decide the residual connection.
  if (stride == 1 &&
      (ShapedType::isDynamic(channels) || ShapedType::isDynamic(outChannels)))
    return emitOpError() << "expected static input channels and "
                            "project_weight dimension 0 with stride 1, "
                            "because their equality decides the residual "
                            "connection, got "
                         << sizeToString(channels) << " and "
                         << sizeToString(outChannels);
  int64_t pad = (kernel - 1) / 2;
  SmallVector<int64_t, 2> strides = {stride, stride};
  SmallVector<int64_t, 4> padding = {pad, pad, pad, pad};
  SmallVector<int64_t, 2> kernelSizes = {kernel, kernel};
  FailureOr<SmallVector<int64_t, 4>> shape =
      inferWindowShape(*this, getInput().getType(), outChannels, kernelSizes,
                       strides, padding, {1, 1}, /*ceilMode=*/false);
  if (failed(shape))
    return failure();
  return checkResultShape(*this, *shape);
}

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/IR/NasOps.cpp.inc"
