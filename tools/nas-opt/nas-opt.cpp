//===- nas-opt.cpp - optimizer driver for nas IR --------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"
#include "nas/Dialect/Nas/IR/NasDialect.h"
#include "nas/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  nas::registerNasTransformsPasses();
  nas::registerNasConversionPasses();
  nas::registerNasPipelines();

  mlir::DialectRegistry registry;
  registry.insert<nas::NasDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nas-mlir optimizer driver\n", registry));
}
