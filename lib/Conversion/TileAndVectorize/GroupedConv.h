//===- GroupedConv.h - grouped convolutions by channel rotations -*- C++
//-*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The tiles of the linalg.generic that nas-to-linalg emits for a grouped
// convolution with W = 2, 4 or 8 channels per group (the op with
// kRotatedGroupConvAttrName). A tile covers one output row, `r` output
// columns and `t` whole groups, t * W channels in one vector. For each of
// the KH kernel rows, the tile reads the (r - 1) * s + (KW - 1) * d + 1 input
// vectors of its window once, rotates each group of each vector by 1 to W - 1
// channels (one vector.shuffle each), and accumulates one FMA per output
// column, kernel column and rotation. Every lane of every FMA is useful,
// where one convolution per group would use W lanes of each vector.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_GROUPEDCONV_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_GROUPEDCONV_H

#include "Strategy.h"

namespace nas {
namespace tile_and_vectorize {

/// Returns the plan of a rotated grouped convolution, or std::nullopt for
/// other ops. A tile is 1 output row, `r` columns and `t` groups: t * W
/// channels make one vector of the target, or fewer if there are fewer
/// groups. `r` is the largest whose window vectors, their rotations and
/// accumulators fit in the registers. The reduction loops stay whole.
std::optional<TilingPlan> planRotatedGroupConv(mlir::linalg::LinalgOp op,
                                               const CpuTarget &target);

/// Replaces the tiled rotated grouped convolution `op` (one output row)
/// with straight-line vector code over all kernel rows and columns, which
/// reads the input without its repeated copy and keeps the accumulators
/// in registers. Fails, leaving `op` unchanged, when `op` does not have
/// that form.
mlir::LogicalResult vectorizeRotatedGroupConv(mlir::RewriterBase &rewriter,
                                              mlir::linalg::GenericOp op);

/// Vectorizes the elementwise consumer `op` of a tile that
/// vectorizeRotatedGroupConv vectorized: a linalg.generic over
/// 1 x 1 x rows x G x W with identity maps, one of whose inputs is the
/// tile's result. Each row is computed on 1-D vectors of G * W elements,
/// read and written through views that merge G and W, as the rotated
/// kernel writes its rows. The reads of the kernel's rows then fold to the
/// kernel's registers; the linalg vectorizer would instead read the tile
/// as vectors of W elements.
mlir::LogicalResult
vectorizeRotatedGroupConvEpilogue(mlir::RewriterBase &rewriter,
                                  mlir::linalg::GenericOp op);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_GROUPEDCONV_H
