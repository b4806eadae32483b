//===- Evaluator.h - reference interpreter for nas functions ----*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A plain C++ interpreter for functions of nas ops on tensors. It shares no
// code with the lowering to LLVM, so its results can check the compiled code.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_REFERENCE_EVALUATOR_H
#define NAS_REFERENCE_EVALUATOR_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <vector>

namespace nas::reference {

/// A dense tensor in row-major order. Values are stored as double; the
/// evaluator rounds the result of every op on f32 tensors to float, as
/// compiled f32 code stores it.
struct Tensor {
  llvm::SmallVector<int64_t> shape;
  std::vector<double> data;

  Tensor() = default;
  /// Creates a zero-filled tensor of the given shape.
  explicit Tensor(llvm::ArrayRef<int64_t> shape);

  /// Returns the product of the dimensions (1 for rank 0).
  int64_t getNumElements() const;
};

/// Returns the product of `shape` (1 for an empty shape).
int64_t getNumElements(llvm::ArrayRef<int64_t> shape);

/// Interprets the body of `func` on `arguments`, one per function argument
/// in order, and returns the values of its func.return.
///
/// Supported: every nas primitive and block, `arith.constant` with a dense
/// tensor value, and `func.return`, on statically shaped f32 or f64 tensors.
/// Another op or type is reported as an error on that op (through the
/// context's diagnostic handler) and the result is failure.
mlir::FailureOr<llvm::SmallVector<Tensor>>
evaluateFunction(mlir::func::FuncOp func, llvm::ArrayRef<Tensor> arguments);

} // namespace nas::reference

#endif // NAS_REFERENCE_EVALUATOR_H
