//===- ExpandBlocks.cpp - rewrite nas blocks into primitives --------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasOps.h"
#include "nas/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace nas {
#define GEN_PASS_DEF_NASEXPANDBLOCKS
#include "nas/Transforms/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

/// Returns the location of a part of a block: the block's name, when it has
/// one, followed by "/" and the part's name.
Location partLocation(Location blockLoc, StringRef part) {
  std::string name = part.str();
  if (auto named = dyn_cast<NameLoc>(blockLoc))
    name = (named.getName().strref() + "/" + part).str();
  return NameLoc::get(StringAttr::get(blockLoc.getContext(), name), blockLoc);
}

/// Creates a convolution with a square kernel, equal strides and symmetric
/// padding, and infers its result type.
Value createConv(PatternRewriter &rewriter, Location loc, Value input,
                 Value weight, Value bias, int64_t stride, int64_t pad,
                 int64_t groups) {
  auto inputType = cast<RankedTensorType>(input.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  SmallVector<int64_t, 2> strides = {stride, stride};
  SmallVector<int64_t, 4> padding = {pad, pad, pad, pad};
  SmallVector<int64_t, 2> dilations = {1, 1};
  // The block verifier has checked these shapes.
  SmallVector<int64_t, 4> shape =
      *inferConv2DShape(inputType.getShape(), weightType.getShape(), strides,
                        padding, dilations);
  auto resultType = RankedTensorType::get(shape, inputType.getElementType());
  return Conv2DOp::create(rewriter, loc, resultType, input, weight, bias,
                          rewriter.getDenseI64ArrayAttr(strides),
                          rewriter.getDenseI64ArrayAttr(padding),
                          rewriter.getDenseI64ArrayAttr(dilations),
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

/// Expands a bottleneck:
///
/// ```mlir
/// %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
///          projection(%wp, %bp) {groups = 1, stride = 2} : ...
/// ```
///
/// into conv1/relu1, conv2/relu2, conv3, a projection conv on %x, an add and
/// a relu.
struct ExpandBottleneck : OpRewritePattern<BottleneckOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BottleneckOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t stride = op.getStride();
    Value t = createConv(rewriter, partLocation(loc, "conv1"), op.getInput(),
                         op.getReduceWeight(), op.getReduceBias(), 1, 0, 1);
    t = createRelu(rewriter, partLocation(loc, "relu1"), t);
    t = createConv(rewriter, partLocation(loc, "conv2"), t,
                   op.getConvWeight(), op.getConvBias(), stride, 1,
                   op.getGroups());
    t = createRelu(rewriter, partLocation(loc, "relu2"), t);
    t = createConv(rewriter, partLocation(loc, "conv3"), t,
                   op.getExpandWeight(), op.getExpandBias(), 1, 0, 1);
    Value shortcut = op.getInput();
    if (op.getProjectionWeight())
      shortcut = createConv(rewriter, partLocation(loc, "downsample"),
                            op.getInput(), op.getProjectionWeight(),
                            op.getProjectionBias(), stride, 0, 1);
    Value sum = AddOp::create(rewriter, partLocation(loc, "add"), t.getType(),
                              t, shortcut);
    rewriter.replaceOp(op, createRelu(rewriter, partLocation(loc, "relu3"),
                                      sum));
    return success();
  }
};

/// Expands an inverted residual into the optional expansion conv and relu6,
/// the depthwise conv and relu6, the projection conv and the optional
/// residual add.
struct ExpandInvertedResidual : OpRewritePattern<InvertedResidualOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(InvertedResidualOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value t = op.getInput();
    if (op.getExpandWeight()) {
      t = createConv(rewriter, partLocation(loc, "expand"), t,
                     op.getExpandWeight(), op.getExpandBias(), 1, 0, 1);
      t = createRelu6(rewriter, partLocation(loc, "expand_relu6"), t);
    }
    int64_t hidden = cast<RankedTensorType>(t.getType()).getDimSize(1);
    int64_t kernel = op.getKernelSize();
    t = createConv(rewriter, partLocation(loc, "depthwise"), t,
                   op.getDepthwiseWeight(), op.getDepthwiseBias(),
                   op.getStride(), (kernel - 1) / 2, hidden);
    t = createRelu6(rewriter, partLocation(loc, "depthwise_relu6"), t);
    t = createConv(rewriter, partLocation(loc, "project"), t,
                   op.getProjectWeight(), op.getProjectBias(), 1, 0, 1);
    if (op.hasResidual())
      t = AddOp::create(rewriter, partLocation(loc, "add"), t.getType(),
                        op.getInput(), t);
    rewriter.replaceOp(op, t);
    return success();
  }
};

struct NasExpandBlocksPass
    : nas::impl::NasExpandBlocksBase<NasExpandBlocksPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandBottleneck, ExpandInvertedResidual>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
