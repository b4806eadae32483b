//===- WeightPanels.cpp - convolution tiles read blocked weights ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "WeightPanels.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace {

/// Returns true if `value` is a constant multiple of `factor`, or the
/// induction variable of an scf.for whose lower bound and step are.
bool isMultipleOf(OpFoldResult value, int64_t factor) {
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return *constant % factor == 0;
  scf::ForOp loop = scf::getForInductionVarOwner(cast<Value>(value));
  return loop && isMultipleOf(loop.getLowerBound(), factor) &&
         isMultipleOf(loop.getStep(), factor);
}

/// Returns the block width B if `unpack` unpacks a ceil(F / B) x ... x B
/// tensor to ... x F (KH x KW x C x F for a convolution weight, K x F for
/// a matrix product), 0 otherwise.
int64_t getChannelBlock(linalg::UnPackOp unpack) {
  int64_t rank = unpack.getDestType().getRank();
  SmallVector<int64_t> channelsFirst = {rank - 1};
  llvm::append_range(channelsFirst, llvm::seq<int64_t>(0, rank - 1));
  if (!unpack.hasPureTensorSemantics() || rank < 2 ||
      unpack.getInnerDimsPos() != ArrayRef<int64_t>{rank - 1} ||
      unpack.getOuterDimsPerm() != ArrayRef<int64_t>(channelsFirst))
    return 0;
  ArrayRef<int64_t> tiles = unpack.getStaticInnerTiles();
  if (tiles.size() != 1 || ShapedType::isDynamic(tiles[0]))
    return 0;
  return tiles[0];
}

/// Replaces `slice` of the result of `unpack`, whose blocks are `block`
/// wide, by the same elements sliced from one block of the unpack's source.
/// Fails unless the slice covers all of the leading dimensions and up to
/// `block` channels from a multiple of `block`.
LogicalResult sliceOneBlock(RewriterBase &rewriter,
                            tensor::ExtractSliceOp slice,
                            linalg::UnPackOp unpack, int64_t block) {
  ArrayRef<int64_t> shape = unpack.getDestType().getShape();
  int64_t rank = shape.size();
  SmallVector<OpFoldResult> offsets = slice.getMixedOffsets();
  SmallVector<OpFoldResult> sizes = slice.getMixedSizes();
  if (slice.getResultType().getRank() != rank || !slice.hasUnitStride())
    return failure();
  for (int64_t dim = 0; dim < rank - 1; ++dim)
    if (!isZeroInteger(offsets[dim]) ||
        getConstantIntValue(sizes[dim]) != shape[dim])
      return failure();
  std::optional<int64_t> channels = getConstantIntValue(sizes.back());
  if (!channels || *channels > block || !isMultipleOf(offsets.back(), block))
    return failure();

  Location loc = slice.getLoc();
  rewriter.setInsertionPoint(slice);
  AffineExpr channel = rewriter.getAffineDimExpr(0);
  OpFoldResult blockIndex = affine::makeComposedFoldedAffineApply(
      rewriter, loc, channel.floorDiv(block), {offsets.back()});
  SmallVector<OpFoldResult> blockOffsets(rank + 1, rewriter.getIndexAttr(0));
  blockOffsets[0] = blockIndex;
  SmallVector<OpFoldResult> blockSizes = {rewriter.getIndexAttr(1)};
  for (int64_t size : shape.drop_back())
    blockSizes.push_back(rewriter.getIndexAttr(size));
  blockSizes.push_back(rewriter.getIndexAttr(*channels));
  SmallVector<OpFoldResult> strides(rank + 1, rewriter.getIndexAttr(1));
  rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
      slice, slice.getResultType(), unpack.getSource(), blockOffsets,
      blockSizes, strides);
  return success();
}

/// Replaces the blocked-weight `unpack` by three ops. A linalg.transpose
/// puts the blocks side by side (... x ceil(F / B) x B), a
/// tensor.collapse_shape merges them and a slice keeps the first F
/// channels. linalg::lowerUnPack would fail on the outer permutation.
void lowerChannelBlocks(RewriterBase &rewriter, linalg::UnPackOp unpack) {
  Location loc = unpack.getLoc();
  rewriter.setInsertionPoint(unpack);
  RankedTensorType type = unpack.getDestType();
  int64_t rank = type.getRank();
  ArrayRef<int64_t> blocked = unpack.getSourceType().getShape();
  SmallVector<int64_t> sideBySide(blocked.drop_front().drop_back());
  sideBySide.append({blocked.front(), blocked.back()});
  Value empty =
      tensor::EmptyOp::create(rewriter, loc, sideBySide, type.getElementType());
  SmallVector<int64_t> permutation =
      llvm::to_vector(llvm::seq<int64_t>(1, rank));
  permutation.append({0, rank});
  Value transposed = linalg::TransposeOp::create(
                         rewriter, loc, unpack.getSource(), empty, permutation)
                         .getResult()[0];
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t dim = 0; dim < rank - 1; ++dim)
    reassociation.push_back({dim});
  reassociation.push_back({rank - 1, rank});
  Value collapsed =
      tensor::CollapseShapeOp::create(rewriter, loc, transposed, reassociation);
  SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes;
  for (int64_t size : type.getShape())
    sizes.push_back(rewriter.getIndexAttr(size));
  SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
  rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(unpack, type, collapsed,
                                                      offsets, sizes, strides);
}

} // namespace

void nas::tile_and_vectorize::readWeightPanels(RewriterBase &rewriter,
                                               func::FuncOp func) {
  SmallVector<linalg::UnPackOp> unpacks;
  func.walk([&](linalg::UnPackOp unpack) { unpacks.push_back(unpack); });
  for (linalg::UnPackOp unpack : unpacks) {
    int64_t block = getChannelBlock(unpack);
    if (block == 0)
      continue;
    SmallVector<tensor::ExtractSliceOp> slices;
    for (Operation *user : unpack->getUsers())
      if (auto slice = dyn_cast<tensor::ExtractSliceOp>(user))
        slices.push_back(slice);
    for (tensor::ExtractSliceOp slice : slices)
      (void)sliceOneBlock(rewriter, slice, unpack, block);
    if (unpack->use_empty())
      rewriter.eraseOp(unpack);
    else
      lowerChannelBlocks(rewriter, unpack);
  }
}
