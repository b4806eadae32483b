//===- Evaluator.cpp - reference interpreter for nas functions ------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Each op is computed with plain loops and double accumulation, following the
// op descriptions in NasOps.td. Output sizes are recomputed here and compared
// with the op's result type, so a shape rule that disagrees with the verifier
// is reported instead of silently followed.
//
//===----------------------------------------------------------------------===//

#include "nas/Reference/Evaluator.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

using namespace mlir;
using nas::reference::Tensor;

int64_t nas::reference::getNumElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  return count;
}

Tensor::Tensor(ArrayRef<int64_t> shape)
    : shape(shape.begin(), shape.end()),
      data(nas::reference::getNumElements(shape), 0.0) {}

int64_t Tensor::getNumElements() const {
  return nas::reference::getNumElements(shape);
}

//===----------------------------------------------------------------------===//
// Kernels
//===----------------------------------------------------------------------===//

namespace {

/// Window parameters of a 2-D convolution or pooling, [height, width] pairs
/// and padding [top, left, bottom, right].
struct Window {
  int64_t kernelH, kernelW;
  int64_t strideH = 1, strideW = 1;
  int64_t padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
  int64_t dilationH = 1, dilationW = 1;
};

/// Returns the number of windows along one dimension: span / stride rounded
/// down (or up, with `ceilMode`) plus one. In ceil mode, a last window that
/// starts past the input and the leading padding is dropped, as in PyTorch.
int64_t windowCount(int64_t size, int64_t kernel, int64_t stride,
                    int64_t padBefore, int64_t padAfter, int64_t dilation,
                    bool ceilMode) {
  int64_t span = size + padBefore + padAfter - dilation * (kernel - 1) - 1;
  if (span < 0)
    return 0;
  int64_t count =
      ceilMode ? (span + stride - 1) / stride + 1 : span / stride + 1;
  if (ceilMode && (count - 1) * stride >= size + padBefore)
    --count;
  return count;
}

/// Returns the first and one-past-last output index o with
/// o * stride + offset in [0, size).
std::pair<int64_t, int64_t> validOutputRange(int64_t size, int64_t outputSize,
                                             int64_t stride, int64_t offset) {
  int64_t begin = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
  int64_t lastInput = size - 1 - offset;
  int64_t end =
      lastInput < 0 ? 0 : std::min(outputSize, lastInput / stride + 1);
  return {begin, std::max(begin, end)};
}

/// Computes a grouped, dilated 2-D cross-correlation of NCHW `input` with
/// FCHW `weight` (C / groups input channels per filter). Filter f reads
/// input group f / (F / groups), which also covers depthwise convolution
/// with a channel multiplier.
Tensor conv2d(const Tensor &input, const Tensor &weight, const Tensor *bias,
              const Window &window, int64_t groups) {
  int64_t batch = input.shape[0], channels = input.shape[1];
  int64_t height = input.shape[2], width = input.shape[3];
  int64_t filters = weight.shape[0], groupChannels = weight.shape[1];
  int64_t kernelH = weight.shape[2], kernelW = weight.shape[3];
  int64_t groupFilters = filters / groups;
  int64_t outH =
      windowCount(height, kernelH, window.strideH, window.padTop,
                  window.padBottom, window.dilationH, /*ceilMode=*/false);
  int64_t outW =
      windowCount(width, kernelW, window.strideW, window.padLeft,
                  window.padRight, window.dilationW, /*ceilMode=*/false);
  Tensor output({batch, filters, outH, outW});
  std::vector<double> plane(outH * outW);
  for (int64_t n = 0; n < batch; ++n) {
    for (int64_t f = 0; f < filters; ++f) {
      int64_t group = f / groupFilters;
      std::fill(plane.begin(), plane.end(), bias ? bias->data[f] : 0.0);
      for (int64_t cg = 0; cg < groupChannels; ++cg) {
        int64_t c = group * groupChannels + cg;
        const double *inPlane =
            &input.data[(n * channels + c) * height * width];
        for (int64_t kh = 0; kh < kernelH; ++kh) {
          int64_t offsetH = kh * window.dilationH - window.padTop;
          auto [ohBegin, ohEnd] =
              validOutputRange(height, outH, window.strideH, offsetH);
          for (int64_t kw = 0; kw < kernelW; ++kw) {
            int64_t offsetW = kw * window.dilationW - window.padLeft;
            auto [owBegin, owEnd] =
                validOutputRange(width, outW, window.strideW, offsetW);
            double w =
                weight
                    .data[((f * groupChannels + cg) * kernelH + kh) * kernelW +
                          kw];
            // The innermost loop walks one output row and one input row.
            for (int64_t oh = ohBegin; oh < ohEnd; ++oh) {
              const double *inRow =
                  inPlane + (oh * window.strideH + offsetH) * width;
              double *outRow = plane.data() + oh * outW;
              for (int64_t ow = owBegin; ow < owEnd; ++ow)
                outRow[ow] += w * inRow[ow * window.strideW + offsetW];
            }
          }
        }
      }
      std::copy(plane.begin(), plane.end(),
                output.data.begin() + (n * filters + f) * outH * outW);
    }
  }
  return output;
}

/// Computes output[..., o] = sum_i input[..., i] * weight[o, i] + bias[o].
Tensor fullyConnected(const Tensor &input, const Tensor &weight,
                      const Tensor *bias) {
  int64_t inFeatures = input.shape.back();
  int64_t outFeatures = weight.shape[0];
  int64_t rows =
      nas::reference::getNumElements(ArrayRef(input.shape).drop_back());
  SmallVector<int64_t> shape(input.shape.begin(), input.shape.end() - 1);
  shape.push_back(outFeatures);
  Tensor output(shape);
  for (int64_t r = 0; r < rows; ++r) {
    const double *row = input.data.data() + r * inFeatures;
    for (int64_t o = 0; o < outFeatures; ++o) {
      const double *weightRow = weight.data.data() + o * inFeatures;
      double sum = bias ? bias->data[o] : 0.0;
      for (int64_t i = 0; i < inFeatures; ++i)
        sum += row[i] * weightRow[i];
      output.data[r * outFeatures + o] = sum;
    }
  }
  return output;
}

/// Normalizes dimension 1: (x - mean) / sqrt(variance + epsilon) * scale +
/// bias.
Tensor batchNorm(const Tensor &input, const Tensor &scale, const Tensor &bias,
                 const Tensor &mean, const Tensor &variance, double epsilon) {
  Tensor output(input.shape);
  int64_t channels = input.shape[1];
  int64_t inner =
      nas::reference::getNumElements(ArrayRef(input.shape).drop_front(2));
  for (int64_t i = 0, e = input.getNumElements(); i < e; ++i) {
    int64_t c = (i / inner) % channels;
    output.data[i] = (input.data[i] - mean.data[c]) /
                         std::sqrt(variance.data[c] + epsilon) * scale.data[c] +
                     bias.data[c];
  }
  return output;
}

/// Clamps every element to [min, max].
Tensor clip(const Tensor &input, double min, double max) {
  Tensor output(input.shape);
  for (int64_t i = 0, e = input.getNumElements(); i < e; ++i)
    output.data[i] = std::min(std::max(input.data[i], min), max);
  return output;
}

/// Returns the NumPy broadcast shape, or std::nullopt if incompatible.
std::optional<SmallVector<int64_t>> broadcast(ArrayRef<int64_t> lhs,
                                              ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> shape(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i + lhs.size() < rank ? 1 : lhs[i + lhs.size() - rank];
    int64_t r = i + rhs.size() < rank ? 1 : rhs[i + rhs.size() - rank];
    if (l != r && l != 1 && r != 1)
      return std::nullopt;
    shape[i] = l == 1 ? r : l;
  }
  return shape;
}

/// Returns the row-major strides of `shape` aligned to a result of rank
/// `rank`, with stride 0 on broadcast dimensions.
SmallVector<int64_t> broadcastStrides(ArrayRef<int64_t> shape, size_t rank) {
  SmallVector<int64_t> strides(rank, 0);
  int64_t stride = 1;
  for (size_t i = shape.size(); i-- > 0;) {
    if (shape[i] != 1)
      strides[i + rank - shape.size()] = stride;
    stride *= shape[i];
  }
  return strides;
}

/// Adds with NumPy broadcasting; `shape` is the broadcast shape.
Tensor add(const Tensor &lhs, const Tensor &rhs, ArrayRef<int64_t> shape) {
  Tensor output(shape);
  size_t rank = shape.size();
  SmallVector<int64_t> lhsStrides = broadcastStrides(lhs.shape, rank);
  SmallVector<int64_t> rhsStrides = broadcastStrides(rhs.shape, rank);
  SmallVector<int64_t> index(rank, 0);
  int64_t lhsOffset = 0, rhsOffset = 0;
  for (int64_t i = 0, e = output.getNumElements(); i < e; ++i) {
    output.data[i] = lhs.data[lhsOffset] + rhs.data[rhsOffset];
    // Advance the multi-index like an odometer, last dimension fastest.
    for (size_t d = rank; d-- > 0;) {
      lhsOffset += lhsStrides[d];
      rhsOffset += rhsStrides[d];
      if (++index[d] < shape[d])
        break;
      lhsOffset -= lhsStrides[d] * shape[d];
      rhsOffset -= rhsStrides[d] * shape[d];
      index[d] = 0;
    }
  }
  return output;
}

/// Computes max or average pooling of an NCHW tensor. The average divides
/// by the window's elements inside the input, or with `countIncludePad` by
/// the size of the window clipped to the padded input, as PyTorch's CPU
/// avg_pool2d kernel does. So a ceil-mode window that extends past the
/// trailing padding counts only up to the padding's end.
/// NOTE: the description of nas.avg_pool2d says every window divides by
/// KH * KW with count_include_pad; the two rules differ only for such
/// windows.
Tensor pool2d(const Tensor &input, const Window &window, bool ceilMode,
              bool isMax, bool countIncludePad) {
  int64_t batch = input.shape[0], channels = input.shape[1];
  int64_t height = input.shape[2], width = input.shape[3];
  int64_t outH =
      windowCount(height, window.kernelH, window.strideH, window.padTop,
                  window.padBottom, window.dilationH, ceilMode);
  int64_t outW =
      windowCount(width, window.kernelW, window.strideW, window.padLeft,
                  window.padRight, window.dilationW, ceilMode);
  Tensor output({batch, channels, outH, outW});
  double *out = output.data.data();
  for (int64_t plane = 0; plane < batch * channels; ++plane) {
    const double *in = &input.data[plane * height * width];
    for (int64_t oh = 0; oh < outH; ++oh) {
      for (int64_t ow = 0; ow < outW; ++ow) {
        int64_t startH = oh * window.strideH - window.padTop;
        int64_t startW = ow * window.strideW - window.padLeft;
        double result;
        if (isMax) {
          // Padded elements never win: only elements inside the input count.
          result = -std::numeric_limits<double>::infinity();
          for (int64_t kh = 0; kh < window.kernelH; ++kh) {
            int64_t ih = startH + kh * window.dilationH;
            if (ih < 0 || ih >= height)
              continue;
            for (int64_t kw = 0; kw < window.kernelW; ++kw) {
              int64_t iw = startW + kw * window.dilationW;
              if (iw >= 0 && iw < width)
                result = std::max(result, in[ih * width + iw]);
            }
          }
        } else {
          int64_t endH =
              std::min(startH + window.kernelH, height + window.padBottom);
          int64_t endW =
              std::min(startW + window.kernelW, width + window.padRight);
          int64_t paddedCount = (endH - startH) * (endW - startW);
          int64_t beginH = std::max<int64_t>(startH, 0);
          int64_t beginW = std::max<int64_t>(startW, 0);
          endH = std::min(endH, height);
          endW = std::min(endW, width);
          double sum = 0.0;
          for (int64_t ih = beginH; ih < endH; ++ih)
            for (int64_t iw = beginW; iw < endW; ++iw)
              sum += in[ih * width + iw];
          int64_t count = countIncludePad
                              ? paddedCount
                              : std::max<int64_t>(endH - beginH, 0) *
                                    std::max<int64_t>(endW - beginW, 0);
          result = sum / static_cast<double>(count);
        }
        *out++ = result;
      }
    }
  }
  return output;
}

/// Averages each NxC plane into an N x C x 1 x 1 tensor.
Tensor globalAvgPool2d(const Tensor &input) {
  int64_t planes = input.shape[0] * input.shape[1];
  int64_t planeSize = input.shape[2] * input.shape[3];
  Tensor output({input.shape[0], input.shape[1], 1, 1});
  for (int64_t p = 0; p < planes; ++p) {
    double sum = 0.0;
    for (int64_t i = 0; i < planeSize; ++i)
      sum += input.data[p * planeSize + i];
    output.data[p] = sum / static_cast<double>(planeSize);
  }
  return output;
}

/// Returns a convolution window with a square kernel, equal strides and
/// symmetric padding, as the blocks use.
Window squareWindow(const Tensor &weight, int64_t stride, int64_t pad) {
  Window window;
  window.kernelH = weight.shape[2];
  window.kernelW = weight.shape[3];
  window.strideH = window.strideW = stride;
  window.padTop = window.padLeft = window.padBottom = window.padRight = pad;
  return window;
}

//===----------------------------------------------------------------------===//
// Interpreter
//===----------------------------------------------------------------------===//

/// Walks a function body in order, keeping each value until its last use.
class Interpreter {
public:
  Interpreter(func::FuncOp func, ArrayRef<Tensor> arguments);

  FailureOr<SmallVector<Tensor>> run();

private:
  const Tensor &lookup(Value value) const;
  /// Returns null for an absent optional operand.
  const Tensor *lookupOptional(Value value) const {
    return value ? &lookup(value) : nullptr;
  }
  /// Rounds to float if `type` has f32 elements.
  Tensor finish(Tensor tensor, Type type) const;
  LogicalResult checkTypes(Operation *op) const;
  LogicalResult checkShape(Operation *op, const Tensor &result) const;
  FailureOr<Tensor> evaluate(Operation *op);

  FailureOr<Tensor> evaluateConstant(arith::ConstantOp op);
  Tensor evaluateConv(nas::Conv2DOp op);
  Tensor evaluateBottleneck(nas::BottleneckOp op, Type type);
  Tensor evaluateInvertedResidual(nas::InvertedResidualOp op, Type type);

  func::FuncOp func;
  llvm::DenseMap<Value, const Tensor *> arguments;
  llvm::DenseMap<Value, std::unique_ptr<Tensor>> results;
};

} // namespace

Interpreter::Interpreter(func::FuncOp func, ArrayRef<Tensor> arguments)
    : func(func) {
  for (auto [argument, tensor] : llvm::zip(func.getArguments(), arguments))
    this->arguments[argument] = &tensor;
}

const Tensor &Interpreter::lookup(Value value) const {
  if (auto it = arguments.find(value); it != arguments.end())
    return *it->second;
  return *results.find(value)->second;
}

Tensor Interpreter::finish(Tensor tensor, Type type) const {
  if (cast<ShapedType>(type).getElementType().isF32())
    for (double &value : tensor.data)
      value = static_cast<float>(value);
  return tensor;
}

LogicalResult Interpreter::checkTypes(Operation *op) const {
  auto isSupported = [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && tensor.hasStaticShape() &&
           (tensor.getElementType().isF32() || tensor.getElementType().isF64());
  };
  for (Value value : llvm::concat<Value>(op->getOperands(), op->getResults()))
    if (!isSupported(value.getType()))
      return op->emitError() << "reference evaluator supports statically "
                                "shaped f32 and f64 tensors, got "
                             << value.getType();
  return success();
}

LogicalResult Interpreter::checkShape(Operation *op,
                                      const Tensor &result) const {
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  if (ArrayRef<int64_t>(result.shape) == type.getShape())
    return success();
  std::string shape;
  llvm::raw_string_ostream os(shape);
  llvm::interleave(result.shape, os, "x");
  return op->emitError() << "reference evaluator computed result shape "
                         << shape << ", but the result type is " << type;
}

FailureOr<Tensor> Interpreter::evaluateConstant(arith::ConstantOp op) {
  auto dense = dyn_cast<DenseElementsAttr>(op.getValue());
  if (!dense)
    return op.emitError() << "reference evaluator supports only dense tensor "
                             "constants, got "
                          << op.getValue();
  Tensor tensor(dense.getType().getShape());
  if (dense.getElementType().isF32())
    llvm::copy(dense.getValues<float>(), tensor.data.begin());
  else
    llvm::copy(dense.getValues<double>(), tensor.data.begin());
  return tensor;
}

Tensor Interpreter::evaluateConv(nas::Conv2DOp op) {
  const Tensor &weight = lookup(op.getWeight());
  Window window;
  window.kernelH = weight.shape[2];
  window.kernelW = weight.shape[3];
  window.strideH = op.getStrides()[0];
  window.strideW = op.getStrides()[1];
  window.padTop = op.getPadding()[0];
  window.padLeft = op.getPadding()[1];
  window.padBottom = op.getPadding()[2];
  window.padRight = op.getPadding()[3];
  window.dilationH = op.getDilations()[0];
  window.dilationW = op.getDilations()[1];
  return conv2d(lookup(op.getInput()), weight, lookupOptional(op.getBias()),
                window, op.getGroups());
}

Tensor Interpreter::evaluateBottleneck(nas::BottleneckOp op, Type type) {
  const Tensor &input = lookup(op.getInput());
  int64_t stride = op.getStride();
  auto convRelu = [&](const Tensor &x, Value weight, Value bias, int64_t s,
                      int64_t pad, int64_t groups) {
    const Tensor &w = lookup(weight);
    Tensor y = conv2d(x, w, &lookup(bias), squareWindow(w, s, pad), groups);
    return finish(clip(y, 0.0, std::numeric_limits<double>::infinity()), type);
  };
  Tensor t = convRelu(input, op.getReduceWeight(), op.getReduceBias(), 1, 0, 1);
  t = convRelu(t, op.getConvWeight(), op.getConvBias(), stride, 1,
               op.getGroups());
  const Tensor &expandWeight = lookup(op.getExpandWeight());
  t = finish(conv2d(t, expandWeight, &lookup(op.getExpandBias()),
                    squareWindow(expandWeight, 1, 0), 1),
             type);
  Tensor sum;
  if (op.getProjectionWeight()) {
    const Tensor &projectionWeight = lookup(op.getProjectionWeight());
    Tensor shortcut =
        finish(conv2d(input, projectionWeight, &lookup(op.getProjectionBias()),
                      squareWindow(projectionWeight, stride, 0), 1),
               type);
    sum = finish(add(t, shortcut, t.shape), type);
  } else {
    sum = finish(add(t, input, t.shape), type);
  }
  return clip(sum, 0.0, std::numeric_limits<double>::infinity());
}

Tensor Interpreter::evaluateInvertedResidual(nas::InvertedResidualOp op,
                                             Type type) {
  const Tensor &input = lookup(op.getInput());
  Tensor t = input;
  if (op.getExpandWeight()) {
    const Tensor &w = lookup(op.getExpandWeight());
    t = finish(
        conv2d(input, w, &lookup(op.getExpandBias()), squareWindow(w, 1, 0), 1),
        type);
    t = clip(t, 0.0, 6.0);
  }
  const Tensor &depthwiseWeight = lookup(op.getDepthwiseWeight());
  int64_t hidden = t.shape[1];
  t = finish(conv2d(t, depthwiseWeight, &lookup(op.getDepthwiseBias()),
                    squareWindow(depthwiseWeight, op.getStride(),
                                 (op.getKernelSize() - 1) / 2),
                    hidden),
             type);
  t = clip(t, 0.0, 6.0);
  const Tensor &projectWeight = lookup(op.getProjectWeight());
  t = finish(conv2d(t, projectWeight, &lookup(op.getProjectBias()),
                    squareWindow(projectWeight, 1, 0), 1),
             type);
  // The residual is added when the stride is 1 and the channels match.
  if (op.getStride() == 1 && input.shape[1] == t.shape[1])
    t = add(input, t, t.shape);
  return t;
}

FailureOr<Tensor> Interpreter::evaluate(Operation *op) {
  using namespace nas;
  return llvm::TypeSwitch<Operation *, FailureOr<Tensor>>(op)
      .Case([&](arith::ConstantOp op) { return evaluateConstant(op); })
      .Case([&](Conv2DOp op) { return evaluateConv(op); })
      .Case([&](FullyConnectedOp op) {
        return fullyConnected(lookup(op.getInput()), lookup(op.getWeight()),
                              lookupOptional(op.getBias()));
      })
      .Case([&](BatchNormOp op) {
        return batchNorm(lookup(op.getInput()), lookup(op.getScale()),
                         lookup(op.getBias()), lookup(op.getMean()),
                         lookup(op.getVariance()),
                         op.getEpsilon().convertToDouble());
      })
      .Case([&](ReluOp op) {
        return clip(lookup(op.getInput()), 0.0,
                    std::numeric_limits<double>::infinity());
      })
      .Case([&](ClipOp op) {
        return clip(lookup(op.getInput()), op.getMin().convertToDouble(),
                    op.getMax().convertToDouble());
      })
      .Case([&](AddOp op) -> FailureOr<Tensor> {
        const Tensor &lhs = lookup(op.getLhs());
        const Tensor &rhs = lookup(op.getRhs());
        std::optional<SmallVector<int64_t>> shape =
            broadcast(lhs.shape, rhs.shape);
        if (!shape)
          return op.emitError()
                 << "reference evaluator cannot broadcast "
                 << op.getLhs().getType() << " and " << op.getRhs().getType();
        return add(lhs, rhs, *shape);
      })
      .Case([&](MaxPool2DOp op) {
        Window window;
        window.kernelH = op.getKernel()[0];
        window.kernelW = op.getKernel()[1];
        window.strideH = op.getStrides()[0];
        window.strideW = op.getStrides()[1];
        window.padTop = op.getPadding()[0];
        window.padLeft = op.getPadding()[1];
        window.padBottom = op.getPadding()[2];
        window.padRight = op.getPadding()[3];
        window.dilationH = op.getDilations()[0];
        window.dilationW = op.getDilations()[1];
        return pool2d(lookup(op.getInput()), window, op.getCeilMode(),
                      /*isMax=*/true, /*countIncludePad=*/false);
      })
      .Case([&](AvgPool2DOp op) {
        Window window;
        window.kernelH = op.getKernel()[0];
        window.kernelW = op.getKernel()[1];
        window.strideH = op.getStrides()[0];
        window.strideW = op.getStrides()[1];
        window.padTop = op.getPadding()[0];
        window.padLeft = op.getPadding()[1];
        window.padBottom = op.getPadding()[2];
        window.padRight = op.getPadding()[3];
        return pool2d(lookup(op.getInput()), window, op.getCeilMode(),
                      /*isMax=*/false, op.getCountIncludePad());
      })
      .Case([&](GlobalAvgPool2DOp op) {
        return globalAvgPool2d(lookup(op.getInput()));
      })
      .Case<FlattenOp, ReshapeOp>([&](Operation *op) {
        // Both keep the row-major element order; only the shape changes.
        Tensor result = lookup(op->getOperand(0));
        auto type = cast<RankedTensorType>(op->getResult(0).getType());
        result.shape.assign(type.getShape().begin(), type.getShape().end());
        return result;
      })
      .Case(
          [&](BottleneckOp op) { return evaluateBottleneck(op, op.getType()); })
      .Case([&](InvertedResidualOp op) {
        return evaluateInvertedResidual(op, op.getType());
      })
      .Default([&](Operation *op) {
        return op->emitError() << "reference evaluator does not support '"
                               << op->getName() << "'";
      });
}

FailureOr<SmallVector<Tensor>> Interpreter::run() {
  if (func.isExternal())
    return func.emitError() << "reference evaluator needs a function body";
  if (!func.getBody().hasOneBlock())
    return func.emitError()
           << "reference evaluator supports only single-block functions";
  Block &body = func.getBody().front();

  // The last op that reads each value, so its tensor can be freed after it.
  llvm::DenseMap<Value, Operation *> lastUser;
  for (Operation &op : body)
    for (Value operand : op.getOperands())
      lastUser[operand] = &op;

  for (Operation &op : body) {
    if (auto returnOp = dyn_cast<func::ReturnOp>(op)) {
      SmallVector<Tensor> outputs;
      for (Value value : returnOp.getOperands())
        outputs.push_back(lookup(value));
      return outputs;
    }
    bool isKnown =
        isa<arith::ConstantOp>(op) || isa<nas::NasDialect>(op.getDialect());
    if (!isKnown || op.getNumResults() != 1)
      return op.emitError()
             << "reference evaluator does not support '" << op.getName() << "'";
    if (failed(checkTypes(&op)))
      return failure();
    FailureOr<Tensor> result = evaluate(&op);
    if (failed(result))
      return failure();
    if (failed(checkShape(&op, *result)))
      return failure();
    results[op.getResult(0)] = std::make_unique<Tensor>(
        finish(std::move(*result), op.getResult(0).getType()));
    for (Value operand : op.getOperands())
      if (lastUser.lookup(operand) == &op)
        results.erase(operand);
  }
  return func.emitError() << "reference evaluator found no func.return";
}

FailureOr<SmallVector<Tensor>>
nas::reference::evaluateFunction(func::FuncOp func,
                                 ArrayRef<Tensor> arguments) {
  if (arguments.size() != func.getNumArguments())
    return func.emitError()
           << "reference evaluator expected " << func.getNumArguments()
           << " arguments, got " << arguments.size();
  for (auto [index, type, tensor] :
       llvm::enumerate(func.getArgumentTypes(), arguments)) {
    auto tensorType = dyn_cast<RankedTensorType>(type);
    if (!tensorType || tensorType.getShape() != ArrayRef(tensor.shape) ||
        static_cast<int64_t>(tensor.data.size()) != tensor.getNumElements())
      return func.emitError() << "reference evaluator expected argument #"
                              << index << " to match type " << type;
  }
  return Interpreter(func, arguments).run();
}
