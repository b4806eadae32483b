//===- NasInterfaces.td - cost interface of nas ops --------*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASINTERFACES_TD
#define NAS_DIALECT_NAS_IR_NASINTERFACES_TD

include "mlir/IR/OpBase.td"

def Nas_CostOpInterface : OpInterface<"CostOpInterface"> {
  let cppNamespace = "::nas";
  let description = [{
    Cost model of an op. Every `nas` op implements `getPrimitiveKind` and
    `computeCost`, which have no default, so an op cannot be added without a
    cost. Parameter counts, weight bytes and activation bytes follow from the
    operand and result types and are computed by the analysis.
  }];

  let methods = [
    InterfaceMethod<
      /*desc=*/[{
        Returns the primitive kind shown in reports, e.g. "conv",
        "depthwise_conv", "pointwise_conv", "grouped_conv", "fully_connected".
      }],
      /*retTy=*/"::llvm::StringRef",
      /*methodName=*/"getPrimitiveKind">,
    InterfaceMethod<
      /*desc=*/[{
        Computes the multiply-accumulates and the non-MAC work (bias adds,
        elementwise ops, comparisons and additions of pooling) of the op.
        Emits an error and fails on dynamic shapes or on a 64-bit overflow.
      }],
      /*retTy=*/"::mlir::FailureOr<::nas::OpCost>",
      /*methodName=*/"computeCost">,
    InterfaceMethod<
      /*desc=*/[{
        Appends the operands that hold trained parameters (weights, biases,
        normalization scale and shift).
      }],
      /*retTy=*/"void",
      /*methodName=*/"getParameterOperands",
      /*args=*/(ins "::llvm::SmallVectorImpl<::mlir::Value> &":$operands),
      /*methodBody=*/"",
      /*defaultImplementation=*/"return;">,
    InterfaceMethod<
      /*desc=*/[{
        Appends the operands that hold stored statistics which are not
        trained (the running mean and variance of batch normalization).
      }],
      /*retTy=*/"void",
      /*methodName=*/"getStatisticOperands",
      /*args=*/(ins "::llvm::SmallVectorImpl<::mlir::Value> &":$operands),
      /*methodBody=*/"",
      /*defaultImplementation=*/"return;">,
    InterfaceMethod<
      /*desc=*/[{
        Returns true if the op is elementwise in its first operand, so that
        it may write its result into that operand's buffer.
      }],
      /*retTy=*/"bool",
      /*methodName=*/"canReuseInputBuffer",
      /*args=*/(ins),
      /*methodBody=*/"",
      /*defaultImplementation=*/"return false;">,
    InterfaceMethod<
      /*desc=*/[{
        Returns true if the result is a view of the first operand (reshape,
        flatten), so that the op allocates no buffer.
      }],
      /*retTy=*/"bool",
      /*methodName=*/"isViewOfInput",
      /*args=*/(ins),
      /*methodBody=*/"",
      /*defaultImplementation=*/"return false;">,
  ];
}

#endif // NAS_DIALECT_NAS_IR_NASINTERFACES_TD
