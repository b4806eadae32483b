//===- Padding.cpp - pads as border fills ---------------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Padding.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;
using namespace nas::tile_and_vectorize;

namespace {

/// Fills the box of `tensor` at `offsets` of static `sizes` with `value`
/// and returns the updated tensor.
Value fillBox(OpBuilder &builder, Location loc, Value tensor, Value value,
              ArrayRef<OpFoldResult> offsets, ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> sizeAttrs, strides;
  for (int64_t size : sizes) {
    sizeAttrs.push_back(builder.getIndexAttr(size));
    strides.push_back(builder.getIndexAttr(1));
  }
  Value box = tensor::ExtractSliceOp::create(builder, loc, tensor, offsets,
                                             sizeAttrs, strides);
  Value filled =
      linalg::FillOp::create(builder, loc, ValueRange{value}, ValueRange{box})
          .getResult(0);
  return tensor::InsertSliceOp::create(builder, loc, filled, tensor, offsets,
                                       sizeAttrs, strides);
}

/// Fills the slab [offset, offset + size) along `dim` of `tensor` (all of
/// every other dimension) with `value` and returns the updated tensor.
Value fillSlab(OpBuilder &builder, Location loc, Value tensor, Value value,
               int64_t dim, int64_t offset, int64_t size) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), builder.getIndexAttr(0));
  offsets[dim] = builder.getIndexAttr(offset);
  SmallVector<int64_t> sizes(type.getShape());
  sizes[dim] = size;
  return fillBox(builder, loc, tensor, value, offsets, sizes);
}

/// Smallest number of border elements of a pad that a loop over its rows,
/// distributed over threads, fills. A smaller border is filled on one
/// thread. On the Xeon of docs/benchmarks.md, one thread took 5 to 14 us to
/// fill each border of MobileNetV2 (22,272 to 43,392 elements). A fork and
/// join of two threads took 1 us without work and up to 3 us between
/// kernels.
constexpr int64_t kMinParallelBorderElements = 16 * 1024;

/// Returns true if the border of `padded`, of a pad with `low` and `high`
/// padding and source `source`, is filled row by row, as described at
/// decomposePads.
bool fillsBorderByRows(Value source, RankedTensorType padded,
                       ArrayRef<int64_t> low, ArrayRef<int64_t> high) {
  auto producer = source.getDefiningOp<scf::ForOp>();
  if (low.size() != 4 || !producer || !producer->hasAttr(kParallelMarker) ||
      low[0] != 0 || high[0] != 0 || low[3] != 0 || high[3] != 0 ||
      (low[2] == 0 && high[2] == 0))
    return false;
  ArrayRef<int64_t> shape = padded.getShape();
  int64_t interior =
      (shape[1] - low[1] - high[1]) * (shape[2] - low[2] - high[2]);
  int64_t border = (shape[1] * shape[2] - interior) * shape[0] * shape[3];
  return border >= kMinParallelBorderElements;
}

/// Largest number of elements that one step of a border fill writes: the
/// columns of a row that fit are written at once, else one column (the
/// channels of every image) at a time, else one column of one image.
constexpr int64_t kMaxBorderFillBlock = 4096;

/// Largest number of channels of one vector of a border fill. With one
/// vector per column, LLVM took 1.4 s to compile the fill of a border of 3
/// images of 2,000 f32 channels (AVX2), and 16.6 s for 3 images of 16,384
/// f64 channels (SSE4.2).
constexpr int64_t kMaxBorderFillChannels = 256;

/// Returns a loop from `begin` to `end` (exclusive) by `step` that carries
/// `tensor` and runs `body` on it, and returns the loop's result.
Value buildTensorLoop(
    OpBuilder &builder, Location loc, Value tensor, int64_t begin, int64_t end,
    int64_t step,
    function_ref<Value(OpBuilder &, Location, Value, Value)> body) {
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(builder, loc, v);
  };
  auto loop = scf::ForOp::create(
      builder, loc, index(begin), index(end), index(step), ValueRange{tensor},
      [&](OpBuilder &builder, Location loc, Value at, ValueRange iterArgs) {
        scf::YieldOp::create(builder, loc,
                             body(builder, loc, at, iterArgs.front()));
      });
  return loop.getResult(0);
}

/// Writes `value` into the box of `images` x 1 x `columns` x all channels of
/// `tensor` at (`image`, `row`, `column`, 0), with vectors of at most
/// kMaxBorderFillChannels channels, and returns the updated tensor.
Value writeBorderBox(OpBuilder &builder, Location loc, Value tensor,
                     Value value, Value image, Value row, Value column,
                     int64_t images, int64_t columns) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t channels = type.getDimSize(3);
  int64_t chunk = std::min(channels, kMaxBorderFillChannels);
  int64_t whole = channels - channels % chunk;
  auto write = [&](OpBuilder &builder, Location loc, Value tensor,
                   Value channel, int64_t width) -> Value {
    auto vectorType =
        VectorType::get({images, 1, columns, width}, type.getElementType());
    Value vector = vector::BroadcastOp::create(builder, loc, vectorType, value);
    return vector::TransferWriteOp::create(
               builder, loc, vector, tensor,
               ValueRange{image, row, column, channel},
               SmallVector<bool>(4, true))
        .getResult();
  };
  Value result = tensor;
  if (whole == chunk)
    result = write(builder, loc, result,
                   arith::ConstantIndexOp::create(builder, loc, 0), chunk);
  else
    result = buildTensorLoop(
        builder, loc, result, 0, whole, chunk,
        [&](OpBuilder &builder, Location loc, Value channel, Value tensor) {
          return write(builder, loc, tensor, channel, chunk);
        });
  if (whole != channels)
    result = write(builder, loc, result,
                   arith::ConstantIndexOp::create(builder, loc, whole),
                   channels - whole);
  return result;
}

/// Writes `value` into `columns` columns of `tensor`, a 4-D tensor whose
/// dimensions are images, rows, columns and channels, from `column` on in
/// row `row`, and returns the updated tensor.
Value fillColumns(OpBuilder &builder, Location loc, Value tensor, Value value,
                  Value row, int64_t column, int64_t columns) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(tensor.getType()).getShape();
  int64_t images = shape[0];
  int64_t channels = shape[3];
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  if (columns * images * channels <= kMaxBorderFillBlock)
    return writeBorderBox(builder, loc, tensor, value, zero, row,
                          arith::ConstantIndexOp::create(builder, loc, column),
                          images, columns);
  return buildTensorLoop(
      builder, loc, tensor, column, column + columns, 1,
      [&](OpBuilder &builder, Location loc, Value at, Value tensor) {
        if (images * channels <= kMaxBorderFillBlock)
          return writeBorderBox(builder, loc, tensor, value, zero, row, at,
                                images, 1);
        return buildTensorLoop(
            builder, loc, tensor, 0, images, 1,
            [&](OpBuilder &builder, Location loc, Value image, Value tensor) {
              return writeBorderBox(builder, loc, tensor, value, image, row, at,
                                    1, 1);
            });
      });
}

/// Fills the border of `tensor`, padded by `low` and `high` along rows
/// (dimension 1) and columns (dimension 2) only, with `value` in a loop over
/// its rows, marked with kParallelMarker, and returns the filled tensor. The
/// loop is also marked with kBorderFillMarker when it runs `beforeProducer`.
Value fillBorderByRows(RewriterBase &rewriter, Location loc, Value tensor,
                       Value value, ArrayRef<int64_t> low,
                       ArrayRef<int64_t> high, bool beforeProducer) {
  auto type = cast<RankedTensorType>(tensor.getType());
  ArrayRef<int64_t> shape = type.getShape();
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(rewriter, loc, v);
  };
  auto loop = scf::ForOp::create(
      rewriter, loc, index(0), index(shape[1]), index(1), ValueRange{tensor},
      [&](OpBuilder &builder, Location loc, Value row, ValueRange iterArgs) {
        Value rows = iterArgs.front();
        auto fillSides = [&](OpBuilder &builder, Location loc) {
          Value result = rows;
          if (low[2] > 0)
            result = fillColumns(builder, loc, result, value, row, 0, low[2]);
          if (high[2] > 0)
            result = fillColumns(builder, loc, result, value, row,
                                 shape[2] - high[2], high[2]);
          scf::YieldOp::create(builder, loc, result);
        };
        if (low[1] == 0 && high[1] == 0) {
          fillSides(builder, loc);
          return;
        }
        Value above = arith::CmpIOp::create(
            builder, loc, arith::CmpIPredicate::ult, row,
            arith::ConstantIndexOp::create(builder, loc, low[1]));
        Value below = arith::CmpIOp::create(
            builder, loc, arith::CmpIPredicate::uge, row,
            arith::ConstantIndexOp::create(builder, loc, shape[1] - high[1]));
        Value outside = arith::OrIOp::create(builder, loc, above, below);
        auto ifOp = scf::IfOp::create(
            builder, loc, outside,
            [&](OpBuilder &builder, Location loc) {
              Value filled =
                  fillColumns(builder, loc, rows, value, row, 0, shape[2]);
              scf::YieldOp::create(builder, loc, filled);
            },
            fillSides);
        scf::YieldOp::create(builder, loc, ifOp.getResults());
      });
  loop->setAttr(kParallelMarker, rewriter.getUnitAttr());
  if (beforeProducer)
    loop->setAttr(kBorderFillMarker, rewriter.getUnitAttr());
  return loop.getResult(0);
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
  int64_t rank = resultType.getRank();
  SmallVector<OpFoldResult> offsets, sizes;
  for (int64_t dim = 0; dim < rank; ++dim) {
    offsets.push_back(rewriter.getIndexAttr((*low)[dim]));
    sizes.push_back(rewriter.getIndexAttr(pad.getSourceType().getDimSize(dim)));
  }
  SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
  if (fillsBorderByRows(pad.getSource(), resultType, *low, *high)) {
    // The border is filled before the producer runs, so that the fill needs
    // no barrier of its own (see kBorderFillMarker). A padding value
    // computed after the producer keeps the fill after it.
    auto producer = pad.getSource().getDefiningOp<scf::ForOp>();
    Operation *valueOp = value.getDefiningOp();
    bool valueAvailable = DominanceInfo().properlyDominates(value, producer);
    bool beforeProducer =
        pad->getBlock() == producer->getBlock() &&
        (valueAvailable ||
         (valueOp && valueOp->hasTrait<OpTrait::ConstantLike>()));
    if (beforeProducer) {
      rewriter.setInsertionPoint(producer);
      if (!valueAvailable)
        value = rewriter.clone(*valueOp)->getResult(0);
      Value empty = tensor::EmptyOp::create(
          rewriter, loc, resultType.getShape(), resultType.getElementType());
      Value filled = fillBorderByRows(rewriter, loc, empty, value, *low, *high,
                                      /*beforeProducer=*/true);
      rewriter.setInsertionPoint(pad);
      rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
          pad, pad.getSource(), filled, offsets, sizes, strides);
      return success();
    }
    Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                          resultType.getElementType());
    Value inserted = tensor::InsertSliceOp::create(
        rewriter, loc, pad.getSource(), empty, offsets, sizes, strides);
    rewriter.replaceOp(pad,
                       fillBorderByRows(rewriter, loc, inserted, value, *low,
                                        *high, /*beforeProducer=*/false));
    return success();
  }
  Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                        resultType.getElementType());
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

/// Returns the result of `read` computed from the source of `pad`, as
/// described at readPadsInRegisters, or null if `read` is not such a read.
Value readPaddedVector(RewriterBase &rewriter, tensor::PadOp pad,
                       vector::TransferReadOp read) {
  VectorType vectorType = read.getVectorType();
  RankedTensorType sourceType = pad.getSourceType();
  int64_t rank = sourceType.getRank();
  int64_t vectorRank = vectorType.getRank();
  if (read.getBase() != pad.getResult() || read.getMask() ||
      read.hasOutOfBoundsDim() || vectorType.isScalable() || vectorRank == 0 ||
      vectorRank > rank || !read.getPermutationMap().isMinorIdentity())
    return nullptr;
  SmallVector<int64_t> low = *getConstantIntValues(pad.getMixedLowPad());
  SmallVector<int64_t> high = *getConstantIntValues(pad.getMixedHighPad());
  // The rows are contiguous in the source only along an unpadded dimension.
  if (low.back() != 0 || high.back() != 0)
    return nullptr;

  Location loc = read.getLoc();
  rewriter.setInsertionPoint(read);
  Value value = pad.getConstantPaddingValue();
  if (value.getParentRegion() == &pad.getRegion())
    value = rewriter.clone(*value.getDefiningOp())->getResult(0);
  // A source without elements, of a strip whose windows lie wholly in the
  // padding, gives only padding.
  if (sourceType.getNumElements() == 0)
    return vector::BroadcastOp::create(rewriter, loc, vectorType, value);
  auto rowType = VectorType::get({vectorType.getShape().back()},
                                 vectorType.getElementType());
  Value paddingRow = vector::BroadcastOp::create(rewriter, loc, rowType, value);
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(rewriter, loc, v);
  };
  Value zero = index(0);

  // Returns the source position of element `offset` of the vector along
  // `dim`, clamped into the source, and ands into `inBounds` whether it lies
  // inside the source. Dimensions without padding need neither.
  Value alwaysTrue = arith::ConstantIntOp::create(rewriter, loc, 1, 1);
  auto getPosition = [&](int64_t dim, int64_t offset,
                         Value &inBounds) -> Value {
    Value position = read.getIndices()[dim];
    if (offset - low[dim] != 0)
      position = arith::AddIOp::create(rewriter, loc, position,
                                       index(offset - low[dim]));
    if (low[dim] == 0 && high[dim] == 0)
      return position;
    Value last = index(sourceType.getDimSize(dim) - 1);
    Value aboveLow = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sge, position, zero);
    Value belowHigh = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sle, position, last);
    inBounds = arith::AndIOp::create(rewriter, loc, inBounds, aboveLow);
    inBounds = arith::AndIOp::create(rewriter, loc, inBounds, belowHigh);
    Value clamped = arith::MaxSIOp::create(rewriter, loc, position, zero);
    return arith::MinSIOp::create(rewriter, loc, clamped, last);
  };

  // The dimensions before those of the vector take the read's indices.
  int64_t firstVectorDim = rank - vectorRank;
  SmallVector<Value> outerPositions;
  Value outerInBounds = alwaysTrue;
  for (int64_t dim = 0; dim < firstVectorDim; ++dim)
    outerPositions.push_back(getPosition(dim, 0, outerInBounds));

  // One row per element of the vector's leading dimensions.
  ArrayRef<int64_t> rowCounts = vectorType.getShape().drop_back();
  int64_t rows = 1;
  for (int64_t count : rowCounts)
    rows *= count;
  Value result;
  if (vectorRank > 1)
    result = vector::BroadcastOp::create(rewriter, loc, vectorType, value);
  SmallVector<int64_t> row(rowCounts.size(), 0);
  for (int64_t linear = 0; linear < rows; ++linear) {
    int64_t rest = linear;
    for (int64_t i = rowCounts.size() - 1; i >= 0; --i) {
      row[i] = rest % rowCounts[i];
      rest /= rowCounts[i];
    }
    SmallVector<Value> positions(outerPositions);
    Value inBounds = outerInBounds;
    for (int64_t i = 0, e = rowCounts.size(); i < e; ++i)
      positions.push_back(getPosition(firstVectorDim + i, row[i], inBounds));
    positions.push_back(read.getIndices().back());
    Value loaded = vector::TransferReadOp::create(
        rewriter, loc, rowType, pad.getSource(), positions, read.getPadding(),
        ArrayRef<bool>{true});
    Value selected =
        arith::SelectOp::create(rewriter, loc, inBounds, loaded, paddingRow);
    if (vectorRank == 1)
      return selected;
    // The rows go in as strided slices because canonicalization turns a
    // chain of vector.insert ops that covers the vector into a
    // vector.from_elements of all its scalars.
    SmallVector<int64_t> offsets(row);
    offsets.push_back(0);
    result = vector::InsertStridedSliceOp::create(
        rewriter, loc, selected, result, offsets, ArrayRef<int64_t>{1});
  }
  return result;
}

} // namespace

bool nas::tile_and_vectorize::isRegisterPadCandidate(tensor::PadOp pad) {
  RankedTensorType sourceType = pad.getSourceType();
  int64_t rank = sourceType.getRank();
  if (rank < 2 || !sourceType.hasStaticShape() ||
      sourceType.getNumElements() == 0 ||
      !pad.getResultType().hasStaticShape() || !pad.getConstantPaddingValue() ||
      isa_and_present<linalg::LinalgOp>(pad.getSource().getDefiningOp()))
    return false;
  std::optional<SmallVector<int64_t>> low =
      getConstantIntValues(pad.getMixedLowPad());
  std::optional<SmallVector<int64_t>> high =
      getConstantIntValues(pad.getMixedHighPad());
  if (!low || !high)
    return false;
  for (int64_t dim : {int64_t(0), rank - 1})
    if ((*low)[dim] != 0 || (*high)[dim] != 0)
      return false;
  if (pad.getResult().use_empty())
    return false;
  for (OpOperand &use : pad.getResult().getUses()) {
    Operation *user = use.getOwner();
    if (!isa<linalg::DepthwiseConv2DNhwcHwcOp, linalg::PoolingNhwcMaxOp,
             linalg::PoolingNhwcSumOp>(user))
      return false;
    auto op = cast<linalg::LinalgOp>(user);
    Type element = getElementTypeOrSelf(op->getResult(0).getType());
    if (!op.hasPureTensorSemantics() || op.hasDynamicShape() ||
        use.getOperandNumber() != 0 || (!element.isF32() && !element.isF64()))
      return false;
  }
  return true;
}

void nas::tile_and_vectorize::markRegisterPads(func::FuncOp func) {
  func.walk([](tensor::PadOp pad) {
    if (isRegisterPadCandidate(pad))
      pad->setAttr(kPadInRegistersMarker, UnitAttr::get(pad.getContext()));
  });
}

void nas::tile_and_vectorize::readPadsInRegisters(RewriterBase &rewriter,
                                                  func::FuncOp func) {
  SmallVector<tensor::PadOp> pads;
  func.walk([&](tensor::PadOp pad) {
    if (pad->hasAttr(kPadInRegistersMarker))
      pads.push_back(pad);
  });
  for (tensor::PadOp pad : pads) {
    pad->removeAttr(kPadInRegistersMarker);
    for (Operation *user : llvm::make_early_inc_range(pad->getUsers())) {
      auto read = dyn_cast<vector::TransferReadOp>(user);
      if (!read)
        continue;
      if (Value result = readPaddedVector(rewriter, pad, read))
        rewriter.replaceOp(read, result);
    }
    if (pad->use_empty())
      rewriter.eraseOp(pad);
  }
}

void nas::tile_and_vectorize::copyPaddedSources(RewriterBase &rewriter,
                                                func::FuncOp func) {
  SmallVector<tensor::PadOp> pads;
  func.walk([&](tensor::PadOp pad) {
    if (!pad->hasAttr(kPadInRegistersMarker) &&
        !isa_and_present<linalg::LinalgOp>(pad.getSource().getDefiningOp()) &&
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
