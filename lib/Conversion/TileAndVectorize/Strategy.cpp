//===- Strategy.cpp - tile sizes of convolutions and pooling --------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Strategy.h"
#include "GroupedConv.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace nas;
using namespace nas::tile_and_vectorize;

namespace {

/// Smallest number of channel tiles of a convolution for which the loop
/// over them is the outermost.
constexpr int64_t kMinChannelTiles = 4;

/// Number of iterations of an outermost tile loop from which
/// nas-parallelize-loops distributes it alone, without collapsing the loop
/// nested in it (kMaxIterationsWithoutCollapse there).
constexpr int64_t kMinCollapsedTiles = 16;

/// Bytes that the L2 cache delivers to the L1 cache in the time of one
/// vector load from the L1 cache. An estimate: 64 bytes per cycle from L2,
/// against two loads per cycle from L1.
constexpr double kL2BytesPerLoad = 32.0;

/// Returns the fraction of the computed elements that are inside a
/// dimension of `size` split into tiles of `tile`.
double getUtilization(int64_t size, int64_t tile) {
  return static_cast<double>(size) /
         static_cast<double>(llvm::divideCeil(size, tile) * tile);
}

/// Returns the largest number of lines that the first input elements of a
/// block of `imageRows` x `rows` pixels, `spacing` apart, place in one set of
/// the L1 cache, or 1 when the spacing is unknown. The pixels of a block
/// step through their inputs together, so these lines are live at once.
int64_t getLinesPerCacheSet(const nas::CpuTarget &target,
                            nas::tile_and_vectorize::InputSpacing spacing,
                            int64_t imageRows, int64_t rows) {
  if (spacing.pixelBytes <= 0 && spacing.imageRowBytes <= 0)
    return 1;
  int64_t lineBytes = target.cacheLineBytes;
  int64_t sets = target.l1CacheBytes / (target.l1Ways * lineBytes);
  llvm::SmallDenseSet<int64_t, 32> lines;
  for (int64_t row = 0; row < imageRows; ++row)
    for (int64_t pixel = 0; pixel < rows; ++pixel)
      lines.insert((row * spacing.imageRowBytes + pixel * spacing.pixelBytes) /
                   lineBytes);
  llvm::SmallDenseMap<int64_t, int64_t, 32> linesPerSet;
  int64_t maxLines = 0;
  for (int64_t line : lines)
    maxLines = std::max(maxLines, ++linesPerSet[line % sets]);
  return maxLines;
}

/// Returns true if a vector of `width` elements lowers to whole registers
/// of `lanes` elements: at most one register, or a power of 2 of full ones.
/// The x86 backend splits other widths, such as 24 f32 with 16 lanes, into
/// element shuffles and stack spills.
bool isRegisterWidth(int64_t width, int64_t lanes) {
  return width <= lanes ||
         (width % lanes == 0 && llvm::isPowerOf2_64(width / lanes));
}

/// Returns the bit width of the element type of the result of `op`, or 0
/// when it is not f32 or f64.
unsigned getFloatBitWidth(linalg::LinalgOp op) {
  Type type = getElementTypeOrSelf(op->getResult(0).getType());
  if (!type.isF32() && !type.isF64())
    return 0;
  return type.getIntOrFloatBitWidth();
}

/// Order of the tile loops of an NHWC window op.
enum class TileOrder {
  /// Channel tiles, then output rows, then the tiles along a row.
  ChannelsFirst,
  /// Output rows, then channel tiles, then the tiles along a row.
  ChannelsInRow,
  /// Output rows, then the tiles along a row, then channel tiles.
  ChannelsLast,
};

/// Returns the plan of a 2-D convolution or pooling op in NHWC whose loops
/// are (n, oh, ow, c or f, kh, kw[, c]) and whose output is N x OH x OW x F:
/// one tile of `block` per output row, the tile loops in `order`, and the
/// reductions listed in `reductionSteps`.
TilingPlan planNhwcWindowOp(StringRef kind, ArrayRef<int64_t> outputShape,
                            RegisterBlock block, TileOrder order,
                            ArrayRef<int64_t> reductionSteps) {
  // A block over several image rows that covers the whole output would
  // leave no tile loop to fuse the producers and consumer into. The rows
  // then split by the largest proper divisor of their count, which peels
  // no shorter last tile into a loop of its own.
  int64_t imageRows = block.imageRows;
  if (imageRows > 1 && imageRows >= outputShape[1] &&
      block.rows >= outputShape[2] && block.columns >= outputShape[3] &&
      outputShape[0] == 1) {
    imageRows = std::max<int64_t>(1, outputShape[1] / 2);
    while (outputShape[1] % imageRows != 0)
      --imageRows;
  }
  TilingPlan plan;
  plan.kind = kind;
  plan.parallelTiles = {tileOrFull(outputShape[0], 1),
                        tileOrFull(outputShape[1], imageRows),
                        tileOrFull(outputShape[2], block.rows),
                        tileOrFull(outputShape[3], block.columns)};
  switch (order) {
  case TileOrder::ChannelsFirst:
    plan.interchange = {3, 0, 1, 2};
    break;
  case TileOrder::ChannelsInRow:
    plan.interchange = {0, 1, 3, 2};
    break;
  case TileOrder::ChannelsLast:
    plan.interchange = {0, 1, 2, 3};
    break;
  }
  plan.reductionTiles.assign(4, 0);
  llvm::append_range(plan.reductionTiles, reductionSteps);
  return plan;
}

/// Returns the plan of a transpose with result shape `output`: tiles of
/// `lanes` x `lanes` elements in the result dimension that is contiguous in
/// the input (its innermost dimension of more than one element) and the
/// last result dimension, 1 elsewhere. Each
/// tile reads `lanes` contiguous rows of the input and writes `lanes`
/// contiguous rows of the result. When the last dimension stays last, the
/// transpose copies rows of up to 4 * `lanes` elements.
TilingPlan planTranspose(linalg::TransposeOp transpose,
                         ArrayRef<int64_t> output, int64_t lanes) {
  ArrayRef<int64_t> permutation = transpose.getPermutation();
  ArrayRef<int64_t> input =
      cast<RankedTensorType>(transpose.getInput().getType()).getShape();
  int64_t rank = output.size();
  int64_t last = rank - 1;
  // The input's innermost dimension of more than one element, along which
  // it is contiguous, and its position in the result.
  int64_t inputInner = last;
  while (inputInner > 0 && input[inputInner] == 1)
    --inputInner;
  int64_t inputLast = llvm::find(permutation, inputInner) - permutation.begin();
  TilingPlan plan;
  plan.kind = "transpose";
  plan.parallelTiles.assign(rank, 0);
  for (int64_t dim = 0; dim < rank; ++dim)
    plan.parallelTiles[dim] = tileOrFull(output[dim], 1);
  if (inputLast == last) {
    plan.parallelTiles[last] = tileOrFull(output[last], 4 * lanes);
  } else {
    plan.parallelTiles[last] = tileOrFull(output[last], lanes);
    plan.parallelTiles[inputLast] = tileOrFull(output[inputLast], lanes);
  }
  plan.interchange = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  return plan;
}

} // namespace

int64_t nas::tile_and_vectorize::balanceTile(int64_t size, int64_t tile) {
  int64_t count = llvm::divideCeil(size, tile);
  return llvm::divideCeil(size, count);
}

int64_t nas::tile_and_vectorize::tileOrFull(int64_t size, int64_t tile) {
  return tile >= size ? 0 : tile;
}

RegisterBlock nas::tile_and_vectorize::chooseGemmRegisterBlock(
    const CpuTarget &target, int64_t height, int64_t width, int64_t channels,
    int64_t reduction, unsigned bitWidth, int64_t maxImageRows,
    InputSpacing spacing) {
  int64_t lanes = target.getLanes(bitWidth);
  int64_t registers = target.vectorRegisters;
  int64_t elementBytes = bitWidth / 8;
  // At most a quarter of the registers hold weight vectors: 4 of 32 for
  // AVX-512, 2 of 16 for AVX2 and SSE.
  int64_t maxVectors =
      std::min<int64_t>(llvm::divideCeil(channels, lanes), registers / 8);
  // All tiles of one column block read the same weight panel of
  // `reduction` x (vectors * lanes) elements, so it should stay in the L2
  // cache, next to the input rows: at most half of it. One vector is always
  // allowed.
  int64_t panelBytesPerVector = reduction * lanes * elementBytes;
  while (maxVectors > 1 &&
         maxVectors * panelBytesPerVector > target.l2CacheBytes / 2)
    maxVectors /= 2;
  // With a single output row (a fully connected layer on one input), each
  // weight feeds one multiply-add. A weight of more than half the L2 cache
  // then streams from memory, far slower than the load slots, so wider
  // blocks gain nothing. One vector gives the threads the most tiles.
  // 1000 channels make 62 tiles instead of 31, which two threads split
  // evenly: 1280->1000 went from 0.070 to 0.062 ms on two threads and
  // 2048->1000 from 0.150 to 0.143 ms, with no loss on one thread.
  double weightBytes = static_cast<double>(reduction) *
                       static_cast<double>(channels) *
                       static_cast<double>(elementBytes);
  if (height * width == 1 && weightBytes > target.l2CacheBytes / 2)
    maxVectors = 1;
  RegisterBlock best;
  double bestScore = -1.0;
  for (int64_t vectors = 1; vectors <= maxVectors; vectors *= 2) {
    // Both the full column tiles and the last, partial one must have
    // register widths; one vector always does.
    int64_t columns = std::min(channels, vectors * lanes);
    int64_t lastColumns = channels % columns;
    if (!isRegisterWidth(columns, lanes) ||
        (lastColumns != 0 && !isRegisterWidth(lastColumns, lanes)))
      continue;
    // A weight vector costs one load slot while the panel fits in half of
    // the L1 cache. Otherwise it costs the slots that the L2 cache takes to
    // deliver its bytes.
    double weightLoadCost = 1.0;
    if (vectors * panelBytesPerVector > target.l1CacheBytes / 2)
      weightLoadCost = std::max(1.0, static_cast<double>(lanes * elementBytes) /
                                         kL2BytesPerLoad);
    // The accumulators, one weight vector per column and the broadcast
    // input element.
    int64_t maxPixels = (registers - vectors - 1) / vectors;
    // NOTE: the score does not predict that blocks of several rows by one
    // vector can be slower than one row: 5 rows of 3x3 1024->96 on 5x5 ran
    // 5% to 13% slower.
    int64_t imageRowLimit = std::min({height, maxPixels, maxImageRows});
    for (int64_t imageRows = 1; imageRows <= imageRowLimit; ++imageRows) {
      for (int64_t rows = 1; rows <= std::min(width, maxPixels / imageRows);
           ++rows) {
        // A block spans several image rows only when it spans whole rows.
        if (imageRows > 1 && rows != width)
          continue;
        // One way of each set is left to the weight panel, which streams
        // through all sets.
        if (getLinesPerCacheSet(target, spacing, imageRows, rows) >
            std::max<int64_t>(1, target.l1Ways - 1))
          continue;
        double utilization = getUtilization(height, imageRows) *
                             getUtilization(width, rows) *
                             getUtilization(channels, vectors * lanes);
        // Multiply-adds per load slot: each step over the reduction does
        // one multiply-add per accumulator, one broadcast per pixel and
        // one load per weight vector. The stride does not enter: on
        // ResNet-50's 3x3 stride-2 layers (AVX-512), the blocks this score
        // picks ran 11% to 18% faster than with a stride^2 factor.
        int64_t pixels = imageRows * rows;
        double intensity =
            static_cast<double>(pixels * vectors) /
            (static_cast<double>(pixels) + weightLoadCost * vectors);
        double score = utilization * intensity;
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best.imageRows = imageRows;
          best.rows = rows;
          best.columns = columns;
        }
      }
    }
  }
  return best;
}

RegisterBlock nas::tile_and_vectorize::chooseWindowRegisterBlock(
    const CpuTarget &target, int64_t width, int64_t channels,
    int64_t kernelWidth, int64_t stride, int64_t weightVectors,
    unsigned bitWidth) {
  int64_t lanes = target.getLanes(bitWidth);
  int64_t registers = target.vectorRegisters;
  // The accumulators, the (rows - 1) * stride + kernelWidth input vectors
  // of a row and the weight vectors, with one register to spare.
  int64_t rows = 1;
  for (int64_t candidate = width; candidate >= 1; --candidate) {
    int64_t needed = candidate + (candidate - 1) * stride + kernelWidth +
                     weightVectors * kernelWidth;
    if (needed <= registers - 1) {
      rows = candidate;
      break;
    }
  }
  return {balanceTile(width, rows), std::min(channels, lanes)};
}

std::optional<TilingPlan>
nas::tile_and_vectorize::planTiling(linalg::LinalgOp op,
                                    const CpuTarget &target) {
  if (!op.hasPureTensorSemantics() || op->getNumResults() != 1 ||
      op.hasDynamicShape())
    return std::nullopt;
  unsigned bitWidth = getFloatBitWidth(op);
  if (bitWidth == 0)
    return std::nullopt;
  // An op on an empty tensor has nothing to tile, and the tiling utilities
  // do not accept loops of 0 iterations.
  for (Value value : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (type && llvm::is_contained(type.getShape(), 0))
      return std::nullopt;
  }
  ArrayRef<int64_t> output =
      cast<RankedTensorType>(op->getResult(0).getType()).getShape();
  auto shapeOf = [&](unsigned operand) {
    return cast<RankedTensorType>(op->getOperand(operand).getType()).getShape();
  };

  if (std::optional<TilingPlan> plan = planRotatedGroupConv(op, target))
    return plan;

  if (auto conv = dyn_cast<linalg::Conv2DNhwcHwcfOp>(op.getOperation())) {
    ArrayRef<int64_t> filter = shapeOf(1);
    ArrayRef<int64_t> input = shapeOf(0);
    auto strides = llvm::to_vector(conv.getStrides().getValues<int64_t>());
    int64_t elementBytes = bitWidth / 8;
    InputSpacing spacing;
    spacing.pixelBytes = strides[1] * input[3] * elementBytes;
    spacing.imageRowBytes = strides[0] * input[2] * input[3] * elementBytes;
    RegisterBlock block = chooseGemmRegisterBlock(
        target, output[1], output[2], output[3],
        filter[0] * filter[1] * filter[2], bitWidth, INT64_MAX, spacing);
    // Channel tiles go outermost when there are enough of them to share
    // among threads, and each reuses its weight panel over all pixels.
    // With fewer, their panels are small, so output rows go outermost and
    // give the threads many iterations. Otherwise a partial channel tile,
    // run after the others, would be one sequential iteration. A weight
    // that fits in a quarter of the L2 cache stays there over all rows, so
    // its rows go outermost too: each thread then writes whole output rows
    // instead of a strided part of every row.
    int64_t weightBytes =
        filter[0] * filter[1] * filter[2] * output[3] * (bitWidth / 8);
    auto isChannelsOutermost = [&](const RegisterBlock &candidate) {
      return llvm::divideCeil(output[3], candidate.columns) >=
                 kMinChannelTiles &&
             weightBytes > target.l2CacheBytes / 4;
    };
    bool channelsOutermost = isChannelsOutermost(block);
    // A last tile of fewer rows than the block is peeled into a loop of
    // its own. With the rows outermost, nas-parallelize-loops would
    // distribute it separately, with a second fork and join and uneven
    // shares: on 7 rows, 2-row blocks give 3 tiles and a 1-row one. With
    // the channel tiles outermost, the peeled loop keeps the rows from
    // being collapsed into the distributed loop, whose iterations are then
    // only the channel tiles, and 2 threads split an odd number of them
    // unevenly. One row per block keeps all tiles in one loop. Measured on
    // 1x1 960->160 at 7x7 (5 channel tiles, AVX-512): 1-row blocks took
    // 0.055 ms instead of 0.061 on 2 threads, and 0.094 instead of 0.090
    // on one.
    int64_t channelTiles = llvm::divideCeil(output[3], block.columns);
    if (block.imageRows > 1 && output[1] % block.imageRows != 0 &&
        (!channelsOutermost ||
         (channelTiles % 2 != 0 && channelTiles < kMinCollapsedTiles))) {
      block = chooseGemmRegisterBlock(target, output[1], output[2], output[3],
                                      filter[0] * filter[1] * filter[2],
                                      bitWidth, /*maxImageRows=*/1, spacing);
      channelsOutermost = isChannelsOutermost(block);
    }
    // Below the rows, the channel tiles come first when the weight panel
    // of one tile fits in half of the L1 cache and the whole weight does
    // not. Each panel then stays in L1 over the tiles along a row. With one
    // output row, the channel tiles would become the loop that the threads
    // share, so the order stays.
    // With AVX-512 and a 48 KiB L1, 1x1 64->256 at 56x56 took 0.581 ms
    // instead of 0.597 on one thread, and 0.288 instead of 0.305 on two.
    TileOrder order = TileOrder::ChannelsLast;
    int64_t tilePanelBytes = filter[0] * filter[1] * filter[2] *
                             block.columns * (bitWidth / 8);
    if (channelsOutermost)
      order = TileOrder::ChannelsFirst;
    else if (output[1] > 1 && block.columns < output[3] &&
             tilePanelBytes <= target.l1CacheBytes / 2 &&
             weightBytes > target.l1CacheBytes / 2)
      order = TileOrder::ChannelsInRow;
    // One step of the reduction over (kh, kw, c) is an outer product of
    // `rows` input elements and `columns` weights.
    return planNhwcWindowOp("conv", output, block, order,
                            {tileOrFull(filter[0], 1), tileOrFull(filter[1], 1),
                             tileOrFull(filter[2], 1)});
  }

  if (auto conv =
          dyn_cast<linalg::DepthwiseConv2DNhwcHwcOp>(op.getOperation())) {
    ArrayRef<int64_t> filter = shapeOf(1);
    int64_t stride = conv.getStrides().getValues<int64_t>()[1];
    RegisterBlock block = chooseWindowRegisterBlock(
        target, output[2], output[3], filter[1], stride,
        /*weightVectors=*/1, bitWidth);
    // The kernel width stays in the tile: the vectorized 1-D convolution
    // reads each input vector of a row once for all kernel columns.
    return planNhwcWindowOp("depthwise", output, block,
                            TileOrder::ChannelsLast,
                            {tileOrFull(filter[0], 1), 0});
  }

  if (isa<linalg::MatmulOp>(op.getOperation()) && !op.hasUserDefinedMaps()) {
    // M x K times K x N: the same register block as a convolution, with
    // rows of the left operand in place of output pixels.
    int64_t reduction = shapeOf(0)[1];
    InputSpacing spacing;
    spacing.pixelBytes = reduction * (bitWidth / 8);
    RegisterBlock block =
        chooseGemmRegisterBlock(target, /*height=*/1, output[0], output[1],
                                reduction, bitWidth, INT64_MAX, spacing);
    TilingPlan plan;
    plan.kind = "matmul";
    plan.parallelTiles = {tileOrFull(output[0], block.rows),
                          tileOrFull(output[1], block.columns)};
    plan.interchange = {1, 0};
    plan.reductionTiles = {0, 0, tileOrFull(reduction, 1)};
    return plan;
  }

  if (auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation()))
    return planTranspose(transpose, output, target.getLanes(bitWidth));

  if (isa<linalg::CopyOp>(op.getOperation())) {
    // Contiguous tiles of up to 4 vectors: the trailing dimensions that fit
    // whole, and as many rows of the next dimension as fit.
    // Only the trailing dimensions that a padding user does not pad keep
    // their whole extent in its padded buffer, which the copy writes.
    int64_t rank = output.size();
    int64_t unpadded = 0;
    Value result = op->getResult(0);
    auto pad = result.hasOneUse()
                   ? dyn_cast<tensor::PadOp>(*result.getUsers().begin())
                   : nullptr;
    while (unpadded < rank) {
      int64_t dim = rank - 1 - unpadded;
      if (pad && (!isZeroInteger(pad.getMixedLowPad()[dim]) ||
                  !isZeroInteger(pad.getMixedHighPad()[dim])))
        break;
      ++unpadded;
    }
    int64_t budget = 4 * target.getLanes(bitWidth);
    TilingPlan plan;
    plan.kind = "copy";
    plan.parallelTiles.assign(rank, 0);
    int64_t elements = 1;
    int64_t dim = rank - 1;
    for (; dim >= rank - unpadded && elements * output[dim] <= budget; --dim)
      elements *= output[dim];
    // The outermost dimension of a tile may be partial, padded or not: the
    // tile stays contiguous in the padded buffer.
    if (dim >= 0)
      plan.parallelTiles[dim] =
          tileOrFull(output[dim], std::max<int64_t>(1, budget / elements));
    for (int64_t outer = 0; outer < dim; ++outer)
      plan.parallelTiles[outer] = tileOrFull(output[outer], 1);
    plan.interchange = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    return plan;
  }

  if (isa<linalg::PoolingNhwcMaxOp, linalg::PoolingNhwcSumOp>(
          op.getOperation())) {
    ArrayRef<int64_t> window = shapeOf(1);
    auto strides = op->getAttrOfType<DenseIntElementsAttr>("strides");
    int64_t stride = strides.getValues<int64_t>()[1];
    RegisterBlock block =
        chooseWindowRegisterBlock(target, output[2], output[3], window[1],
                                  stride, /*weightVectors=*/0, bitWidth);
    return planNhwcWindowOp("pooling", output, block,
                            TileOrder::ChannelsLast,
                            {tileOrFull(window[0], 1), 0});
  }
  return std::nullopt;
}

int64_t nas::tile_and_vectorize::getIterationCount(linalg::LinalgOp op) {
  uint64_t count = 1;
  bool overflow = false;
  for (int64_t range : op.getStaticLoopRanges())
    count = llvm::SaturatingMultiply(count, static_cast<uint64_t>(range),
                                     &overflow);
  return overflow || count > INT64_MAX ? INT64_MAX
                                       : static_cast<int64_t>(count);
}
