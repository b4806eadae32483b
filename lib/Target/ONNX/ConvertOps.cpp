//===- ConvertOps.cpp - ONNX nodes to nas ops -----------------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// One converter per supported ONNX op type. Each reads the current node's
// inputs and attributes, rejects what the nas op cannot express and creates
// the op with the result type from ONNX shape inference; the nas verifiers
// then check that type against the nas shape rules.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "OnnxTensors.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <limits>

using namespace mlir;
using namespace nas::onnx_import;

/// Formats a list of integers as [a, b, c].
static std::string formatList(ArrayRef<int64_t> values) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(values, os);
  os << "]";
  return text;
}

/// Returns the type of `value`, which the importer creates only as a ranked
/// tensor.
static RankedTensorType getType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

//===----------------------------------------------------------------------===//
// Windows: Conv, MaxPool, AveragePool
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<int64_t, 4>>
GraphImporter::getPadding(RankedTensorType inputType, ArrayRef<int64_t> kernel,
                          ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> dilations) {
  for (auto [name, values] :
       {std::make_pair("kernel", kernel), std::make_pair("strides", strides),
        std::make_pair("dilations", dilations)})
    if (llvm::any_of(values, [](int64_t value) { return value < 1; }))
      return emitNodeError()
             << name << " " << formatList(values) << " must be >= 1";

  FailureOr<std::string> autoPad = getStringAttribute("auto_pad", "NOTSET");
  if (failed(autoPad))
    return failure();
  if (*autoPad == "NOTSET") {
    // ONNX orders pads [x1_begin, x2_begin, x1_end, x2_end], which for NCHW
    // is the nas order [top, left, bottom, right].
    FailureOr<SmallVector<int64_t>> pads =
        getIntsAttribute("pads", {0, 0, 0, 0}, 4);
    if (failed(pads))
      return failure();
    if (llvm::any_of(*pads, [](int64_t pad) { return pad < 0; }))
      return emitNodeError()
             << "negative pads " << formatList(*pads) << " are not supported";
    return SmallVector<int64_t, 4>(pads->begin(), pads->end());
  }
  if (*autoPad == "VALID")
    return SmallVector<int64_t, 4>{0, 0, 0, 0};
  if (*autoPad != "SAME_UPPER" && *autoPad != "SAME_LOWER")
    return emitNodeError() << "invalid auto_pad '" << *autoPad
                           << "'; expected NOTSET, VALID, SAME_UPPER or "
                              "SAME_LOWER";

  // SAME keeps ceil(input / stride) outputs. SAME_UPPER puts the odd padding
  // element at the end, SAME_LOWER at the beginning.
  SmallVector<int64_t, 4> padding(4);
  for (int i = 0; i < 2; ++i) {
    int64_t size = inputType.getDimSize(2 + i);
    if (ShapedType::isDynamic(size))
      return emitNodeError()
             << "auto_pad " << *autoPad
             << " needs a static input height and width, got " << inputType;
    int64_t outputSize = (size + strides[i] - 1) / strides[i];
    int64_t window = (kernel[i] - 1) * dilations[i] + 1;
    int64_t total =
        std::max<int64_t>(0, (outputSize - 1) * strides[i] + window - size);
    int64_t smaller = total / 2;
    bool upper = *autoPad == "SAME_UPPER";
    padding[i] = upper ? smaller : total - smaller;
    padding[i + 2] = upper ? total - smaller : smaller;
  }
  return padding;
}

LogicalResult GraphImporter::checkRank4(StringRef role, RankedTensorType type) {
  if (type.getRank() == 4)
    return success();
  return emitNodeError() << "only 2-D ops are supported: the " << role
                         << " must have rank 4 (NCHW), got " << type;
}

LogicalResult GraphImporter::convertConv() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<Value> weight = getInput(1);
  if (failed(weight))
    return failure();
  FailureOr<Value> bias = getOptionalInput(2);
  if (failed(bias))
    return failure();
  RankedTensorType inputType = getType(*input);
  RankedTensorType weightType = getType(*weight);
  if (failed(checkRank4("input", inputType)) ||
      failed(checkRank4("weight", weightType)))
    return failure();

  SmallVector<int64_t> kernel(weightType.getShape().drop_front(2));
  if (ShapedType::isDynamicShape(kernel))
    return emitNodeError() << "the weight must have a static kernel size, got "
                           << weightType;
  FailureOr<SmallVector<int64_t>> kernelShape =
      getIntsAttribute("kernel_shape", kernel, 2);
  if (failed(kernelShape))
    return failure();
  if (*kernelShape != kernel)
    return emitNodeError() << "kernel_shape " << formatList(*kernelShape)
                           << " does not match the weight " << weightType;

  FailureOr<SmallVector<int64_t>> strides =
      getIntsAttribute("strides", {1, 1}, 2);
  FailureOr<SmallVector<int64_t>> dilations =
      getIntsAttribute("dilations", {1, 1}, 2);
  FailureOr<int64_t> groups = getIntAttribute("group", 1);
  if (failed(strides) || failed(dilations) || failed(groups))
    return failure();
  if (*groups < 1)
    return emitNodeError() << "group must be >= 1, got " << *groups;
  FailureOr<SmallVector<int64_t, 4>> padding =
      getPadding(inputType, kernel, *strides, *dilations);
  if (failed(padding))
    return failure();

  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  auto op = nas::Conv2DOp::create(builder, loc, *outputType, *input, *weight,
                                  *bias, *strides, *padding, *dilations,
                                  static_cast<uint64_t>(*groups));
  setOutput(0, op);
  return success();
}

FailureOr<PoolWindow> GraphImporter::getPoolWindow(RankedTensorType inputType) {
  if (failed(checkRank4("input", inputType)))
    return failure();
  if (!findAttribute("kernel_shape"))
    return emitNodeError() << "missing required attribute 'kernel_shape'";
  PoolWindow window;
  FailureOr<SmallVector<int64_t>> kernel =
      getIntsAttribute("kernel_shape", {}, 2);
  FailureOr<SmallVector<int64_t>> strides =
      getIntsAttribute("strides", {1, 1}, 2);
  FailureOr<SmallVector<int64_t>> dilations =
      getIntsAttribute("dilations", {1, 1}, 2);
  FailureOr<int64_t> ceilMode = getIntAttribute("ceil_mode", 0);
  if (failed(kernel) || failed(strides) || failed(dilations) ||
      failed(ceilMode))
    return failure();
  FailureOr<SmallVector<int64_t, 4>> padding =
      getPadding(inputType, *kernel, *strides, *dilations);
  if (failed(padding))
    return failure();
  window.kernel = *kernel;
  window.strides = *strides;
  window.padding = *padding;
  window.dilations = *dilations;
  window.ceilMode = *ceilMode != 0;
  return window;
}

LogicalResult GraphImporter::checkCeilModeShape(const PoolWindow &window,
                                                RankedTensorType inputType,
                                                RankedTensorType outputType) {
  if (!window.ceilMode || outputType.getRank() != 4)
    return success();
  for (int i = 0; i < 2; ++i) {
    std::optional<int64_t> size = nas::slidingWindowOutputSize(
        inputType.getDimSize(2 + i), window.kernel[i], window.strides[i],
        window.padding[i], window.padding[i + 2], window.dilations[i],
        /*ceilMode=*/true);
    int64_t inferred = outputType.getDimSize(2 + i);
    if (!size || ShapedType::isDynamic(*size) ||
        ShapedType::isDynamic(inferred) || *size == inferred)
      continue;
    return emitNodeError()
           << "ONNX shape inference gives output " << outputType
           << ", but with ceil_mode = 1 a window that starts in the end "
              "padding is dropped (the PyTorch rule, also used by "
              "nas pooling ops), which gives "
           << (i == 0 ? "height " : "width ") << *size;
  }
  return success();
}

LogicalResult GraphImporter::convertMaxPool() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<PoolWindow> window = getPoolWindow(getType(*input));
  if (failed(window))
    return failure();
  // The second output, Indices, has no nas counterpart.
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)) ||
      failed(checkCeilModeShape(*window, getType(*input), *outputType)))
    return failure();
  auto op = nas::MaxPool2DOp::create(
      builder, loc, *outputType, *input, window->kernel, window->strides,
      window->padding, window->dilations, window->ceilMode);
  setOutput(0, op);
  return success();
}

LogicalResult GraphImporter::convertAveragePool() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<PoolWindow> window = getPoolWindow(getType(*input));
  if (failed(window))
    return failure();
  if (window->dilations != ArrayRef<int64_t>{1, 1})
    return emitNodeError() << "dilations " << formatList(window->dilations)
                           << " are not supported: nas.avg_pool2d has no "
                              "dilation";
  FailureOr<int64_t> countIncludePad = getIntAttribute("count_include_pad", 0);
  if (failed(countIncludePad))
    return failure();
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)) ||
      failed(checkCeilModeShape(*window, getType(*input), *outputType)))
    return failure();
  auto op = nas::AvgPool2DOp::create(
      builder, loc, *outputType, *input, window->kernel, window->strides,
      window->padding, window->ceilMode, *countIncludePad != 0);
  setOutput(0, op);
  return success();
}

LogicalResult GraphImporter::convertGlobalAveragePool() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  if (failed(checkRank4("input", getType(*input))))
    return failure();
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0,
            nas::GlobalAvgPool2DOp::create(builder, loc, *outputType, *input));
  return success();
}

//===----------------------------------------------------------------------===//
// Fully connected: Gemm, MatMul
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::convertGemm() {
  FailureOr<int64_t> transA = getIntAttribute("transA", 0);
  FailureOr<int64_t> transB = getIntAttribute("transB", 0);
  FailureOr<float> alpha = getFloatAttribute("alpha", 1.0f);
  FailureOr<float> beta = getFloatAttribute("beta", 1.0f);
  if (failed(transA) || failed(transB) || failed(alpha) || failed(beta))
    return failure();
  if (*transA != 0)
    return emitNodeError() << "transA = " << *transA
                           << " is not supported: nas.fully_connected takes "
                              "the input untransposed (transA = 0)";
  if (*transB != 0 && *transB != 1)
    return emitNodeError() << "transB must be 0 or 1, got " << *transB;
  if (*alpha != 1.0f)
    return emitNodeError() << "alpha = " << *alpha
                           << " is not supported: nas.fully_connected has "
                              "no scale factor (expected alpha = 1)";
  if (hasInput(2) && *beta != 1.0f)
    return emitNodeError() << "beta = " << *beta
                           << " is not supported: nas.fully_connected adds "
                              "the bias unscaled (expected beta = 1)";

  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  // transB = 1 stores B as N x K, the nas weight layout c_out x c_in.
  FailureOr<Value> weight = *transB ? getInput(1) : getTransposedWeight(1);
  if (failed(weight))
    return failure();
  FailureOr<Value> bias = getOptionalInput(2);
  if (failed(bias))
    return failure();
  if (*bias && getType(*bias).getRank() != 1)
    return emitNodeError() << "bias C of type " << getType(*bias)
                           << " is not supported: nas.fully_connected needs "
                              "a 1-D bias of c_out elements";

  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::FullyConnectedOp::create(builder, loc, *outputType, *input,
                                             *weight, *bias));
  return success();
}

LogicalResult GraphImporter::convertMatMul() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<Value> weight = getTransposedWeight(1);
  if (failed(weight))
    return failure();
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::FullyConnectedOp::create(builder, loc, *outputType, *input,
                                             *weight, Value()));
  return success();
}

//===----------------------------------------------------------------------===//
// Elementwise: Add, BatchNormalization, Clip, Relu
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::convertAdd() {
  FailureOr<Value> lhs = getInput(0);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = getInput(1);
  if (failed(rhs))
    return failure();
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::AddOp::create(builder, loc, *outputType, *lhs, *rhs));
  return success();
}

LogicalResult GraphImporter::convertRelu() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::ReluOp::create(builder, loc, *outputType, *input));
  return success();
}

LogicalResult GraphImporter::convertClip() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  // An absent bound is the float range limit, as in ONNX.
  double min = std::numeric_limits<float>::lowest();
  double max = std::numeric_limits<float>::max();
  if (opsetVersion >= 11) {
    // Since opset 11, min and max are optional inputs.
    for (auto [index, role, bound] :
         {std::make_tuple(1, "min", &min), std::make_tuple(2, "max", &max)}) {
      if (!hasInput(index))
        continue;
      FailureOr<const onnx::TensorProto *> tensor = getStoredInput(index, role);
      if (failed(tensor))
        return failure();
      FailureOr<double> value = readScalar(**tensor, loc);
      if (failed(value))
        return failure();
      *bound = *value;
    }
  } else {
    FailureOr<float> minAttribute = getFloatAttribute("min", min);
    FailureOr<float> maxAttribute = getFloatAttribute("max", max);
    if (failed(minAttribute) || failed(maxAttribute))
      return failure();
    min = *minAttribute;
    max = *maxAttribute;
  }
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::ClipOp::create(builder, loc, *outputType, *input,
                                   builder.getF32FloatAttr(min),
                                   builder.getF32FloatAttr(max)));
  return success();
}

LogicalResult GraphImporter::convertBatchNormalization() {
  FailureOr<int64_t> trainingMode = getIntAttribute("training_mode", 0);
  FailureOr<int64_t> spatial = getIntAttribute("spatial", 1);
  FailureOr<float> epsilon = getFloatAttribute("epsilon", 1e-5f);
  if (failed(trainingMode) || failed(spatial) || failed(epsilon))
    return failure();
  if (*trainingMode != 0)
    return emitNodeError() << "training_mode = " << *trainingMode
                           << " is not supported: nas.batch_norm is the "
                              "inference form";
  if (*spatial != 1)
    return emitNodeError() << "spatial = " << *spatial
                           << " is not supported: nas.batch_norm has one "
                              "scale per channel";

  // Inputs: X, scale, B, input_mean, input_var.
  SmallVector<Value, 5> operands;
  for (int index = 0; index < 5; ++index) {
    FailureOr<Value> operand = getInput(index);
    if (failed(operand))
      return failure();
    operands.push_back(*operand);
  }

  // Outputs past the first exist only in the training form.
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::BatchNormOp::create(builder, loc, *outputType, operands[0],
                                        operands[1], operands[2], operands[3],
                                        operands[4],
                                        builder.getF32FloatAttr(*epsilon)));
  return success();
}

//===----------------------------------------------------------------------===//
// Shapes: Flatten, Reshape
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::convertFlatten() {
  FailureOr<Value> input = getInput(0);
  FailureOr<int64_t> axis = getIntAttribute("axis", 1);
  if (failed(input) || failed(axis))
    return failure();
  int64_t rank = getType(*input).getRank();
  if (*axis < -rank || *axis > rank)
    return emitNodeError() << "axis " << *axis << " is out of range [" << -rank
                           << ", " << rank << "] for an input of rank " << rank;
  int64_t normalizedAxis = *axis < 0 ? *axis + rank : *axis;
  FailureOr<RankedTensorType> outputType = getOutputType(0);
  if (failed(outputType) || failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::FlattenOp::create(builder, loc, *outputType, *input,
                                      static_cast<uint64_t>(normalizedAxis)));
  return success();
}

/// Applies the ONNX Reshape rules to a requested shape: 0 copies the input
/// dimension at the same index (unless `allowZero`) and one -1 takes the
/// remaining elements. Returns the error text on failure.
static FailureOr<SmallVector<int64_t>>
resolveReshape(ArrayRef<int64_t> inputShape, ArrayRef<int64_t> requested,
               bool allowZero, std::string &error) {
  llvm::raw_string_ostream os(error);
  SmallVector<int64_t> shape;
  std::optional<size_t> inferredIndex;
  int64_t knownElements = 1;
  for (auto [index, requestedSize] : llvm::enumerate(requested)) {
    int64_t size = requestedSize;
    if (size == 0 && !allowZero) {
      if (index >= inputShape.size()) {
        os << "shape value 0 at index " << index
           << " has no input dimension to copy";
        return failure();
      }
      size = inputShape[index];
    }
    if (size == -1) {
      if (inferredIndex) {
        os << "shape " << formatList(requested) << " has more than one -1";
        return failure();
      }
      inferredIndex = index;
      shape.push_back(-1);
      continue;
    }
    if (size < 0) {
      os << "shape " << formatList(requested) << " has invalid value " << size;
      return failure();
    }
    std::optional<int64_t> product = llvm::checkedMul(knownElements, size);
    if (!product) {
      os << "shape " << formatList(requested)
         << " has more elements than fit in 64 bits";
      return failure();
    }
    knownElements = *product;
    shape.push_back(size);
  }
  std::optional<int64_t> inputElements = 1;
  for (int64_t size : inputShape)
    inputElements =
        inputElements ? llvm::checkedMul(*inputElements, size) : std::nullopt;
  if (!inputElements) {
    os << "the input shape " << formatList(inputShape)
       << " has more elements than fit in 64 bits";
    return failure();
  }
  if (inferredIndex) {
    if (knownElements == 0 || *inputElements % knownElements != 0) {
      os << "shape " << formatList(requested)
         << " cannot be filled from an input of " << *inputElements
         << " elements";
      return failure();
    }
    shape[*inferredIndex] = *inputElements / knownElements;
  } else if (knownElements != *inputElements) {
    os << "shape " << formatList(requested) << " has " << knownElements
       << " elements but the input has " << *inputElements;
    return failure();
  }
  return shape;
}

LogicalResult GraphImporter::convertReshape() {
  FailureOr<Value> input = getInput(0);
  if (failed(input))
    return failure();
  FailureOr<const onnx::TensorProto *> shapeTensor = getStoredInput(1, "shape");
  FailureOr<int64_t> allowZero = getIntAttribute("allowzero", 0);
  if (failed(shapeTensor) || failed(allowZero))
    return failure();
  FailureOr<SmallVector<int64_t>> requested = readIntegers(**shapeTensor, loc);
  if (failed(requested))
    return failure();
  RankedTensorType inputType = getType(*input);
  if (!inputType.hasStaticShape())
    return emitNodeError() << "Reshape needs a static input shape, got "
                           << inputType;

  std::string error;
  FailureOr<SmallVector<int64_t>> shape =
      resolveReshape(inputType.getShape(), *requested, *allowZero != 0, error);
  if (failed(shape))
    return emitNodeError() << error;
  auto outputType = RankedTensorType::get(*shape, inputType.getElementType());

  // ONNX shape inference may leave the result unknown when the shape comes
  // from a Constant node. If it gives a type, both must agree.
  if (valueTypes.count(node->output(0))) {
    FailureOr<RankedTensorType> inferredType = getOutputType(0);
    if (failed(inferredType))
      return failure();
    if (*inferredType != outputType)
      return emitNodeError() << "ONNX shape inference gives " << *inferredType
                             << " but the shape input gives " << outputType;
  }
  if (failed(checkOutputCount(1)))
    return failure();
  setOutput(0, nas::ReshapeOp::create(builder, loc, outputType, *input));
  return success();
}

//===----------------------------------------------------------------------===//
// Values: Constant, Identity
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::convertConstant() {
  if (node->attribute_size() != 1)
    return emitNodeError() << "a Constant must have exactly one attribute, got "
                           << node->attribute_size();
  const onnx::AttributeProto &attribute = node->attribute(0);

  onnx::TensorProto &tensor = ownedTensors.emplace_back();
  StringRef kind = attribute.name();
  if (kind == "value" && attribute.has_t()) {
    tensor = attribute.t();
  } else if (kind == "value_float") {
    tensor.set_data_type(onnx::TensorProto::FLOAT);
    tensor.add_float_data(attribute.f());
  } else if (kind == "value_floats") {
    tensor.set_data_type(onnx::TensorProto::FLOAT);
    tensor.add_dims(attribute.floats_size());
    tensor.mutable_float_data()->CopyFrom(attribute.floats());
  } else if (kind == "value_int") {
    tensor.set_data_type(onnx::TensorProto::INT64);
    tensor.add_int64_data(attribute.i());
  } else if (kind == "value_ints") {
    tensor.set_data_type(onnx::TensorProto::INT64);
    tensor.add_dims(attribute.ints_size());
    tensor.mutable_int64_data()->CopyFrom(attribute.ints());
  } else {
    return emitNodeError() << "Constant attribute '" << kind
                           << "' is not supported; expected value, "
                              "value_float, value_floats, value_int or "
                              "value_ints";
  }

  // Errors about the values name the tensor by its output name.
  tensor.set_name(node->output(0));
  if (!hasStoredData(tensor))
    return emitNodeError() << "the Constant value has no data in the model "
                              "file";
  if (failed(checkOutputCount(1)))
    return failure();
  TensorBinding &binding = bindings[node->output(0)];
  binding = TensorBinding();
  binding.storedTensor = &tensor;
  binding.loc = loc;
  return success();
}

LogicalResult GraphImporter::convertIdentity() {
  if (!hasInput(0))
    return emitNodeError() << "missing required input #0";
  auto it = bindings.find(node->input(0));
  if (it == bindings.end())
    return emitNodeError() << "tensor '" << node->input(0)
                           << "' is not defined by a graph input, an "
                              "initializer or an earlier node";
  if (failed(checkOutputCount(1)))
    return failure();
  // The output shares the input's binding, so a constant stays readable at
  // import time and an argument is created once.
  TensorBinding binding = it->second;
  bindings[node->output(0)] = binding;
  return success();
}
