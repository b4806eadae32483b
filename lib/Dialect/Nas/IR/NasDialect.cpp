//===- NasDialect.cpp - nas dialect registration -------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasDialect.h"
#include "nas/Dialect/Nas/IR/NasOps.h"

using namespace mlir;
using namespace nas;

#include "nas/Dialect/Nas/IR/NasDialect.cpp.inc"

void NasDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "nas/Dialect/Nas/IR/NasOps.cpp.inc"
      >();
}
