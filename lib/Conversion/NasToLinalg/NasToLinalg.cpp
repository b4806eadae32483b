//===- NasToLinalg.cpp - the nas-to-linalg conversion pass ----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks that every nas op can be lowered, then rewrites all of them with a
// partial dialect conversion. The check runs first so that an unsupported op
// leaves the IR untouched and gets an error that names the op and the
// reason, instead of the conversion driver's generic "failed to legalize".
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "nas/Conversion/Passes.h"
#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace nas {
#define GEN_PASS_DEF_CONVERTNASTOLINALG
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;
using namespace nas::nas_to_linalg;

namespace {

/// Checks that a value of a nas op has a static shape and an f32 or f64
/// element type. `kind` and `index` name the value in the error.
LogicalResult checkLowerableValue(Operation *op, Value value, StringRef kind,
                                  unsigned index) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return op->emitOpError()
           << "has " << kind << " #" << index << " of type " << value.getType()
           << ", expected a ranked tensor for the "
           << "lowering to linalg";
  if (!type.hasStaticShape())
    return op->emitOpError()
           << "has " << kind << " #" << index << " of dynamic shape " << type
           << ", expected static shapes for the lowering to linalg";
  Type elementType = type.getElementType();
  if (!elementType.isF32() && !elementType.isF64())
    return op->emitOpError()
           << "has " << kind << " #" << index << " of element type "
           << elementType << ", expected f32 or f64 for the lowering to "
           << "linalg";
  return success();
}

/// Checks that `op`, an op of the nas dialect, has a lowering: it is a
/// primitive, not a block, and all its values pass checkLowerableValue.
LogicalResult checkLowerable(Operation *op) {
  if (isa<BottleneckOp, InvertedResidualOp>(op))
    return op->emitOpError()
           << "is a block, which nas-to-linalg does not lower: run "
           << "nas-expand-blocks first";
  if (!isa<Conv2DOp, FullyConnectedOp, BatchNormOp, ReluOp, ClipOp, AddOp,
           MaxPool2DOp, AvgPool2DOp, GlobalAvgPool2DOp, FlattenOp, ReshapeOp>(
          op))
    return op->emitOpError() << "has no lowering to linalg";
  for (auto [index, operand] : llvm::enumerate(op->getOperands()))
    if (failed(checkLowerableValue(op, operand, "operand", index)))
      return failure();
  for (auto [index, result] : llvm::enumerate(op->getResults()))
    if (failed(checkLowerableValue(op, result, "result", index)))
      return failure();
  return success();
}

struct ConvertNasToLinalgPass
    : nas::impl::ConvertNasToLinalgBase<ConvertNasToLinalgPass> {
  using ConvertNasToLinalgBase::ConvertNasToLinalgBase;

  void runOnOperation() override {
    Operation *root = getOperation();
    Dialect *nasDialect = getContext().getLoadedDialect<NasDialect>();

    // Without the nas dialect loaded, the IR contains no nas op.
    if (!nasDialect)
      return;
    bool lowerable = true;
    root->walk([&](Operation *op) {
      if (op->getDialect() == nasDialect && failed(checkLowerable(op)))
        lowerable = false;
    });
    if (!lowerable)
      return signalPassFailure();

    ConversionTarget target(getContext());
    target.addIllegalDialect<NasDialect>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect>();

    RewritePatternSet patterns(&getContext());
    populateConvolutionPatterns(patterns, layout);
    populateElementwisePatterns(patterns, layout);
    populatePoolingPatterns(patterns, layout);
    populateShapePatterns(patterns);
    if (failed(applyPartialConversion(root, target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
