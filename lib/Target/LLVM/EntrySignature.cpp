//===- EntrySignature.cpp - the tensors of a compiled entry point ---------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/LLVM/Compile.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace mlir;

int64_t nas::TensorInfo::getNumElements() const {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  return count;
}

int64_t nas::TensorInfo::getElementBytes() const {
  return elementType == ElementType::F32 ? 4 : 8;
}

namespace {

/// Name attribute that the ONNX importer puts on arguments and results.
constexpr llvm::StringLiteral kNameAttr = "nas.name";

/// Describes `type`, or emits an error on `func` naming the `kind` ("argument"
/// or "result") and its index and returns failure.
FailureOr<nas::TensorInfo> describeTensor(func::FuncOp func, Type type,
                                          StringRef kind, unsigned index,
                                          StringAttr name,
                                          nas::TensorLayout layout) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  Type element = tensor ? tensor.getElementType() : Type();
  if (!tensor || !tensor.hasStaticShape() ||
      !(element.isF32() || element.isF64()))
    return func.emitError() << "expected " << kind << " #" << index << " of '"
                            << func.getSymName()
                            << "' to be a statically shaped f32 or f64 "
                               "tensor, got "
                            << type;
  nas::TensorInfo info;
  if (name)
    info.name = name.getValue().str();
  else
    info.name = (kind == "argument" ? "arg" : "result") + std::to_string(index);
  info.elementType =
      element.isF32() ? nas::ElementType::F32 : nas::ElementType::F64;
  info.layout = layout;
  ArrayRef<int64_t> shape = tensor.getShape();
  if (layout == nas::TensorLayout::NHWC)
    info.shape = {shape[0], shape[2], shape[3], shape[1]};
  else
    llvm::append_range(info.shape, shape);
  return info;
}

} // namespace

FailureOr<nas::EntrySignature>
nas::getEntrySignature(func::FuncOp func, ActivationLayout boundaryLayout) {
  if (func.isExternal())
    return func.emitError()
           << "expected '" << func.getSymName() << "' to have a body";
  if (func.getNumResults() == 0)
    return func.emitError() << "expected '" << func.getSymName()
                            << "' to return at least one tensor";
  if (boundaryLayout == ActivationLayout::NHWC && !isBoundaryFunction(func))
    return func.emitError()
           << "the NHWC boundary layout applies only to a public function "
              "that no other function calls, but '"
           << func.getSymName() << "' is "
           << (func.isPublic() ? "called in the module" : "private");
  BoundaryLayout layout = getBoundaryLayout(func, boundaryLayout);
  EntrySignature signature;
  signature.functionName = func.getSymName().str();
  for (auto [index, type] : llvm::enumerate(func.getArgumentTypes())) {
    FailureOr<TensorInfo> info =
        describeTensor(func, type, "argument", index,
                       func.getArgAttrOfType<StringAttr>(index, kNameAttr),
                       layout.arguments[index]);
    if (failed(info))
      return failure();
    signature.inputs.push_back(std::move(*info));
  }
  for (auto [index, type] : llvm::enumerate(func.getResultTypes())) {
    FailureOr<TensorInfo> info =
        describeTensor(func, type, "result", index,
                       func.getResultAttrOfType<StringAttr>(index, kNameAttr),
                       layout.results[index]);
    if (failed(info))
      return failure();
    signature.outputs.push_back(std::move(*info));
  }
  return signature;
}

bool nas::isCIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  return llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

std::string nas::getDefaultCSymbol(StringRef functionName) {
  std::string symbol = "nas_";
  for (char c : functionName)
    symbol += llvm::isAlnum(c) || c == '_' ? c : '_';
  return symbol;
}
