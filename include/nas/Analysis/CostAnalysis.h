//===- CostAnalysis.h - per-layer and per-function costs --------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Computes the costs of the `nas` ops of a function in op order (MACs, other
// arithmetic, parameters, statistics, bytes) and the peak activation memory
// by liveness over that order. docs/cost-model.md states the conventions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_ANALYSIS_COSTANALYSIS_H
#define NAS_ANALYSIS_COSTANALYSIS_H

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nas {

/// Buffer convention used to compute the peak activation memory.
enum class MemoryReuse {
  /// Every op writes its results into new buffers.
  None,
  /// An op whose `canReuseInputBuffer()` is true writes its result into the
  /// buffer of its first operand when no later op reads that buffer.
  Elementwise,
};

/// Returns the convention named `name` ("none" or "elementwise"), or
/// std::nullopt for any other name.
std::optional<MemoryReuse> parseMemoryReuse(llvm::StringRef name);

/// Returns the option spelling of `reuse`.
llvm::StringRef stringifyMemoryReuse(MemoryReuse reuse);

/// Static shape, element type and size of one tensor operand or result.
struct TensorCost {
  llvm::SmallVector<int64_t, 4> shape;
  mlir::Type elementType;
  uint64_t elements = 0;
  uint64_t bytes = 0;
};

/// A parameter or statistic operand of an op, with its shape and size.
struct WeightUse {
  mlir::Value value;
  TensorCost tensor;
};

/// Costs of one `nas` op.
struct LayerCost {
  mlir::Operation *op = nullptr;
  /// Name from the op's location, or "<kind>_<index>" without a NameLoc.
  std::string name;
  /// Primitive kind from the cost interface, e.g. "pointwise_conv".
  std::string kind;
  /// Operands that are neither parameters nor statistics.
  llvm::SmallVector<TensorCost, 2> inputs;
  llvm::SmallVector<TensorCost, 1> outputs;
  /// Operands from getParameterOperands and getStatisticOperands, each
  /// distinct value once.
  llvm::SmallVector<WeightUse, 4> parameters;
  llvm::SmallVector<WeightUse, 2> statistics;
  uint64_t macs = 0;
  uint64_t otherOps = 0;
  /// Elements of the parameter operands.
  uint64_t params = 0;
  /// Elements of the statistic operands.
  uint64_t statisticElements = 0;
  /// Bytes of the parameter and statistic operands.
  uint64_t weightBytes = 0;
  /// Bytes of the results; 0 for a view of the input.
  uint64_t activationBytes = 0;
  /// Bytes and elements of the activation buffers live while the op runs.
  uint64_t liveBytes = 0;
  uint64_t liveElements = 0;
};

/// Totals of one function. Parameters and statistics count each distinct
/// value once; MACs and other ops count every op.
struct CostTotals {
  uint64_t macs = 0;
  uint64_t otherOps = 0;
  uint64_t params = 0;
  uint64_t statistics = 0;
  /// params + statistics.
  uint64_t storedWeights = 0;
  uint64_t weightBytes = 0;
  /// Sum of the layers' activation bytes.
  uint64_t activationBytes = 0;
  /// Maximum over the ops of the live bytes and, separately, of the live
  /// elements.
  uint64_t peakBytes = 0;
  uint64_t peakElements = 0;
};

/// Costs of one function under one buffer convention.
struct FunctionCost {
  std::string name;
  MemoryReuse reuse = MemoryReuse::None;
  /// One entry per `nas` op, in op order.
  std::vector<LayerCost> layers;
  CostTotals totals;
};

/// Totals of a group of layers: one primitive kind or one module.
struct GroupCost {
  std::string name;
  /// Number of name components of a module; 0 for a kind.
  unsigned depth = 0;
  uint64_t layers = 0;
  uint64_t macs = 0;
  uint64_t otherOps = 0;
  /// Elements of the distinct parameter values used by the group.
  uint64_t params = 0;
  uint64_t activationBytes = 0;
};

/// Computes the costs of the body of `func`, which must be one block of
/// `nas` ops, constant-like ops and ops without tensor results (such as the
/// terminator). Emits an error naming the op or value and fails on dynamic
/// shapes, on an op producing a tensor without a cost model, or when a
/// count exceeds 64 bits.
mlir::FailureOr<FunctionCost>
computeFunctionCost(mlir::FunctionOpInterface func, MemoryReuse reuse);

/// Returns the name held by `loc`: the first NameLoc found, looking through
/// CallSiteLoc (callee, then caller), FusedLoc (in order) and OpaqueLoc.
std::optional<llvm::StringRef> getLayerName(mlir::Location loc);

/// Returns the modules a layer belongs to, outermost first: the prefixes of
/// its name split on '/' (empty components dropped) without the last
/// component, at most `maxDepth` of them. "/layer1/layer1.0/conv1/Conv"
/// gives "layer1" and "layer1/layer1.0" for `maxDepth` 2.
llvm::SmallVector<std::string> getLayerModules(llvm::StringRef layerName,
                                               unsigned maxDepth);

/// Name of the module group of layers whose name has a single component.
inline constexpr llvm::StringLiteral kTopLevelModule = "(top)";

/// Groups the layers by primitive kind, in order of first appearance.
llvm::SmallVector<GroupCost> groupByKind(const FunctionCost &cost);

/// Groups the layers by module up to `maxDepth` name components, in order of
/// first appearance, so that a module precedes its submodules. Layers
/// without a module form the group kTopLevelModule of depth 0.
llvm::SmallVector<GroupCost> groupByModule(const FunctionCost &cost,
                                           unsigned maxDepth);

} // namespace nas

#endif // NAS_ANALYSIS_COSTANALYSIS_H
