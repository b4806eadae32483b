//===- AnnotateCosts.cpp - attach cost attributes to ops and functions ----===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Analysis/CostAnalysis.h"
#include "nas/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

namespace nas {
#define GEN_PASS_DEF_NASANNOTATECOSTS
#include "nas/Transforms/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

/// Sets the i64 attribute `name` of `op` to `value`, or emits an error and
/// fails if `value` does not fit a signed 64-bit integer.
LogicalResult setCount(Operation *op, StringRef name, uint64_t value) {
  if (value > static_cast<uint64_t>(INT64_MAX))
    return op->emitOpError()
           << "cannot set " << name << " to " << value
           << ": the value exceeds the largest signed 64-bit integer "
           << INT64_MAX;
  Builder builder(op->getContext());
  op->setAttr(name, builder.getI64IntegerAttr(static_cast<int64_t>(value)));
  return success();
}

LogicalResult annotateLayer(const LayerCost &layer) {
  Operation *op = layer.op;
  op->setAttr("nas.kind", StringAttr::get(op->getContext(), layer.kind));
  return success(
      succeeded(setCount(op, "nas.macs", layer.macs)) &&
      succeeded(setCount(op, "nas.other_ops", layer.otherOps)) &&
      succeeded(setCount(op, "nas.params", layer.params)) &&
      succeeded(setCount(op, "nas.statistics", layer.statisticElements)) &&
      succeeded(setCount(op, "nas.weight_bytes", layer.weightBytes)) &&
      succeeded(setCount(op, "nas.activation_bytes", layer.activationBytes)) &&
      succeeded(setCount(op, "nas.live_bytes", layer.liveBytes)));
}

LogicalResult annotateFunction(Operation *func, const FunctionCost &cost) {
  const CostTotals &totals = cost.totals;
  func->setAttr(
      "nas.memory_reuse",
      StringAttr::get(func->getContext(), stringifyMemoryReuse(cost.reuse)));
  return success(
      succeeded(setCount(func, "nas.total_macs", totals.macs)) &&
      succeeded(setCount(func, "nas.total_other_ops", totals.otherOps)) &&
      succeeded(setCount(func, "nas.total_params", totals.params)) &&
      succeeded(setCount(func, "nas.total_statistics", totals.statistics)) &&
      succeeded(setCount(func, "nas.total_weight_bytes", totals.weightBytes)) &&
      succeeded(setCount(func, "nas.total_activation_bytes",
                         totals.activationBytes)) &&
      succeeded(setCount(func, "nas.peak_bytes", totals.peakBytes)) &&
      succeeded(setCount(func, "nas.peak_elements", totals.peakElements)));
}

struct NasAnnotateCostsPass
    : nas::impl::NasAnnotateCostsBase<NasAnnotateCostsPass> {
  using NasAnnotateCostsBase::NasAnnotateCostsBase;

  void runOnOperation() override {
    std::optional<MemoryReuse> reuse = parseMemoryReuse(memoryReuse);
    if (!reuse) {
      emitError(getOperation().getLoc())
          << "invalid memory-reuse '" << memoryReuse
          << "': expected 'none' or 'elementwise'";
      return signalPassFailure();
    }
    bool failedAny = false;
    getOperation().walk([&](FunctionOpInterface func) {
      if (func.isExternal())
        return;
      FailureOr<FunctionCost> cost = computeFunctionCost(func, *reuse);
      if (failed(cost)) {
        failedAny = true;
        return;
      }
      for (const LayerCost &layer : cost->layers)
        failedAny |= failed(annotateLayer(layer));
      failedAny |= failed(annotateFunction(func, *cost));
    });
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
