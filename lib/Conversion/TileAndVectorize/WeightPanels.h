//===- WeightPanels.h - convolution tiles read blocked weights --*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_WEIGHTPANELS_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_WEIGHTPANELS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"

namespace nas {
namespace tile_and_vectorize {

/// Makes the convolution tiles of `func` read their weights from the
/// output channel blocks that nas-prepack-weights stores. Such a weight is
/// a linalg.unpack of a ceil(F / B) x KH x KW x C x B tensor to
/// KH x KW x C x F. A tile reads a slice of up to B channels from a
/// multiple of B:
///
/// ```mlir
/// %w = linalg.unpack %blocked outer_dims_perm = [3, 0, 1, 2]
///     inner_dims_pos = [3] inner_tiles = [32] into %e
///     : tensor<16x3x3x512x32xf32> -> tensor<3x3x512x512xf32>
/// %t = tensor.extract_slice %w[0, 0, 0, %f] [3, 3, 512, 32] [1, 1, 1, 1]
/// ```
///
/// becomes a slice of block %f / 32, contiguous in memory:
///
/// ```mlir
/// %t = tensor.extract_slice %blocked[%b, 0, 0, 0, 0] [1, 3, 3, 512, 32]
///     [1, 1, 1, 1, 1] : tensor<16x3x3x512x32xf32> to tensor<3x3x512x32xf32>
/// ```
///
/// An unpack that keeps other uses becomes a transpose, a reshape and a
/// slice, computed in every call.
void readWeightPanels(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_WEIGHTPANELS_H
