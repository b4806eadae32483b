//===- Utils.cpp - tensor helpers for the nas-to-linalg patterns ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"

using namespace mlir;

namespace nas {
namespace nas_to_linalg {

RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

Value createFloatConstant(OpBuilder &builder, Location loc, Type type,
                          double value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getFloatAttr(type, value));
}

Value createFilledTensor(OpBuilder &builder, Location loc,
                         RankedTensorType type, double value) {
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  Value scalar =
      createFloatConstant(builder, loc, type.getElementType(), value);
  return linalg::FillOp::create(builder, loc, ValueRange{scalar},
                                ValueRange{empty})
      .getResult(0);
}

Value createBroadcastAlongDim(OpBuilder &builder, Location loc, Value vector,
                              RankedTensorType type, int64_t dimension) {
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  // linalg.broadcast lists the result dimensions that the input lacks.
  SmallVector<int64_t> addedDims;
  for (int64_t i = 0, rank = type.getRank(); i < rank; ++i)
    if (i != dimension)
      addedDims.push_back(i);
  return linalg::BroadcastOp::create(builder, loc, vector, empty, addedDims)
      .getResult()[0];
}

Value createPadded(OpBuilder &builder, Location loc, Value input,
                   ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                   double padValue) {
  if (llvm::all_of(low, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(high, [](int64_t v) { return v == 0; }))
    return input;
  RankedTensorType inputType = getTensorType(input);
  SmallVector<int64_t> shape(inputType.getShape());
  SmallVector<OpFoldResult> lowSizes, highSizes;
  for (size_t i = 0; i < shape.size(); ++i) {
    shape[i] += low[i] + high[i];
    lowSizes.push_back(builder.getIndexAttr(low[i]));
    highSizes.push_back(builder.getIndexAttr(high[i]));
  }
  auto paddedType = RankedTensorType::get(shape, inputType.getElementType());
  Value value =
      createFloatConstant(builder, loc, inputType.getElementType(), padValue);
  return tensor::PadOp::create(builder, loc, paddedType, input, lowSizes,
                               highSizes, value);
}

Value createReshape(OpBuilder &builder, Location loc, Value input,
                    RankedTensorType type) {
  RankedTensorType inputType = getTensorType(input);
  if (inputType == type)
    return input;
  ArrayRef<int64_t> from = inputType.getShape();
  ArrayRef<int64_t> to = type.getShape();

  // A rank-0 tensor and a tensor of unit dimensions reshape into each other
  // with an empty reassociation.
  if (from.empty())
    return tensor::ExpandShapeOp::create(builder, loc, type, input,
                                         ArrayRef<ReassociationIndices>{});
  if (to.empty())
    return tensor::CollapseShapeOp::create(builder, loc, type, input,
                                           ArrayRef<ReassociationIndices>{});

  if (from.size() > to.size()) {
    if (std::optional<SmallVector<ReassociationIndices>> groups =
            getReassociationIndicesForCollapse(from, to))
      return tensor::CollapseShapeOp::create(builder, loc, type, input,
                                             *groups);
  } else if (from.size() < to.size()) {
    if (std::optional<SmallVector<ReassociationIndices>> groups =
            getReassociationIndicesForCollapse(to, from))
      return tensor::ExpandShapeOp::create(builder, loc, type, input, *groups);
  }

  // No single reassociation exists, as for 2x6 -> 3x4 or 2x3x4 -> 1x24:
  // go through the 1-D tensor of all elements.
  auto flatType = RankedTensorType::get({inputType.getNumElements()},
                                        inputType.getElementType());
  ReassociationIndices allFrom =
      llvm::to_vector(llvm::seq<int64_t>(0, static_cast<int64_t>(from.size())));
  ReassociationIndices allTo =
      llvm::to_vector(llvm::seq<int64_t>(0, static_cast<int64_t>(to.size())));
  Value flat = input;
  if (from.size() != 1)
    flat = tensor::CollapseShapeOp::create(
        builder, loc, flatType, input, ArrayRef<ReassociationIndices>{allFrom});
  if (to.size() == 1)
    return flat;
  return tensor::ExpandShapeOp::create(builder, loc, type, flat,
                                       ArrayRef<ReassociationIndices>{allTo});
}

RankedTensorType getPermutedType(RankedTensorType type,
                                 ArrayRef<int64_t> permutation) {
  SmallVector<int64_t> shape;
  for (int64_t dim : permutation)
    shape.push_back(type.getDimSize(dim));
  return RankedTensorType::get(shape, type.getElementType());
}

Value createTranspose(OpBuilder &builder, Location loc, Value input,
                      ArrayRef<int64_t> permutation) {
  RankedTensorType type = getPermutedType(getTensorType(input), permutation);
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  return linalg::TransposeOp::create(builder, loc, input, empty, permutation)
      .getResult()[0];
}

SmallVector<utils::IteratorType> getParallelIterators(unsigned count) {
  return SmallVector<utils::IteratorType>(count, utils::IteratorType::parallel);
}

} // namespace nas_to_linalg
} // namespace nas
