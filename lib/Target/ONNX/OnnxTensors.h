//===- OnnxTensors.h - ONNX tensor types and stored values ------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Conversions from ONNX TensorProto element types and stored values to MLIR
// types and attributes. Every function that can fail emits an error naming
// the tensor at the given location.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_TARGET_ONNX_ONNXTENSORS_H
#define NAS_LIB_TARGET_ONNX_ONNXTENSORS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

#include "onnx/onnx_pb.h"

#include <optional>
#include <string>

namespace nas::onnx_import {

/// Element types the importer maps to MLIR, as listed in error messages.
inline constexpr llvm::StringLiteral kSupportedElementTypes =
    "FLOAT (f32), FLOAT16 (f16), BFLOAT16 (bf16), DOUBLE (f64), INT8 (i8)";

/// Returns the ONNX name of a TensorProto data type, such as "INT64".
std::string getDataTypeName(int32_t dataType);

/// Returns the MLIR element type of an ONNX data type, or null if the
/// importer does not support it.
mlir::Type convertElementType(mlir::MLIRContext *context, int32_t dataType);

/// Returns the element type of `dataType`, or emits an error at `loc` naming
/// `tensorName` and returns failure.
mlir::FailureOr<mlir::Type> convertElementType(mlir::Location loc,
                                               llvm::StringRef tensorName,
                                               int32_t dataType);

/// Returns the number of elements of a tensor from its dims, or
/// std::nullopt if a dim is negative or the count does not fit in int64_t.
std::optional<int64_t> getNumElements(const onnx::TensorProto &tensor);

/// Returns true if the model file stores the tensor's values. Tensors with
/// data_location EXTERNAL never count as stored: the importer does not read
/// external data files.
bool hasStoredData(const onnx::TensorProto &tensor);

/// Reads the stored values of `tensor` into an attribute of `type`, whose
/// shape and element type must be the tensor's.
mlir::FailureOr<mlir::DenseElementsAttr>
readElements(const onnx::TensorProto &tensor, mlir::RankedTensorType type,
             mlir::Location loc);

/// Reads the stored values of an INT8, INT32 or INT64 tensor.
mlir::FailureOr<llvm::SmallVector<int64_t>>
readIntegers(const onnx::TensorProto &tensor, mlir::Location loc);

/// Reads the single stored value of a one-element tensor of a floating-point
/// type or of INT8, INT32 or INT64.
mlir::FailureOr<double> readScalar(const onnx::TensorProto &tensor,
                                   mlir::Location loc);

/// Returns the transpose of a 2-D attribute.
mlir::DenseElementsAttr transpose2D(mlir::DenseElementsAttr matrix);

} // namespace nas::onnx_import

#endif // NAS_LIB_TARGET_ONNX_ONNXTENSORS_H
