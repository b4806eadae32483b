//===- Passes.h - nas transformation and analysis passes --------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_TRANSFORMS_PASSES_H
#define NAS_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace nas {

#define GEN_PASS_DECL
#include "nas/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nas/Transforms/Passes.h.inc"

} // namespace nas

#endif // NAS_TRANSFORMS_PASSES_H
