//===- NhwcBoundary.cpp - NHWC activations at public function boundaries --===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/BoundaryLayout.h"
#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace nas {
#define GEN_PASS_DEF_NASNHWCBOUNDARY
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Permutation of a linalg.transpose from NCHW to NHWC.
constexpr int64_t kToChannelsLast[] = {0, 2, 3, 1};
/// Permutation of a linalg.transpose from NHWC to NCHW.
constexpr int64_t kToChannelsFirst[] = {0, 3, 1, 2};

/// Returns `type` with dimension i of the result being dimension
/// `permutation[i]` of `type`.
RankedTensorType permuteType(RankedTensorType type,
                             ArrayRef<int64_t> permutation) {
  SmallVector<int64_t> shape;
  for (int64_t dim : permutation)
    shape.push_back(type.getDimSize(dim));
  return RankedTensorType::get(shape, type.getElementType(),
                               type.getEncoding());
}

/// Creates a linalg.transpose of `input` into a new tensor. Dynamic sizes
/// are read from `input` with tensor.dim.
Value createTranspose(OpBuilder &builder, Location loc, Value input,
                      ArrayRef<int64_t> permutation) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<OpFoldResult> inputSizes =
      tensor::getMixedSizes(builder, loc, input);
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim : permutation)
    sizes.push_back(inputSizes[dim]);
  Value empty = tensor::EmptyOp::create(
      builder, loc, sizes, type.getElementType(), type.getEncoding());
  return linalg::TransposeOp::create(builder, loc, input, empty, permutation)
      .getResult()[0];
}

/// Changes the NHWC arguments and results of `layout` in `func`.
void changeBoundary(func::FuncOp func, const nas::BoundaryLayout &layout) {
  OpBuilder builder(func.getContext());
  Block &entry = func.getBody().front();
  builder.setInsertionPointToStart(&entry);
  for (auto [argument, argumentLayout] :
       llvm::zip_equal(entry.getArguments(), layout.arguments)) {
    if (argumentLayout != nas::TensorLayout::NHWC)
      continue;
    // The users of the argument before the change, not the tensor.dim and
    // linalg.transpose ops created below, read the transposed tensor.
    SmallVector<OpOperand *> uses = llvm::map_to_vector(
        argument.getUses(), [](OpOperand &use) { return &use; });
    auto type = cast<RankedTensorType>(argument.getType());
    argument.setType(permuteType(type, kToChannelsLast));
    Value channelsFirst =
        createTranspose(builder, argument.getLoc(), argument, kToChannelsFirst);
    for (OpOperand *use : uses)
      use->set(channelsFirst);
  }

  func.walk([&](func::ReturnOp returnOp) {
    builder.setInsertionPoint(returnOp);
    for (auto [operand, resultLayout] :
         llvm::zip_equal(returnOp->getOpOperands(), layout.results))
      if (resultLayout == nas::TensorLayout::NHWC)
        operand.set(createTranspose(builder, returnOp.getLoc(), operand.get(),
                                    kToChannelsLast));
  });

  SmallVector<Type> resultTypes;
  for (auto [type, resultLayout] :
       llvm::zip_equal(func.getResultTypes(), layout.results))
    resultTypes.push_back(
        resultLayout == nas::TensorLayout::NHWC
            ? permuteType(cast<RankedTensorType>(type), kToChannelsLast)
            : type);
  func.setType(FunctionType::get(func.getContext(), entry.getArgumentTypes(),
                                 resultTypes));
}

struct NasNhwcBoundaryPass
    : nas::impl::NasNhwcBoundaryBase<NasNhwcBoundaryPass> {
  void runOnOperation() override {
    auto isNHWC = [](nas::TensorLayout layout) {
      return layout == nas::TensorLayout::NHWC;
    };
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      nas::BoundaryLayout layout =
          nas::getBoundaryLayout(func, nas::ActivationLayout::NHWC);
      if (llvm::any_of(layout.arguments, isNHWC) ||
          llvm::any_of(layout.results, isNHWC))
        changeBoundary(func, layout);
    }
  }
};

} // namespace
