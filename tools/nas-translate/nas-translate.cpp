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

#include "llvm/ADT/SmallVector.h"

int main(int argc, char **argv) {
  nas::registerImportOnnxTranslation();
  // Locations carry the ONNX node names that cost reports show, so they are
  // printed unless the command line says `--mlir-print-debuginfo=false`.
  llvm::SmallVector<char *> args(argv, argv + argc);
  char printDebugInfo[] = "--mlir-print-debuginfo";
  args.insert(args.begin() + 1, printDebugInfo);
  return mlir::failed(mlir::mlirTranslateMain(
      static_cast<int>(args.size()), args.data(),
      "nas-mlir translation driver\n"));
}
