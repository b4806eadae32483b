//===- SkipPaddingTaps.h - no multiply-adds on zero padding -----*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_SKIPPADDINGTAPS_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_SKIPPADDINGTAPS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/STLFunctionalExtras.h"

namespace nas {
namespace tile_and_vectorize {

/// Removes from the vectorized convolution tiles of `func` the multiply-adds
/// whose input element lies in the zero padding of a tensor.pad, after the
/// accumulators are hoisted. A tap is one step of the reduction over kernel
/// rows, kernel columns and channels: a vector.contract of a column of
/// input pixels read from the pad with a row of weights. In a strided
/// convolution, each pixel has a tap of its own element of such a read.
///
/// - Kernel rows. The body of the outermost reduction loop runs under an
///   scf.if that checks that the input row of at least one of its reads
///   lies inside the pad's source. A tile of the top or bottom output rows
///   thus skips the kernel rows that read only padding.
/// - Kernel columns. A tile loop over output columns gets its first and
///   last iterations peeled (unless it is marked for the threads), so the
///   tiles at the left and right edges have constant columns. In such a
///   tile, the loop over kernel columns is unrolled, and each contraction
///   keeps only the pixels whose input column lies inside the source: it
///   reads fewer rows and updates a slice of the accumulators. A one-pixel
///   contraction on a padded column goes away. Tiles whose
///   channel loop has fewer than 8 steps keep their columns, as the copies
///   would cost more compile time than they save (grouped convolutions
///   with few channels per group).
///
/// On a 3x3 convolution of 256 channels on 14x14 with padding 1, 9% of the
/// multiply-adds read padding. The results are the same except where a
/// weight is infinite or NaN, which the skipped product would have turned
/// into NaN. `canonicalize` folds the constants of the peeled and unrolled
/// copies.
void skipPaddingTaps(mlir::RewriterBase &rewriter, mlir::func::FuncOp func,
                     llvm::function_ref<void(mlir::func::FuncOp)> canonicalize);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_SKIPPADDINGTAPS_H
