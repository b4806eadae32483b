//===- SplitPaddedWindows.cpp - split windows at the padding --------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "SplitPaddedWindows.h"
#include "Padding.h"
#include "Strategy.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/TilingInterface.h"

#include "llvm/ADT/SetVector.h"

#include <array>
#include <map>
#include <vector>

using namespace mlir;
using namespace nas;
using namespace nas::tile_and_vectorize;

namespace {

/// Smallest input, in bytes, of an op that is split. Below it, the copy of
/// the input into the padded buffer costs less than the extra tile loops,
/// strip buffers and strip copies of the pieces. Measured with AVX-512 on
/// one thread, 3x3 depthwise convolutions of 32 channels ran 0.1 us slower
/// split on 12x12 inputs (18 KiB: 1.2 against 1.1 us). They ran 0.2 us
/// faster on 14x14 (25 KiB: 1.5 against 1.7 us). A 3x3 stride-2 max
/// pooling of 64 channels ran 0.1 us faster on 8x8 (16 KiB).
constexpr int64_t kMinSplitInputBytes = 20 * 1024;

/// Largest work per input element, in multiply-adds (or additions, or
/// maxima) of the op, of an op that is split. Above it, the copy of the
/// input is a small part of the op's time, less than the pieces add. The
/// strips are computed and copied on one thread or with a fork and join
/// each, and the left and right strips of a convolution take a register
/// block of columns each. Measured with AVX-512, split 3x3 stride-2
/// convolutions from 3 to 32 channels on 224x224 (72 per element) ran 14%
/// faster on one thread and as fast on two. Split 3x3 convolutions from 16
/// to 16 channels on 112x112 (144) ran 4% faster on one thread and 17%
/// slower on two. The split 7x7 stride-2 stem of ResNet-50 (784) ran 2%
/// faster and 4% slower. Depthwise convolutions and pooling do 2 to 25.
constexpr int64_t kMaxSplitWorkPerInput = 100;

/// The same limit for code that runs on one thread, where the strips cost
/// no fork and join. Measured with AVX-512 on one thread, interleaved runs
/// of ResNet-50's layers split and unsplit. The 3x3 stride-2 convolution of
/// 128 channels on 56x56 (288 per element) ran 9% faster split: 1.163
/// against 1.282 ms. The 7x7 stride-2 stem (784) ran 5% faster, and the 3x3
/// convolution of 64 channels on 56x56 (576) 2% faster. With 1,152 per
/// element (3x3 convolutions of 128 channels on 28x28 and of 512 channels
/// on 7x7), the split ran within 1% of the copy.
constexpr int64_t kMaxSerialSplitWorkPerInput = 800;

/// Smallest work, in multiply-adds (or additions, or maxima), of a border
/// piece whose outermost tile loop is distributed over threads. A fork and
/// join of two threads cost about 3 us on the machine measured. The 3x3
/// stride-2 depthwise layer of 144 channels on 56x56 took 34 us with its
/// two strips and their copies distributed too, and 23 us with only the
/// interior distributed. 2^20 multiply-adds take 10 us (convolution) to
/// 35 us (depthwise) on one core, so above that, halving the time pays for
/// the fork and join. Before kMaxSplitWorkPerInput excluded it, the split
/// 7x7 stem of ResNet-50, whose strips take 2 to 6 million multiply-adds
/// each, ran 9% faster on two threads with its strips distributed.
constexpr int64_t kMinParallelBorderWork = int64_t(1) << 20;

/// Window of one spatial dimension of a convolution or pooling op.
struct WindowDim {
  int64_t size;
  int64_t stride;
  int64_t dilation;
  /// Number of input elements that one window spans.
  int64_t extent() const { return (size - 1) * dilation + 1; }
};

/// The input of an op as the padding of a view of a value that no linalg op
/// computes: the view is `sizes` elements of `source` from `offsets`,
/// padded by `low` and `high` elements of `value`.
struct PaddedInput {
  Value source;
  Value value;
  SmallVector<int64_t, 4> offsets;
  SmallVector<int64_t, 4> sizes;
  SmallVector<int64_t, 4> low;
  SmallVector<int64_t, 4> high;
  /// True if the pad is marked with kPadInRegistersMarker. The strips then
  /// pad slices of the source without copies, and the vector reads produce
  /// the padding.
  bool inRegisters = false;
};

/// A region of the output: `offsets` and `sizes` over (n, oh, ow, c).
struct OutputRegion {
  SmallVector<int64_t, 4> offsets;
  SmallVector<int64_t, 4> sizes;
  bool interior = false;
};

/// Returns the static integer `name` attribute of `op` at `index`, or 1
/// when the op does not have it (the default of strides and dilations).
int64_t getWindowAttr(Operation *op, StringRef name, unsigned index) {
  auto attr = op->getAttrOfType<DenseIntElementsAttr>(name);
  if (!attr)
    return 1;
  return attr.getValues<int64_t>()[index];
}

/// Returns the windows of the H and W dimensions of `op` if it is one of
/// the 2-D convolution or pooling ops in NHWC that this step splits,
/// std::nullopt otherwise.
std::optional<std::array<WindowDim, 2>> getWindows(linalg::LinalgOp op) {
  if (!isa<linalg::Conv2DNhwcHwcfOp, linalg::DepthwiseConv2DNhwcHwcOp,
           linalg::PoolingNhwcMaxOp, linalg::PoolingNhwcSumOp>(
          op.getOperation()))
    return std::nullopt;
  if (!op.hasPureTensorSemantics() || op->getNumResults() != 1 ||
      op->getNumOperands() != 3 || op.hasDynamicShape())
    return std::nullopt;
  // Only the element types that nas-tile-and-vectorize tiles: the others
  // become scalar loops, for which the copy of the input hardly matters.
  Type element = getElementTypeOrSelf(op->getResult(0).getType());
  if (!element.isF32() && !element.isF64())
    return std::nullopt;
  ArrayRef<int64_t> window =
      cast<RankedTensorType>(op->getOperand(1).getType()).getShape();
  std::array<WindowDim, 2> windows;
  for (unsigned i = 0; i < 2; ++i)
    windows[i] = {window[i], getWindowAttr(op, "strides", i),
                  getWindowAttr(op, "dilations", i)};
  return windows;
}

/// Matches `input`, the input operand of a convolution or pooling op, as a
/// tensor.pad of H and W with a constant value, or as a slice of such a
/// pad that keeps the whole padded H and W. The padded value must be 4-D,
/// have a static shape and not be the result of a linalg op.
std::optional<PaddedInput> matchPaddedInput(Value input) {
  auto slice = input.getDefiningOp<tensor::ExtractSliceOp>();
  auto pad = (slice ? slice.getSource() : input).getDefiningOp<tensor::PadOp>();
  if (!pad)
    return std::nullopt;
  RankedTensorType sourceType = pad.getSourceType();
  if (sourceType.getRank() != 4 || !sourceType.hasStaticShape() ||
      sourceType.getNumElements() == 0 ||
      isa_and_present<linalg::LinalgOp>(pad.getSource().getDefiningOp()))
    return std::nullopt;

  PaddedInput result;
  result.source = pad.getSource();
  result.inRegisters = pad->hasAttr(kPadInRegistersMarker);
  result.value = pad.getConstantPaddingValue();
  std::optional<SmallVector<int64_t>> low =
      getConstantIntValues(pad.getMixedLowPad());
  std::optional<SmallVector<int64_t>> high =
      getConstantIntValues(pad.getMixedHighPad());
  if (!result.value || !low || !high)
    return std::nullopt;
  result.offsets.assign(4, 0);
  result.sizes.assign(sourceType.getShape().begin(),
                      sourceType.getShape().end());
  result.low.assign(low->begin(), low->end());
  result.high.assign(high->begin(), high->end());

  // A group of a grouped convolution reads a slice of the input channels.
  if (slice) {
    std::optional<SmallVector<int64_t>> offsets =
        getConstantIntValues(slice.getMixedOffsets());
    std::optional<SmallVector<int64_t>> sizes =
        getConstantIntValues(slice.getMixedSizes());
    if (!offsets || !sizes || slice.getResultType().getRank() != 4 ||
        !llvm::all_of(slice.getMixedStrides(),
                      [](OpFoldResult s) { return isOneInteger(s); }))
      return std::nullopt;
    ArrayRef<int64_t> padded = pad.getResultType().getShape();
    for (int64_t dim = 0; dim < 4; ++dim) {
      if (result.low[dim] == 0 && result.high[dim] == 0) {
        result.offsets[dim] = (*offsets)[dim];
        result.sizes[dim] = (*sizes)[dim];
      } else if ((*offsets)[dim] != 0 || (*sizes)[dim] != padded[dim]) {
        return std::nullopt;
      }
    }
  }

  // The batch and channel dimensions of the input are those of the output
  // (or of the reduction), which cannot read padding.
  for (int64_t dim : {0, 3})
    if (result.low[dim] != 0 || result.high[dim] != 0)
      return std::nullopt;
  return result;
}

/// Returns the range [begin, end) of the outputs of `window` whose windows
/// lie wholly inside an input of `size` elements padded by `low` in front,
/// clamped to the `outputs` outputs: output o reads the padded elements
/// o * stride + k * dilation, which are input elements when
/// 0 <= o * stride - low and o * stride - low + extent - 1 < size.
std::pair<int64_t, int64_t> getInteriorRange(const WindowDim &window,
                                             int64_t size, int64_t low,
                                             int64_t outputs) {
  int64_t begin =
      std::min<int64_t>(outputs, llvm::divideCeil(low, window.stride));
  int64_t last = size - window.extent() + low;
  if (last < 0)
    return {begin, begin};
  int64_t end = std::min(outputs, last / window.stride + 1);
  return {begin, std::max(begin, end)};
}

/// Sets `offsets` and `sizes` to the elements of `input`'s source that the
/// windows of `region` read, and `low` and `high` to the padding that they
/// read before and after them.
void getRegionInput(const PaddedInput &input, ArrayRef<WindowDim> windows,
                    const OutputRegion &region,
                    SmallVectorImpl<int64_t> &offsets,
                    SmallVectorImpl<int64_t> &sizes,
                    SmallVectorImpl<int64_t> &low,
                    SmallVectorImpl<int64_t> &high) {
  offsets.assign(input.offsets.begin(), input.offsets.end());
  sizes.assign(input.sizes.begin(), input.sizes.end());
  low.assign(4, 0);
  high.assign(4, 0);
  for (int64_t i = 0; i < 2; ++i) {
    int64_t dim = i + 1;
    const WindowDim &window = windows[i];
    int64_t begin = region.offsets[dim] * window.stride - input.low[dim];
    int64_t end =
        (region.offsets[dim] + region.sizes[dim] - 1) * window.stride +
        window.extent() - input.low[dim];
    // A range of windows can lie wholly before or after the input, in the
    // padding.
    int64_t size = input.sizes[dim];
    int64_t inputBegin = std::clamp<int64_t>(begin, 0, size);
    int64_t inputEnd = std::clamp<int64_t>(end, inputBegin, size);
    offsets[dim] = input.offsets[dim] + inputBegin;
    sizes[dim] = inputEnd - inputBegin;
    low[dim] = std::max<int64_t>(0, std::min<int64_t>(end, 0) - begin);
    high[dim] = std::max<int64_t>(0, end - std::max(begin, size));
  }
}

/// Returns the multiply-adds (or additions, or maxima) of `op` per output
/// element.
int64_t getWorkPerOutput(linalg::LinalgOp op) {
  ArrayRef<int64_t> window =
      cast<RankedTensorType>(op->getOperand(1).getType()).getShape();
  int64_t work = window[0] * window[1];
  // The reduction of a convolution also runs over the input channels.
  if (isa<linalg::Conv2DNhwcHwcfOp>(op.getOperation()))
    work *= window[2];
  return work;
}

SmallVector<OpFoldResult> getIndexAttrs(RewriterBase &rewriter,
                                        ArrayRef<int64_t> values) {
  return getAsIndexOpFoldResult(rewriter.getContext(), values);
}

/// The padded strips of the inputs made so far, by source, padding value,
/// position and padding, which the groups of a grouped convolution share.
using StripCache =
    std::map<std::pair<std::pair<void *, void *>, std::vector<int64_t>>, Value>;

/// Returns a tensor.pad by `low` and `high` of a linalg.copy of the
/// elements of `input`'s source from `offsets` with `sizes` along H and W,
/// and all of its batch and channels. Only the copy of a slice that spans
/// the whole channels is contiguous. When `input` is padded in registers,
/// the pad is of the slice itself, and marked likewise. Reuses the strip of
/// `strips` when it is defined before the insertion point.
Value getPaddedStrip(RewriterBase &rewriter, Location loc,
                     const PaddedInput &input, Value value,
                     ArrayRef<int64_t> offsets, ArrayRef<int64_t> sizes,
                     ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                     StripCache &strips,
                     SmallPtrSetImpl<Operation *> &sequential) {
  auto sourceType = cast<RankedTensorType>(input.source.getType());
  SmallVector<int64_t, 4> stripOffsets(offsets), stripSizes(sizes);
  for (int64_t dim : {0, 3}) {
    stripOffsets[dim] = 0;
    stripSizes[dim] = sourceType.getDimSize(dim);
  }
  std::vector<int64_t> position;
  for (ArrayRef<int64_t> values : {ArrayRef<int64_t>(stripOffsets),
                                   ArrayRef<int64_t>(stripSizes), low, high})
    position.insert(position.end(), values.begin(), values.end());
  position.push_back(input.inRegisters);
  auto key = std::make_pair(std::make_pair(input.source.getAsOpaquePointer(),
                                           input.value.getAsOpaquePointer()),
                            position);
  Block *block = rewriter.getInsertionBlock();
  auto it = strips.find(key);
  if (it != strips.end()) {
    Operation *strip = it->second.getDefiningOp();
    if (strip->getBlock() == block &&
        (rewriter.getInsertionPoint() == block->end() ||
         strip->isBeforeInBlock(&*rewriter.getInsertionPoint())))
      return it->second;
  }

  SmallVector<OpFoldResult> unitStrides(4, rewriter.getIndexAttr(1));
  Type element = sourceType.getElementType();
  Value strip = tensor::ExtractSliceOp::create(
      rewriter, loc, input.source, getIndexAttrs(rewriter, stripOffsets),
      getIndexAttrs(rewriter, stripSizes), unitStrides);
  // As in copyPaddedSources: a vectorized copy, rather than the
  // element-by-element memref.copy into a strided subview that
  // bufferization would make of the slice, fills the padded buffer. It
  // copies a few rows or columns, which do not pay for a fork and join.
  if (!input.inRegisters &&
      llvm::none_of(stripSizes, [](int64_t size) { return size == 0; })) {
    Value empty = tensor::EmptyOp::create(rewriter, loc, stripSizes, element);
    auto copy = linalg::CopyOp::create(rewriter, loc, strip, empty);
    strip = copy.getResult(0);
    sequential.insert(copy);
  }
  SmallVector<int64_t, 4> paddedShape(stripSizes);
  for (int64_t dim = 0; dim < 4; ++dim)
    paddedShape[dim] += low[dim] + high[dim];
  auto pad = tensor::PadOp::create(
      rewriter, loc, RankedTensorType::get(paddedShape, element), strip,
      getIndexAttrs(rewriter, low), getIndexAttrs(rewriter, high), value);
  if (input.inRegisters)
    pad->setAttr(kPadInRegistersMarker, rewriter.getUnitAttr());
  strip = pad.getResult();
  strips[key] = strip;
  return strip;
}

/// Erases the ops of `worklist` that have no use and no side effect, and
/// then the producers that this leaves without use. Only slices, pads,
/// empty tensors, fills, broadcasts and index arithmetic: the ops that the
/// split leaves behind.
void eraseDeadProducers(RewriterBase &rewriter,
                        llvm::SetVector<Operation *> &worklist) {
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!isa<tensor::ExtractSliceOp, tensor::PadOp, tensor::EmptyOp,
             linalg::FillOp, linalg::BroadcastOp, affine::AffineApplyOp,
             arith::ConstantOp>(op) ||
        !isOpTriviallyDead(op))
      continue;
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        worklist.insert(producer);
    rewriter.eraseOp(op);
  }
}

/// Returns the tensor.pad that is the only user of `value` if it has static
/// sizes and a constant padding value, or null.
tensor::PadOp getPaddedUser(Value value) {
  if (!value.hasOneUse())
    return nullptr;
  auto pad = dyn_cast<tensor::PadOp>(*value.getUsers().begin());
  Attribute constant;
  if (!pad || pad.getNofold() || !pad.getResultType().hasStaticShape() ||
      !getConstantIntValues(pad.getMixedLowPad()) ||
      !getConstantIntValues(pad.getMixedHighPad()) ||
      !pad.getConstantPaddingValue() ||
      !matchPattern(pad.getConstantPaddingValue(), m_Constant(&constant)))
    return nullptr;
  return pad;
}

/// Returns a tensor.empty of the shape of `pad` whose border (the low and
/// high padding of each dimension) is filled with the padding value, one
/// linalg.fill per padded side, and sets `low` to the low padding.
Value createPaddedBorder(RewriterBase &rewriter, tensor::PadOp pad,
                         SmallVectorImpl<int64_t> &low) {
  Location loc = pad.getLoc();
  RankedTensorType type = pad.getResultType();
  SmallVector<int64_t> lows = *getConstantIntValues(pad.getMixedLowPad());
  SmallVector<int64_t> highs = *getConstantIntValues(pad.getMixedHighPad());
  Attribute constant;
  matchPattern(pad.getConstantPaddingValue(), m_Constant(&constant));
  // The padding value may be defined after the pieces.
  Value value =
      arith::ConstantOp::create(rewriter, loc, cast<TypedAttr>(constant));
  Value tensor = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                         type.getElementType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
  auto fill = [&](int64_t dim, int64_t offset, int64_t size) {
    SmallVector<int64_t> offsets(rank, 0);
    SmallVector<int64_t> sizes(type.getShape());
    offsets[dim] = offset;
    sizes[dim] = size;
    Value slab = tensor::ExtractSliceOp::create(
        rewriter, loc, tensor, getIndexAttrs(rewriter, offsets),
        getIndexAttrs(rewriter, sizes), strides);
    Value filled = linalg::FillOp::create(rewriter, loc, ValueRange{value},
                                          ValueRange{slab})
                       .getResult(0);
    tensor = tensor::InsertSliceOp::create(
        rewriter, loc, filled, tensor, getIndexAttrs(rewriter, offsets),
        getIndexAttrs(rewriter, sizes), strides);
  };
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (lows[dim] > 0)
      fill(dim, 0, lows[dim]);
    if (highs[dim] > 0)
      fill(dim, type.getDimSize(dim) - highs[dim], highs[dim]);
  }
  low.assign(lows.begin(), lows.end());
  return tensor;
}

/// Rewrites `op`, and its fusable elementwise consumer if any, into one op
/// per region of `regions`, as described at splitPaddedWindows.
void splitOp(RewriterBase &rewriter, linalg::LinalgOp op,
             const PaddedInput &input, ArrayRef<WindowDim> windows,
             ArrayRef<OutputRegion> regions, linalg::GenericOp consumer,
             StripCache &strips, SmallPtrSetImpl<Operation *> &sequential) {
  Location loc = op.getLoc();
  Value result = op->getResult(0);
  Type element = getElementTypeOrSelf(result.getType());
  Operation *last = consumer ? consumer.getOperation() : op.getOperation();
  rewriter.setInsertionPoint(last);
  SmallVector<OpFoldResult> unitStrides(4, rewriter.getIndexAttr(1));
  llvm::SetVector<Operation *> dead;

  // The padding value may be defined inside the region of the pad.
  Value value = input.value;
  if (isa<tensor::PadOp>(value.getParentRegion()->getParentOp()))
    value = rewriter.clone(*value.getDefiningOp())->getResult(0);

  // A fill or broadcast that initializes the accumulator is recreated on
  // each region, so that the tiling of each piece fuses it.
  Value init = op.getDpsInits()[0];
  Operation *initOp = init.getDefiningOp();
  bool tileInit = isa_and_present<linalg::FillOp, linalg::BroadcastOp>(initOp);
  Value anchorDest =
      tileInit ? cast<DestinationStyleOpInterface>(initOp).getDpsInits()[0]
               : init;
  Value dest = anchorDest;
  if (consumer && consumer.getDpsInits()[0] != result)
    dest = consumer.getDpsInits()[0];
  int64_t workPerOutput = getWorkPerOutput(op);

  // When the result is only padded, for the input of the next window op,
  // the pieces write into the padded tensor, whose border is filled first,
  // as decomposePads would do. Otherwise copyPaddedSources would copy the
  // assembled result, which no linalg op computes, into the padded buffer.
  // This needs the pieces not to read the tensor that they assemble.
  tensor::PadOp padUser;
  if (dest.getDefiningOp<tensor::EmptyOp>() && (consumer || tileInit))
    padUser = getPaddedUser(last->getResult(0));
  SmallVector<int64_t, 4> shift(4, 0);
  Value assembled = dest;
  if (padUser)
    assembled = createPaddedBorder(rewriter, padUser, shift);

  for (const OutputRegion &region : regions) {
    SmallVector<OpFoldResult> offsets = getIndexAttrs(rewriter, region.offsets);
    SmallVector<OpFoldResult> sizes = getIndexAttrs(rewriter, region.sizes);
    SmallVector<int64_t, 4> assembledOffsets(region.offsets);
    for (int64_t dim = 0; dim < 4; ++dim)
      assembledOffsets[dim] += shift[dim];
    int64_t work = workPerOutput;
    for (int64_t size : region.sizes)
      work *= size;
    bool parallel = region.interior || work >= kMinParallelBorderWork;

    SmallVector<int64_t, 4> inOffsets, inSizes, low, high;
    getRegionInput(input, windows, region, inOffsets, inSizes, low, high);
    bool padded = llvm::any_of(low, [](int64_t v) { return v != 0; }) ||
                  llvm::any_of(high, [](int64_t v) { return v != 0; });
    Value in;
    if (!padded) {
      in = tensor::ExtractSliceOp::create(
          rewriter, loc, input.source, getIndexAttrs(rewriter, inOffsets),
          getIndexAttrs(rewriter, inSizes), unitStrides);
    } else {
      in = getPaddedStrip(rewriter, loc, input, value, inOffsets, inSizes, low,
                          high, strips, sequential);
      // A group of a grouped convolution reads its channels of the strip.
      auto stripType = cast<RankedTensorType>(in.getType());
      if (stripType.getDimSize(0) != input.sizes[0] ||
          stripType.getDimSize(3) != input.sizes[3]) {
        SmallVector<int64_t, 4> offsets = {input.offsets[0], 0, 0,
                                           input.offsets[3]};
        SmallVector<int64_t, 4> sizes = {
            input.sizes[0], stripType.getDimSize(1), stripType.getDimSize(2),
            input.sizes[3]};
        in = tensor::ExtractSliceOp::create(
            rewriter, loc, in, getIndexAttrs(rewriter, offsets),
            getIndexAttrs(rewriter, sizes), unitStrides);
      }
    }

    // Each piece computes into a tensor.empty of its own, which empty
    // tensor elimination replaces with its region of the assembled output.
    // Slices of one shared tensor.empty would make bufferization copy.
    auto replaceInit = [&](Operation *tiled, Value value) {
      OpOperand &operand =
          cast<DestinationStyleOpInterface>(tiled).getDpsInitsMutable()[0];
      if (Operation *slice = operand.get().getDefiningOp())
        dead.insert(slice);
      operand.set(value);
    };
    auto regionType = RankedTensorType::get(region.sizes, element);
    Value regionInit;
    if (tileInit) {
      Value empty =
          tensor::EmptyOp::create(rewriter, loc, region.sizes, element);
      FailureOr<TilingResult> tiled =
          cast<TilingInterface>(initOp).getTiledImplementation(rewriter,
                                                               offsets, sizes);
      assert(succeeded(tiled) && "fills and broadcasts tile on any region");
      replaceInit(tiled->tiledOps.front(), empty);
      regionInit = tiled->tiledValues.front();
    } else {
      // Without a consumer, the pieces update the initial accumulator in
      // place: each reads its region from the result of the previous one.
      regionInit = tensor::ExtractSliceOp::create(rewriter, loc,
                                                  consumer ? init : assembled,
                                                  offsets, sizes, unitStrides);
    }
    Operation *piece = clone(rewriter, op, TypeRange{regionType},
                             ValueRange{in, op->getOperand(1), regionInit});
    if (!parallel)
      sequential.insert(piece);
    Value pieceResult = piece->getResult(0);

    if (consumer) {
      Value consumerInit = consumer.getDpsInits()[0];
      Value regionConsumerInit;
      if (consumerInit.getDefiningOp<tensor::EmptyOp>())
        regionConsumerInit =
            tensor::EmptyOp::create(rewriter, loc, region.sizes, element);
      else if (consumerInit != result)
        regionConsumerInit = tensor::ExtractSliceOp::create(
            rewriter, loc, assembled, offsets, sizes, unitStrides);
      FailureOr<TilingResult> tiled =
          cast<TilingInterface>(consumer.getOperation())
              .getTiledImplementation(rewriter, offsets, sizes);
      assert(succeeded(tiled) && "elementwise generics tile on any region");
      Operation *tiledConsumer = tiled->tiledOps.front();
      if (regionConsumerInit)
        replaceInit(tiledConsumer, regionConsumerInit);
      for (OpOperand &operand : consumer->getOpOperands()) {
        if (operand.get() != result)
          continue;
        OpOperand &tiledOperand =
            tiledConsumer->getOpOperand(operand.getOperandNumber());
        if (Operation *slice = tiledOperand.get().getDefiningOp();
            slice && slice != op.getOperation())
          dead.insert(slice);
        tiledOperand.set(pieceResult);
      }
      pieceResult = tiled->tiledValues.front();
    }
    assembled = tensor::InsertSliceOp::create(
        rewriter, loc, pieceResult, assembled,
        getIndexAttrs(rewriter, assembledOffsets), sizes, unitStrides);
  }

  for (Operation *erased : {last, op.getOperation()}) {
    for (Value operand : erased->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        dead.insert(producer);
  }
  if (padUser)
    rewriter.replaceOp(padUser, assembled);
  else
    rewriter.replaceAllUsesWith(last->getResult(0), assembled);
  if (consumer)
    rewriter.eraseOp(consumer);
  // The slices of the result that the tiling of the consumer made.
  for (Operation *user : llvm::make_early_inc_range(result.getUsers())) {
    dead.remove(user);
    rewriter.eraseOp(user);
  }
  dead.remove(op.getOperation());
  rewriter.eraseOp(op);
  eraseDeadProducers(rewriter, dead);
}

} // namespace

void nas::tile_and_vectorize::splitPaddedWindows(
    RewriterBase &rewriter, func::FuncOp func, const CpuTarget &target,
    FusableConsumerFn getFusableConsumer, bool parallel,
    SmallPtrSetImpl<Operation *> &sequential) {
  int64_t maxWorkPerInput =
      parallel ? kMaxSplitWorkPerInput : kMaxSerialSplitWorkPerInput;
  SmallVector<linalg::LinalgOp> ops;
  StripCache strips;
  func.walk([&](linalg::LinalgOp op) {
    if (getWindows(op))
      ops.push_back(op);
  });
  for (linalg::LinalgOp op : ops) {
    std::array<WindowDim, 2> windows = *getWindows(op);
    std::optional<PaddedInput> input =
        matchPaddedInput(op.getDpsInputOperand(0)->get());
    if (!input)
      continue;
    ArrayRef<int64_t> output =
        cast<RankedTensorType>(op->getResult(0).getType()).getShape();
    if (llvm::is_contained(output, 0))
      continue;
    int64_t inputElements = 1;
    for (int64_t size : input->sizes)
      inputElements *= size;
    unsigned bitWidth = getElementTypeOrSelf(op->getResult(0).getType())
                            .getIntOrFloatBitWidth();
    int64_t work = getWorkPerOutput(op);
    for (int64_t size : output)
      work *= size;
    if (inputElements * bitWidth / 8 < kMinSplitInputBytes ||
        work > maxWorkPerInput * inputElements)
      continue;

    // Interior outputs [begin[i], end[i]) along H (i = 0) and W (i = 1).
    std::array<int64_t, 2> begin, end;
    bool empty = false;
    for (int64_t i = 0; i < 2; ++i) {
      std::tie(begin[i], end[i]) = getInteriorRange(
          windows[i], input->sizes[i + 1], input->low[i + 1], output[i + 1]);
      empty |= begin[i] == end[i];
    }
    if (empty)
      continue;
    // A piece of one output row (and one image) whose row fits in one
    // register block would get no tile loop at all, and the tiling would
    // then fuse nothing into it: its anchor would become scalar loops. So
    // the top and bottom strips take at least two rows, at the cost of
    // computing a row of the interior from the padded strip, and the
    // interior, which the left and right strips share, must keep two.
    if (begin[0] == 1)
      begin[0] = 2;
    if (output[1] - end[0] == 1)
      end[0] = output[1] - 2;
    if (end[0] - begin[0] < 2)
      continue;
    // The left and right strips of a convolution are a few columns wide,
    // where its register block of r columns would compute one or two: each
    // weight vector loaded would feed one or two FMAs instead of r. As a
    // convolution does C x F multiply-adds per output for C elements
    // copied per input, the strips take whole register blocks, and the
    // interior the columns left. A depthwise convolution or pooling window
    // does about as much work per output as the copy per input, so its
    // strips stay as narrow as the padding.
    if (isa<linalg::Conv2DNhwcHwcfOp>(op.getOperation()) &&
        (begin[1] > 0 || end[1] < output[2])) {
      std::optional<TilingPlan> plan = planTiling(op, target);
      int64_t block = plan && plan->parallelTiles[2] != 0
                          ? plan->parallelTiles[2]
                          : output[2];
      if (begin[1] > 0)
        begin[1] = std::max(begin[1], block);
      if (end[1] < output[2])
        end[1] = std::min(end[1], output[2] - block);
      if (end[1] - begin[1] < block)
        continue;
    }

    // Top and bottom strips over all output columns, left and right strips
    // over the interior rows, in the order of the output in memory.
    auto makeRegion = [&](int64_t row, int64_t rows, int64_t column,
                          int64_t columns) {
      OutputRegion region;
      region.offsets = {0, row, column, 0};
      region.sizes = {output[0], rows, columns, output[3]};
      return region;
    };
    int64_t interiorRows = end[0] - begin[0];
    SmallVector<OutputRegion> regions;
    if (begin[0] > 0)
      regions.push_back(makeRegion(0, begin[0], 0, output[2]));
    if (begin[1] > 0)
      regions.push_back(makeRegion(begin[0], interiorRows, 0, begin[1]));
    regions.push_back(
        makeRegion(begin[0], interiorRows, begin[1], end[1] - begin[1]));
    regions.back().interior = true;
    if (end[1] < output[2])
      regions.push_back(
          makeRegion(begin[0], interiorRows, end[1], output[2] - end[1]));
    if (end[0] < output[1])
      regions.push_back(makeRegion(end[0], output[1] - end[0], 0, output[2]));

    // The strips must copy at most half of the input: the windows of
    // small inputs reach most of it from the border. Measured with AVX-512
    // on one thread, 3x3 depthwise convolutions of 960 channels ran 20%
    // slower split on 10x10 (strips of 84% of the input), 4% slower on
    // 14x14 (63%) and 28% faster on 28x28 (34%).
    int64_t stripElements = 0;
    for (const OutputRegion &region : regions) {
      if (region.interior)
        continue;
      SmallVector<int64_t, 4> offsets, sizes, low, high;
      getRegionInput(*input, windows, region, offsets, sizes, low, high);
      int64_t elements = 1;
      for (int64_t size : sizes)
        elements *= size;
      stripElements += elements;
    }
    if (2 * stripElements > inputElements)
      continue;

    splitOp(rewriter, op, *input, windows, regions, getFusableConsumer(op),
            strips, sequential);
  }
}
