//===- NasDialect.h - nas dialect declaration -------------------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASDIALECT_H
#define NAS_DIALECT_NAS_IR_NASDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nas/Dialect/Nas/IR/NasDialect.h.inc"

#endif // NAS_DIALECT_NAS_IR_NASDIALECT_H
