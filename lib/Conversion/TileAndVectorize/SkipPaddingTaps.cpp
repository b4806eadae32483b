//===- SkipPaddingTaps.cpp - no multiply-adds on zero padding -------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "SkipPaddingTaps.h"
#include "Padding.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace nas::tile_and_vectorize;

namespace {

/// Largest trip count of a loop over kernel columns that the step unrolls.
constexpr int64_t kMaxUnrolledColumns = 16;

/// Smallest number of steps of the channel loop of a tap for which its
/// tile is peeled and unrolled. The copies of many small tiles cost more
/// compile time than their trimmed steps save. A 7x7 convolution in 64
/// groups of 3 channels on 28x57 compiled in 33 s with them, 6 s without.
constexpr int64_t kMinChannelSteps = 8;

/// One tap of a convolution tile: a contraction of input elements read
/// from a zero-padded N x H x W x C tensor with 1 x F weights. Usually the
/// contraction takes the read itself, a column of pixels x 1 elements,
/// into pixels x F accumulators. In a strided convolution the read also
/// spans the columns between pixels, and each pixel's contraction takes
/// one element of it, at `element`, into its F accumulators.
struct Tap {
  vector::ContractionOp contract;
  vector::TransferReadOp read;
  tensor::PadOp pad;
  std::optional<int64_t> element;
};

/// Returns true if the indexing maps of `contract` are those of an outer
/// product of a P x 1 and a 1 x F operand into P x F: (p, f, c) -> (p, c),
/// (c, f), (p, f).
bool isOuterProductMaps(vector::ContractionOp contract) {
  MLIRContext *context = contract.getContext();
  AffineExpr p, f, c;
  bindDims(context, p, f, c);
  SmallVector<AffineMap> expected = {AffineMap::get(3, 0, {p, c}, context),
                                     AffineMap::get(3, 0, {c, f}, context),
                                     AffineMap::get(3, 0, {p, f}, context)};
  return contract.getIndexingMapsArray() == expected;
}

/// Returns true if `contract` multiplies a 1-element vector with a 1 x F
/// operand into F: (f, c) -> (c), (c, f), (f).
bool isScaledRowMaps(vector::ContractionOp contract) {
  MLIRContext *context = contract.getContext();
  AffineExpr f, c;
  bindDims(context, f, c);
  SmallVector<AffineMap> expected = {AffineMap::get(2, 0, {c}, context),
                                     AffineMap::get(2, 0, {c, f}, context),
                                     AffineMap::get(2, 0, {f}, context)};
  return contract.getIndexingMapsArray() == expected;
}

/// Returns the tap of `contract`, or nothing when its left operand is not a
/// column of pixels, or one element of one, read from a pad of rows and
/// columns with zeros.
std::optional<Tap> matchTap(vector::ContractionOp contract) {
  if (contract.getKind() != vector::CombiningKind::ADD)
    return std::nullopt;
  vector::TransferReadOp read;
  std::optional<int64_t> element;
  if (isOuterProductMaps(contract)) {
    read = contract.getLhs().getDefiningOp<vector::TransferReadOp>();
  } else if (isScaledRowMaps(contract)) {
    auto extract = contract.getLhs().getDefiningOp<vector::ExtractOp>();
    if (!extract || extract.getNumIndices() != 1 ||
        extract.hasDynamicPosition())
      return std::nullopt;
    read = extract.getSource().getDefiningOp<vector::TransferReadOp>();
    element = extract.getStaticPosition()[0];
  } else {
    return std::nullopt;
  }
  if (!read || read.getMask() || read.hasOutOfBoundsDim())
    return std::nullopt;

  auto pad = read.getBase().getDefiningOp<tensor::PadOp>();
  if (!pad || !pad.getSourceType().hasStaticShape() ||
      pad.getSourceType().getRank() != 4)
    return std::nullopt;
  Value padding = pad.getConstantPaddingValue();
  if (!padding || !matchPattern(padding, m_AnyZeroFloat()))
    return std::nullopt;
  ArrayRef<int64_t> low = pad.getStaticLow();
  ArrayRef<int64_t> high = pad.getStaticHigh();
  if (ShapedType::isDynamicShape(low) || ShapedType::isDynamicShape(high) ||
      low[0] != 0 || high[0] != 0 || low[3] != 0 || high[3] != 0)
    return std::nullopt;

  // Element (p, 0) of the vector is element (n, h, w + p, c) of the pad.
  MLIRContext *context = contract.getContext();
  AffineMap columns = AffineMap::get(
      4, 0, {getAffineDimExpr(2, context), getAffineDimExpr(3, context)},
      context);
  VectorType type = read.getVectorType();
  if (read.getPermutationMap() != columns || type.getRank() != 2 ||
      type.getDimSize(1) != 1 || type.isScalable())
    return std::nullopt;
  return Tap{contract, read, pad, element};
}

/// Returns the taps of `root`.
SmallVector<Tap> collectTaps(Operation *root) {
  SmallVector<Tap> taps;
  root->walk([&](vector::ContractionOp contract) {
    if (std::optional<Tap> tap = matchTap(contract))
      taps.push_back(*tap);
  });
  return taps;
}

/// Returns the reduction loops around `op`, innermost first: the scf.for
/// ancestors that carry vectors (the hoisted accumulators), up to the first
/// that does not. Tile loops carry only tensors.
SmallVector<scf::ForOp> getReductionLoops(Operation *op) {
  SmallVector<scf::ForOp> loops;
  for (auto loop = op->getParentOfType<scf::ForOp>(); loop;
       loop = loop->getParentOfType<scf::ForOp>()) {
    if (llvm::none_of(loop.getRegionIterArgs(), [](BlockArgument argument) {
          return isa<VectorType>(argument.getType());
        }))
      break;
    loops.push_back(loop);
  }
  return loops;
}

/// Returns `value` computed at the start of the body of `loop`: `value`
/// itself when it is available there, or a clone of the pure ops it comes
/// from. Returns null when it depends on a value of a loop nested in
/// `loop` or on an op with effects.
Value materializeAtLoopStart(Value value, scf::ForOp loop, OpBuilder &builder,
                             IRMapping &mapping) {
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  if (auto argument = dyn_cast<BlockArgument>(value)) {
    if (argument == loop.getInductionVar() ||
        !loop->isAncestor(argument.getOwner()->getParentOp()))
      return value;
    return {};
  }
  Operation *op = value.getDefiningOp();
  if (!loop->isProperAncestor(op))
    return value;
  if (!isPure(op) || op->getNumRegions() != 0)
    return {};
  for (Value operand : op->getOperands())
    if (!materializeAtLoopStart(operand, loop, builder, mapping))
      return {};
  Operation *clone = builder.clone(*op, mapping);
  return clone->getResult(cast<OpResult>(value).getResultNumber());
}

/// Returns true if skipping the body of `loop` leaves its results as they
/// would be when every tap in it reads zeros: its contractions are all
/// taps, and its other ops only read, move or index vectors.
bool onlyAddsTaps(scf::ForOp loop) {
  WalkResult result = loop.getBody()->walk([](Operation *op) {
    if (auto contract = dyn_cast<vector::ContractionOp>(op))
      return matchTap(contract) ? WalkResult::advance()
                                : WalkResult::interrupt();
    if (isa<scf::ForOp, scf::YieldOp, scf::IfOp, vector::TransferReadOp,
            vector::BroadcastOp, vector::ExtractOp, vector::InsertOp,
            vector::ExtractStridedSliceOp, vector::InsertStridedSliceOp,
            vector::ShapeCastOp, vector::TransposeOp, tensor::ExtractSliceOp,
            affine::AffineApplyOp, arith::ConstantOp>(op))
      return WalkResult::advance();
    // Index arithmetic.
    if (op->getDialect()->getNamespace() == "arith" &&
        llvm::all_of(op->getResultTypes(), [](Type type) {
          return type.isIndex() || type.isInteger(1);
        }))
      return WalkResult::advance();
    return WalkResult::interrupt();
  });
  return !result.wasInterrupted();
}

/// Runs the body of every outermost reduction loop that reads a pad only
/// when one of its input rows lies inside the pad's source.
void skipPaddingRows(RewriterBase &rewriter, func::FuncOp func) {
  llvm::SetVector<Operation *> outermost;
  for (Tap tap : collectTaps(func)) {
    SmallVector<scf::ForOp> loops = getReductionLoops(tap.contract);
    if (!loops.empty())
      outermost.insert(loops.back());
  }
  for (Operation *op : outermost) {
    auto loop = cast<scf::ForOp>(op);
    if (!onlyAddsTaps(loop))
      continue;
    Location loc = loop.getLoc();
    Block *body = loop.getBody();
    OpBuilder builder(body, body->begin());
    IRMapping mapping;
    Value inside;
    for (Tap tap : collectTaps(loop)) {
      // The row index is element (n, h, w, c) of the read's indices.
      Value row = materializeAtLoopStart(tap.read.getIndices()[1], loop,
                                         builder, mapping);
      if (!row) {
        inside = Value();
        break;
      }
      int64_t top = tap.pad.getStaticLow()[1];
      int64_t rows = tap.pad.getSourceType().getDimSize(1);
      Value first = arith::ConstantIndexOp::create(builder, loc, top);
      Value end = arith::ConstantIndexOp::create(builder, loc, top + rows);
      Value inRange = arith::AndIOp::create(
          builder, loc,
          arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sge, row,
                                first),
          arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::slt, row,
                                end));
      inside =
          inside
              ? arith::OrIOp::create(builder, loc, inside, inRange).getResult()
              : inRange;
    }
    if (!inside)
      continue;
    // The body after the row checks goes into the then block. The else
    // block passes the accumulators on unchanged.
    auto yield = cast<scf::YieldOp>(body->getTerminator());
    auto ifOp = scf::IfOp::create(
        builder, loc, TypeRange(ValueRange(loop.getRegionIterArgs())), inside,
        /*addThenBlock=*/true, /*addElseBlock=*/true);
    Block *thenBlock = ifOp.thenBlock();
    for (Operation &moved : llvm::make_early_inc_range(llvm::make_range(
             std::next(ifOp->getIterator()), yield->getIterator())))
      moved.moveBefore(thenBlock, thenBlock->end());
    OpBuilder thenBuilder = OpBuilder::atBlockEnd(thenBlock);
    scf::YieldOp::create(thenBuilder, loc, yield.getOperands());
    OpBuilder elseBuilder = OpBuilder::atBlockEnd(ifOp.elseBlock());
    scf::YieldOp::create(elseBuilder, loc, loop.getRegionIterArgs());
    rewriter.modifyOpInPlace(yield,
                             [&] { yield->setOperands(ifOp.getResults()); });
  }
}

/// Returns true if `value` depends on the induction variable of `loop`
/// through pure ops.
bool dependsOn(Value value, scf::ForOp loop) {
  if (value == loop.getInductionVar())
    return true;
  Operation *op = value.getDefiningOp();
  if (!op || !isPure(op))
    return false;
  return llvm::any_of(op->getOperands(),
                      [&](Value operand) { return dependsOn(operand, loop); });
}

/// Returns true if `value` is computed by pure ops from constants and the
/// induction variable of `loop` only.
bool isFunctionOf(Value value, scf::ForOp loop) {
  if (value == loop.getInductionVar() || matchPattern(value, m_Constant()))
    return true;
  Operation *op = value.getDefiningOp();
  if (!op || !isPure(op) || op->getNumRegions() != 0)
    return false;
  return llvm::all_of(op->getOperands(), [&](Value operand) {
    return isFunctionOf(operand, loop);
  });
}

/// Returns the static trip count of `loop`, if its bounds are constants.
std::optional<int64_t> getTripCount(scf::ForOp loop) {
  std::optional<APInt> trips = loop.getStaticTripCount();
  if (!trips)
    return std::nullopt;
  return trips->getSExtValue();
}

/// Returns true if peeling `loop` leaves the loops that nas-parallelize-loops
/// distributes as they are. That pass runs the outermost marked loop in
/// parallel, and collapses the marked loop right inside it into it when
/// the outer one has fewer than 16 iterations. A marked loop is left alone
/// unless a marked loop around it has at least 16 iterations.
bool isPeelable(scf::ForOp loop) {
  if (!loop->hasAttr(kParallelMarker))
    return true;
  for (auto outer = loop->getParentOfType<scf::ForOp>(); outer;
       outer = outer->getParentOfType<scf::ForOp>()) {
    if (!outer->hasAttr(kParallelMarker))
      continue;
    std::optional<int64_t> trips = getTripCount(outer);
    return trips && *trips >= 16;
  }
  return false;
}

/// Returns true if the loop right around the contraction of `tap`, over
/// input channels, has at least kMinChannelSteps iterations.
bool hasLongChannelLoop(Tap tap) {
  SmallVector<scf::ForOp> loops = getReductionLoops(tap.contract);
  if (loops.empty())
    return false;
  std::optional<int64_t> trips = getTripCount(loops.front());
  return trips && *trips >= kMinChannelSteps;
}

/// Peels the first and last iterations of every tile loop whose induction
/// variable sets the input column of a tap, so that the edge tiles have
/// constant columns.
bool peelColumnLoops(RewriterBase &rewriter, func::FuncOp func) {
  llvm::SetVector<Operation *> columnLoops;
  for (Tap tap : collectTaps(func)) {
    if (!hasLongChannelLoop(tap))
      continue;
    Value column = tap.read.getIndices()[2];
    SmallVector<scf::ForOp> reductions = getReductionLoops(tap.contract);
    Operation *above = reductions.empty() ? tap.contract.getOperation()
                                          : reductions.back().getOperation();
    for (auto loop = above->getParentOfType<scf::ForOp>(); loop;
         loop = loop->getParentOfType<scf::ForOp>())
      if (isPeelable(loop) && dependsOn(column, loop))
        columnLoops.insert(loop);
  }
  bool changed = false;
  for (Operation *op : columnLoops) {
    auto loop = cast<scf::ForOp>(op);
    std::optional<int64_t> trips = getTripCount(loop);
    std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
    std::optional<int64_t> step = getConstantIntValue(loop.getStep());
    if (!trips || !lower || !step || *trips < 2)
      continue;
    // The last iteration: a copy of the loop over it, after the loop.
    int64_t last = *lower + (*trips - 1) * *step;
    rewriter.setInsertionPoint(loop);
    Value lastStart =
        arith::ConstantIndexOp::create(rewriter, loop.getLoc(), last);
    rewriter.setInsertionPointAfter(loop);
    auto lastIteration = cast<scf::ForOp>(rewriter.clone(*loop));
    rewriter.modifyOpInPlace(lastIteration, [&] {
      lastIteration.setLowerBound(lastStart);
      lastIteration.getInitArgsMutable().assign(loop.getResults());
    });
    for (auto [result, replacement] :
         llvm::zip_equal(loop.getResults(), lastIteration.getResults()))
      rewriter.replaceAllUsesExcept(result, replacement, lastIteration);
    rewriter.modifyOpInPlace(loop, [&] { loop.setUpperBound(lastStart); });
    if (*trips >= 3) {
      scf::ForOp firstIteration;
      (void)scf::peelForLoopFirstIteration(rewriter, loop, firstIteration);
    }
    changed = true;
  }
  return changed;
}

/// Unrolls the loops over kernel columns of the taps whose input column is
/// a function of that loop's induction variable alone, so that each copy
/// reads a constant column.
bool unrollColumnLoops(func::FuncOp func) {
  llvm::SetVector<Operation *> kernelColumnLoops;
  for (Tap tap : collectTaps(func)) {
    Value column = tap.read.getIndices()[2];
    if (matchPattern(column, m_Constant()) || !hasLongChannelLoop(tap))
      continue;
    for (scf::ForOp loop : getReductionLoops(tap.contract)) {
      if (!isFunctionOf(column, loop))
        continue;
      std::optional<int64_t> trips = getTripCount(loop);
      if (trips && *trips <= kMaxUnrolledColumns)
        kernelColumnLoops.insert(loop);
      break;
    }
  }
  for (Operation *op : kernelColumnLoops)
    (void)loopUnrollFull(cast<scf::ForOp>(op));
  return !kernelColumnLoops.empty();
}

/// Rewrites each tap with a constant input column to the pixels whose
/// column lies inside the pad's source, or drops it when there are none.
void trimTaps(RewriterBase &rewriter, func::FuncOp func) {
  for (Tap tap : collectTaps(func)) {
    std::optional<int64_t> column =
        getConstantIntValue(tap.read.getIndices()[2]);
    if (!column)
      continue;
    int64_t left = tap.pad.getStaticLow()[2];
    int64_t width = tap.pad.getSourceType().getDimSize(2);
    // A tap of one pixel stays or goes whole.
    if (tap.element) {
      int64_t at = *column + *tap.element;
      if (at < left || at >= left + width)
        rewriter.replaceOp(tap.contract, tap.contract.getAcc());
      continue;
    }
    int64_t pixels = tap.read.getVectorType().getDimSize(0);
    int64_t begin = std::clamp<int64_t>(left - *column, 0, pixels);
    int64_t end = std::clamp<int64_t>(left + width - *column, 0, pixels);
    if (begin == 0 && end == pixels)
      continue;
    Value accumulators = tap.contract.getAcc();
    if (begin >= end) {
      rewriter.replaceOp(tap.contract, accumulators);
      continue;
    }
    Location loc = tap.contract.getLoc();
    rewriter.setInsertionPoint(tap.contract);
    // A read of the pixels inside, at their column.
    auto read = cast<vector::TransferReadOp>(rewriter.clone(*tap.read));
    Value start =
        arith::ConstantIndexOp::create(rewriter, loc, *column + begin);
    VectorType readType = tap.read.getVectorType();
    rewriter.modifyOpInPlace(read, [&] {
      read.getIndicesMutable()[2].set(start);
      read.getResult().setType(
          VectorType::get({end - begin, 1}, readType.getElementType()));
    });
    auto accumulatorType = cast<VectorType>(accumulators.getType());
    int64_t channels = accumulatorType.getDimSize(1);
    Value slice = vector::ExtractStridedSliceOp::create(
        rewriter, loc, accumulators, {begin, 0}, {end - begin, channels},
        {1, 1});
    auto contract = cast<vector::ContractionOp>(rewriter.clone(*tap.contract));
    rewriter.modifyOpInPlace(contract, [&] {
      contract.getLhsMutable().assign(read);
      contract.getAccMutable().assign(slice);
      contract.getResult().setType(slice.getType());
    });
    Value updated = vector::InsertStridedSliceOp::create(
        rewriter, loc, contract.getResult(), accumulators, {begin, 0}, {1, 1});
    rewriter.replaceOp(tap.contract, updated);
  }
}

} // namespace

void nas::tile_and_vectorize::skipPaddingTaps(
    RewriterBase &rewriter, func::FuncOp func,
    llvm::function_ref<void(func::FuncOp)> canonicalize) {
  if (collectTaps(func).empty())
    return;
  skipPaddingRows(rewriter, func);
  bool changed = peelColumnLoops(rewriter, func);
  if (changed)
    canonicalize(func);
  if (unrollColumnLoops(func))
    canonicalize(func);
  trimTaps(rewriter, func);
}
