//===- BoundaryLayout.h - layout of the tensors of a function ---*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The nas ops are NCHW. With `nas-lower-to-llvm boundary-layout=nhwc`, the
// pass nas-nhwc-boundary gives the 4-D activations at the boundary of the
// public functions the NHWC layout instead. The rule that picks those
// arguments and results is defined here, so that the pass and the tools
// that fill arguments and read results (nas-run, nas-compile) apply the
// same rule.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_BOUNDARYLAYOUT_H
#define NAS_CONVERSION_BOUNDARYLAYOUT_H

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

namespace nas {

/// Order in memory of the dimensions of one argument or result of a lowered
/// function. Every buffer is dense and row-major in that order.
enum class TensorLayout {
  /// A tensor of rank other than 4, in the order of its type.
  RowMajor,
  /// A 4-D convolution weight: output channels, input channels per group,
  /// kernel height, kernel width, as in its type.
  OIHW,
  /// A 4-D activation in the order of its type: batch, channels, height,
  /// width.
  NCHW,
  /// A 4-D activation whose type is N x C x H x W, stored as N x H x W x C.
  NHWC,
};

/// Returns the name of `layout` as the tools print it: `row-major`, `OIHW`,
/// `NCHW` or `NHWC`.
llvm::StringRef getTensorLayoutName(TensorLayout layout);

/// Returns true if `argument`, a function argument, is a weight: it is a
/// ranked 4-D tensor and one of its uses is the weight operand of
/// nas.conv2d, or a weight operand of nas.bottleneck or
/// nas.inverted_residual. nas-expand-blocks turns those into nas.conv2d
/// weights, so block expansion does not change the result. NOTE: only the
/// uses in the function itself count, so a weight that it only passes to a
/// call is taken for an activation.
bool isConvolutionWeight(mlir::BlockArgument argument);

/// Returns true if `argument` is a 4-D activation: a ranked 4-D tensor that
/// is not a weight (isConvolutionWeight).
bool isActivationArgument(mlir::BlockArgument argument);

/// Returns true if nas-nhwc-boundary may change the signature of `func`: it
/// is public, has a body, and no symbol use in the symbol table that
/// contains it refers to it. A function that is called keeps the NCHW
/// layout, because its callers pass NCHW tensors.
bool isBoundaryFunction(mlir::func::FuncOp func);

/// The layout in memory of each argument and each result of a function.
struct BoundaryLayout {
  llvm::SmallVector<TensorLayout> arguments;
  llvm::SmallVector<TensorLayout> results;
};

/// Returns the layout of each argument and result of `func` after
/// nas-lower-to-llvm with `boundary-layout=layout`. Weights are OIHW and
/// tensors of other ranks are row-major. With `layout` NHWC and
/// isBoundaryFunction(func), every 4-D activation argument and every ranked
/// 4-D result is NHWC; otherwise they are NCHW.
BoundaryLayout getBoundaryLayout(mlir::func::FuncOp func,
                                 ActivationLayout layout);

} // namespace nas

#endif // NAS_CONVERSION_BOUNDARYLAYOUT_H
