//===- OnnxTensors.cpp - ONNX tensor types and stored values --------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "OnnxTensors.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/SwapByteOrder.h"

#include <cstring>

using namespace mlir;
using namespace nas::onnx_import;

using onnx::TensorProto;

std::string nas::onnx_import::getDataTypeName(int32_t dataType) {
  if (TensorProto::DataType_IsValid(dataType))
    return TensorProto::DataType_Name(
        static_cast<TensorProto::DataType>(dataType));
  return "data type " + std::to_string(dataType);
}

Type nas::onnx_import::convertElementType(MLIRContext *context,
                                          int32_t dataType) {
  switch (dataType) {
  case TensorProto::FLOAT:
    return Float32Type::get(context);
  case TensorProto::FLOAT16:
    return Float16Type::get(context);
  case TensorProto::BFLOAT16:
    return BFloat16Type::get(context);
  case TensorProto::DOUBLE:
    return Float64Type::get(context);
  case TensorProto::INT8:
    return IntegerType::get(context, 8);
  default:
    return nullptr;
  }
}

FailureOr<Type> nas::onnx_import::convertElementType(Location loc,
                                                     StringRef tensorName,
                                                     int32_t dataType) {
  if (Type type = convertElementType(loc->getContext(), dataType))
    return type;
  return emitError(loc) << "tensor '" << tensorName
                        << "' has unsupported element type "
                        << getDataTypeName(dataType)
                        << "; supported element types: "
                        << kSupportedElementTypes;
}

std::optional<int64_t>
nas::onnx_import::getNumElements(const TensorProto &tensor) {
  int64_t count = 1;
  for (int64_t dim : tensor.dims()) {
    std::optional<int64_t> next =
        dim < 0 ? std::nullopt : llvm::checkedMul(count, dim);
    if (!next)
      return std::nullopt;
    count = *next;
  }
  return count;
}

bool nas::onnx_import::hasStoredData(const TensorProto &tensor) {
  if (tensor.data_location() == TensorProto::EXTERNAL)
    return false;
  return getNumElements(tensor) == 0 || !tensor.raw_data().empty() ||
         tensor.float_data_size() > 0 || tensor.double_data_size() > 0 ||
         tensor.int32_data_size() > 0 || tensor.int64_data_size() > 0;
}

namespace {

/// Returns the element count of a tensor whose values are read, or emits an
/// error if its dims are negative or their product overflows int64_t.
FailureOr<int64_t> getStoredCount(const TensorProto &tensor, Location loc) {
  if (std::optional<int64_t> count = getNumElements(tensor))
    return *count;
  InFlightDiagnostic diag = emitError(loc)
                            << "tensor '" << tensor.name() << "' has dims [";
  llvm::interleaveComma(tensor.dims(), diag);
  return diag << "], which are negative or have more elements than fit in "
                 "64 bits";
}

/// Emits an error for a tensor whose stored value count does not match the
/// `expected` count of its dims.
LogicalResult emitCountMismatch(Location loc, const TensorProto &tensor,
                                int64_t count, int64_t expected) {
  return emitError(loc) << "tensor '" << tensor.name() << "' stores " << count
                        << " values but its dims have " << expected
                        << " elements";
}

/// Returns the little-endian `raw_data` of a tensor with `width`-byte
/// elements, or emits an error if its size does not match the dims.
FailureOr<ArrayRef<char>> getRawData(const TensorProto &tensor, size_t width,
                                     Location loc) {
  const std::string &raw = tensor.raw_data();
  FailureOr<int64_t> count = getStoredCount(tensor, loc);
  if (failed(count))
    return failure();
  int64_t expected = *count;
  if (raw.size() % width != 0 ||
      static_cast<int64_t>(raw.size() / width) != expected)
    return emitError(loc) << "tensor '" << tensor.name() << "' has "
                          << raw.size() << " bytes of raw_data, expected "
                          << expected * static_cast<int64_t>(width) << " ("
                          << expected << " elements of " << width << " bytes)";
  if (llvm::sys::IsBigEndianHost)
    return emitError(loc) << "reading raw_data of tensor '" << tensor.name()
                          << "' needs a little-endian host";
  return ArrayRef<char>(raw.data(), raw.size());
}

/// Reads a typed repeated field into an attribute of `type`.
template <typename T, typename Field>
FailureOr<DenseElementsAttr> readField(const TensorProto &tensor,
                                       const Field &field,
                                       RankedTensorType type, Location loc) {
  FailureOr<int64_t> count = getStoredCount(tensor, loc);
  if (failed(count))
    return failure();
  if (static_cast<int64_t>(field.size()) != *count)
    return emitCountMismatch(loc, tensor, field.size(), *count);
  SmallVector<T> values(field.begin(), field.end());
  return DenseElementsAttr::get(type, ArrayRef<T>(values));
}

/// Reads 16-bit floats, which ONNX stores as bit patterns in int32_data.
FailureOr<DenseElementsAttr> readHalfBits(const TensorProto &tensor,
                                          RankedTensorType type, Location loc) {
  FailureOr<int64_t> count = getStoredCount(tensor, loc);
  if (failed(count))
    return failure();
  if (tensor.int32_data_size() != *count)
    return emitCountMismatch(loc, tensor, tensor.int32_data_size(), *count);
  SmallVector<uint16_t> bits;
  for (int32_t value : tensor.int32_data())
    bits.push_back(static_cast<uint16_t>(value));
  ArrayRef<char> bytes(reinterpret_cast<const char *>(bits.data()),
                       bits.size() * sizeof(uint16_t));
  return DenseElementsAttr::getFromRawBuffer(type, bytes);
}

} // namespace

FailureOr<DenseElementsAttr>
nas::onnx_import::readElements(const TensorProto &tensor, RankedTensorType type,
                               Location loc) {
  if (!hasStoredData(tensor))
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has no values in the model file";
  if (type.getNumElements() == 0)
    return DenseElementsAttr::get(type, ArrayRef<Attribute>());
  if (tensor.has_raw_data()) {
    size_t width = type.getElementTypeBitWidth() / 8;
    FailureOr<ArrayRef<char>> raw = getRawData(tensor, width, loc);
    if (failed(raw))
      return failure();
    return DenseElementsAttr::getFromRawBuffer(type, *raw);
  }
  switch (tensor.data_type()) {
  case TensorProto::FLOAT:
    return readField<float>(tensor, tensor.float_data(), type, loc);
  case TensorProto::DOUBLE:
    return readField<double>(tensor, tensor.double_data(), type, loc);
  case TensorProto::INT8:
    return readField<int8_t>(tensor, tensor.int32_data(), type, loc);
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    return readHalfBits(tensor, type, loc);
  default:
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has unsupported element type "
                          << getDataTypeName(tensor.data_type());
  }
}

FailureOr<SmallVector<int64_t>>
nas::onnx_import::readIntegers(const TensorProto &tensor, Location loc) {
  if (!hasStoredData(tensor))
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has no values in the model file";
  int32_t dataType = tensor.data_type();
  size_t width;
  switch (dataType) {
  case TensorProto::INT64:
    width = 8;
    break;
  case TensorProto::INT32:
    width = 4;
    break;
  case TensorProto::INT8:
    width = 1;
    break;
  default:
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' must have an integer element type (INT8, "
                             "INT32 or INT64), got "
                          << getDataTypeName(dataType);
  }
  SmallVector<int64_t> values;
  if (tensor.has_raw_data()) {
    FailureOr<ArrayRef<char>> raw = getRawData(tensor, width, loc);
    if (failed(raw))
      return failure();
    for (size_t offset = 0; offset < raw->size(); offset += width) {
      const char *element = raw->data() + offset;
      if (width == 8) {
        int64_t value;
        std::memcpy(&value, element, sizeof(value));
        values.push_back(value);
      } else if (width == 4) {
        int32_t value;
        std::memcpy(&value, element, sizeof(value));
        values.push_back(value);
      } else {
        values.push_back(static_cast<int8_t>(*element));
      }
    }
    return values;
  }
  if (dataType == TensorProto::INT64)
    values.assign(tensor.int64_data().begin(), tensor.int64_data().end());
  else
    values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
  FailureOr<int64_t> count = getStoredCount(tensor, loc);
  if (failed(count))
    return failure();
  if (static_cast<int64_t>(values.size()) != *count)
    return emitCountMismatch(loc, tensor, values.size(), *count);
  return values;
}

FailureOr<double> nas::onnx_import::readScalar(const TensorProto &tensor,
                                               Location loc) {
  FailureOr<int64_t> count = getStoredCount(tensor, loc);
  if (failed(count))
    return failure();
  if (*count != 1)
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' must have one element, got " << *count;
  Type elementType = convertElementType(loc->getContext(), tensor.data_type());
  if (auto floatType = dyn_cast_or_null<FloatType>(elementType)) {
    auto type = RankedTensorType::get({1}, floatType);
    FailureOr<DenseElementsAttr> values = readElements(tensor, type, loc);
    if (failed(values))
      return failure();
    llvm::APFloat value = *values->getValues<llvm::APFloat>().begin();
    bool losesInfo;
    value.convert(llvm::APFloat::IEEEdouble(),
                  llvm::APFloat::rmNearestTiesToEven, &losesInfo);
    return value.convertToDouble();
  }
  FailureOr<SmallVector<int64_t>> values = readIntegers(tensor, loc);
  if (failed(values))
    return failure();
  return static_cast<double>(values->front());
}

DenseElementsAttr nas::onnx_import::transpose2D(DenseElementsAttr matrix) {
  auto type = cast<RankedTensorType>(matrix.getType());
  int64_t rows = type.getDimSize(0);
  int64_t columns = type.getDimSize(1);
  auto transposedType =
      RankedTensorType::get({columns, rows}, type.getElementType());
  if (matrix.isSplat())
    return matrix.reshape(transposedType);
  size_t width = type.getElementTypeBitWidth() / 8;
  ArrayRef<char> source = matrix.getRawData();
  SmallVector<char> result(source.size());
  for (int64_t row = 0; row < rows; ++row)
    for (int64_t column = 0; column < columns; ++column)
      std::memcpy(&result[(column * rows + row) * width],
                  &source[(row * columns + column) * width], width);
  return DenseElementsAttr::getFromRawBuffer(transposedType, result);
}
