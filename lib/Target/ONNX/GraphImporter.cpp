//===- GraphImporter.cpp - builds @main from an ONNX graph ----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "OnnxTensors.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace nas::onnx_import;

GraphImporter::GraphImporter(ModuleOp module, const onnx::GraphProto &graph,
                             int64_t opsetVersion, Location fileLoc)
    : module(module), graph(graph), opsetVersion(opsetVersion),
      fileLoc(fileLoc), builder(module.getContext()), loc(fileLoc) {}

ArrayRef<std::pair<StringLiteral, GraphImporter::Converter>>
GraphImporter::getConverters() {
  static const std::pair<StringLiteral, Converter> converters[] = {
      {"Add", &GraphImporter::convertAdd},
      {"AveragePool", &GraphImporter::convertAveragePool},
      {"BatchNormalization", &GraphImporter::convertBatchNormalization},
      {"Clip", &GraphImporter::convertClip},
      {"Constant", &GraphImporter::convertConstant},
      {"Conv", &GraphImporter::convertConv},
      {"Flatten", &GraphImporter::convertFlatten},
      {"Gemm", &GraphImporter::convertGemm},
      {"GlobalAveragePool", &GraphImporter::convertGlobalAveragePool},
      {"Identity", &GraphImporter::convertIdentity},
      {"MatMul", &GraphImporter::convertMatMul},
      {"MaxPool", &GraphImporter::convertMaxPool},
      {"Relu", &GraphImporter::convertRelu},
      {"Reshape", &GraphImporter::convertReshape},
  };
  return converters;
}

//===----------------------------------------------------------------------===//
// Graph level
//===----------------------------------------------------------------------===//

/// Returns the name used in locations and errors: the node's name, or
/// "<op_type>_<index>" for an unnamed node.
static std::string getNodeName(const onnx::NodeProto &node, size_t index) {
  if (!node.name().empty())
    return node.name();
  return node.op_type() + "_" + std::to_string(index);
}

LogicalResult GraphImporter::checkNodes() {
  // The ranks known before shape inference: declared graph inputs and
  // initializers. checkConvRanks adds the node outputs.
  llvm::StringMap<int64_t> ranks;
  for (const onnx::ValueInfoProto &info : graph.input())
    if (info.type().has_tensor_type() && info.type().tensor_type().has_shape())
      ranks[info.name()] = info.type().tensor_type().shape().dim_size();
  for (const onnx::TensorProto &tensor : graph.initializer())
    ranks[tensor.name()] = tensor.dims_size();
  for (auto [index, graphNode] : llvm::enumerate(graph.node())) {
    setCurrentNode(graphNode, index);
    if (failed(checkOpType()) || failed(checkWindowAttributes()) ||
        failed(checkConvRanks(ranks)))
      return failure();
  }
  node = nullptr;
  loc = fileLoc;
  return success();
}

LogicalResult GraphImporter::importGraph() {
  // Declared input types take precedence over inferred ones.
  for (const onnx::ValueInfoProto &info : graph.input())
    valueTypes.try_emplace(info.name(), &info.type());
  for (const onnx::ValueInfoProto &info : graph.value_info())
    valueTypes.try_emplace(info.name(), &info.type());
  for (const onnx::ValueInfoProto &info : graph.output())
    valueTypes.try_emplace(info.name(), &info.type());

  for (const onnx::TensorProto &tensor : graph.initializer()) {
    TensorBinding &binding = bindings[tensor.name()];
    if (hasStoredData(tensor))
      binding.storedTensor = &tensor;
    else
      binding.absentInitializer = &tensor;
    binding.loc = NameLoc::get(builder.getStringAttr(tensor.name()), fileLoc);
  }

  Location functionLoc =
      graph.name().empty() ? fileLoc
                           : Location(NameLoc::get(
                                 builder.getStringAttr(graph.name()), fileLoc));
  builder.setInsertionPointToEnd(module.getBody());
  function = func::FuncOp::create(builder, functionLoc, kFunctionName,
                                  builder.getFunctionType({}, {}));
  builder.setInsertionPointToStart(function.addEntryBlock());

  if (failed(addGraphInputs()))
    return failure();
  for (auto [index, graphNode] : llvm::enumerate(graph.node()))
    if (failed(importNode(graphNode, index)))
      return failure();
  return addReturn();
}

void GraphImporter::setCurrentNode(const onnx::NodeProto &graphNode,
                                   size_t index) {
  node = &graphNode;
  nodeName = getNodeName(graphNode, index);
  loc = NameLoc::get(builder.getStringAttr(nodeName), fileLoc);
}

LogicalResult GraphImporter::checkOpType() {
  ArrayRef<std::pair<StringLiteral, Converter>> converters = getConverters();
  StringRef domain = node->domain();
  bool isDefaultDomain = domain.empty() || domain == "ai.onnx";
  bool isSupported = isDefaultDomain && llvm::any_of(converters, [&](auto c) {
                       return c.first == node->op_type();
                     });
  if (isSupported)
    return success();
  std::string opType = node->op_type();
  if (!isDefaultDomain)
    opType = domain.str() + "." + opType;
  InFlightDiagnostic diag =
      emitError(loc) << "node '" << nodeName << "' has unsupported op type '"
                     << opType << "'; supported op types: ";
  llvm::interleaveComma(converters, diag, [&](auto c) { diag << c.first; });
  return diag;
}

LogicalResult GraphImporter::checkWindowAttributes() {
  StringRef opType = node->op_type();
  if (opType != "Conv" && opType != "MaxPool" && opType != "AveragePool")
    return success();
  for (StringRef name : {"kernel_shape", "strides", "dilations"}) {
    const onnx::AttributeProto *attribute = findAttribute(name);
    if (!attribute)
      continue;
    for (int64_t value : attribute->ints())
      if (value < 1)
        return emitNodeError() << "attribute '" << name << "' has value "
                               << value << ", expected values >= 1";
  }
  return success();
}

LogicalResult GraphImporter::checkConvRanks(llvm::StringMap<int64_t> &ranks) {
  auto rankOf = [&](int index) -> std::optional<int64_t> {
    if (index >= node->input_size())
      return std::nullopt;
    auto it = ranks.find(node->input(index));
    if (it == ranks.end())
      return std::nullopt;
    return it->second;
  };
  StringRef opType = node->op_type();
  if (opType == "Conv") {
    static constexpr StringLiteral kRoles[] = {"input", "weight"};
    for (auto [index, role] : llvm::enumerate(kRoles)) {
      std::optional<int64_t> rank = rankOf(index);
      if (rank && *rank != 4)
        return emitNodeError()
               << "only 2-D ops are supported: the " << role
               << " must have rank 4 (NCHW), got rank " << *rank;
    }
  }
  if (node->output_size() == 0)
    return success();

  // The rank of output 0, for the op types that checkOpType accepts.
  std::optional<int64_t> rank;
  if (opType == "Flatten" || opType == "Gemm") {
    rank = 2;
  } else if (opType == "Add" || opType == "MatMul") {
    // Broadcasting gives the larger rank, and so does MatMul when both
    // operands are at least 2-D.
    std::optional<int64_t> lhs = rankOf(0), rhs = rankOf(1);
    if (lhs && rhs && (opType == "Add" || (*lhs >= 2 && *rhs >= 2)))
      rank = std::max(*lhs, *rhs);
  } else if (opType == "Reshape") {
    // The 1-D shape input has one value per output dimension.
    for (const onnx::TensorProto &tensor : graph.initializer())
      if (node->input_size() > 1 && tensor.name() == node->input(1) &&
          tensor.dims_size() == 1)
        rank = tensor.dims(0);
  } else if (opType == "Constant") {
    if (const onnx::AttributeProto *value = findAttribute("value"))
      rank = value->t().dims_size();
    else if (findAttribute("value_float") || findAttribute("value_int"))
      rank = 0;
    else if (findAttribute("value_floats") || findAttribute("value_ints"))
      rank = 1;
  } else {
    // Conv, pooling, Relu, Clip, BatchNormalization and Identity keep the
    // rank of their first input.
    rank = rankOf(0);
  }
  if (rank)
    ranks[node->output(0)] = *rank;
  return success();
}

LogicalResult GraphImporter::addGraphInputs() {
  for (const onnx::ValueInfoProto &info : graph.input()) {
    // Before IR version 4, initializers are also listed as inputs.
    if (bindings.count(info.name()))
      continue;
    Location argLoc = NameLoc::get(builder.getStringAttr(info.name()), fileLoc);
    FailureOr<RankedTensorType> type =
        convertType(info.type(), info.name(), argLoc);
    if (failed(type))
      return failure();
    bindings[info.name()].value = addArgument(*type, info.name(), false);
  }
  return success();
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &graphNode,
                                        size_t index) {
  setCurrentNode(graphNode, index);
  if (graphNode.output_size() == 0 || graphNode.output(0).empty())
    return emitNodeError() << "missing output #0";
  for (auto [opType, converter] : getConverters())
    if (opType == graphNode.op_type())
      return (this->*converter)();
  llvm_unreachable("checkOpType accepted an op type without converter");
}

LogicalResult GraphImporter::addReturn() {
  node = nullptr;
  loc = fileLoc;
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &info : graph.output()) {
    FailureOr<Value> value = lookupValue(info.name());
    if (failed(value))
      return failure();
    results.push_back(*value);
  }
  func::ReturnOp::create(builder, fileLoc, results);

  Block &entry = function.front();
  function.setType(builder.getFunctionType(entry.getArgumentTypes(),
                                           ValueRange(results).getTypes()));
  for (auto [index, nameAndTransposed] : llvm::enumerate(argumentNames)) {
    auto [name, transposed] = nameAndTransposed;
    function.setArgAttr(index, kNameAttr, builder.getStringAttr(name));
    if (transposed)
      function.setArgAttr(index, kTransposedAttr, builder.getUnitAttr());
  }
  for (auto [index, info] : llvm::enumerate(graph.output()))
    function.setResultAttr(index, kNameAttr,
                           builder.getStringAttr(info.name()));
  return success();
}

//===----------------------------------------------------------------------===//
// Types and values
//===----------------------------------------------------------------------===//

FailureOr<RankedTensorType>
GraphImporter::convertType(const onnx::TypeProto &type, StringRef tensorName,
                           Location typeLoc) {
  if (!type.has_tensor_type())
    return emitError(typeLoc) << "tensor '" << tensorName
                              << "' is not a tensor; only tensor types are "
                                 "supported";
  const onnx::TypeProto::Tensor &tensorType = type.tensor_type();
  FailureOr<Type> elementType =
      convertElementType(typeLoc, tensorName, tensorType.elem_type());
  if (failed(elementType))
    return failure();
  if (!tensorType.has_shape())
    return emitError(typeLoc) << "tensor '" << tensorName
                              << "' has no shape after ONNX shape inference";
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim :
       tensorType.shape().dim()) {
    if (dim.has_dim_value() && dim.dim_value() < 0)
      return emitError(typeLoc)
             << "tensor '" << tensorName << "' has a negative dimension "
             << dim.dim_value();
    shape.push_back(dim.has_dim_value() ? dim.dim_value()
                                        : ShapedType::kDynamic);
  }
  return RankedTensorType::get(shape, *elementType);
}

FailureOr<RankedTensorType>
GraphImporter::getTensorType(const onnx::TensorProto &tensor,
                             Location tensorLoc) {
  FailureOr<Type> elementType =
      convertElementType(tensorLoc, tensor.name(), tensor.data_type());
  if (failed(elementType))
    return failure();
  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  if (llvm::any_of(shape, [](int64_t dim) { return dim < 0; }))
    return emitError(tensorLoc)
           << "tensor '" << tensor.name() << "' has a negative dimension";
  if (!getNumElements(tensor))
    return emitError(tensorLoc)
           << "tensor '" << tensor.name() << "' has dims [" << shape
           << "] with more elements than fit in 64 bits";
  return RankedTensorType::get(shape, *elementType);
}

Value GraphImporter::addArgument(RankedTensorType type, StringRef name,
                                 bool transposed) {
  Location argLoc = NameLoc::get(builder.getStringAttr(name), fileLoc);
  argumentNames.emplace_back(name.str(), transposed);
  return function.front().addArgument(type, argLoc);
}

FailureOr<Value> GraphImporter::lookupValue(StringRef name) {
  auto it = bindings.find(name);
  if (it == bindings.end())
    return emitNodeError() << "tensor '" << name
                           << "' is not defined by a graph input, an "
                              "initializer or an earlier node";
  TensorBinding &binding = it->second;
  if (binding.value)
    return binding.value;

  const onnx::TensorProto *tensor = binding.absentInitializer
                                        ? binding.absentInitializer
                                        : binding.storedTensor;
  Value &value = tensorValues[tensor];
  if (value)
    return value;
  Location tensorLoc = binding.loc;
  FailureOr<RankedTensorType> type = getTensorType(*tensor, tensorLoc);
  if (failed(type))
    return failure();
  if (binding.absentInitializer) {
    value = addArgument(*type, tensor->name(), /*transposed=*/false);
    return value;
  }
  FailureOr<DenseElementsAttr> elements =
      readElements(*tensor, *type, tensorLoc);
  if (failed(elements))
    return failure();
  value = arith::ConstantOp::create(builder, tensorLoc, *elements);
  return value;
}

//===----------------------------------------------------------------------===//
// Node helpers
//===----------------------------------------------------------------------===//

InFlightDiagnostic GraphImporter::emitNodeError() {
  InFlightDiagnostic diag = emitError(loc);
  if (node)
    diag << "node '" << nodeName << "': ";
  return diag;
}

bool GraphImporter::hasInput(int index) const {
  return index < node->input_size() && !node->input(index).empty();
}

FailureOr<Value> GraphImporter::getInput(int index) {
  if (!hasInput(index))
    return emitNodeError() << "missing required input #" << index;
  return lookupValue(node->input(index));
}

FailureOr<Value> GraphImporter::getOptionalInput(int index) {
  if (!hasInput(index))
    return Value();
  return lookupValue(node->input(index));
}

FailureOr<const onnx::TensorProto *>
GraphImporter::getStoredInput(int index, StringRef role) {
  if (!hasInput(index))
    return emitNodeError() << "missing required input #" << index << " ("
                           << role << ")";
  const std::string &name = node->input(index);
  auto it = bindings.find(name);
  if (it != bindings.end() && it->second.storedTensor)
    return it->second.storedTensor;
  if (it != bindings.end() && it->second.absentInitializer)
    return emitNodeError() << "the " << role << " ('" << name
                           << "') must have its values in the model file, "
                              "but the initializer has no data";
  return emitNodeError() << "the " << role << " ('" << name
                         << "') must be an initializer with data or the "
                            "output of a Constant node";
}

FailureOr<Value> GraphImporter::getTransposedWeight(int index) {
  if (!hasInput(index))
    return emitNodeError() << "missing required input #" << index;
  const std::string &name = node->input(index);
  auto it = bindings.find(name);
  const onnx::TensorProto *tensor = nullptr;
  if (it != bindings.end())
    tensor = it->second.absentInitializer ? it->second.absentInitializer
                                          : it->second.storedTensor;
  if (!tensor || tensor->dims_size() != 2)
    return emitNodeError() << "input #" << index << " ('" << name
                           << "') must be a 2-D initializer or Constant: "
                              "the importer declares it transposed as the "
                              "c_out x c_in weight of nas.fully_connected";

  Value &value = transposedWeights[tensor];
  if (value)
    return value;
  Location tensorLoc = it->second.loc;
  FailureOr<RankedTensorType> type = getTensorType(*tensor, tensorLoc);
  if (failed(type))
    return failure();
  auto transposedType = RankedTensorType::get(
      {type->getDimSize(1), type->getDimSize(0)}, type->getElementType());
  if (it->second.absentInitializer) {
    value = addArgument(transposedType, tensor->name(), /*transposed=*/true);
    return value;
  }

  FailureOr<DenseElementsAttr> elements =
      readElements(*tensor, *type, tensorLoc);
  if (failed(elements))
    return failure();
  value = arith::ConstantOp::create(builder, tensorLoc, transpose2D(*elements));
  return value;
}

FailureOr<RankedTensorType> GraphImporter::getOutputType(int index) {
  const std::string &name = node->output(index);
  auto it = valueTypes.find(name);
  if (it == valueTypes.end())
    return emitNodeError() << "ONNX shape inference gave no type for output '"
                           << name << "'";
  // Shape inference leaves the shape out, or makes a dimension negative, when
  // the node's inputs and attributes are inconsistent: report the node.
  const onnx::TypeProto &type = *it->second;
  if (type.has_tensor_type() && !type.tensor_type().has_shape())
    return emitNodeError() << "ONNX shape inference gave no shape for output '"
                           << name
                           << "'; check the input shapes and attributes of "
                              "this node";
  if (type.has_tensor_type())
    for (const onnx::TensorShapeProto::Dimension &dim :
         type.tensor_type().shape().dim())
      if (dim.has_dim_value() && dim.dim_value() < 0)
        return emitNodeError()
               << "ONNX shape inference gave output '" << name
               << "' the negative dimension " << dim.dim_value()
               << "; a kernel or window may be larger than its padded input";
  return convertType(type, name, loc);
}

void GraphImporter::setOutput(int index, Value value) {
  bindings[node->output(index)].value = value;
}

LogicalResult GraphImporter::checkOutputCount(int count) {
  for (int index = count; index < node->output_size(); ++index)
    if (!node->output(index).empty())
      return emitNodeError()
             << "output #" << index << " ('" << node->output(index)
             << "') is not supported: the nas op has " << count << " result";
  return success();
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *GraphImporter::findAttribute(StringRef name) const {
  for (const onnx::AttributeProto &attribute : node->attribute())
    if (attribute.name() == name)
      return &attribute;
  return nullptr;
}

FailureOr<int64_t> GraphImporter::getIntAttribute(StringRef name,
                                                  int64_t defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(name);
  if (!attribute)
    return defaultValue;
  if (attribute->type() != onnx::AttributeProto::INT)
    return emitNodeError() << "attribute '" << name
                           << "' must be an integer (INT)";
  return attribute->i();
}

FailureOr<float> GraphImporter::getFloatAttribute(StringRef name,
                                                  float defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(name);
  if (!attribute)
    return defaultValue;
  if (attribute->type() != onnx::AttributeProto::FLOAT)
    return emitNodeError() << "attribute '" << name
                           << "' must be a float (FLOAT)";
  return attribute->f();
}

FailureOr<std::string>
GraphImporter::getStringAttribute(StringRef name, StringRef defaultValue) {
  const onnx::AttributeProto *attribute = findAttribute(name);
  if (!attribute)
    return defaultValue.str();
  if (attribute->type() != onnx::AttributeProto::STRING)
    return emitNodeError() << "attribute '" << name
                           << "' must be a string (STRING)";
  return attribute->s();
}

FailureOr<SmallVector<int64_t>>
GraphImporter::getIntsAttribute(StringRef name, ArrayRef<int64_t> defaultValue,
                                size_t size) {
  const onnx::AttributeProto *attribute = findAttribute(name);
  if (!attribute)
    return SmallVector<int64_t>(defaultValue);
  if (attribute->type() != onnx::AttributeProto::INTS)
    return emitNodeError() << "attribute '" << name
                           << "' must be a list of integers (INTS)";
  SmallVector<int64_t> values(attribute->ints().begin(),
                              attribute->ints().end());
  if (values.size() != size)
    return emitNodeError() << "attribute '" << name << "' must have " << size
                           << " values for a 2-D op, got " << values.size();
  return values;
}
