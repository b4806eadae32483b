//===- Padding.h - pads as border fills -------------------------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
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
///
/// Some pads fill their border in a loop over the padded rows instead,
/// marked with kParallelMarker too. These are 4-D pads of rows and columns
/// (dimensions 1 and 2) only, with at least 16,384 border elements. Their
/// source is the result of a tile loop marked with kParallelMarker. Each
/// row fills its left and right columns, or all of it if it is a top or
/// bottom row. The loop runs before the producer (marked with
/// kBorderFillMarker) unless the padding value is computed after the
/// producer. The threads split the border rows as they split the
/// producer's rows, so each writes the border next to the rows it
/// computes, and the consumer's threads find their rows' border in their
/// own caches.
///
/// Other pads get linalg's decomposition: a tensor.generate of the padded
/// tensor and the insert of the source.
void decomposePads(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

/// Unit attribute of the loops that nas-parallelize-loops turns into
/// scf.parallel: the outermost two tile loops of an anchor, and the row loop
/// of a border fill (see decomposePads).
constexpr llvm::StringLiteral kParallelMarker = "nas.parallel";

/// Unit attribute of the row loop of a border fill that runs before the
/// tile loop that computes the pad's source into the rest of the buffer.
/// The two loops write different elements, so nas-merge-parallel-regions
/// drops the barrier between them. The producer's barrier orders both
/// before the consumer.
constexpr llvm::StringLiteral kBorderFillMarker = "nas.border_fill";

/// Unit attribute of the tensor.pad ops whose padding the vector reads of
/// their users produce, instead of a padded buffer.
constexpr llvm::StringLiteral kPadInRegistersMarker = "nas.pad_in_registers";

/// Returns true if the vector reads of `pad`'s users can produce its
/// padding. That needs static sizes, a constant padding value, a nonempty
/// source that no linalg op computes, and no padding of the first and last
/// dimensions (the batch and the channels of an NHWC window op). All users
/// must be depthwise convolutions or poolings of f32 or f64 that read the
/// pad as their input. These ops do a few multiply-adds per input element,
/// so a copy of the input into a padded buffer costs them as much as the
/// op. A read at a clamped position and a select of the padding value
/// cost a compare and a blend per vector.
bool isRegisterPadCandidate(mlir::tensor::PadOp pad);

/// Marks with kPadInRegistersMarker every tensor.pad of `func` for which
/// isRegisterPadCandidate holds.
void markRegisterPads(mlir::func::FuncOp func);

/// Rewrites the vector.transfer_read ops of the result of each marked
/// tensor.pad into one 1-D read of the pad's source per row of the vector.
/// Only reads whose dimensions are all in bounds, without a mask, and whose
/// vector spans trailing dimensions of the tensor are rewritten. Each row
/// reads its position clamped into the source, and keeps it only if the
/// position lies inside the source. Elsewhere it takes the padding value:
///
/// ```mlir
/// %v = vector.transfer_read %padded[%c0, %h, %w, %c], %pv
///     : tensor<1x9x9x960xf32>, vector<3x16xf32>
/// ```
///
/// becomes, for each row r of the 3 rows,
///
/// ```mlir
/// %in = (0 <= %h - 1 < 7) and (0 <= %w + r - 1 < 7)
/// %row = vector.transfer_read %x[%c0, clamp(%h - 1), clamp(%w + r - 1), %c]
/// %sel = arith.select %in, %row, %padding_vector
/// ```
///
/// inserted into the result vector. Erases the pads that this leaves
/// without users and removes the marker from the others, which
/// decomposePads then turns into buffers.
void readPadsInRegisters(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

/// Makes every tensor.pad of `func` whose source is not the result of a
/// linalg op (a function argument, or a reshape of one), and that is not
/// marked with kPadInRegistersMarker, pad a linalg.copy of that source
/// instead. Once the pad is decomposed, empty tensor
/// elimination lets the copy, which is tiled and vectorized like any
/// anchor, write the source into the padded buffer. Without it, the source
/// would reach the padded buffer through a memref.copy into a strided
/// subview, which the LLVM lowering copies element by element.
void copyPaddedSources(mlir::RewriterBase &rewriter, mlir::func::FuncOp func);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_PADDING_H
