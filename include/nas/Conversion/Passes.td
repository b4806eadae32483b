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

    With `layout=nhwc`, convolutions, pooling and elementwise ops on 4-D
    tensors compute in the channels-last layout (`linalg.conv_2d_nhwc_hwcf`,
    `linalg.depthwise_conv_2d_nhwc_hwc`, `linalg.pooling_nhwc_*`), with a
    `linalg.transpose` of every 4-D activation operand to NHWC before the op
    and of the result back to NCHW after it. Canonicalization folds each
    back-and-forth pair, so that only the transposes at the function
    boundary, of the weights and around reshapes remain. The function
    signature keeps the NCHW layout of the nas ops.
  }];
  let options = [
    Option<"layout", "layout", "nas::ActivationLayout",
           /*default=*/"nas::ActivationLayout::NCHW",
           "Layout that 4-D ops compute in",
           [{::llvm::cl::values(
             clEnumValN(nas::ActivationLayout::NCHW, "nchw",
                        "channels first, the layout of the nas ops"),
             clEnumValN(nas::ActivationLayout::NHWC, "nhwc",
                        "channels last, with transposes around each op"))}]>,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect",
    "mlir::tensor::TensorDialect",
  ];
}

#endif // NAS_CONVERSION_PASSES_TD
