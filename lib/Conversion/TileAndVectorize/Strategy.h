//===- Strategy.h - tile sizes of convolutions and pooling ------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Chooses, for each linalg op that nas-tile-and-vectorize tiles (an
// "anchor"), the tile sizes of the loops over output tiles and of the
// reduction loops inside a tile, from the vector width and register count of
// the target CPU.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_STRATEGY_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_STRATEGY_H

#include "nas/Conversion/CpuTarget.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"

#include <cstdint>
#include <optional>

namespace nas {
namespace tile_and_vectorize {

/// A register block: `rows` output pixels along an image row in each of
/// `imageRows` image rows, by `columns` channels, held in
/// imageRows * rows * ceil(columns / lanes) vector registers.
struct RegisterBlock {
  int64_t rows = 1;
  int64_t columns = 1;
  int64_t imageRows = 1;
};

/// Tile sizes of one anchor op. A size of 0 leaves the loop untiled.
struct TilingPlan {
  /// Kind of kernel, for diagnostics and tests: "conv", "depthwise",
  /// "pooling", "matmul", "transpose" or "copy".
  llvm::StringRef kind;
  /// Tile sizes of the anchor's parallel loops, which are also the loops of
  /// its fused elementwise consumer, in the consumer's loop order.
  llvm::SmallVector<int64_t> parallelTiles;
  /// Order of the tile loops: loop i iterates over dimension interchange[i].
  llvm::SmallVector<int64_t> interchange;
  /// Tile sizes of every loop of the anchor inside one output tile: 0 for the
  /// parallel loops, the step of each reduction loop otherwise.
  llvm::SmallVector<int64_t> reductionTiles;
};

/// Distance in bytes, in the input of a convolution or matrix product,
/// between the first elements that two neighbouring outputs of a register
/// block read: along an output row, and from one output row to the next. 0
/// when unknown.
struct InputSpacing {
  int64_t pixelBytes = 0;
  int64_t imageRowBytes = 0;
};

/// Returns `tile` reduced so that the tiles of a dimension of `size` keep
/// their count and differ in size by at most one: 28 with at most 10 per
/// tile gives 3 tiles of 10, 10 and 8.
int64_t balanceTile(int64_t size, int64_t tile);

/// Returns the tile size of a loop of `size` iterations: `tile`, or 0 (no
/// tiling) when one tile covers the loop.
int64_t tileOrFull(int64_t size, int64_t tile);

/// Chooses the register block of a direct convolution or matrix product
/// that computes `height` x `width` outputs (image rows by outputs along a
/// row) by `channels` output channels. Each output accumulates `reduction`
/// products of a broadcast input element and a vector of weights. The block
/// keeps its accumulators, one weight vector per register column and one
/// broadcast input in the target's vector registers, and its weight panel
/// (`reduction` x columns) in half of the L2 cache. It maximizes the useful
/// fraction of the computed block times its multiply-adds per load slot. A
/// weight vector costs more than one load slot when the panel does not fit in
/// half of the L1 cache. This favors blocks of many pixels by few vectors, over
/// several image rows (at most `maxImageRows`) when the rows are short.
///
/// `spacing` gives the distance between the inputs of neighbouring pixels.
/// The pixels of a block read their inputs in lockstep, one line each, so
/// pixels whose lines map to the same set of the L1 cache compete for its
/// ways. A block keeps at most `l1Ways - 1` pixels in one set. Without this
/// limit, on a core with an 8-way L1 cache of 32 KiB, 28 pixels of 3x3/2
/// 512->512 on 14x14 (all 4 KiB apart) took 4.1 times as long as oneDNN.
RegisterBlock chooseGemmRegisterBlock(const CpuTarget &target, int64_t height,
                                      int64_t width, int64_t channels,
                                      int64_t reduction, unsigned bitWidth,
                                      int64_t maxImageRows = INT64_MAX,
                                      InputSpacing spacing = {});

/// Chooses the register block of a depthwise convolution or pooling window
/// of `kernelWidth` columns with `stride` that computes `width` outputs by
/// `channels` channels, vectorized along the channels: the accumulators,
/// the input row the window slides over, and the `weightVectors` weight
/// vectors per channel vector must fit in the vector registers.
RegisterBlock chooseWindowRegisterBlock(const CpuTarget &target, int64_t width,
                                        int64_t channels, int64_t kernelWidth,
                                        int64_t stride, int64_t weightVectors,
                                        unsigned bitWidth);

/// Returns the number of iterations of the loops of `op`, saturated at
/// INT64_MAX.
int64_t getIterationCount(mlir::linalg::LinalgOp op);

/// Returns the tiling plan of `op` for `target`, or std::nullopt when
/// nas-tile-and-vectorize does not tile ops of its kind, shape or element
/// type.
std::optional<TilingPlan> planTiling(mlir::linalg::LinalgOp op,
                                     const CpuTarget &target);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_STRATEGY_H
