//===- ImportONNX.h - ONNX model to nas dialect importer --------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_TARGET_ONNX_IMPORTONNX_H
#define NAS_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace nas {

/// Imports a serialized ONNX ModelProto into a module with one function,
/// `@main`, whose body uses the nas, arith and func dialects. `fileName`
/// names the model in locations and diagnostics. Runs ONNX shape inference
/// and verifies the module. Returns null after emitting an error on the
/// context if the bytes are not a model, the graph uses an op or attribute
/// the nas dialect cannot express, or the result fails verification.
mlir::OwningOpRef<mlir::ModuleOp> importOnnxModel(llvm::StringRef bytes,
                                                  llvm::StringRef fileName,
                                                  mlir::MLIRContext *context);

/// Registers the `import-onnx` translation (the `--import-onnx` flag of an
/// mlir-translate style driver).
void registerImportOnnxTranslation();

} // namespace nas

#endif // NAS_TARGET_ONNX_IMPORTONNX_H
