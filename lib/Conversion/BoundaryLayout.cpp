//===- BoundaryLayout.cpp - layout of the tensors of a function -----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/BoundaryLayout.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace {

bool isRank4Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 4;
}

/// Returns true if `operand` is a weight operand of its nas op.
bool isWeightOperand(OpOperand &operand) {
  Value value = operand.get();
  auto isAnyOf = [&](std::initializer_list<Value> weights) {
    return llvm::is_contained(weights, value);
  };
  return llvm::TypeSwitch<Operation *, bool>(operand.getOwner())
      .Case([&](nas::Conv2DOp op) { return value == op.getWeight(); })
      .Case([&](nas::BottleneckOp op) {
        return isAnyOf({op.getReduceWeight(), op.getConvWeight(),
                        op.getExpandWeight(), op.getProjectionWeight()});
      })
      .Case([&](nas::InvertedResidualOp op) {
        return isAnyOf({op.getExpandWeight(), op.getDepthwiseWeight(),
                        op.getProjectWeight()});
      })
      .Default([](Operation *) { return false; });
}

} // namespace

StringRef nas::getTensorLayoutName(TensorLayout layout) {
  switch (layout) {
  case TensorLayout::RowMajor:
    return "row-major";
  case TensorLayout::OIHW:
    return "OIHW";
  case TensorLayout::NCHW:
    return "NCHW";
  case TensorLayout::NHWC:
    return "NHWC";
  }
  llvm_unreachable("unknown tensor layout");
}

bool nas::isConvolutionWeight(BlockArgument argument) {
  return isRank4Tensor(argument.getType()) &&
         llvm::any_of(argument.getUses(), isWeightOperand);
}

bool nas::isActivationArgument(BlockArgument argument) {
  return isRank4Tensor(argument.getType()) && !isConvolutionWeight(argument);
}

bool nas::isBoundaryFunction(func::FuncOp func) {
  if (!func.isPublic() || func.isExternal())
    return false;
  Operation *parent = func->getParentOp();
  Operation *symbolTable =
      parent ? SymbolTable::getNearestSymbolTable(parent) : nullptr;
  return !symbolTable || SymbolTable::symbolKnownUseEmpty(func, symbolTable);
}

nas::BoundaryLayout nas::getBoundaryLayout(func::FuncOp func,
                                           ActivationLayout layout) {
  TensorLayout activationLayout =
      layout == ActivationLayout::NHWC && isBoundaryFunction(func)
          ? TensorLayout::NHWC
          : TensorLayout::NCHW;
  BoundaryLayout result;
  for (auto [index, type] : llvm::enumerate(func.getArgumentTypes())) {
    // A declaration has no uses that would tell a weight from an activation,
    // and it is never a boundary function, so its 4-D arguments are NCHW.
    if (!isRank4Tensor(type))
      result.arguments.push_back(TensorLayout::RowMajor);
    else if (func.isExternal() || isActivationArgument(func.getArgument(index)))
      result.arguments.push_back(activationLayout);
    else
      result.arguments.push_back(TensorLayout::OIHW);
  }
  for (Type type : func.getResultTypes())
    result.results.push_back(isRank4Tensor(type) ? activationLayout
                                                 : TensorLayout::RowMajor);
  return result;
}
