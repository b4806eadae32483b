//===- TileAndVectorize.cpp - register-blocked convolutions on tensors ----===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The nas-tile-and-vectorize pass. The steps communicate through discardable
// attributes, because peeling clones the tiled ops: the tiled ops carry
// kVectorizeMarker, the tiled anchors kReductionTilesMarker and the tile
// loops kPeelMarker. No marker survives the pass.
//
//===----------------------------------------------------------------------===//

#include "FuseDepthwise.h"
#include "GroupedConv.h"
#include "Padding.h"
#include "SkipPaddingTaps.h"
#include "SplitAccumulators.h"
#include "SplitPaddedWindows.h"
#include "Strategy.h"
#include "WeightPanels.h"

#include "nas/Conversion/CpuTarget.h"
#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace nas {
#define GEN_PASS_DEF_NASTILEANDVECTORIZE
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;
using namespace nas::tile_and_vectorize;

namespace {

/// Unit attribute of the ops that the vectorization step vectorizes.
constexpr llvm::StringLiteral kVectorizeMarker = "nas.vectorize";
/// Array attribute of a tiled anchor: the tile sizes of its reduction loops.
constexpr llvm::StringLiteral kReductionTilesMarker = "nas.reduction_tiles";
/// Unit attribute of the tile loops that the peeling step peels.
constexpr llvm::StringLiteral kPeelMarker = "nas.peel";
/// Unit attribute of the tiled ops of a convolution, which the splitting
/// step splits into output rows when the register block spans several.
constexpr llvm::StringLiteral kSplitRowsMarker = "nas.split_rows";

/// Adds the canonicalization patterns of every loaded dialect and op.
void addCanonicalizationPatterns(MLIRContext *context,
                                 RewritePatternSet &patterns) {
  for (Dialect *dialect : context->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : context->getRegisteredOperations())
    op.getCanonicalizationPatterns(patterns, context);
}

/// Applies the canonicalization patterns to `func`.
void canonicalize(func::FuncOp func) {
  RewritePatternSet patterns(func.getContext());
  addCanonicalizationPatterns(func.getContext(), patterns);
  (void)applyPatternsGreedily(func, std::move(patterns));
}

/// Returns the elementwise linalg.generic that is the only user of the
/// result of `anchor` and iterates over the same index space, reading the
/// result and writing its own through identity maps, or null if there is
/// none.
/// Tiling that generic and fusing `anchor` into its tiles computes the
/// epilogue on each output tile right after the anchor.
linalg::GenericOp getFusableConsumer(linalg::LinalgOp anchor) {
  Value result = anchor->getResult(0);
  if (!result.hasOneUse())
    return nullptr;
  auto generic = dyn_cast<linalg::GenericOp>(*result.getUsers().begin());
  if (!generic || !generic.hasPureTensorSemantics() ||
      generic->getNumResults() != 1 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      generic.getNumLoops() !=
          cast<RankedTensorType>(result.getType()).getRank())
    return nullptr;
  for (OpOperand &operand : generic->getOpOperands()) {
    bool isResult = operand.get() == result || generic.isDpsInit(&operand);
    if (isResult && !generic.getMatchingIndexingMap(&operand).isIdentity())
      return nullptr;
  }
  return generic;
}

/// Rewrites every linalg.matmul that reads its right operand transposed
/// (N x K, as a fully connected layer stores its weight) into a
/// linalg.transpose of that operand to K x N and a plain linalg.matmul. The
/// tiles of the plain matmul vectorize along N like a 1x1 convolution.
void transposeMatmulOperands(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<linalg::MatmulTransposeBOp> matmuls;
  func.walk([&](linalg::MatmulTransposeBOp op) {
    if (op.hasPureTensorSemantics() && !op.hasDynamicShape())
      matmuls.push_back(op);
  });
  for (linalg::MatmulTransposeBOp op : matmuls) {
    Location loc = op.getLoc();
    rewriter.setInsertionPoint(op);
    Value right = op.getDpsInputOperand(1)->get();
    auto rightType = cast<RankedTensorType>(right.getType());
    Value empty = tensor::EmptyOp::create(
        rewriter, loc,
        ArrayRef<int64_t>{rightType.getDimSize(1), rightType.getDimSize(0)},
        rightType.getElementType());
    Value transposed = linalg::TransposeOp::create(rewriter, loc, right, empty,
                                                   ArrayRef<int64_t>{1, 0})
                           .getResult()[0];
    Value init = op.getDpsInitOperand(0)->get();
    auto matmul = linalg::MatmulOp::create(
        rewriter, loc, TypeRange{init.getType()},
        ValueRange{op.getDpsInputOperand(0)->get(), transposed},
        ValueRange{init});
    rewriter.replaceOp(op, matmul->getResults());
  }
}

/// Tiles `root` (the anchor or its fusable consumer) with the parallel tile
/// sizes of `plan` and fuses the anchor and the fill or broadcast ops that
/// initialize accumulators into the tiles. Marks the tiled ops, the tiled
/// anchor and the loops for the later steps, and the outermost loop as
/// parallel when the anchor has at least `minParallelIterations`
/// iterations (never when it is negative).
LogicalResult tileAndFuse(RewriterBase &rewriter, linalg::LinalgOp anchor,
                          Operation *root, const TilingPlan &plan,
                          int64_t minParallelIterations) {
  MLIRContext *context = rewriter.getContext();
  // With no tile size, the tiling makes no loop and no slices, fuses
  // nothing, and the anchor would stay a linalg op, lowered to scalar
  // loops. A tile of the whole outermost dimension gives one loop of one
  // iteration, which canonicalization removes after the fusion.
  SmallVector<int64_t> tileSizes(plan.parallelTiles);
  if (!tileSizes.empty() &&
      llvm::all_of(tileSizes, [](int64_t size) { return size == 0; })) {
    int64_t outer = plan.interchange.empty() ? 0 : plan.interchange.front();
    tileSizes[outer] =
        cast<ShapedType>(root->getResult(0).getType()).getDimSize(outer);
  }
  scf::SCFTilingOptions tiling;
  tiling.setTileSizes(getAsIndexOpFoldResult(context, tileSizes));
  tiling.setInterchange(plan.interchange);
  tiling.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);

  scf::SCFTileAndFuseOptions options;
  options.setTilingOptions(tiling);
  Operation *anchorOp = anchor.getOperation();
  // The anchor's result has no other user than the root. A fill or
  // broadcast is cheap to recompute per tile, and its untiled original
  // stays for any other user. Fusing any other producer would recompute it
  // per tile: the input pads, the weight transposes and the ops that
  // produce residual inputs stay outside.
  options.setFusionControlFn(
      [anchorOp](tensor::ExtractSliceOp, OpResult producer, bool)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        Operation *op = producer.getOwner();
        if (op != anchorOp && !isa<linalg::FillOp, linalg::BroadcastOp>(op))
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });

  rewriter.setInsertionPoint(root);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(root), options);
  if (failed(result))
    return failure();
  for (OpResult value : root->getResults())
    if (Value replacement = result->replacements.lookup(value))
      rewriter.replaceAllUsesWith(value, replacement);

  UnitAttr unit = UnitAttr::get(context);
  for (Operation *tiled : result->tiledAndFusedOps) {
    tiled->setAttr(kVectorizeMarker, unit);
    if (plan.kind == "conv")
      tiled->setAttr(kSplitRowsMarker, unit);
    if (tiled->getName() == anchorOp->getName())
      tiled->setAttr(kReductionTilesMarker,
                     DenseI64ArrayAttr::get(context, plan.reductionTiles));
  }
  for (LoopLikeOpInterface loop : result->loops)
    loop->setAttr(kPeelMarker, unit);
  // The tile loops iterate over disjoint output tiles. The outermost two
  // are marked: nas-parallelize-loops runs the first in parallel and
  // collapses the second into it when the first has few iterations.
  if (minParallelIterations >= 0 &&
      getIterationCount(anchor) >= minParallelIterations)
    for (LoopLikeOpInterface loop : ArrayRef(result->loops).take_front(2))
      loop->setAttr(kParallelMarker, unit);
  return success();
}

/// Peels the last iteration of every marked loop whose step does not divide
/// its range, outer loops first, so that all tiles get static shapes. A loop
/// cloned into a peeled iteration keeps its marker and is peeled too.
void peelPartialTiles(RewriterBase &rewriter, func::FuncOp func) {
  while (true) {
    scf::ForOp next;
    func.walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
      if (!loop->hasAttr(kPeelMarker))
        return WalkResult::advance();
      next = loop;
      return WalkResult::interrupt();
    });
    if (!next)
      return;
    next->removeAttr(kPeelMarker);
    scf::ForOp partialIteration;
    rewriter.setInsertionPoint(next);
    // Fails, leaving the loop as it is, when the step divides the range.
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, next, partialIteration);
  }
}

/// Tiles the reduction loops of every marked anchor with the tile sizes of
/// its kReductionTilesMarker.
void tileReductions(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<linalg::LinalgOp> anchors;
  func.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kReductionTilesMarker))
      anchors.push_back(op);
  });
  for (linalg::LinalgOp op : anchors) {
    auto sizes = op->getAttrOfType<DenseI64ArrayAttr>(kReductionTilesMarker);
    op->removeAttr(kReductionTilesMarker);
    if (llvm::all_of(sizes.asArrayRef(), [](int64_t s) { return s == 0; }))
      continue;
    scf::SCFTilingOptions options;
    options.setTileSizes(
        getAsIndexOpFoldResult(rewriter.getContext(), sizes.asArrayRef()));
    rewriter.setInsertionPoint(op);
    FailureOr<scf::SCFTilingResult> result = scf::tileUsingSCF(
        rewriter, cast<TilingInterface>(op.getOperation()), options);
    // An untiled anchor stays marked for vectorization and fails its
    // precondition, so it is computed by scalar loops.
    if (failed(result))
      continue;
    rewriter.replaceOp(op, result->replacements);
  }
}

/// Replaces `op`, a tile of N x R x W x F outputs whose loop 1 iterates over
/// the R output rows, by R tiles of one row each. They write their rows of
/// the same destination in turn, and their tensor.insert_slice ops go to
/// `rowInserts`. The linalg vectorizer supports a convolution of one output
/// row. Each row of the epilogue then reads the vectors that the same row
/// of the convolution wrote, which folds.
void splitRows(RewriterBase &rewriter, linalg::LinalgOp op,
               SmallVectorImpl<Operation *> &rowInserts) {
  if (op->getNumResults() != 1)
    return;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!type || type.getRank() != 4 || !type.hasStaticShape() ||
      type.getDimSize(1) == 1)
    return;
  AffineMap outputMap = op.getIndexingMapMatchingResult(op->getOpResult(0));
  if (outputMap.getResult(1) != rewriter.getAffineDimExpr(1))
    return;
  auto tileable = cast<TilingInterface>(op.getOperation());
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<Range> domain = tileable.getIterationDomain(rewriter);
  SmallVector<OpFoldResult> offsets, sizes;
  for (const Range &range : domain) {
    offsets.push_back(range.offset);
    sizes.push_back(range.size);
  }
  sizes[1] = rewriter.getIndexAttr(1);
  SmallVector<OpFoldResult> unitStrides(4, rewriter.getIndexAttr(1));
  Value destination = op.getDpsInits()[0];
  for (int64_t row = 0; row < type.getDimSize(1); ++row) {
    offsets[1] = rewriter.getIndexAttr(row);
    SmallVector<OpFoldResult> resultOffsets, resultSizes;
    if (failed(tileable.getResultTilePosition(rewriter, 0, offsets, sizes,
                                              resultOffsets, resultSizes)))
      return;
    Value rowDestination = tensor::ExtractSliceOp::create(
        rewriter, loc, destination, resultOffsets, resultSizes, unitStrides);
    FailureOr<TilingResult> tiled =
        tileable.getTiledImplementation(rewriter, offsets, sizes);
    if (failed(tiled) || tiled->tiledOps.size() != 1)
      return;
    Operation *rowOp = tiled->tiledOps.front();
    rowOp->removeAttr(kSplitRowsMarker);
    rewriter.modifyOpInPlace(rowOp, [&] {
      cast<DestinationStyleOpInterface>(rowOp).getDpsInitsMutable()[0].set(
          rowDestination);
    });
    auto insert = tensor::InsertSliceOp::create(
        rewriter, loc, tiled->tiledValues[0], destination, resultOffsets,
        resultSizes, unitStrides);
    rowInserts.push_back(insert);
    destination = insert.getResult();
  }
  rewriter.replaceOp(op, destination);
}

/// Splits every tiled op marked with kSplitRowsMarker into output rows, and
/// appends the tensor.insert_slice ops of the rows to `rowInserts`.
void splitMarkedRows(RewriterBase &rewriter, func::FuncOp func,
                     SmallVectorImpl<Operation *> &rowInserts) {
  SmallVector<linalg::LinalgOp> ops;
  func.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kSplitRowsMarker))
      ops.push_back(op);
  });
  for (linalg::LinalgOp op : ops) {
    op->removeAttr(kSplitRowsMarker);
    splitRows(rewriter, op, rowInserts);
  }
}

/// Merges each of `rowInserts` with the insert_slice that the decomposition
/// of its 1-D convolution made (1 x W x F into 1 x 1 x W x F). The row's
/// result then goes into the tile in one rank-expanding insert_slice, into
/// which the vectorized convolution's transfer_write folds. Without the
/// merge, the accumulators of the rows do not hoist out of the reduction
/// loops.
void mergeRowInserts(ArrayRef<Operation *> rowInserts) {
  if (rowInserts.empty())
    return;
  MLIRContext *context = rowInserts.front()->getContext();
  RewritePatternSet patterns(context);
  tensor::populateMergeConsecutiveInsertExtractSlicePatterns(patterns);
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingOps);
  (void)applyOpPatternsGreedily(rowInserts, std::move(patterns), config);
}

/// Marks every linalg op that a pattern inserts for vectorization.
struct MarkInsertedOps : RewriterBase::Listener {
  void notifyOperationInserted(Operation *op, OpBuilder::InsertPoint) override {
    if (isa<linalg::LinalgOp>(op))
      op->setAttr(kVectorizeMarker, UnitAttr::get(op->getContext()));
  }
};

/// Rewrites the marked 2-D convolution and pooling ops with a window of one
/// row into their 1-D forms, which the linalg vectorizer supports, and marks
/// the 1-D ops.
void decomposeConvolutions(func::FuncOp func) {
  SmallVector<Operation *> convolutions;
  func.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kVectorizeMarker) &&
        isa<linalg::ConvolutionOpInterface>(op.getOperation()))
      convolutions.push_back(op);
  });
  RewritePatternSet patterns(func.getContext());
  linalg::populateDecomposeConvolutionPatterns(patterns);
  MarkInsertedOps listener;
  GreedyRewriteConfig config;
  config.setListener(&listener);
  (void)applyOpPatternsGreedily(convolutions, std::move(patterns), config);
}

/// Replaces the tile `copy` of a linalg.copy with a 1-D vector read and
/// write of views that merge its dimensions from the first one of more
/// than one element. The "copy" plan makes the dimensions after that one
/// span their whole source, so the views are contiguous. The linalg
/// vectorizer would make an n-D transfer instead, which becomes one
/// transfer per row of the last dimension.
LogicalResult vectorizeContiguousCopy(RewriterBase &rewriter,
                                      linalg::CopyOp copy) {
  if (!copy.hasPureTensorSemantics())
    return failure();
  auto type = dyn_cast<RankedTensorType>(copy.getOutputs()[0].getType());
  if (!type || !type.hasStaticShape() || type.getRank() == 0 ||
      type != copy.getInputs()[0].getType())
    return failure();
  int64_t rank = type.getRank();
  int64_t first = 0;
  while (first < rank - 1 && type.getDimSize(first) == 1)
    ++first;
  SmallVector<ReassociationIndices> merge;
  for (int64_t dim = 0; dim < first; ++dim)
    merge.push_back({dim});
  merge.push_back(llvm::to_vector(llvm::seq<int64_t>(first, rank)));
  Location loc = copy.getLoc();
  rewriter.setInsertionPoint(copy);
  Value source = copy.getInputs()[0];
  Value init = copy.getOutputs()[0];
  if (rank - first > 1) {
    source = tensor::CollapseShapeOp::create(rewriter, loc, source, merge);
    init = tensor::CollapseShapeOp::create(rewriter, loc, init, merge);
  }
  auto flatType = cast<RankedTensorType>(source.getType());
  auto vectorType =
      VectorType::get({flatType.getShape().back()}, flatType.getElementType());
  SmallVector<Value> indices(flatType.getRank(),
                             arith::ConstantIndexOp::create(rewriter, loc, 0));
  Value padding = arith::ConstantOp::create(
      rewriter, loc, rewriter.getZeroAttr(flatType.getElementType()));
  Value vector =
      vector::TransferReadOp::create(rewriter, loc, vectorType, source, indices,
                                     padding, ArrayRef<bool>{true});
  Value result = vector::TransferWriteOp::create(rewriter, loc, vector, init,
                                                 indices, ArrayRef<bool>{true})
                     .getResult();
  if (rank - first > 1)
    result = tensor::ExpandShapeOp::create(rewriter, loc, type, result, merge);
  rewriter.replaceOp(copy, result);
  return success();
}

/// Replaces the tile `transpose` of a transpose that interleaves a few
/// planes, such as an image from N x C x H x W to N x H x W x C with C = 3.
/// The tile reads its C input rows of L elements, shuffles them and writes
/// C vectors of L elements into a view that merges the tile's last two
/// dimensions. The tile must be 1 x ... x 1 x L x C, with C the whole last
/// output dimension, from 2 to L - 1, and the input contiguous along the
/// dimension of L. The linalg vectorizer would write L partial rows of C
/// elements instead. On AVX-512, the copy of a 3 x 224 x 224 image took 48
/// instead of 62 us per call.
LogicalResult vectorizeInterleavingTranspose(RewriterBase &rewriter,
                                             linalg::TransposeOp transpose) {
  auto inputType = dyn_cast<RankedTensorType>(transpose.getInput().getType());
  auto outputType = dyn_cast<RankedTensorType>(transpose.getInit().getType());
  if (!transpose.hasPureTensorSemantics() || !inputType || !outputType ||
      !outputType.hasStaticShape() || outputType.getRank() < 2)
    return failure();
  int64_t rank = outputType.getRank();
  ArrayRef<int64_t> shape = outputType.getShape();
  int64_t length = shape[rank - 2];
  int64_t planes = shape[rank - 1];
  // With 2 <= C < L, every chunk of L output elements takes elements of at
  // least two rows.
  if (planes < 2 || planes >= length ||
      llvm::any_of(shape.drop_back(2), [](int64_t size) { return size != 1; }))
    return failure();
  // Output dimension d reads input dimension permutation[d]: the rows of
  // L elements must be the input's last dimension.
  ArrayRef<int64_t> permutation = transpose.getPermutation();
  int64_t planeDim = permutation[rank - 1];
  if (permutation[rank - 2] != rank - 1)
    return failure();

  Location loc = transpose.getLoc();
  rewriter.setInsertionPoint(transpose);
  Type elementType = outputType.getElementType();
  auto rowType = VectorType::get({length}, elementType);
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value padding = arith::ConstantOp::create(rewriter, loc,
                                            rewriter.getZeroAttr(elementType));
  SmallVector<Value> rows;
  for (int64_t plane = 0; plane < planes; ++plane) {
    SmallVector<Value> indices(rank, zero);
    indices[planeDim] = arith::ConstantIndexOp::create(rewriter, loc, plane);
    rows.push_back(vector::TransferReadOp::create(
        rewriter, loc, rowType, transpose.getInput(), indices, padding,
        ArrayRef<bool>{true}));
  }

  // Output element e = chunk * L + lane comes from row e % C, element e / C.
  SmallVector<ReassociationIndices> merge;
  for (int64_t dim = 0; dim < rank - 2; ++dim)
    merge.push_back({dim});
  merge.push_back({rank - 2, rank - 1});
  Value result = tensor::CollapseShapeOp::create(
      rewriter, loc, transpose.getInit(), merge);
  for (int64_t chunk = 0; chunk < planes; ++chunk) {
    SmallVector<int64_t> order = {(chunk * length) % planes};
    for (int64_t lane = 1; lane < length; ++lane) {
      int64_t row = (chunk * length + lane) % planes;
      if (!llvm::is_contained(order, row))
        order.push_back(row);
    }
    auto sourceOf = [&](int64_t lane) {
      int64_t element = chunk * length + lane;
      return std::make_pair(element % planes, element / planes);
    };
    // The first shuffle places the lanes of both its rows. Each later one
    // keeps the lanes placed so far and adds those of one more row.
    Value vector = rows[order.front()];
    for (auto [index, row] : llvm::enumerate(ArrayRef(order).drop_front())) {
      SmallVector<int64_t> mask;
      for (int64_t lane = 0; lane < length; ++lane) {
        auto [source, element] = sourceOf(lane);
        if (source == row)
          mask.push_back(length + element);
        else if (index == 0 && source == order.front())
          mask.push_back(element);
        else
          mask.push_back(lane);
      }
      vector =
          vector::ShuffleOp::create(rewriter, loc, vector, rows[row], mask);
    }
    SmallVector<Value> indices(rank - 1, zero);
    indices.back() =
        arith::ConstantIndexOp::create(rewriter, loc, chunk * length);
    result = vector::TransferWriteOp::create(rewriter, loc, vector, result,
                                             indices, ArrayRef<bool>{true})
                 .getResult();
  }
  result =
      tensor::ExpandShapeOp::create(rewriter, loc, outputType, result, merge);
  rewriter.replaceOp(transpose, result);
  return success();
}

/// Vectorizes every marked linalg op with static shapes that the linalg
/// vectorizer supports. The others stay for the scalar loop lowering.
void vectorizeMarkedOps(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<linalg::LinalgOp> ops;
  func.walk([&](linalg::LinalgOp op) {
    if (op->hasAttr(kVectorizeMarker))
      ops.push_back(op);
  });
  // The rotated group convolutions go first, while the fill or broadcast
  // that initializes their accumulators is still a linalg op, which their
  // kernel reads instead of the initialized tile.
  llvm::erase_if(ops, [&](linalg::LinalgOp op) {
    auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
    if (!generic || failed(vectorizeRotatedGroupConv(rewriter, generic)))
      return false;
    return true;
  });
  for (linalg::LinalgOp op : ops) {
    op->removeAttr(kVectorizeMarker);
    if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation()))
      if (succeeded(vectorizeRotatedGroupConvEpilogue(rewriter, generic)))
        continue;
    if (auto copy = dyn_cast<linalg::CopyOp>(op.getOperation()))
      if (succeeded(vectorizeContiguousCopy(rewriter, copy)))
        continue;
    if (auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation()))
      if (succeeded(vectorizeInterleavingTranspose(rewriter, transpose)))
        continue;
    if (op.hasDynamicShape() ||
        failed(linalg::vectorizeOpPrecondition(op.getOperation())))
      continue;
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::VectorizationResult> result =
        linalg::vectorize(rewriter, op.getOperation());
    if (succeeded(result))
      rewriter.replaceOp(op, result->replacements);
  }
}

/// Simplifies the vector code of the tiles in two rounds. The first turns
/// transfers with permutations into plain ones and multiply-reductions into
/// vector.contract, and folds tensor.extract_slice and tensor.insert_slice
/// into the transfers, while the vectors still have the rank of the tiles.
/// The second drops leading unit dimensions, after which a transfer_read
/// of a tile that a transfer_write wrote folds to the written vector: this
/// removes the intermediate tiles between the accumulator initialization,
/// the anchor and the epilogue.
void simplifyVectorCode(func::FuncOp func) {
  MLIRContext *context = func.getContext();
  RewritePatternSet first(context);
  vector::populateVectorTransferPermutationMapLoweringPatterns(first);
  vector::populateVectorReductionToContractPatterns(first);
  vector::populateSinkVectorOpsPatterns(first);
  tensor::populateFoldTensorSubsetIntoVectorTransferPatterns(first);
  addCanonicalizationPatterns(context, first);
  (void)applyPatternsGreedily(func, std::move(first));

  RewritePatternSet second(context);
  vector::populateCastAwayVectorLeadingOneDimPatterns(second);
  tensor::populateFoldTensorSubsetIntoVectorTransferPatterns(second);
  addCanonicalizationPatterns(context, second);
  (void)applyPatternsGreedily(func, std::move(second));
}

/// Hoists loop-invariant subset reads and writes (the accumulator's
/// transfer_read and transfer_write) out of every scf.for, inner loops
/// first, so that the accumulators become loop-carried vectors.
void hoistAccumulators(RewriterBase &rewriter, func::FuncOp func) {
  SmallVector<scf::ForOp> loops;
  func.walk([&](scf::ForOp loop) { loops.push_back(loop); });
  for (scf::ForOp loop : loops)
    (void)hoistLoopInvariantSubsets(
        rewriter, cast<LoopLikeOpInterface>(loop.getOperation()));
}

/// Removes the markers that a step left on ops it did not transform.
void removeMarkers(func::FuncOp func) {
  func.walk([](Operation *op) {
    op->removeAttr(kVectorizeMarker);
    op->removeAttr(kReductionTilesMarker);
    op->removeAttr(kPeelMarker);
    op->removeAttr(kSplitRowsMarker);
  });
}

struct NasTileAndVectorizePass
    : nas::impl::NasTileAndVectorizeBase<NasTileAndVectorizePass> {
  using NasTileAndVectorizeBase::NasTileAndVectorizeBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    FailureOr<CpuTarget> target = lookupCpuTarget(cpu, func);
    if (failed(target))
      return signalPassFailure();

    IRRewriter rewriter(&getContext());
    transposeMatmulOperands(rewriter, func);
    SmallPtrSet<Operation *, 16> sequential;
    markRegisterPads(func);
    splitPaddedWindows(rewriter, func, *target, getFusableConsumer,
                       markParallelLoops, sequential);
    copyPaddedSources(rewriter, func);
    fuseDepthwiseWithPointwise(rewriter, func, *target, getFusableConsumer,
                               markParallelLoops, minParallelIterations,
                               sequential);

    SmallVector<std::pair<linalg::LinalgOp, TilingPlan>> anchors;
    func.walk([&](linalg::LinalgOp op) {
      if (std::optional<TilingPlan> plan = planTiling(op, *target))
        anchors.emplace_back(op, *plan);
    });
    if (anchors.empty()) {
      readWeightPanels(rewriter, func);
      readPadsInRegisters(rewriter, func);
      decomposePads(rewriter, func);
      return;
    }

    for (auto &[anchor, plan] : anchors) {
      Operation *root = anchor.getOperation();
      linalg::GenericOp consumer = getFusableConsumer(anchor);
      if (consumer && !isa<linalg::TransposeOp>(root))
        root = consumer.getOperation();
      int64_t minIterations = markParallelLoops && !sequential.contains(anchor)
                                  ? minParallelIterations
                                  : -1;
      if (failed(tileAndFuse(rewriter, anchor, root, plan, minIterations))) {
        anchor->emitError() << "failed to tile the " << plan.kind
                            << " op and fuse it into its tiles";
        return signalPassFailure();
      }
    }
    peelPartialTiles(rewriter, func);
    // Folds the peeled tile sizes into the slice types and erases the
    // untiled ops.
    canonicalize(func);
    readWeightPanels(rewriter, func);
    tileReductions(rewriter, func);
    SmallVector<Operation *> rowInserts;
    splitMarkedRows(rewriter, func, rowInserts);
    decomposeConvolutions(func);
    mergeRowInserts(rowInserts);
    vectorizeMarkedOps(rewriter, func);
    simplifyVectorCode(func);
    hoistAccumulators(rewriter, func);
    if (skipPaddingTaps)
      nas::tile_and_vectorize::skipPaddingTaps(rewriter, func, canonicalize);
    readPadsInRegisters(rewriter, func);
    decomposePads(rewriter, func);
    canonicalize(func);
    // After the canonicalization, which drops the tensors that the
    // reduction loops carry unchanged.
    nas::tile_and_vectorize::splitAccumulators(rewriter, func, *target);
    removeMarkers(func);
  }
};

} // namespace
