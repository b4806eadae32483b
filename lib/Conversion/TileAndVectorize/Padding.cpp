//===- Padding.cpp - pads as border fills ---------------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Padding.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace {

/// Fills the slab [offset, offset + size) along `dim` of `tensor` (all of
/// every other dimension) with `value` and returns the updated tensor.
Value fillSlab(RewriterBase &rewriter, Location loc, Value tensor, Value value,
               int64_t dim, int64_t offset, int64_t size) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
  offsets[dim] = rewriter.getIndexAttr(offset);
  SmallVector<OpFoldResult> sizes;
  for (int64_t extent : type.getShape())
    sizes.push_back(rewriter.getIndexAttr(extent));
  sizes[dim] = rewriter.getIndexAttr(size);
  SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
  Value slab = tensor::ExtractSliceOp::create(rewriter, loc, tensor, offsets,
                                              sizes, strides);
  Value filled =
      linalg::FillOp::create(rewriter, loc, ValueRange{value}, ValueRange{slab})
          .getResult(0);
  return tensor::InsertSliceOp::create(rewriter, loc, filled, tensor, offsets,
                                       sizes, strides);
}

/// Rewrites `pad` as described at decomposePads. Returns failure for pads
/// with dynamic sizes or a padding value that is not a constant.
LogicalResult rewritePadAsBorderFills(RewriterBase &rewriter,
                                      tensor::PadOp pad) {
  RankedTensorType resultType = pad.getResultType();
  Value value = pad.getConstantPaddingValue();
  if (!value || !resultType.hasStaticShape() ||
      !pad.getSourceType().hasStaticShape())
    return failure();
  std::optional<SmallVector<int64_t>> low =
      getConstantIntValues(pad.getMixedLowPad());
  std::optional<SmallVector<int64_t>> high =
      getConstantIntValues(pad.getMixedHighPad());
  if (!low || !high)
    return failure();

  Location loc = pad.getLoc();
  rewriter.setInsertionPoint(pad);
  // A padded tensor without elements has nothing to insert or fill, and a
  // slice of it at a nonzero offset would be out of bounds.
  if (resultType.getNumElements() == 0) {
    rewriter.replaceOpWithNewOp<tensor::EmptyOp>(pad, resultType.getShape(),
                                                 resultType.getElementType());
    return success();
  }
  // The padding value may be defined inside the pad's region.
  if (value.getParentRegion() == &pad.getRegion())
    value = rewriter.clone(*value.getDefiningOp())->getResult(0);
  Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                        resultType.getElementType());
  int64_t rank = resultType.getRank();
  SmallVector<OpFoldResult> offsets, sizes;
  for (int64_t dim = 0; dim < rank; ++dim) {
    offsets.push_back(rewriter.getIndexAttr((*low)[dim]));
    sizes.push_back(rewriter.getIndexAttr(pad.getSourceType().getDimSize(dim)));
  }
  SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
  Value result = tensor::InsertSliceOp::create(rewriter, loc, pad.getSource(),
                                               empty, offsets, sizes, strides);
  for (int64_t dim = 0; dim < rank; ++dim) {
    if ((*low)[dim] > 0)
      result = fillSlab(rewriter, loc, result, value, dim, 0, (*low)[dim]);
    if ((*high)[dim] > 0)
      result =
          fillSlab(rewriter, loc, result, value, dim,
                   resultType.getDimSize(dim) - (*high)[dim], (*high)[dim]);
  }
  rewriter.replaceOp(pad, result);
  return success();
}

} // namespace

void nas::tile_and_vectorize::copyPaddedSources(RewriterBase &rewriter,
                                                func::FuncOp func) {
  SmallVector<tensor::PadOp> pads;
  func.walk([&](tensor::PadOp pad) {
    if (!isa_and_present<linalg::LinalgOp>(pad.getSource().getDefiningOp()) &&
        pad.getSourceType().hasStaticShape() &&
        pad.getSourceType().getNumElements() != 0)
      pads.push_back(pad);
  });
  for (tensor::PadOp pad : pads) {
    Location loc = pad.getLoc();
    rewriter.setInsertionPoint(pad);
    RankedTensorType type = pad.getSourceType();
    Value empty = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                          type.getElementType());
    Value copy = linalg::CopyOp::create(rewriter, loc, pad.getSource(), empty)
                     .getResult(0);
    rewriter.modifyOpInPlace(pad, [&] { pad.getSourceMutable().assign(copy); });
  }
}

void nas::tile_and_vectorize::decomposePads(RewriterBase &rewriter,
                                            func::FuncOp func) {
  SmallVector<tensor::PadOp> pads;
  func.walk([&](tensor::PadOp pad) { pads.push_back(pad); });
  bool remaining = false;
  for (tensor::PadOp pad : pads)
    if (failed(rewritePadAsBorderFills(rewriter, pad)))
      remaining = true;
  if (!remaining)
    return;
  RewritePatternSet patterns(func.getContext());
  linalg::populateDecomposePadPatterns(patterns);
  (void)applyPatternsGreedily(func, std::move(patterns));
}
