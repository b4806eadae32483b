//===- nas-translate.cpp - translation driver for nas IR ------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Translates between external formats and nas IR. `--import-onnx` reads a
// binary ONNX model and prints the nas module:
//
//   nas-translate --import-onnx model.onnx -o model.mlir
//
//===----------------------------------------------------------------------===//

#include "nas/Target/ONNX/ImportONNX.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  nas::registerImportOnnxTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "nas-mlir translation driver\n"));
}
