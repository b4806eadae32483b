//===- CpuTarget.h - vector and cache parameters of a CPU -------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The parameters of a CPU that the code generation derives tile sizes from:
// the vector width, the number of vector registers and the cache sizes.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_CPUTARGET_H
#define NAS_CONVERSION_CPUTARGET_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace nas {

/// Vector and cache parameters of a CPU, for choosing tile sizes.
struct CpuTarget {
  /// LLVM name of the CPU (for "host", the detected name).
  std::string cpuName;
  /// LLVM feature string of the CPU, such as "+avx2,+fma,-avx512f".
  std::string features;
  /// Width in bits of the widest vector register that the code uses.
  unsigned vectorBits = 128;
  /// Number of vector registers of that width.
  unsigned vectorRegisters = 16;
  /// Size in bytes of the level 1 data cache of one core.
  int64_t l1CacheBytes = 32 * 1024;
  /// Size in bytes of the level 2 cache of one core.
  int64_t l2CacheBytes = 256 * 1024;
  /// Number of ways of the level 1 data cache: the lines that one set holds.
  int64_t l1Ways = 8;
  /// Size in bytes of a cache line.
  int64_t cacheLineBytes = 64;

  /// Returns the number of elements of `bitWidth` bits in one vector
  /// register.
  int64_t getLanes(unsigned bitWidth) const { return vectorBits / bitWidth; }
};

/// Returns the parameters of the CPU named `cpu`: "host" for the machine
/// that runs the compiler, or an LLVM x86-64 CPU name such as "x86-64-v2",
/// "x86-64-v4", "skylake-avx512" or "znver4". Returns failure for a name
/// that LLVM's x86 target parser does not know.
mlir::FailureOr<CpuTarget> lookupCpuTarget(llvm::StringRef cpu);

/// Returns the parameters of the CPU named `cpu`, as lookupCpuTarget does,
/// or emits an error on `op` naming the unknown CPU and the accepted names
/// and returns failure.
mlir::FailureOr<CpuTarget> lookupCpuTarget(llvm::StringRef cpu,
                                           mlir::Operation *op);

} // namespace nas

#endif // NAS_CONVERSION_CPUTARGET_H
