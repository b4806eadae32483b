//===- NasCost.cpp - cost model of every nas op ---------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// MACs count the multiply-accumulates of convolutions and fully connected
// layers. Everything else is `otherOps`, one per elementary operation: a bias
// add, a max (relu), a min and a max (clip), a multiply and an add (batch
// normalization with its statistics folded), an add per element (add), one
// comparison per window element (max pooling), one add per window element
// plus a division (average pooling).
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace nas;

#include "nas/Dialect/Nas/IR/NasInterfaces.cpp.inc"

//===----------------------------------------------------------------------===//
// Checked arithmetic
//===----------------------------------------------------------------------===//

std::optional<uint64_t> nas::checkedMul(uint64_t a, uint64_t b) {
  bool overflow = false;
  uint64_t product = llvm::SaturatingMultiply(a, b, &overflow);
  if (overflow)
    return std::nullopt;
  return product;
}

std::optional<uint64_t> nas::checkedAdd(uint64_t a, uint64_t b) {
  bool overflow = false;
  uint64_t sum = llvm::SaturatingAdd(a, b, &overflow);
  if (overflow)
    return std::nullopt;
  return sum;
}

FailureOr<uint64_t> nas::mulOrError(Operation *op, StringRef what,
                                    ArrayRef<int64_t> factors) {
  uint64_t product = 1;
  for (int64_t factor : factors) {
    if (factor < 0)
      return op->emitOpError()
             << "cannot count " << what << ": a factor is negative ("
             << factor << ")";
    std::optional<uint64_t> next =
        checkedMul(product, static_cast<uint64_t>(factor));
    if (!next)
      return op->emitOpError()
             << "cannot count " << what << ": the count overflows 64 bits";
    product = *next;
  }
  return product;
}

FailureOr<uint64_t> nas::staticElementCount(Operation *op,
                                            StringRef valueName, Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return op->emitOpError() << "cannot count the elements of " << valueName
                             << ": " << type << " is not a shaped type";
  if (!shaped.hasStaticShape())
    return op->emitOpError()
           << "cannot compute the cost: " << valueName << " has type "
           << type << " with dynamic dimensions; costs need static shapes";
  return mulOrError(op, ("the elements of " + valueName).str(),
                    shaped.getShape());
}

uint64_t nas::elementByteSize(Type elementType) {
  return llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
}

//===----------------------------------------------------------------------===//
// Shared formulas
//===----------------------------------------------------------------------===//

namespace {

/// Returns the static shape of `value`, or emits an error naming it.
FailureOr<ArrayRef<int64_t>> staticShape(Operation *op, StringRef name,
                                         Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  if (!type.hasStaticShape())
    return op->emitOpError()
           << "cannot compute the cost: " << name << " has type " << type
           << " with dynamic dimensions; costs need static shapes";
  return type.getShape();
}

/// Cost of a convolution producing `output` (NCHW) from `channels` inputs
/// with a KH x KW kernel and `groups` groups, plus its bias adds.
FailureOr<OpCost> convolutionCost(Operation *op, ArrayRef<int64_t> output,
                                  int64_t channels, int64_t kernelH,
                                  int64_t kernelW, int64_t groups,
                                  bool hasBias) {
  FailureOr<uint64_t> macs =
      mulOrError(op, "MACs", {output[0], output[1], channels / groups,
                              kernelH, kernelW, output[2], output[3]});
  if (failed(macs))
    return failure();
  OpCost cost;
  cost.macs = *macs;
  if (hasBias) {
    FailureOr<uint64_t> adds = mulOrError(op, "bias adds", output);
    if (failed(adds))
      return failure();
    cost.otherOps = *adds;
  }
  return cost;
}

/// Cost of `perElement` operations on each element of `shape`.
FailureOr<OpCost> elementwiseCost(Operation *op, ArrayRef<int64_t> shape,
                                  int64_t perElement) {
  SmallVector<int64_t> factors(shape);
  factors.push_back(perElement);
  FailureOr<uint64_t> ops = mulOrError(op, "elementwise operations", factors);
  if (failed(ops))
    return failure();
  OpCost cost;
  cost.otherOps = *ops;
  return cost;
}

/// Cost of one operation per element of a KH x KW window, plus `extra`
/// operations, for each element of `output`. The window size is computed with
/// checked arithmetic because huge kernels overflow int64_t.
FailureOr<OpCost> windowCost(Operation *op, ArrayRef<int64_t> output,
                             ArrayRef<int64_t> kernel, int64_t extra) {
  FailureOr<uint64_t> window = mulOrError(op, "the pooling window", kernel);
  if (failed(window))
    return failure();
  if (*window > static_cast<uint64_t>(INT64_MAX - extra))
    return op->emitOpError() << "cannot count the cost: the pooling window "
                                "overflows 64 bits";
  return elementwiseCost(op, output, static_cast<int64_t>(*window) + extra);
}

/// Adds `term` to `total`, or emits an error on overflow.
LogicalResult addCost(Operation *op, OpCost &total, const OpCost &term) {
  std::optional<uint64_t> macs = checkedAdd(total.macs, term.macs);
  std::optional<uint64_t> other = checkedAdd(total.otherOps, term.otherOps);
  if (!macs || !other)
    return op->emitOpError() << "cannot count the cost: the sum overflows "
                                "64 bits";
  total.macs = *macs;
  total.otherOps = *other;
  return success();
}

/// Adds a convolution term to `total`; see convolutionCost.
LogicalResult addConvolution(Operation *op, OpCost &total,
                             ArrayRef<int64_t> output, int64_t channels,
                             int64_t kernel, int64_t groups) {
  FailureOr<OpCost> term = convolutionCost(op, output, channels, kernel,
                                           kernel, groups, /*hasBias=*/true);
  return failure(failed(term) || failed(addCost(op, total, *term)));
}

/// Adds `perElement` operations per element of `shape` to `total`.
LogicalResult addElementwise(Operation *op, OpCost &total,
                             ArrayRef<int64_t> shape, int64_t perElement) {
  FailureOr<OpCost> term = elementwiseCost(op, shape, perElement);
  return failure(failed(term) || failed(addCost(op, total, *term)));
}

} // namespace

//===----------------------------------------------------------------------===//
// Primitives
//===----------------------------------------------------------------------===//

StringRef FullyConnectedOp::getPrimitiveKind() { return "fully_connected"; }

FailureOr<OpCost> FullyConnectedOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> input = staticShape(*this, "input", getInput());
  FailureOr<ArrayRef<int64_t>> output =
      staticShape(*this, "result", getOutput());
  if (failed(input) || failed(output))
    return failure();
  SmallVector<int64_t> factors(output->drop_back());
  factors.push_back(output->back());
  factors.push_back(input->back());
  FailureOr<uint64_t> macs = mulOrError(*this, "MACs", factors);
  if (failed(macs))
    return failure();
  OpCost cost;
  cost.macs = *macs;
  if (getBias()) {
    FailureOr<uint64_t> adds = mulOrError(*this, "bias adds", *output);
    if (failed(adds))
      return failure();
    cost.otherOps = *adds;
  }
  return cost;
}

void FullyConnectedOp::getParameterOperands(SmallVectorImpl<Value> &operands) {
  operands.push_back(getWeight());
  if (getBias())
    operands.push_back(getBias());
}

StringRef Conv2DOp::getPrimitiveKind() {
  if (isDepthwise())
    return "depthwise_conv";
  if (getGroups() > 1)
    return "grouped_conv";
  if (isPointwise())
    return "pointwise_conv";
  return "conv";
}

FailureOr<OpCost> Conv2DOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> input = staticShape(*this, "input", getInput());
  FailureOr<ArrayRef<int64_t>> weight =
      staticShape(*this, "weight", getWeight());
  FailureOr<ArrayRef<int64_t>> output =
      staticShape(*this, "result", getOutput());
  if (failed(input) || failed(weight) || failed(output))
    return failure();
  return convolutionCost(*this, *output, (*input)[1], (*weight)[2],
                         (*weight)[3], getGroups(),
                         static_cast<bool>(getBias()));
}

void Conv2DOp::getParameterOperands(SmallVectorImpl<Value> &operands) {
  operands.push_back(getWeight());
  if (getBias())
    operands.push_back(getBias());
}

StringRef BatchNormOp::getPrimitiveKind() { return "batch_norm"; }

FailureOr<OpCost> BatchNormOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return elementwiseCost(*this, *shape, 2);
}

void BatchNormOp::getParameterOperands(SmallVectorImpl<Value> &operands) {
  operands.push_back(getScale());
  operands.push_back(getBias());
}

void BatchNormOp::getStatisticOperands(SmallVectorImpl<Value> &operands) {
  operands.push_back(getMean());
  operands.push_back(getVariance());
}

bool BatchNormOp::canReuseInputBuffer() { return true; }

StringRef ReluOp::getPrimitiveKind() { return "relu"; }

FailureOr<OpCost> ReluOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return elementwiseCost(*this, *shape, 1);
}

bool ReluOp::canReuseInputBuffer() { return true; }

StringRef ClipOp::getPrimitiveKind() {
  if (getMin().isZero() && getMax().convertToDouble() == 6.0)
    return "relu6";
  return "clip";
}

FailureOr<OpCost> ClipOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return elementwiseCost(*this, *shape, 2);
}

bool ClipOp::canReuseInputBuffer() { return true; }

StringRef AddOp::getPrimitiveKind() { return "add"; }

FailureOr<OpCost> AddOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return elementwiseCost(*this, *shape, 1);
}

bool AddOp::canReuseInputBuffer() {
  // The result can take the lhs buffer only if broadcasting does not enlarge
  // it.
  return getLhs().getType() == getOutput().getType();
}

StringRef MaxPool2DOp::getPrimitiveKind() { return "max_pool"; }

FailureOr<OpCost> MaxPool2DOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return windowCost(*this, *shape, getKernel(), 0);
}

StringRef AvgPool2DOp::getPrimitiveKind() { return "avg_pool"; }

FailureOr<OpCost> AvgPool2DOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> shape =
      staticShape(*this, "result", getOutput());
  if (failed(shape))
    return failure();
  return windowCost(*this, *shape, getKernel(), 1);
}

StringRef GlobalAvgPool2DOp::getPrimitiveKind() { return "global_avg_pool"; }

FailureOr<OpCost> GlobalAvgPool2DOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> input = staticShape(*this, "input", getInput());
  FailureOr<ArrayRef<int64_t>> output =
      staticShape(*this, "result", getOutput());
  if (failed(input) || failed(output))
    return failure();
  return windowCost(*this, *output, input->drop_front(2), 1);
}

StringRef FlattenOp::getPrimitiveKind() { return "flatten"; }

FailureOr<OpCost> FlattenOp::computeCost() { return OpCost(); }

bool FlattenOp::isViewOfInput() { return true; }

StringRef ReshapeOp::getPrimitiveKind() { return "reshape"; }

FailureOr<OpCost> ReshapeOp::computeCost() { return OpCost(); }

bool ReshapeOp::isViewOfInput() { return true; }

//===----------------------------------------------------------------------===//
// Blocks: the sum of the primitives that nas-expand-blocks produces.
//===----------------------------------------------------------------------===//

StringRef BottleneckOp::getPrimitiveKind() { return "bottleneck"; }

FailureOr<OpCost> BottleneckOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> input = staticShape(*this, "input", getInput());
  FailureOr<ArrayRef<int64_t>> output =
      staticShape(*this, "result", getOutput());
  FailureOr<ArrayRef<int64_t>> reduce =
      staticShape(*this, "reduce_weight", getReduceWeight());
  if (failed(input) || failed(output) || failed(reduce))
    return failure();
  int64_t batch = (*input)[0], channels = (*input)[1];
  int64_t width = (*reduce)[0];
  SmallVector<int64_t, 4> reduced = {batch, width, (*input)[2], (*input)[3]};
  SmallVector<int64_t, 4> middle = {batch, width, (*output)[2], (*output)[3]};
  OpCost total;
  Operation *op = *this;
  if (failed(addConvolution(op, total, reduced, channels, 1, 1)) ||
      failed(addElementwise(op, total, reduced, 1)) ||
      failed(addConvolution(op, total, middle, width, 3, getGroups())) ||
      failed(addElementwise(op, total, middle, 1)) ||
      failed(addConvolution(op, total, *output, width, 1, 1)))
    return failure();
  if (getProjectionWeight() &&
      failed(addConvolution(op, total, *output, channels, 1, 1)))
    return failure();
  // The residual add and the final relu.
  if (failed(addElementwise(op, total, *output, 2)))
    return failure();
  return total;
}

void BottleneckOp::getParameterOperands(SmallVectorImpl<Value> &operands) {
  llvm::append_range(operands, getOperands().drop_front());
}

StringRef InvertedResidualOp::getPrimitiveKind() {
  return "inverted_residual";
}

FailureOr<OpCost> InvertedResidualOp::computeCost() {
  FailureOr<ArrayRef<int64_t>> input = staticShape(*this, "input", getInput());
  FailureOr<ArrayRef<int64_t>> output =
      staticShape(*this, "result", getOutput());
  FailureOr<ArrayRef<int64_t>> depthwise =
      staticShape(*this, "depthwise_weight", getDepthwiseWeight());
  if (failed(input) || failed(output) || failed(depthwise))
    return failure();
  int64_t batch = (*input)[0], channels = (*input)[1];
  // The verifier has checked that this is channels * expand_ratio; reading it
  // from the weight avoids multiplying in int64_t.
  int64_t hidden = (*depthwise)[0];
  int64_t kernel = getKernelSize();
  SmallVector<int64_t, 4> expanded = {batch, hidden, (*input)[2], (*input)[3]};
  SmallVector<int64_t, 4> filtered = {batch, hidden, (*output)[2],
                                      (*output)[3]};
  OpCost total;
  Operation *op = *this;
  if (getExpandWeight() &&
      (failed(addConvolution(op, total, expanded, channels, 1, 1)) ||
       failed(addElementwise(op, total, expanded, 2))))
    return failure();
  if (failed(addConvolution(op, total, filtered, hidden, kernel, hidden)) ||
      failed(addElementwise(op, total, filtered, 2)) ||
      failed(addConvolution(op, total, *output, hidden, 1, 1)))
    return failure();
  if (hasResidual() && failed(addElementwise(op, total, *output, 1)))
    return failure();
  return total;
}

void InvertedResidualOp::getParameterOperands(
    SmallVectorImpl<Value> &operands) {
  llvm::append_range(operands, getOperands().drop_front());
}
