//===- CostAnalysis.cpp - per-layer and per-function costs ----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Analysis/CostAnalysis.h"
#include "PeakMemory.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace nas;

std::optional<MemoryReuse> nas::parseMemoryReuse(StringRef name) {
  return llvm::StringSwitch<std::optional<MemoryReuse>>(name)
      .Case("none", MemoryReuse::None)
      .Case("elementwise", MemoryReuse::Elementwise)
      .Default(std::nullopt);
}

StringRef nas::stringifyMemoryReuse(MemoryReuse reuse) {
  switch (reuse) {
  case MemoryReuse::None:
    return "none";
  case MemoryReuse::Elementwise:
    return "elementwise";
  }
  llvm_unreachable("unknown memory reuse convention");
}

FailureOr<TensorCost> nas::describeTensor(Operation *op, StringRef name,
                                          Value value) {
  FailureOr<uint64_t> elements = staticElementCount(op, name, value.getType());
  if (failed(elements))
    return failure();
  auto type = cast<ShapedType>(value.getType());
  Type elementType = type.getElementType();
  if (!elementType.isIntOrFloat())
    return op->emitOpError()
           << "cannot count the bytes of " << name << ": element type "
           << elementType << " has no fixed size in bytes";
  std::optional<uint64_t> bytes =
      checkedMul(*elements, elementByteSize(elementType));
  if (!bytes)
    return op->emitOpError() << "cannot count the bytes of " << name
                             << ": the count overflows 64 bits";
  TensorCost tensor;
  tensor.shape.assign(type.getShape().begin(), type.getShape().end());
  tensor.elementType = elementType;
  tensor.elements = *elements;
  tensor.bytes = *bytes;
  return tensor;
}

namespace {

/// Adds `term` to `total`, or emits an error on `op` naming `what` and fails
/// if the sum overflows 64 bits.
LogicalResult accumulate(Operation *op, StringRef what, uint64_t &total,
                         uint64_t term) {
  std::optional<uint64_t> sum = checkedAdd(total, term);
  if (!sum)
    return op->emitOpError()
           << "cannot count " << what << ": the sum overflows 64 bits";
  total = *sum;
  return success();
}

/// Returns the position of the first operand of `op` that is `value`.
unsigned operandNumber(Operation *op, Value value) {
  for (OpOperand &operand : op->getOpOperands())
    if (operand.get() == value)
      return operand.getOperandNumber();
  llvm_unreachable("the value is not an operand of the op");
}

/// Appends the distinct values of `values`, operands of `op`, to `uses` with
/// their shapes and sizes, and adds their elements and bytes to `elements`
/// and `bytes`.
LogicalResult describeWeights(Operation *op, ArrayRef<Value> values,
                              SmallVectorImpl<WeightUse> &uses,
                              uint64_t &elements, uint64_t &bytes) {
  for (Value value : values) {
    if (llvm::any_of(uses,
                     [&](const WeightUse &use) { return use.value == value; }))
      continue;
    std::string name = "operand #" + std::to_string(operandNumber(op, value));
    FailureOr<TensorCost> tensor = describeTensor(op, name, value);
    if (failed(tensor))
      return failure();
    if (failed(accumulate(op, "the weight elements of the op", elements,
                          tensor->elements)) ||
        failed(
            accumulate(op, "the weight bytes of the op", bytes, tensor->bytes)))
      return failure();
    uses.push_back({value, std::move(*tensor)});
  }
  return success();
}

/// Computes the costs of one op, all but its live memory.
FailureOr<LayerCost> computeLayerCost(CostOpInterface costOp) {
  Operation *op = costOp;
  FailureOr<OpCost> work = costOp.computeCost();
  if (failed(work))
    return failure();
  LayerCost layer;
  layer.op = op;
  layer.kind = costOp.getPrimitiveKind().str();
  layer.macs = work->macs;
  layer.otherOps = work->otherOps;

  SmallVector<Value> parameters, statistics;
  costOp.getParameterOperands(parameters);
  costOp.getStatisticOperands(statistics);
  uint64_t weightBytes = 0;
  if (failed(describeWeights(op, parameters, layer.parameters, layer.params,
                             weightBytes)) ||
      failed(describeWeights(op, statistics, layer.statistics,
                             layer.statisticElements, weightBytes)))
    return failure();
  layer.weightBytes = weightBytes;

  for (OpOperand &operand : op->getOpOperands()) {
    if (llvm::is_contained(parameters, operand.get()) ||
        llvm::is_contained(statistics, operand.get()))
      continue;
    FailureOr<TensorCost> input = describeTensor(
        op, "operand #" + std::to_string(operand.getOperandNumber()),
        operand.get());
    if (failed(input))
      return failure();
    layer.inputs.push_back(std::move(*input));
  }

  for (OpResult result : op->getResults()) {
    std::string name =
        op->getNumResults() == 1
            ? std::string("result")
            : "result #" + std::to_string(result.getResultNumber());
    FailureOr<TensorCost> output = describeTensor(op, name, result);
    if (failed(output))
      return failure();
    if (!costOp.isViewOfInput() &&
        failed(accumulate(op, "the activation bytes of the op",
                          layer.activationBytes, output->bytes)))
      return failure();
    layer.outputs.push_back(std::move(*output));
  }
  return layer;
}

/// Returns true if `op` produces a value of tensor type.
bool producesTensor(Operation *op) {
  return llvm::any_of(op->getResultTypes(),
                      [](Type type) { return isa<TensorType>(type); });
}

/// Adds the weights of `uses` not yet in `counted` to `elements` and
/// `bytes`, so that a value shared by several ops counts once.
LogicalResult countDistinctWeights(Operation *op, StringRef what,
                                   ArrayRef<WeightUse> uses,
                                   DenseSet<Value> &counted, uint64_t &elements,
                                   uint64_t &bytes) {
  for (const WeightUse &use : uses) {
    if (!counted.insert(use.value).second)
      continue;
    if (failed(accumulate(op, ("the function's total " + what).str(), elements,
                          use.tensor.elements)) ||
        failed(accumulate(op, "the function's total weight bytes", bytes,
                          use.tensor.bytes)))
      return failure();
  }
  return success();
}

/// Adds the costs of `layer` to the function totals in `totals`.
LogicalResult addToTotals(const LayerCost &layer, CostTotals &totals,
                          DenseSet<Value> &countedWeights) {
  Operation *op = layer.op;
  if (failed(accumulate(op, "the function's total MACs", totals.macs,
                        layer.macs)) ||
      failed(accumulate(op, "the function's total other ops", totals.otherOps,
                        layer.otherOps)) ||
      failed(accumulate(op, "the function's total activation bytes",
                        totals.activationBytes, layer.activationBytes)))
    return failure();
  return failure(failed(countDistinctWeights(op, "parameters", layer.parameters,
                                             countedWeights, totals.params,
                                             totals.weightBytes)) ||
                 failed(countDistinctWeights(op, "statistics", layer.statistics,
                                             countedWeights, totals.statistics,
                                             totals.weightBytes)));
}

/// Gives every layer its name: the name in its location, or
/// "<kind>_<index>" counting the unnamed layers of each kind from 0.
void nameLayers(std::vector<LayerCost> &layers) {
  llvm::StringMap<unsigned> unnamedPerKind;
  for (LayerCost &layer : layers) {
    if (std::optional<StringRef> name = getLayerName(layer.op->getLoc())) {
      layer.name = name->str();
      continue;
    }
    unsigned index = unnamedPerKind[layer.kind]++;
    layer.name = layer.kind + "_" + std::to_string(index);
  }
}

} // namespace

FailureOr<FunctionCost> nas::computeFunctionCost(FunctionOpInterface func,
                                                 MemoryReuse reuse) {
  Region &body = func.getFunctionBody();
  if (!body.hasOneBlock())
    return func->emitOpError()
           << "cannot compute the cost: expected a body of one block, got "
           << body.getBlocks().size();
  Block &block = body.front();

  FunctionCost cost;
  cost.name = func.getName().str();
  cost.reuse = reuse;
  DenseSet<Value> weights;
  DenseSet<Value> countedWeights;
  SmallVector<unsigned> layerPositions;
  for (auto [position, op] : llvm::enumerate(block)) {
    if (auto costOp = dyn_cast<CostOpInterface>(op)) {
      FailureOr<LayerCost> layer = computeLayerCost(costOp);
      if (failed(layer) ||
          failed(addToTotals(*layer, cost.totals, countedWeights)))
        return failure();
      for (const WeightUse &use : layer->parameters)
        weights.insert(use.value);
      for (const WeightUse &use : layer->statistics)
        weights.insert(use.value);
      cost.layers.push_back(std::move(*layer));
      layerPositions.push_back(position);
      continue;
    }
    if (op.hasTrait<OpTrait::ConstantLike>()) {
      weights.insert(op.result_begin(), op.result_end());
      continue;
    }
    if (op.getNumRegions() != 0)
      return op.emitOpError() << "has no cost model: the cost analysis "
                                 "supports only straight-line function bodies";
    if (producesTensor(&op))
      return op.emitOpError() << "has no cost model";
  }
  std::optional<uint64_t> stored =
      checkedAdd(cost.totals.params, cost.totals.statistics);
  if (!stored)
    return func->emitOpError() << "cannot count the stored weight elements: "
                                  "the sum overflows 64 bits";
  cost.totals.storedWeights = *stored;

  FailureOr<LiveMemory> live = computeLiveMemory(func, block, weights, reuse);
  if (failed(live))
    return failure();
  for (auto [layer, position] : llvm::zip(cost.layers, layerPositions)) {
    layer.liveBytes = live->bytes[position];
    layer.liveElements = live->elements[position];
  }
  cost.totals.peakBytes = live->peakBytes;
  cost.totals.peakElements = live->peakElements;
  nameLayers(cost.layers);
  return cost;
}
