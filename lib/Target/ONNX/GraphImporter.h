//===- GraphImporter.h - builds @main from an ONNX graph --------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The importer walks the graph's nodes in file order and keeps, for every
// tensor name, how the tensor is available: as an SSA value, as values
// stored in the file (created as arith.constant on first use as data, or
// read at import time by Reshape and Clip), or as an initializer without
// data (added as a function argument on first use).
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_TARGET_ONNX_GRAPHIMPORTER_H
#define NAS_LIB_TARGET_ONNX_GRAPHIMPORTER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

#include <deque>
#include <string>

namespace nas::onnx_import {

/// Name of the imported function.
inline constexpr llvm::StringLiteral kFunctionName = "main";
/// Argument and result attribute holding the ONNX tensor name.
inline constexpr llvm::StringLiteral kNameAttr = "nas.name";
/// Unit argument attribute on a weight declared as the transpose of the
/// ONNX initializer of the same name.
inline constexpr llvm::StringLiteral kTransposedAttr = "nas.transposed";

/// The form in which a tensor name is available at the current node.
struct TensorBinding {
  /// The SSA value, once created.
  mlir::Value value;
  /// The tensor's values if the file stores them (initializer or Constant).
  const onnx::TensorProto *storedTensor = nullptr;
  /// The initializer if its data is absent from the file.
  const onnx::TensorProto *absentInitializer = nullptr;
  /// Location for an arith.constant made from `storedTensor`.
  mlir::LocationAttr loc;
};

/// Window attributes of a 2-D pooling node in nas order.
struct PoolWindow {
  llvm::SmallVector<int64_t> kernel;
  llvm::SmallVector<int64_t> strides;
  /// [top, left, bottom, right].
  llvm::SmallVector<int64_t, 4> padding;
  llvm::SmallVector<int64_t> dilations;
  bool ceilMode = false;
};

/// Imports one ONNX graph into `@main` of a module.
class GraphImporter {
public:
  /// `opsetVersion` is the version of the default ONNX operator set.
  GraphImporter(mlir::ModuleOp module, const onnx::GraphProto &graph,
                int64_t opsetVersion, mlir::Location fileLoc);

  /// Checks the op types, the window attributes and the Conv ranks of every
  /// node. Runs before ONNX shape inference, which in ONNX 1.12 divides by a
  /// zero stride, and reads out of bounds for a Conv whose input and weight
  /// ranks differ, instead of reporting either.
  mlir::LogicalResult checkNodes();

  /// Builds the function from the graph after shape inference. Emits an
  /// error and returns failure on the first node or tensor that cannot be
  /// imported.
  mlir::LogicalResult importGraph();

private:
  /// Member function that imports the current node.
  using Converter = mlir::LogicalResult (GraphImporter::*)();

  /// Returns the converter of every supported op type, sorted by op type.
  static llvm::ArrayRef<std::pair<llvm::StringLiteral, Converter>>
  getConverters();

  //===--------------------------------------------------------------------===//
  // Graph level (GraphImporter.cpp)
  //===--------------------------------------------------------------------===//

  /// Makes `graphNode` the current node for the helpers below.
  void setCurrentNode(const onnx::NodeProto &graphNode, size_t index);
  mlir::LogicalResult checkOpType();
  /// Emits an error unless every value of the window attributes of a Conv
  /// or pooling node is >= 1.
  mlir::LogicalResult checkWindowAttributes();
  /// Emits an error if the current node is a Conv whose input or weight has
  /// a rank in `ranks` other than 4, then adds the rank of the node's first
  /// output to `ranks` when the inputs' ranks determine it.
  mlir::LogicalResult checkConvRanks(llvm::StringMap<int64_t> &ranks);
  mlir::LogicalResult addGraphInputs();
  mlir::LogicalResult importNode(const onnx::NodeProto &node, size_t index);
  mlir::LogicalResult addReturn();

  /// Returns the tensor type declared by a ValueInfo or inferred by ONNX
  /// shape inference. Unknown dimensions become dynamic (`?`).
  mlir::FailureOr<mlir::RankedTensorType>
  convertType(const onnx::TypeProto &type, llvm::StringRef tensorName,
              mlir::Location loc);
  /// Returns the type of a tensor with stored or absent data from its dims.
  mlir::FailureOr<mlir::RankedTensorType>
  getTensorType(const onnx::TensorProto &tensor, mlir::Location loc);

  /// Adds a function argument carrying the ONNX name.
  mlir::Value addArgument(mlir::RankedTensorType type, llvm::StringRef name,
                          bool transposed);
  /// Returns the SSA value of a tensor name, creating an argument or
  /// constant on first use.
  mlir::FailureOr<mlir::Value> lookupValue(llvm::StringRef name);

  //===--------------------------------------------------------------------===//
  // Helpers for the current node (GraphImporter.cpp)
  //===--------------------------------------------------------------------===//

  /// Emits an error that starts with "node '<name>'".
  mlir::InFlightDiagnostic emitNodeError();
  /// Returns true if the node has input `index` with a non-empty name.
  bool hasInput(int index) const;
  /// Returns input `index`, which must be present.
  mlir::FailureOr<mlir::Value> getInput(int index);
  /// Returns input `index`, or a null value if the node omits it.
  mlir::FailureOr<mlir::Value> getOptionalInput(int index);
  /// Returns the stored values of input `index`, which the importer reads at
  /// import time; `role` names the input in errors.
  mlir::FailureOr<const onnx::TensorProto *>
  getStoredInput(int index, llvm::StringRef role);
  /// Returns a 2-D weight input as c_out x c_in, the transpose of the ONNX
  /// K x N matrix: a transposed argument or constant.
  mlir::FailureOr<mlir::Value> getTransposedWeight(int index);
  /// Returns the type of output `index` from shape inference.
  mlir::FailureOr<mlir::RankedTensorType> getOutputType(int index);
  /// Binds output `index` to `value`.
  void setOutput(int index, mlir::Value value);
  /// Emits an error if the node has a used output past the first `count`.
  mlir::LogicalResult checkOutputCount(int count);

  const onnx::AttributeProto *findAttribute(llvm::StringRef name) const;
  mlir::FailureOr<int64_t> getIntAttribute(llvm::StringRef name,
                                           int64_t defaultValue);
  mlir::FailureOr<float> getFloatAttribute(llvm::StringRef name,
                                           float defaultValue);
  mlir::FailureOr<std::string> getStringAttribute(llvm::StringRef name,
                                                  llvm::StringRef defaultValue);
  /// Returns an INTS attribute, or `defaultValue` if absent. A present
  /// attribute must have `size` values.
  mlir::FailureOr<llvm::SmallVector<int64_t>>
  getIntsAttribute(llvm::StringRef name, llvm::ArrayRef<int64_t> defaultValue,
                   size_t size);

  //===--------------------------------------------------------------------===//
  // Node converters (ConvertOps.cpp)
  //===--------------------------------------------------------------------===//

  /// Returns [top, left, bottom, right] padding from `pads` or `auto_pad`,
  /// or emits an error if a kernel, stride or dilation value is below 1.
  mlir::FailureOr<llvm::SmallVector<int64_t, 4>>
  getPadding(mlir::RankedTensorType inputType, llvm::ArrayRef<int64_t> kernel,
             llvm::ArrayRef<int64_t> strides,
             llvm::ArrayRef<int64_t> dilations);

  /// Emits an error unless `type` is a rank-4 (NCHW) tensor.
  mlir::LogicalResult checkRank4(llvm::StringRef role,
                                 mlir::RankedTensorType type);
  /// Returns the window attributes of a MaxPool or AveragePool node.
  mlir::FailureOr<PoolWindow> getPoolWindow(mlir::RankedTensorType inputType);
  /// Emits an error if, with ceil_mode, the inferred output size keeps a
  /// last window that starts in the end padding. ONNX 1.12 shape inference
  /// keeps it, but PyTorch and the nas pooling ops drop it.
  mlir::LogicalResult checkCeilModeShape(const PoolWindow &window,
                                         mlir::RankedTensorType inputType,
                                         mlir::RankedTensorType outputType);

  mlir::LogicalResult convertAdd();
  mlir::LogicalResult convertAveragePool();
  mlir::LogicalResult convertBatchNormalization();
  mlir::LogicalResult convertClip();
  mlir::LogicalResult convertConstant();
  mlir::LogicalResult convertConv();
  mlir::LogicalResult convertFlatten();
  mlir::LogicalResult convertGemm();
  mlir::LogicalResult convertGlobalAveragePool();
  mlir::LogicalResult convertIdentity();
  mlir::LogicalResult convertMatMul();
  mlir::LogicalResult convertMaxPool();
  mlir::LogicalResult convertRelu();
  mlir::LogicalResult convertReshape();

  mlir::ModuleOp module;
  const onnx::GraphProto &graph;
  int64_t opsetVersion;
  mlir::Location fileLoc;
  mlir::OpBuilder builder;
  mlir::func::FuncOp function;

  /// Inferred or declared type of every tensor that has one.
  llvm::StringMap<const onnx::TypeProto *> valueTypes;
  llvm::StringMap<TensorBinding> bindings;
  /// Arguments and constants created for tensors, each created once even
  /// if Identity gives the tensor several names.
  llvm::DenseMap<const onnx::TensorProto *, mlir::Value> tensorValues;
  /// Transposed weights, created once per tensor.
  llvm::DenseMap<const onnx::TensorProto *, mlir::Value> transposedWeights;
  /// Tensors built from Constant attributes such as value_floats.
  std::deque<onnx::TensorProto> ownedTensors;
  /// Per argument: ONNX name and whether it is declared transposed.
  llvm::SmallVector<std::pair<std::string, bool>> argumentNames;

  /// The node being imported and its location.
  const onnx::NodeProto *node = nullptr;
  std::string nodeName;
  mlir::Location loc;
};

} // namespace nas::onnx_import

#endif // NAS_LIB_TARGET_ONNX_GRAPHIMPORTER_H
