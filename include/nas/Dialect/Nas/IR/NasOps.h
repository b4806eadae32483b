//===- NasOps.h - nas dialect operations ------------------------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASOPS_H
#define NAS_DIALECT_NAS_IR_NASOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "nas/Dialect/Nas/IR/NasCost.h"
#include "nas/Dialect/Nas/IR/NasDialect.h"

#include "nas/Dialect/Nas/IR/NasInterfaces.h.inc"

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/IR/NasOps.h.inc"

namespace nas {

/// Returns the output size of a sliding window along one dimension, or
/// std::nullopt if the window does not fit. With `ceilMode`, the size rounds
/// up and a last window that starts inside the trailing padding is dropped.
/// A dynamic input size gives a dynamic output size.
std::optional<int64_t> slidingWindowOutputSize(int64_t inputSize,
                                               int64_t kernel, int64_t stride,
                                               int64_t padBefore,
                                               int64_t padAfter,
                                               int64_t dilation,
                                               bool ceilMode = false);

/// Returns the result shape of a 2-D convolution of NCHW `inputShape` with
/// FCHW `weightShape`, with dynamic sizes where an input size is dynamic, or
/// std::nullopt if a shape has the wrong rank or the window does not fit.
std::optional<llvm::SmallVector<int64_t, 4>>
inferConv2DShape(llvm::ArrayRef<int64_t> inputShape,
                 llvm::ArrayRef<int64_t> weightShape,
                 llvm::ArrayRef<int64_t> strides,
                 llvm::ArrayRef<int64_t> padding,
                 llvm::ArrayRef<int64_t> dilations);

/// Returns the NumPy broadcast of two shapes, or std::nullopt if a pair of
/// static dimensions differs and neither is 1.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

} // namespace nas

#endif // NAS_DIALECT_NAS_IR_NASOPS_H
