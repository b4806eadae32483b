//===- FuseDepthwise.cpp - depthwise and 1x1 convolutions by rows ---------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "FuseDepthwise.h"
#include "Padding.h"
#include "Strategy.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace nas;
using namespace nas::tile_and_vectorize;

namespace {

/// A depthwise convolution, its optional elementwise consumer, the 1x1
/// convolution that reads the result and that convolution's optional
/// elementwise consumer.
struct Pair {
  linalg::DepthwiseConv2DNhwcHwcOp depthwise;
  linalg::GenericOp depthwiseEpilogue;
  linalg::Conv2DNhwcHwcfOp pointwise;
  linalg::GenericOp pointwiseEpilogue;
};

/// Returns true if `op` has static shapes and strides and dilations of 1,
/// and a 1x1 filter.
bool isPointwise(linalg::Conv2DNhwcHwcfOp op) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape())
    return false;
  auto filter = cast<RankedTensorType>(op.getInputs()[1].getType());
  return filter.getDimSize(0) == 1 && filter.getDimSize(1) == 1 &&
         llvm::all_of(op.getStrides().getValues<int64_t>(),
                      [](int64_t s) { return s == 1; }) &&
         llvm::all_of(op.getDilations().getValues<int64_t>(),
                      [](int64_t d) { return d == 1; });
}

/// Returns the pair that `depthwise` starts, or std::nullopt.
std::optional<Pair> matchPair(linalg::DepthwiseConv2DNhwcHwcOp depthwise,
                              FusableConsumerFn getFusableConsumer) {
  if (!depthwise.hasPureTensorSemantics() || depthwise.hasDynamicShape())
    return std::nullopt;
  Pair pair;
  pair.depthwise = depthwise;
  pair.depthwiseEpilogue = getFusableConsumer(depthwise);
  Operation *last = pair.depthwiseEpilogue
                        ? pair.depthwiseEpilogue.getOperation()
                        : depthwise.getOperation();
  Value result = last->getResult(0);
  if (!result.hasOneUse())
    return std::nullopt;
  OpOperand &use = *result.use_begin();
  auto pointwise = dyn_cast<linalg::Conv2DNhwcHwcfOp>(use.getOwner());
  if (!pointwise || use.getOperandNumber() != 0 || !isPointwise(pointwise))
    return std::nullopt;
  pair.pointwise = pointwise;
  pair.pointwiseEpilogue = getFusableConsumer(pointwise);
  return pair;
}

/// Returns true if the result of `pair`'s depthwise convolution is larger
/// than an eighth of the target's L2 cache. Unfused, that result is written
/// whole and read back by the 1x1 convolution, while the depthwise input
/// (as large, or 4 times larger at stride 2) competes for the same cache.
/// Fused, each row is read back from the L1 or L2 cache right after it is
/// written. The limit is measured: with 2 MiB of L2, MobileNetV2 ran about
/// 4% faster on one and on two threads with its blocks from 112x112 down to
/// 14x14 fused (results of 301 KiB and more). Fusing the 7x7 blocks too
/// gained nothing, because a loop of 7 rows splits unevenly over two
/// threads.
bool isWorthFusing(const Pair &pair, const CpuTarget &target) {
  auto type = cast<RankedTensorType>(pair.depthwise->getResult(0).getType());
  Type element = type.getElementType();
  if (!element.isIntOrFloat())
    return false;
  uint64_t bytes = (element.getIntOrFloatBitWidth() + 7) / 8;
  bool overflow = false;
  for (int64_t size : type.getShape())
    bytes =
        llvm::SaturatingMultiply(bytes, static_cast<uint64_t>(size), &overflow);
  return overflow || bytes > static_cast<uint64_t>(target.l2CacheBytes / 8);
}

/// Tiles the last op of `pair` into a loop over its output rows, one per
/// iteration, and fuses the others into the loop. Marks the loop with
/// kParallelMarker if `markParallel` is set, and adds the ops in the loop to
/// `sequential`.
LogicalResult fusePair(RewriterBase &rewriter, Pair pair, bool markParallel,
                       SmallPtrSetImpl<Operation *> &sequential) {
  MLIRContext *context = rewriter.getContext();
  Operation *root = pair.pointwiseEpilogue
                        ? pair.pointwiseEpilogue.getOperation()
                        : pair.pointwise.getOperation();
  auto tileable = cast<TilingInterface>(root);
  SmallVector<int64_t> tileSizes(tileable.getLoopIteratorTypes().size(), 0);
  tileSizes[0] = 1;
  tileSizes[1] = 1;

  scf::SCFTilingOptions tiling;
  tiling.setTileSizes(getAsIndexOpFoldResult(context, tileSizes));
  tiling.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
  scf::SCFTileAndFuseOptions options;
  options.setTilingOptions(tiling);
  SmallPtrSet<Operation *, 4> fused = {pair.depthwise, pair.pointwise};
  if (pair.depthwiseEpilogue)
    fused.insert(pair.depthwiseEpilogue);
  options.setFusionControlFn(
      [&fused](tensor::ExtractSliceOp, OpResult producer, bool)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        Operation *op = producer.getOwner();
        if (!fused.contains(op) &&
            !isa<linalg::FillOp, linalg::BroadcastOp>(op))
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });

  rewriter.setInsertionPoint(root);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(rewriter, tileable, options);
  if (failed(result))
    return failure();
  for (OpResult value : root->getResults())
    if (Value replacement = result->replacements.lookup(value))
      rewriter.replaceAllUsesWith(value, replacement);
  // The untiled ops, last first, so that each is unused when erased. The
  // root is the 1x1 convolution itself when it has no epilogue.
  SmallVector<Operation *, 4> untiled = {root};
  if (pair.pointwise.getOperation() != root)
    untiled.push_back(pair.pointwise);
  if (pair.depthwiseEpilogue)
    untiled.push_back(pair.depthwiseEpilogue);
  untiled.push_back(pair.depthwise);
  for (Operation *op : untiled)
    if (op->use_empty())
      rewriter.eraseOp(op);
  for (Operation *op : result->tiledAndFusedOps)
    sequential.insert(op);
  // The tiled ops write their temporary results into slices of the untiled
  // tensor.empty ops, which bufferization would allocate whole. Each slice
  // becomes a tensor.empty of its own, one row.
  SmallVector<Operation *> slices;
  result->loops.front()->walk([&](tensor::ExtractSliceOp slice) {
    if (slice.getSource().getDefiningOp<tensor::EmptyOp>())
      slices.push_back(slice);
  });
  RewritePatternSet patterns(context);
  tensor::populateFoldTensorEmptyPatterns(patterns);
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingOps);
  (void)applyOpPatternsGreedily(slices, std::move(patterns), config);
  // The loop over the images (none for a batch of 1) and the loop over the
  // rows.
  if (markParallel)
    for (LoopLikeOpInterface loop : result->loops)
      loop->setAttr(kParallelMarker, UnitAttr::get(context));
  return success();
}

} // namespace

void nas::tile_and_vectorize::fuseDepthwiseWithPointwise(
    RewriterBase &rewriter, func::FuncOp func, const CpuTarget &target,
    FusableConsumerFn getFusableConsumer, bool markParallel,
    int64_t minParallelIterations, SmallPtrSetImpl<Operation *> &sequential) {
  // Each pair is matched right before it is fused, because fusing a pair
  // erases its ops. An elementwise op can be the epilogue of two pairs: an
  // add of two depthwise results, or of a 1x1 result and a depthwise
  // result. A depthwise convolution is only fused into its own pair's loop,
  // so another pair's fusion never erases it.
  SmallVector<linalg::DepthwiseConv2DNhwcHwcOp> candidates;
  func.walk(
      [&](linalg::DepthwiseConv2DNhwcHwcOp op) { candidates.push_back(op); });
  for (linalg::DepthwiseConv2DNhwcHwcOp depthwise : candidates) {
    std::optional<Pair> pair = matchPair(depthwise, getFusableConsumer);
    if (!pair || !isWorthFusing(*pair, target))
      continue;
    uint64_t iterations = llvm::SaturatingAdd(
        static_cast<uint64_t>(getIterationCount(pair->depthwise)),
        static_cast<uint64_t>(getIterationCount(pair->pointwise)));
    bool parallel = markParallel && minParallelIterations >= 0 &&
                    iterations >= static_cast<uint64_t>(minParallelIterations);
    if (failed(fusePair(rewriter, *pair, parallel, sequential)))
      pair->pointwise->emitWarning()
          << "failed to fuse this 1x1 convolution with the depthwise "
             "convolution before it; both are tiled on their own";
  }
}
