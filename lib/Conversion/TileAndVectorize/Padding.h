//===- Padding.h - pads as border fills -------------------------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"

namespace nas {
namespace tile_and_vectorize {

/// Rewrites every tensor.pad of `func` with static sizes and a constant
/// padding value into a tensor.insert_slice of the source into a
/// tensor.empty of the padded shape, followed by one linalg.fill per padded
/// side, on the border slab of that side:
///
/// ```mlir
/// %e = tensor.empty() : tensor<1x58x58x64xf32>
/// %s = tensor.insert_slice %x into %e[0, 1, 1, 0] [1, 56, 56, 64] ...
/// %top = tensor.extract_slice %s[0, 0, 0, 0] [1, 1, 58, 64] ...
/// %f = linalg.fill ins(%zero) outs(%top)
/// %s2 = tensor.insert_slice %f into %s[0, 0, 0, 0] [1, 1, 58, 64] ...
/// ... (bottom, left, right)
/// ```
///
/// Empty tensor elimination then computes the source in the padded buffer,
/// and only the border is written a second time, not the whole tensor.
/// Other pads get linalg's decomposition: a tensor.generate of the padded
/// tensor and the insert of the source.
void decomposePads(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

/// Makes every tensor.pad of `func` whose source is not the result of a
/// linalg op (a function argument, or a reshape of one) pad a linalg.copy
/// of that source instead. Once the pad is decomposed, empty tensor
/// elimination lets the copy, which is tiled and vectorized like any
/// anchor, write the source into the padded buffer. Without it, the source
/// would reach the padded buffer through a memref.copy into a strided
/// subview, which the LLVM lowering copies element by element.
void copyPaddedSources(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H
