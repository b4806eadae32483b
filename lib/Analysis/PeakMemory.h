//===- PeakMemory.h - activation liveness over op order ---------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Declarations shared by the files of the cost analysis; not installed.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_ANALYSIS_PEAKMEMORY_H
#define NAS_LIB_ANALYSIS_PEAKMEMORY_H

#include "nas/Analysis/CostAnalysis.h"

#include "llvm/ADT/DenseSet.h"

namespace nas {

/// Returns the shape, element type, element count and bytes of `value`, a
/// tensor named `name` in diagnostics emitted on `op`. Fails on a dynamic
/// shape, an element type without a byte size, or a 64-bit overflow.
mlir::FailureOr<TensorCost>
describeTensor(mlir::Operation *op, llvm::StringRef name, mlir::Value value);

/// Live activation memory while each op of a block runs.
struct LiveMemory {
  /// Indexed by the position of the op in the block.
  std::vector<uint64_t> bytes;
  std::vector<uint64_t> elements;
  uint64_t peakBytes = 0;
  uint64_t peakElements = 0;
};

/// Computes the live activation memory of `block`, the body of `func`, under
/// `reuse`. `weights` contains the values that are weights rather than
/// activations: parameter and statistic operands and constants.
mlir::FailureOr<LiveMemory>
computeLiveMemory(mlir::FunctionOpInterface func, mlir::Block &block,
                  const llvm::DenseSet<mlir::Value> &weights,
                  MemoryReuse reuse);

} // namespace nas

#endif // NAS_LIB_ANALYSIS_PEAKMEMORY_H
