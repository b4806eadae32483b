//===- ShapeInference.cpp - ONNX shape inference without exceptions -------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// This file is compiled with -fexceptions (see CMakeLists.txt) so that no
// exception thrown by ONNX reaches code compiled without them.
//
//===----------------------------------------------------------------------===//

#include "ShapeInference.h"

#include "onnx/shape_inference/implementation.h"

#include <exception>

bool nas::onnx_import::inferShapes(onnx::ModelProto &model,
                                   std::string &error) {
  try {
    onnx::shape_inference::InferShapes(model);
  } catch (const std::exception &exception) {
    error = exception.what();
    return false;
  }
  return true;
}
