//===- ArgumentFill.h - deterministic argument values for nas-run -*- C++
//-*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// nas-run fills every function argument with uniform random values whose
// range depends on the argument's role, found from the nas op operand it
// feeds, so that activations stay of order 1 through deep networks.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_TOOLS_NASRUN_ARGUMENTFILL_H
#define NAS_TOOLS_NASRUN_ARGUMENTFILL_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace nas {

/// The uniform distribution used for one argument.
struct FillRange {
  /// Short name of the role, such as "conv weight" or "input".
  llvm::StringRef role;
  double low;
  double high;
};

/// Returns the fill range of a function argument from its first use that
/// has a known role:
///   - weight of a convolution, fully connected layer or block:
///     [-a, a] with a = sqrt(6 / fan_in) (He-uniform), where fan_in is the
///     product of the weight dimensions after the first (C/groups * KH * KW
///     for a convolution, c_in for a fully connected layer);
///   - bias of those ops, batch norm bias and mean: [-0.1, 0.1];
///   - batch norm scale and variance: [0.5, 1.5];
///   - anything else (the network input): [-1, 1].
FillRange getFillRange(mlir::BlockArgument argument);

/// The splitmix64 generator: a 64-bit counter advanced by 0x9e3779b97f4a7c15
/// and passed through a bit mixer.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t state) : state(state) {}

  /// Returns the next 64 random bits.
  uint64_t next();

  /// Returns a value uniform in [0, 1) with 24 random bits, so that it is
  /// exact as a float.
  double nextUnit() { return static_cast<double>(next() >> 40) * 0x1p-24; }

private:
  uint64_t state;
};

/// Returns the generator for argument `index` under `seed`: its state is
/// the splitmix64 output mix of seed + (index + 1) * 0x9e3779b97f4a7c15, so
/// each argument has its own stream.
SplitMix64 makeArgumentGenerator(uint64_t seed, unsigned index);

} // namespace nas

#endif // NAS_TOOLS_NASRUN_ARGUMENTFILL_H
