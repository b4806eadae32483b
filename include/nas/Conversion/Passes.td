//===- Passes.td - nas conversion passes -------------------*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_PASSES_TD
#define NAS_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNasToLinalg : Pass<"nas-to-linalg"> {
  let summary = "Lowers nas primitives to linalg on tensors";
  let description = [{
    Rewrites every nas primitive into linalg named ops where one exists
    (convolutions, pooling, matmul, fill, broadcast, reduce) and
    linalg.generic otherwise, with tensor.pad for padding and tensor reshapes
    for grouped convolutions, flatten and reshape. Blocks must be expanded
    first (`nas-expand-blocks`). Only f32 and f64 tensors with static shapes
    are supported. The pass checks every nas op before rewriting any. Each
    op that it cannot lower gets an error naming the op and the reason, and
    the pass fails with the IR unchanged.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect",
    "mlir::tensor::TensorDialect",
  ];
}

#endif // NAS_CONVERSION_PASSES_TD
