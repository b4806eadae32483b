//===- ExpandBlocks.cpp - rewrite nas blocks into primitives --------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Each pattern first infers the result type of every part of the block and
// creates ops only once all of them are known, so that a block it cannot
// expand is left unchanged. After the rewrite, the pass reports each block
// that is left, with the reason, and fails. Other ops are not touched.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasOps.h"
#include "nas/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"
#include "llvm/Support/raw_ostream.h"

namespace nas {
#define GEN_PASS_DEF_NASEXPANDBLOCKS
#include "nas/Transforms/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

/// Reports why a block cannot be expanded and returns failure: through
/// notifyMatchFailure in the patterns, as an op error in the pass.
using FailureReporter = llvm::function_ref<LogicalResult(const Twine &)>;

/// Returns the location of a part of a block. A block located at
/// `loc("stage1/block0"(...))` gets parts at `loc("stage1/block0/conv1"(...))`
/// with the same child location. The parts of an unnamed block are named by
/// the part alone, with the block's location as child.
Location partLocation(Location blockLoc, StringRef part) {
  MLIRContext *context = blockLoc.getContext();
  if (auto named = dyn_cast<NameLoc>(blockLoc))
    return NameLoc::get(
        StringAttr::get(context, named.getName().strref() + "/" + part),
        named.getChildLoc());
  return NameLoc::get(StringAttr::get(context, part), blockLoc);
}

/// Prints a type in quotes, as diagnostics print types.
std::string typeToString(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '\'' << type << '\'';
  return text;
}

/// Infers the result type of a convolution with a square kernel, equal
/// strides, symmetric padding and no dilation.
FailureOr<RankedTensorType> inferConvType(RankedTensorType input, Value weight,
                                          int64_t stride, int64_t pad,
                                          StringRef part,
                                          FailureReporter fail) {
  auto weightType = cast<RankedTensorType>(weight.getType());
  std::optional<SmallVector<int64_t, 4>> shape =
      inferConv2DShape(input.getShape(), weightType.getShape(),
                       {stride, stride}, {pad, pad, pad, pad}, {1, 1});
  if (!shape)
    return fail("the weight " + typeToString(weightType) + " of " + part +
                " does not fit its input " + typeToString(input));
  return RankedTensorType::get(*shape, input.getElementType());
}

/// Fails unless the expanded parts produce exactly the block's result type.
/// They produce a dynamic size where the block's input has one, and the
/// block's result may be more static than that.
LogicalResult checkExpandedType(RankedTensorType expanded, Type blockType,
                                FailureReporter fail) {
  if (expanded == blockType)
    return success();
  return fail("the expanded parts produce " + typeToString(expanded) +
              " but the block's result type is " + typeToString(blockType) +
              "; the input needs static sizes where the result has them");
}

Value createConv(PatternRewriter &rewriter, Location loc, RankedTensorType type,
                 Value input, Value weight, Value bias, int64_t stride,
                 int64_t pad, int64_t groups) {
  return Conv2DOp::create(rewriter, loc, type, input, weight, bias,
                          rewriter.getDenseI64ArrayAttr({stride, stride}),
                          rewriter.getDenseI64ArrayAttr({pad, pad, pad, pad}),
                          rewriter.getDenseI64ArrayAttr({1, 1}),
                          rewriter.getI64IntegerAttr(groups));
}

Value createRelu(PatternRewriter &rewriter, Location loc, Value input) {
  return ReluOp::create(rewriter, loc, input.getType(), input);
}

Value createRelu6(PatternRewriter &rewriter, Location loc, Value input) {
  return ClipOp::create(rewriter, loc, input.getType(), input,
                        rewriter.getF32FloatAttr(0.0f),
                        rewriter.getF32FloatAttr(6.0f));
}

//===----------------------------------------------------------------------===//
// Bottleneck
//===----------------------------------------------------------------------===//

/// Result types of the parts of a bottleneck.
struct BottleneckTypes {
  RankedTensorType reduce, conv, expand, shortcut, sum;
};

FailureOr<BottleneckTypes> inferBottleneckTypes(BottleneckOp op,
                                                FailureReporter fail) {
  BottleneckTypes types;
  RankedTensorType input = op.getInput().getType();
  int64_t stride = op.getStride();
  FailureOr<RankedTensorType> reduce =
      inferConvType(input, op.getReduceWeight(), 1, 0, "conv1", fail);
  if (failed(reduce))
    return failure();
  FailureOr<RankedTensorType> conv =
      inferConvType(*reduce, op.getConvWeight(), stride, 1, "conv2", fail);
  if (failed(conv))
    return failure();
  FailureOr<RankedTensorType> expand =
      inferConvType(*conv, op.getExpandWeight(), 1, 0, "conv3", fail);
  if (failed(expand))
    return failure();
  types.reduce = *reduce;
  types.conv = *conv;
  types.expand = *expand;
  types.shortcut = input;
  if (op.getProjectionWeight()) {
    FailureOr<RankedTensorType> projection = inferConvType(
        input, op.getProjectionWeight(), stride, 0, "downsample", fail);
    if (failed(projection))
      return failure();
    types.shortcut = *projection;
  }
  std::optional<SmallVector<int64_t>> sum =
      broadcastShapes(types.expand.getShape(), types.shortcut.getShape());
  if (!sum)
    return fail("the main path " + typeToString(types.expand) +
                " and the shortcut " + typeToString(types.shortcut) +
                " cannot be added");
  types.sum = RankedTensorType::get(*sum, input.getElementType());
  if (failed(checkExpandedType(types.sum, op.getType(), fail)))
    return failure();
  return types;
}

/// Expands a bottleneck
///
/// ```mlir
/// %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
///          projection(%wp, %bp) {groups = 1, stride = 2} : ...
/// ```
///
/// into conv1 (1x1) and relu1, conv2 (3x3, the block's stride and groups,
/// padding 1) and relu2, conv3 (1x1), the optional 1x1 projection
/// "downsample" on %x with the block's stride, an add and relu3.
struct ExpandBottleneck : OpRewritePattern<BottleneckOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BottleneckOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<BottleneckTypes> types =
        inferBottleneckTypes(op, [&](const Twine &reason) {
          return rewriter.notifyMatchFailure(op, reason);
        });
    if (failed(types))
      return failure();
    Location loc = op.getLoc();
    int64_t stride = op.getStride();
    Value t = createConv(rewriter, partLocation(loc, "conv1"), types->reduce,
                         op.getInput(), op.getReduceWeight(),
                         op.getReduceBias(), 1, 0, 1);
    t = createRelu(rewriter, partLocation(loc, "relu1"), t);
    t = createConv(rewriter, partLocation(loc, "conv2"), types->conv, t,
                   op.getConvWeight(), op.getConvBias(), stride, 1,
                   op.getGroups());
    t = createRelu(rewriter, partLocation(loc, "relu2"), t);
    t = createConv(rewriter, partLocation(loc, "conv3"), types->expand, t,
                   op.getExpandWeight(), op.getExpandBias(), 1, 0, 1);
    Value shortcut = op.getInput();
    if (op.getProjectionWeight())
      shortcut =
          createConv(rewriter, partLocation(loc, "downsample"), types->shortcut,
                     op.getInput(), op.getProjectionWeight(),
                     op.getProjectionBias(), stride, 0, 1);
    Value sum = AddOp::create(rewriter, partLocation(loc, "add"), types->sum, t,
                              shortcut);
    rewriter.replaceOp(op,
                       createRelu(rewriter, partLocation(loc, "relu3"), sum));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Inverted residual
//===----------------------------------------------------------------------===//

/// Result types of the parts of an inverted residual; `expand` is null
/// without expansion.
struct InvertedResidualTypes {
  RankedTensorType expand, depthwise, project;
  int64_t hidden;
};

FailureOr<InvertedResidualTypes>
inferInvertedResidualTypes(InvertedResidualOp op, FailureReporter fail) {
  InvertedResidualTypes types;
  RankedTensorType hiddenInput = op.getInput().getType();
  if (op.getExpandWeight()) {
    FailureOr<RankedTensorType> expand =
        inferConvType(hiddenInput, op.getExpandWeight(), 1, 0, "expand", fail);
    if (failed(expand))
      return failure();
    types.expand = *expand;
    hiddenInput = *expand;
  }

  // The depthwise convolution has one group per hidden channel, so the
  // count must be known: from the tensor it reads or from its weight.
  types.hidden = hiddenInput.getDimSize(1);
  if (ShapedType::isDynamic(types.hidden))
    types.hidden = op.getDepthwiseWeight().getType().getDimSize(0);
  if (ShapedType::isDynamic(types.hidden))
    return fail("the depthwise convolution needs a static number of groups, "
                "but both its input " +
                typeToString(hiddenInput) + " and depthwise_weight " +
                typeToString(op.getDepthwiseWeight().getType()) +
                " have a dynamic channel count");

  int64_t kernel = op.getKernelSize();
  FailureOr<RankedTensorType> depthwise =
      inferConvType(hiddenInput, op.getDepthwiseWeight(), op.getStride(),
                    (kernel - 1) / 2, "depthwise", fail);
  if (failed(depthwise))
    return failure();
  types.depthwise = *depthwise;
  FailureOr<RankedTensorType> project = inferConvType(
      types.depthwise, op.getProjectWeight(), 1, 0, "project", fail);
  if (failed(project))
    return failure();
  types.project = *project;

  // The verifier guarantees that the residual add, when present, has two
  // operands of the same shape up to dynamic sizes.
  if (failed(checkExpandedType(types.project, op.getType(), fail)))
    return failure();
  return types;
}

/// Expands an inverted residual into its parts. "expand" (1x1) and
/// "expand_relu6" exist when expand_ratio is not 1. "depthwise" (kernel_size,
/// the block's stride, padding (kernel_size - 1) / 2), "depthwise_relu6" and
/// "project" (1x1) always exist. The residual "add" of the input and the
/// projection exists when the block has a residual.
struct ExpandInvertedResidual : OpRewritePattern<InvertedResidualOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(InvertedResidualOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<InvertedResidualTypes> types =
        inferInvertedResidualTypes(op, [&](const Twine &reason) {
          return rewriter.notifyMatchFailure(op, reason);
        });
    if (failed(types))
      return failure();
    Location loc = op.getLoc();
    Value t = op.getInput();
    if (op.getExpandWeight()) {
      t = createConv(rewriter, partLocation(loc, "expand"), types->expand, t,
                     op.getExpandWeight(), op.getExpandBias(), 1, 0, 1);
      t = createRelu6(rewriter, partLocation(loc, "expand_relu6"), t);
    }
    int64_t kernel = op.getKernelSize();
    t = createConv(rewriter, partLocation(loc, "depthwise"), types->depthwise,
                   t, op.getDepthwiseWeight(), op.getDepthwiseBias(),
                   op.getStride(), (kernel - 1) / 2, types->hidden);
    t = createRelu6(rewriter, partLocation(loc, "depthwise_relu6"), t);
    t = createConv(rewriter, partLocation(loc, "project"), types->project, t,
                   op.getProjectWeight(), op.getProjectBias(), 1, 0, 1);
    if (op.hasResidual())
      t = AddOp::create(rewriter, partLocation(loc, "add"), types->project,
                        op.getInput(), t);
    rewriter.replaceOp(op, t);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

struct NasExpandBlocksPass
    : nas::impl::NasExpandBlocksBase<NasExpandBlocksPass> {
  void runOnOperation() override {
    // The walk driver rewrites each block once and, unlike the greedy
    // driver, neither folds nor erases unused ops, so every layer is kept.
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandBottleneck, ExpandInvertedResidual>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));

    // Report the blocks left, with the reason the pattern failed.
    bool blocksLeft = false;
    getOperation()->walk([&](Operation *op) {
      auto emit = [&](const Twine &reason) -> LogicalResult {
        return op->emitOpError("cannot be expanded: ") << reason;
      };
      LogicalResult planned = success();
      if (auto bottleneck = dyn_cast<BottleneckOp>(op))
        planned = inferBottleneckTypes(bottleneck, emit);
      else if (auto block = dyn_cast<InvertedResidualOp>(op))
        planned = inferInvertedResidualTypes(block, emit);
      else
        return;
      blocksLeft = true;
      if (succeeded(planned))
        op->emitOpError("cannot be expanded");
    });
    if (blocksLeft)
      signalPassFailure();
  }
};

} // namespace
