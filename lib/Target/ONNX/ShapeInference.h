//===- ShapeInference.h - ONNX shape inference without exceptions -*- C++
//-*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_TARGET_ONNX_SHAPEINFERENCE_H
#define NAS_LIB_TARGET_ONNX_SHAPEINFERENCE_H

#include "onnx/onnx_pb.h"

#include <string>

namespace nas::onnx_import {

/// Runs onnx::shape_inference::InferShapes on `model`, which adds the
/// inferred types to graph.value_info. Returns false and sets `error` to
/// the exception message if inference throws.
bool inferShapes(onnx::ModelProto &model, std::string &error);

} // namespace nas::onnx_import

#endif // NAS_LIB_TARGET_ONNX_SHAPEINFERENCE_H
