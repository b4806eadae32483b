//===- CpuTarget.cpp - vector and cache parameters of a CPU ---------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/CpuTarget.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/X86TargetParser.h"

#include <unistd.h>

using namespace mlir;

namespace {

/// Sets the vector width and register count from the x86 `features` (with
/// all implied features set).
void setVectorParameters(nas::CpuTarget &target,
                         const llvm::StringMap<bool> &features) {
  auto has = [&](llvm::StringRef name) { return features.lookup(name); };
  if (has("avx512f")) {
    target.vectorBits = 512;
    target.vectorRegisters = 32;
  } else if (has("avx")) {
    target.vectorBits = 256;
    target.vectorRegisters = 16;
  } else {
    target.vectorBits = 128;
    target.vectorRegisters = 16;
  }
}

/// Returns `features` as an LLVM feature string, sorted by name.
std::string joinFeatures(const llvm::StringMap<bool> &features) {
  std::vector<std::string> entries;
  for (const auto &entry : features)
    entries.push_back((entry.getValue() ? "+" : "-") + entry.getKey().str());
  std::sort(entries.begin(), entries.end());
  std::string joined;
  for (const std::string &entry : entries) {
    if (!joined.empty())
      joined += ",";
    joined += entry;
  }
  return joined;
}

/// Reads the data cache sizes of the machine that runs the compiler.
/// Returns false when the C library does not report them.
bool readHostCacheSizes(nas::CpuTarget &target) {
#if defined(_SC_LEVEL1_DCACHE_SIZE) && defined(_SC_LEVEL2_CACHE_SIZE)
  long l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE);
  long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  if (l1 <= 0 || l2 <= 0)
    return false;
  target.l1CacheBytes = l1;
  target.l2CacheBytes = l2;
#if defined(_SC_LEVEL1_DCACHE_ASSOC) && defined(_SC_LEVEL1_DCACHE_LINESIZE)
  long ways = sysconf(_SC_LEVEL1_DCACHE_ASSOC);
  long line = sysconf(_SC_LEVEL1_DCACHE_LINESIZE);
  // An unknown associativity (0) or sets that do not divide the cache keep
  // the defaults.
  if (ways > 0 && line > 0 && l1 % (ways * line) == 0) {
    target.l1Ways = ways;
    target.cacheLineBytes = line;
  }
#endif
  return true;
#else
  return false;
#endif
}

} // namespace

FailureOr<nas::CpuTarget> nas::lookupCpuTarget(llvm::StringRef cpu) {
  CpuTarget target;
  llvm::StringMap<bool> features;
  if (cpu == "host") {
    target.cpuName = llvm::sys::getHostCPUName().str();
    for (const auto &entry : llvm::sys::getHostCPUFeatures())
      features[entry.getKey()] = entry.getValue();
    // NOTE: without cache sizes from the C library, the defaults of
    // CpuTarget (32 KiB 8-way L1, 256 KiB L2, 64-byte lines) apply, which
    // are at or below the sizes of x86-64 cores since 2008.
    readHostCacheSizes(target);
  } else {
    if (llvm::X86::parseArchX86(cpu, /*Only64Bit=*/true) == llvm::X86::CK_None)
      return failure();
    target.cpuName = cpu.str();
    llvm::SmallVector<llvm::StringRef> names;
    llvm::X86::getFeaturesForCPU(cpu, names);
    // getFeaturesForCPU lists the defining features only: x86-64-v4 lists
    // avx512vl but not the avx512f that it implies.
    for (llvm::StringRef name : names)
      llvm::X86::updateImpliedFeatures(name, /*Enabled=*/true, features);
  }
  setVectorParameters(target, features);
  target.features = joinFeatures(features);
  return target;
}

FailureOr<nas::CpuTarget> nas::lookupCpuTarget(llvm::StringRef cpu,
                                               Operation *op) {
  FailureOr<CpuTarget> target = lookupCpuTarget(cpu);
  if (failed(target))
    op->emitError() << "unknown CPU '" << cpu
                    << "', expected 'host' or an LLVM x86-64 CPU name "
                    << "such as 'x86-64-v2' or 'znver4'";
  return target;
}
