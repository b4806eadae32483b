//===- NasCost.h - cost values and checked arithmetic -----------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASCOST_H
#define NAS_DIALECT_NAS_IR_NASCOST_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <optional>

namespace nas {

/// Arithmetic work of one op. MACs count multiply-accumulates of
/// convolutions and fully connected layers; `otherOps` counts the remaining
/// arithmetic (bias adds, elementwise ops, pooling comparisons and sums).
struct OpCost {
  uint64_t macs = 0;
  uint64_t otherOps = 0;
};

/// Returns a * b, or std::nullopt on unsigned 64-bit overflow.
std::optional<uint64_t> checkedMul(uint64_t a, uint64_t b);
/// Returns a + b, or std::nullopt on unsigned 64-bit overflow.
std::optional<uint64_t> checkedAdd(uint64_t a, uint64_t b);

/// Returns the product of `factors`, or emits an error on `op` naming
/// `what` and fails on overflow or on a negative factor.
mlir::FailureOr<uint64_t> mulOrError(mlir::Operation *op, llvm::StringRef what,
                                     llvm::ArrayRef<int64_t> factors);

/// Returns the element count of a statically shaped tensor, or emits an
/// error on `op` naming the value and fails if the shape is dynamic or the
/// count overflows.
mlir::FailureOr<uint64_t> staticElementCount(mlir::Operation *op,
                                             llvm::StringRef valueName,
                                             mlir::Type type);

/// Returns the storage size in bytes of one element of `type`: 4 for f32 and
/// i32, 2 for f16 and bf16, 1 for i8, 8 for f64.
uint64_t elementByteSize(mlir::Type elementType);

} // namespace nas

#endif // NAS_DIALECT_NAS_IR_NASCOST_H
