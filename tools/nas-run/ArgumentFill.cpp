//===- ArgumentFill.cpp - deterministic argument values for nas-run -------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ArgumentFill.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <optional>

using namespace mlir;
using namespace nas;

namespace {

constexpr uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// Returns the He-uniform range for a weight whose dimensions after the
/// first are its fan-in.
FillRange weightRange(Value weight) {
  auto type = cast<ShapedType>(weight.getType());
  int64_t fanIn = 1;
  for (int64_t size : type.getShape().drop_front())
    fanIn *= size;
  double bound =
      std::sqrt(6.0 / static_cast<double>(std::max<int64_t>(fanIn, 1)));
  return {"weight", -bound, bound};
}

constexpr FillRange kBiasRange = {"bias", -0.1, 0.1};

/// Returns the role of `value` as an operand of `op`, if it has a known one.
std::optional<FillRange> getRoleInOp(Operation *op, Value value) {
  return llvm::TypeSwitch<Operation *, std::optional<FillRange>>(op)
      .Case<Conv2DOp, FullyConnectedOp>(
          [&](auto op) -> std::optional<FillRange> {
            if (value == op.getWeight())
              return weightRange(value);
            if (value == op.getBias())
              return kBiasRange;
            return std::nullopt;
          })
      .Case([&](BatchNormOp op) -> std::optional<FillRange> {
        if (value == op.getScale())
          return FillRange{"batch norm scale", 0.5, 1.5};
        if (value == op.getBias())
          return FillRange{"batch norm bias", -0.1, 0.1};
        if (value == op.getMean())
          return FillRange{"batch norm mean", -0.1, 0.1};
        if (value == op.getVariance())
          return FillRange{"batch norm variance", 0.5, 1.5};
        return std::nullopt;
      })
      .Case([&](BottleneckOp op) -> std::optional<FillRange> {
        for (Value weight : {op.getReduceWeight(), op.getConvWeight(),
                             op.getExpandWeight(), op.getProjectionWeight()})
          if (weight && value == weight)
            return weightRange(value);
        for (Value bias : {op.getReduceBias(), op.getConvBias(),
                           op.getExpandBias(), op.getProjectionBias()})
          if (bias && value == bias)
            return kBiasRange;
        return std::nullopt;
      })
      .Case([&](InvertedResidualOp op) -> std::optional<FillRange> {
        for (Value weight : {op.getExpandWeight(), op.getDepthwiseWeight(),
                             op.getProjectWeight()})
          if (weight && value == weight)
            return weightRange(value);
        for (Value bias :
             {op.getExpandBias(), op.getDepthwiseBias(), op.getProjectBias()})
          if (bias && value == bias)
            return kBiasRange;
        return std::nullopt;
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace

FillRange nas::getFillRange(BlockArgument argument) {
  for (Operation *user : argument.getUsers())
    if (std::optional<FillRange> range = getRoleInOp(user, argument))
      return *range;
  return {"input", -1.0, 1.0};
}

uint64_t SplitMix64::next() {
  state += kGoldenGamma;
  return mix64(state);
}

SplitMix64 nas::makeArgumentGenerator(uint64_t seed, unsigned index) {
  return SplitMix64(
      mix64(seed + (static_cast<uint64_t>(index) + 1) * kGoldenGamma));
}
