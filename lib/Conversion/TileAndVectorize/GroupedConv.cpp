//===- GroupedConv.cpp - grouped convolutions by channel rotations --------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "GroupedConv.h"

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace nas;
using namespace nas::tile_and_vectorize;

namespace {

// The loops of the op: (n, oh, ow, g, l, kh, kw, r).
constexpr unsigned kOutputColumnLoop = 2;
constexpr unsigned kKernelRowLoop = 5;
constexpr unsigned kKernelColumnLoop = 6;
constexpr unsigned kNumLoops = 8;

/// Returns the coefficient of loop `loop` in `expr`, an affine function of
/// the op's loops without symbols.
int64_t getLoopCoefficient(AffineExpr expr, unsigned loop) {
  MLIRContext *context = expr.getContext();
  SmallVector<AffineExpr> unit, zero;
  for (unsigned d = 0; d < kNumLoops; ++d) {
    unit.push_back(getAffineConstantExpr(d == loop ? 1 : 0, context));
    zero.push_back(getAffineConstantExpr(0, context));
  }
  auto withLoop = dyn_cast<AffineConstantExpr>(expr.replaceDims(unit));
  auto without = dyn_cast<AffineConstantExpr>(expr.replaceDims(zero));
  if (!withLoop || !without)
    return 0;
  return withLoop.getValue() - without.getValue();
}

/// Returns the stride and dilation of `op` along the output columns: the
/// coefficients of ow and kw in the input column index.
std::pair<int64_t, int64_t> getColumnStrideAndDilation(linalg::GenericOp op) {
  AffineExpr column = op.getIndexingMapsArray()[0].getResult(2);
  return {getLoopCoefficient(column, kOutputColumnLoop),
          getLoopCoefficient(column, kKernelColumnLoop)};
}

/// Returns true if `op` is the 6-D linalg.generic that repeats the channels
/// of each group twice: (n, h, w, g, t, l) reads input (n, h, w, g, l).
bool isGroupRepetition(linalg::GenericOp op) {
  if (!op || op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      op.getNumLoops() != 6 || op.getNumParallelLoops() != 6)
    return false;
  MLIRContext *context = op.getContext();
  auto dim = [&](unsigned d) { return getAffineDimExpr(d, context); };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[0] != AffineMap::get(6, 0, {dim(0), dim(1), dim(2), dim(3), dim(5)},
                                context) ||
      !maps[1].isIdentity())
    return false;
  auto yield = cast<linalg::YieldOp>(op.getBody()->getTerminator());
  return yield->getNumOperands() == 1 &&
         yield->getOperand(0) == op.getBody()->getArgument(0);
}

/// Returns true if `op` has the operands and indexing maps that
/// createRotatedGroupConv gives it: 5-D input, weight and output with the
/// output's last dimension the group width, read through the identity map.
/// The marker alone does not guarantee them in edited IR.
bool hasRotatedGroupConvShapes(linalg::GenericOp op) {
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.getRank() != 5 || !type.hasStaticShape())
      return false;
  }
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  MLIRContext *context = op.getContext();
  auto dim = [&](unsigned d) { return getAffineDimExpr(d, context); };
  return maps[2] == AffineMap::get(kNumLoops, 0,
                                   {dim(0), dim(1), dim(2), dim(3), dim(4)},
                                   context) &&
         maps[1] == AffineMap::get(kNumLoops, 0,
                                   {dim(5), dim(6), dim(7), dim(3), dim(4)},
                                   context);
}

/// Returns `position` as index constants, the indices of a tile vector.
SmallVector<Value> getIndices(OpBuilder &builder, Location loc,
                              ArrayRef<int64_t> position) {
  SmallVector<Value> indices;
  for (int64_t value : position)
    indices.push_back(arith::ConstantIndexOp::create(builder, loc, value));
  return indices;
}

/// Returns `a` + `b`, folded when both are constants or one is 0.
OpFoldResult addOffsets(OpBuilder &builder, Location loc, OpFoldResult a,
                        OpFoldResult b) {
  std::optional<int64_t> constantA = getConstantIntValue(a);
  std::optional<int64_t> constantB = getConstantIntValue(b);
  if (constantA && constantB)
    return builder.getIndexAttr(*constantA + *constantB);
  if (constantA == 0)
    return b;
  if (constantB == 0)
    return a;
  return arith::AddIOp::create(builder, loc,
                               getValueOrCreateConstantIndexOp(builder, loc, a),
                               getValueOrCreateConstantIndexOp(builder, loc, b))
      .getResult();
}

} // namespace

std::optional<TilingPlan>
nas::tile_and_vectorize::planRotatedGroupConv(linalg::LinalgOp op,
                                              const CpuTarget &target) {
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!generic || !generic->hasAttr(kRotatedGroupConvAttrName) ||
      generic.getNumLoops() != kNumLoops || generic.getNumDpsInputs() != 2 ||
      !hasRotatedGroupConvShapes(generic))
    return std::nullopt;
  ArrayRef<int64_t> output =
      cast<RankedTensorType>(op->getResult(0).getType()).getShape();
  ArrayRef<int64_t> weight =
      cast<RankedTensorType>(op->getOperand(1).getType()).getShape();
  Type elementType = getElementTypeOrSelf(op->getResult(0).getType());
  int64_t lanes = target.getLanes(elementType.getIntOrFloatBitWidth());
  int64_t width = output[4];
  int64_t groupsPerTile =
      std::min(output[3], std::max<int64_t>(1, lanes / width));
  int64_t registersPerVector = llvm::divideCeil(groupsPerTile * width, lanes);
  auto [stride, dilation] = getColumnStrideAndDilation(generic);
  int64_t kernelWidth = weight[1];
  // An estimate of the registers of a tile: the window vectors of one
  // kernel row with their W - 1 rotations, one accumulator per column and
  // one weight vector, with one register to spare. The second partial sum
  // of each column is not counted. On the ResNeXt 3x3 layer with groups of
  // 4, the 4 columns this allows ran as fast as 7 and faster than 2.
  int64_t rows = 1;
  for (int64_t candidate = output[2]; candidate >= 1; --candidate) {
    int64_t window =
        (candidate - 1) * stride + (kernelWidth - 1) * dilation + 1;
    int64_t needed = (window * width + candidate + 1) * registersPerVector;
    if (needed <= target.vectorRegisters - 1) {
      rows = candidate;
      break;
    }
  }
  rows = balanceTile(output[2], rows);
  TilingPlan plan;
  plan.kind = "grouped";
  plan.parallelTiles = {tileOrFull(output[0], 1), tileOrFull(output[1], 1),
                        tileOrFull(output[2], rows),
                        tileOrFull(output[3], groupsPerTile), 0};
  plan.interchange = {0, 1, 2, 3, 4};
  plan.reductionTiles.assign(kNumLoops, 0);
  return plan;
}

LogicalResult
nas::tile_and_vectorize::vectorizeRotatedGroupConv(RewriterBase &rewriter,
                                                   linalg::GenericOp op) {
  if (!op->hasAttr(kRotatedGroupConvAttrName) ||
      op.getNumLoops() != kNumLoops || op.getNumDpsInputs() != 2 ||
      !op.hasPureTensorSemantics() || !hasRotatedGroupConvShapes(op))
    return failure();
  Value init = op.getDpsInitOperand(0)->get();
  Value weight = op.getDpsInputOperand(1)->get();
  auto outputType = cast<RankedTensorType>(init.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  if (!outputType.hasStaticShape() || !weightType.hasStaticShape() ||
      outputType.getDimSize(0) != 1 || outputType.getDimSize(1) != 1)
    return failure();
  int64_t rows = outputType.getDimSize(2);
  int64_t groups = outputType.getDimSize(3);
  int64_t width = outputType.getDimSize(4);
  int64_t kernelHeight = weightType.getDimSize(0);
  int64_t kernelWidth = weightType.getDimSize(1);
  auto [stride, dilation] = getColumnStrideAndDilation(op);
  int64_t rowDilation = getLoopCoefficient(
      op.getIndexingMapsArray()[0].getResult(1), kKernelRowLoop);
  if (stride < 1 || dilation < 1 || rowDilation < 1)
    return failure();

  // The tile of the repeated input is a slice of the collapsed repetition
  // of the grouped input, with the 2 W - 1 channels l + r of each group.
  // The same slice of the grouped input, with W channels per group,
  // contains every value the tile reads. Tiling leaves a chain of slices,
  // one per tile loop level, and an untiled op reads the collapsed
  // repetition itself.
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value source = op.getDpsInputOperand(0)->get();
  SmallVector<OpFoldResult> sizes =
      tensor::getMixedSizes(rewriter, loc, source);
  SmallVector<OpFoldResult> offsets(5, rewriter.getIndexAttr(0));
  auto slice = source.getDefiningOp<tensor::ExtractSliceOp>();
  if (slice)
    sizes = slice.getMixedSizes();
  for (; slice; slice = source.getDefiningOp<tensor::ExtractSliceOp>()) {
    if (!slice.hasUnitStride() || slice.getSourceType().getRank() != 5 ||
        slice.getType().getRank() != 5)
      return failure();
    for (auto [offset, outer] : llvm::zip(offsets, slice.getMixedOffsets()))
      offset = addOffsets(rewriter, loc, offset, outer);
    source = slice.getSource();
  }
  auto collapse = source.getDefiningOp<tensor::CollapseShapeOp>();
  if (!collapse)
    return failure();
  auto repetition = collapse.getSrc().getDefiningOp<linalg::GenericOp>();
  if (!isGroupRepetition(repetition))
    return failure();
  std::optional<int64_t> channelOffset = getConstantIntValue(offsets[4]);
  std::optional<int64_t> channelSize = getConstantIntValue(sizes[4]);
  std::optional<int64_t> height = getConstantIntValue(sizes[1]);
  std::optional<int64_t> window = getConstantIntValue(sizes[2]);
  if (!height || (kernelHeight - 1) * rowDilation + 1 > *height)
    return failure();
  if (!channelOffset || *channelOffset != 0 || !channelSize ||
      *channelSize < 2 * width - 1 || !window ||
      (rows - 1) * stride + (kernelWidth - 1) * dilation + 1 > *window)
    return failure();

  sizes[4] = rewriter.getIndexAttr(width);
  SmallVector<OpFoldResult> strides(5, rewriter.getIndexAttr(1));
  Value input = tensor::ExtractSliceOp::create(
      rewriter, loc, repetition.getDpsInputOperand(0)->get(), offsets, sizes,
      strides);

  // The tiles are read and written as 1-D vectors of t * W channels, from
  // views that merge the contiguous group and channel dimensions: a 2-D
  // transfer would become one narrow transfer per group.
  Type elementType = outputType.getElementType();
  auto flatType = VectorType::get({groups * width}, elementType);
  SmallVector<ReassociationIndices> mergeChannels = {{0}, {1}, {2}, {3, 4}};
  auto merge = [&](Value tile) -> Value {
    return tensor::CollapseShapeOp::create(rewriter, loc, tile, mergeChannels);
  };
  Value flatInput = merge(input);
  Value flatWeight = merge(weight);
  // A bias broadcast or a fill that initializes the accumulators gives
  // their first values directly. The tile is then written into the
  // broadcast's or the fill's own init, and the initialized tile is never
  // stored and loaded again.
  Value initVector;
  if (auto broadcast = init.getDefiningOp<linalg::BroadcastOp>();
      broadcast && broadcast.getDimensions() == ArrayRef<int64_t>{0, 1, 2} &&
      broadcast.hasPureTensorSemantics()) {
    Value bias =
        tensor::CollapseShapeOp::create(rewriter, loc, broadcast.getInput(),
                                        ArrayRef<ReassociationIndices>{{0, 1}});
    initVector = vector::TransferReadOp::create(
        rewriter, loc,
        VectorType::get({groups * width}, outputType.getElementType()), bias,
        getIndices(rewriter, loc, {0}),
        arith::ConstantOp::create(
            rewriter, loc, rewriter.getZeroAttr(outputType.getElementType())),
        ArrayRef<bool>{true});
    init = broadcast.getInit();
  } else if (auto fill = init.getDefiningOp<linalg::FillOp>();
             fill && fill.hasPureTensorSemantics()) {
    initVector = vector::BroadcastOp::create(
        rewriter, loc,
        VectorType::get({groups * width}, outputType.getElementType()),
        fill.getInputs()[0]);
    init = fill.getOutputs()[0];
  }
  Value flatInit = merge(init);
  Value padding = arith::ConstantOp::create(
      rewriter, loc, rewriter.getFloatAttr(elementType, 0.0));
  auto read = [&](Value source, ArrayRef<int64_t> position) -> Value {
    return vector::TransferReadOp::create(rewriter, loc, flatType, source,
                                          getIndices(rewriter, loc, position),
                                          padding, ArrayRef<bool>{true});
  };

  // Each output column accumulates into two registers, for the even and
  // the odd steps, which are added at the end. With few columns per tile,
  // one dependent chain of FMAs per column would leave the FMA units
  // waiting for the latency of the previous FMA.
  Value zero = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(flatType, rewriter.getZeroAttr(elementType)));
  SmallVector<std::array<Value, 2>> partials;
  for (int64_t o = 0; o < rows; ++o)
    partials.push_back(
        {initVector ? initVector : read(flatInit, {0, 0, o, 0}), zero});
  for (int64_t kh = 0; kh < kernelHeight; ++kh) {
    // rotated[i][r]: input column i of the window in kernel row kh, with
    // each group's channels rotated down by r, so that lane l of a group
    // has channel (l + r) mod W.
    SmallVector<SmallVector<Value>> rotated;
    for (int64_t i = 0; i < *window; ++i) {
      Value vector = read(flatInput, {0, kh * rowDilation, i, 0});
      SmallVector<Value> rotations = {vector};
      for (int64_t r = 1; r < width; ++r) {
        SmallVector<int64_t> mask;
        for (int64_t lane = 0; lane < groups * width; ++lane)
          mask.push_back(lane - lane % width + (lane % width + r) % width);
        rotations.push_back(
            vector::ShuffleOp::create(rewriter, loc, vector, vector, mask));
      }
      rotated.push_back(std::move(rotations));
    }
    for (int64_t o = 0; o < rows; ++o) {
      int64_t step = 0;
      for (int64_t kw = 0; kw < kernelWidth; ++kw)
        for (int64_t r = 0; r < width; ++r, ++step)
          partials[o][step % 2] = vector::FMAOp::create(
              rewriter, loc, rotated[o * stride + kw * dilation][r],
              read(flatWeight, {kh, kw, r, 0}), partials[o][step % 2]);
    }
  }
  SmallVector<Value> results;
  for (auto &partial : partials)
    results.push_back(
        arith::AddFOp::create(rewriter, loc, partial[0], partial[1]));
  Value result = flatInit;
  for (auto [o, accumulator] : llvm::enumerate(results))
    result = vector::TransferWriteOp::create(
                 rewriter, loc, accumulator, result,
                 getIndices(rewriter, loc, {0, 0, static_cast<int64_t>(o), 0}),
                 ArrayRef<bool>{true})
                 .getResult();
  result = tensor::ExpandShapeOp::create(rewriter, loc, outputType, result,
                                         mergeChannels);
  rewriter.replaceOp(op, result);
  return success();
}

LogicalResult nas::tile_and_vectorize::vectorizeRotatedGroupConvEpilogue(
    RewriterBase &rewriter, linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op->getNumResults() != 1 ||
      op.getNumLoops() != 5 || op.getNumParallelLoops() != op.getNumLoops() ||
      !llvm::all_of(op.getIndexingMapsArray(),
                    [](AffineMap map) { return map.isIdentity(); }))
    return failure();
  // Only the consumer of a rotated tile, which reads its result through the
  // expand_shape that vectorizeRotatedGroupConv leaves.
  SmallVector<ReassociationIndices> mergeChannels = {{0}, {1}, {2}, {3, 4}};
  bool readsRotatedTile = llvm::any_of(op.getDpsInputs(), [&](Value input) {
    auto expand = input.getDefiningOp<tensor::ExpandShapeOp>();
    return expand && expand.getReassociationIndices() == mergeChannels;
  });
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  if (!readsRotatedTile || !type.hasStaticShape() || type.getDimSize(0) != 1 ||
      type.getDimSize(1) != 1)
    return failure();
  Block *body = op.getBody();
  for (Operation &nested : body->without_terminator())
    if (!OpTrait::hasElementwiseMappableTraits(&nested) ||
        nested.getNumRegions() != 0 || nested.getNumResults() != 1)
      return failure();
  for (Value operand : op->getOperands())
    if (cast<RankedTensorType>(operand.getType()).getShape() != type.getShape())
      return failure();

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  int64_t rows = type.getDimSize(2);
  int64_t lanes = type.getDimSize(3) * type.getDimSize(4);
  auto vectorOf = [&](Type scalar) { return VectorType::get({lanes}, scalar); };
  auto merge = [&](Value tile) -> Value {
    return tensor::CollapseShapeOp::create(rewriter, loc, tile, mergeChannels);
  };
  SmallVector<Value> flatOperands;
  for (Value operand : op->getOperands())
    flatOperands.push_back(merge(operand));
  Value result = flatOperands.back();
  for (int64_t row = 0; row < rows; ++row) {
    SmallVector<Value> indices = getIndices(rewriter, loc, {0, 0, row, 0});
    IRMapping mapping;
    for (auto [argument, flat] :
         llvm::zip(body->getArguments(), flatOperands)) {
      Type element = argument.getType();
      Value padding = arith::ConstantOp::create(rewriter, loc, element,
                                                rewriter.getZeroAttr(element));
      mapping.map(argument, vector::TransferReadOp::create(
                                rewriter, loc, vectorOf(element), flat, indices,
                                padding, ArrayRef<bool>{true}));
    }
    for (Operation &nested : body->without_terminator()) {
      SmallVector<Value> operands;
      for (Value operand : nested.getOperands()) {
        if (Value mapped = mapping.lookupOrNull(operand)) {
          operands.push_back(mapped);
          continue;
        }
        // A scalar defined outside the body, the same in every lane.
        operands.push_back(vector::BroadcastOp::create(
            rewriter, loc, vectorOf(operand.getType()), operand));
      }
      OperationState state(loc, nested.getName().getStringRef(), operands,
                           {vectorOf(nested.getResult(0).getType())},
                           nested.getAttrs());
      mapping.map(nested.getResult(0), rewriter.create(state)->getResult(0));
    }
    Value yielded = body->getTerminator()->getOperand(0);
    Value vector = mapping.lookupOrNull(yielded);
    if (!vector)
      vector = vector::BroadcastOp::create(
          rewriter, loc, vectorOf(yielded.getType()), yielded);
    result = vector::TransferWriteOp::create(rewriter, loc, vector, result,
                                             indices, ArrayRef<bool>{true})
                 .getResult();
  }
  rewriter.replaceOp(op, tensor::ExpandShapeOp::create(rewriter, loc, type,
                                                       result, mergeChannels)
                             .getResult());
  return success();
}
