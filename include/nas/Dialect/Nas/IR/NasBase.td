//===- NasBase.td - nas dialect definition -----------------*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASBASE_TD
#define NAS_DIALECT_NAS_IR_NASBASE_TD

include "mlir/IR/OpBase.td"

def Nas_Dialect : Dialect {
  let name = "nas";
  let cppNamespace = "::nas";
  let summary = "Neural-network primitives and blocks with exact costs";
  let description = [{
    The `nas` dialect describes a neural network by its primitives (fully
    connected, 2-D convolution in all its kinds, pooling, normalization,
    activations, add) and by its blocks (ResNet bottleneck, MobileNetV2
    inverted residual). Every op implements `NasCostOpInterface`, from which
    the cost analysis computes the MACs and memory of each op.

    Layout: feature maps are NCHW (batch, channels, height, width), as in ONNX
    and PyTorch. Convolution weights are FCHW (output channels, input channels
    per group, kernel height, kernel width). Fully connected weights are
    c_out x c_in and apply to the last dimension of the input. Window
    attributes list [height, width], and padding [top, left, bottom, right].

    Verifiers reject only what the types prove inconsistent: a dynamic size
    matches any size. A result size must be static wherever the operands
    determine it.
  }];
}

#endif // NAS_DIALECT_NAS_IR_NASBASE_TD
