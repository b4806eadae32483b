//===- kernel_ceiling.cpp - throughput of the convolution inner loop ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Measures how fast this core runs the inner loop of a register-blocked
// convolution or matmul kernel, without the rest of the kernel. Each step
// of the loop loads V weight vectors from a row of a weight panel,
// broadcasts one input element of each of P pixels and does P x V FMAs into
// P x V accumulator registers. nas-tile-and-vectorize emits this loop for a
// block of P pixels by V vectors, and oneDNN's AVX-512 convolution kernels
// run the same one (docs/benchmarks.md). The loop sweeps over the panel's
// rows again and again, so the panel size decides where the weights come
// from: a panel of 16 KiB stays in the L1 cache, one of 144 KiB (the 3x3
// convolution from 64 to 64 channels) comes from L2. The input elements
// always come from L1. With `prefetch`, each step also prefetches the
// weight row 16 steps ahead, one `prefetcht0` per cache line, as
// nas-prefetch-weights does. The `registers` loop of each block reads
// nothing from memory: its FMAs and loop counter alone give the block's
// own peak.
//
// A layer runs this loop and more (the tile loops, the accumulator stores
// and the input's cache misses), so these figures estimate the most that
// a layer with the same block can reach. Each figure is GFLOP/s of thread
// CPU time, the best of several trials, as in fma_peak.cpp. The loops
// alternate within each trial, so a change of the clock affects them all.
//
// Output, one `key: value` line each, read by benchmarks/harness.py:
//
//   isa: avx512
//   ceiling 6x4 registers: 215.3
//   ceiling 6x4 l1: 193.7
//   ...
//
// Only AVX-512 blocks are measured. On other CPUs the program prints
// `isa: none` and no loop.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <immintrin.h>
#include <time.h>

namespace {

constexpr int kLanes = 16;
/// Input channels per pixel: the step index modulo this count picks the
/// broadcast element, and pixels are this many floats apart (1 KiB), as in
/// an N x H x W x C activation of 256 channels.
constexpr int kInputChannels = 256;
/// Steps between a prefetch and the load of the same row.
constexpr int kPrefetchDistance = 16;

/// Returns the CPU time of the calling thread in seconds.
double getThreadCpuSeconds() {
  timespec time;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
  return static_cast<double>(time.tv_sec) + 1e-9 * time.tv_nsec;
}

/// Memory traffic of one step of the loop.
enum class Memory {
  /// Nothing: the weights and the broadcast value stay in registers, so
  /// the loop runs only its FMAs and the loop counter.
  None,
  /// The weight row and the P input elements.
  Loads,
  /// The same, and one prefetch per cache line of the row 16 steps ahead.
  LoadsAndPrefetch,
};

/// Runs `sweeps` passes over the `rows` rows of `panel` (each V vectors
/// wide, `rowFloats` apart) with a block of P x V accumulators, and returns
/// a value computed from every accumulator so that none is dropped.
template <int P, int V, Memory M>
__attribute__((target("avx512f"), noinline)) float
runBlock(const float *panel, int64_t rows, int64_t rowFloats,
         const float *input, int64_t sweeps) {
  // Distinct start values keep the compiler from merging accumulators
  // whose updates are alike (those of the `None` loop).
  __m512 acc[P][V];
#pragma GCC unroll 16
  for (int p = 0; p < P; ++p)
#pragma GCC unroll 4
    for (int v = 0; v < V; ++v)
      acc[p][v] = _mm512_set1_ps(1e-3f * static_cast<float>(p * V + v));
  for (int64_t sweep = 0; sweep < sweeps; ++sweep) {
    const float *row = panel;
    __m512 weights[V];
#pragma GCC unroll 4
    for (int v = 0; v < V; ++v)
      weights[v] = _mm512_load_ps(row + v * kLanes);
    for (int64_t r = 0; r < rows; ++r, row += rowFloats) {
#pragma GCC unroll 4
      for (int v = 0; v < V; ++v) {
        if (M == Memory::None)
          // An empty asm statement that may change the register keeps the
          // compiler from folding the steps together.
          asm volatile("" : "+v"(weights[v]));
        else
          weights[v] = _mm512_load_ps(row + v * kLanes);
      }
      if (M == Memory::LoadsAndPrefetch) {
        // prepare() allocates kPrefetchDistance rows of slack after the
        // panel, for these addresses.
#pragma GCC unroll 4
        for (int v = 0; v < V; ++v)
          _mm_prefetch(reinterpret_cast<const char *>(
                           row + kPrefetchDistance * rowFloats + v * kLanes),
                       _MM_HINT_T0);
      }
      const float *element = input + (r & (kInputChannels - 1));
#pragma GCC unroll 16
      for (int p = 0; p < P; ++p) {
        __m512 broadcast = M == Memory::None
                               ? weights[p % V]
                               : _mm512_set1_ps(element[p * kInputChannels]);
#pragma GCC unroll 4
        for (int v = 0; v < V; ++v)
          acc[p][v] = _mm512_fmadd_ps(broadcast, weights[v], acc[p][v]);
      }
    }
  }
  __m512 sum = _mm512_setzero_ps();
  for (int p = 0; p < P; ++p)
    for (int v = 0; v < V; ++v)
      sum = _mm512_add_ps(sum, acc[p][v]);
  float lanes[kLanes];
  _mm512_storeu_ps(lanes, sum);
  float total = 0.0f;
  for (float lane : lanes)
    total += lane;
  return total;
}

using Kernel = float (*)(const float *, int64_t, int64_t, const float *,
                         int64_t);

/// One loop to measure, with its buffers and its calibrated length.
struct Case {
  const char *name;
  int pixels;
  int vectors;
  /// Panel bytes; the row count is this divided by the row's bytes.
  int64_t panelBytes;
  Kernel kernel;
  int64_t rows = 0;
  int64_t rowFloats = 0;
  std::vector<float> storage;
  float *panel = nullptr;
  float *input = nullptr;
  int64_t sweeps = 1;
  double bestGflops = 0.0;
};

/// Returns the first 64-byte aligned address at or after element `offset`
/// of `storage`.
float *alignTo64(std::vector<float> &storage, size_t offset) {
  auto address = reinterpret_cast<uintptr_t>(storage.data() + offset);
  return reinterpret_cast<float *>((address + 63) / 64 * 64);
}

/// Runs `c` once and returns its GFLOP/s in thread CPU time.
double runOnce(Case &c) {
  static volatile float sink = 0.0f;
  double start = getThreadCpuSeconds();
  sink = sink + c.kernel(c.panel, c.rows, c.rowFloats, c.input, c.sweeps);
  double elapsed = std::max(getThreadCpuSeconds() - start, 1e-9);
  double flops = 2.0 * kLanes * c.pixels * c.vectors * c.rows * c.sweeps;
  return flops / elapsed * 1e-9;
}

/// Allocates and fills the buffers of `c` and sets its sweep count so
/// that one run takes about `seconds`.
void prepare(Case &c, double seconds) {
  c.rowFloats = static_cast<int64_t>(c.vectors) * kLanes;
  c.rows = c.panelBytes / (c.rowFloats * static_cast<int64_t>(sizeof(float)));
  // The panel is followed by kPrefetchDistance rows of slack, so that the
  // prefetched addresses stay inside the allocation.
  size_t panelFloats =
      static_cast<size_t>((c.rows + kPrefetchDistance) * c.rowFloats);
  size_t inputFloats = static_cast<size_t>(c.pixels) * kInputChannels;
  c.storage.assign(panelFloats + inputFloats + 32, 0.0f);
  c.panel = alignTo64(c.storage, 0);
  c.input = alignTo64(c.storage, panelFloats + 16);
  // Small values keep the accumulators finite and normal.
  for (size_t i = 0; i < panelFloats; ++i)
    c.panel[i] = 1e-6f * static_cast<float>(i % 7);
  for (size_t i = 0; i < inputFloats; ++i)
    c.input[i] = 1e-3f * static_cast<float>(i % 5);
  // A short first run calibrates the length and warms the caches.
  c.sweeps = std::max<int64_t>(1, 1000000 / c.rows);
  double gflops = runOnce(c);
  double flopsPerSweep = 2.0 * kLanes * c.pixels * c.vectors * c.rows;
  c.sweeps = std::max<int64_t>(
      1, static_cast<int64_t>(seconds * gflops * 1e9 / flopsPerSweep));
}

void printUsage() {
  std::fprintf(stderr,
               "usage: kernel-ceiling [--seconds=S] [--trials=N]\n"
               "  --seconds  CPU seconds of one trial (default 0.1)\n"
               "  --trials   trials per figure; the maximum is reported "
               "(default 5)\n");
}

} // namespace

int main(int argc, char **argv) {
  double seconds = 0.1;
  int trials = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char *prefix) -> const char * {
      size_t length = std::strlen(prefix);
      return arg.compare(0, length, prefix) == 0 ? argv[i] + length : nullptr;
    };
    if (const char *v = value("--seconds="))
      seconds = std::atof(v);
    else if (const char *v = value("--trials="))
      trials = std::atoi(v);
    else {
      std::fprintf(stderr, "kernel-ceiling: error: unknown argument '%s'\n",
                   arg.c_str());
      printUsage();
      return 2;
    }
  }
  if (seconds <= 0.0 || trials < 1) {
    std::fprintf(stderr, "kernel-ceiling: error: expected --seconds > 0 and "
                         "--trials >= 1\n");
    return 2;
  }

  __builtin_cpu_init();
  if (!__builtin_cpu_supports("avx512f")) {
    std::printf("isa: none\n");
    return 0;
  }
  std::printf("isa: avx512\n");

  // 6x4 is the block of the 3x3 and 1x1 convolutions with 64 output
  // channels at 56x56, and 14x2 the one of the 3x3 convolution from 256 to
  // 256 channels at 14x14, whose 32-channel panel has 288 KiB.
  std::vector<Case> cases;
  auto add = [&](const char *name, int pixels, int vectors, int64_t panelBytes,
                 Kernel kernel) {
    Case c;
    c.name = name;
    c.pixels = pixels;
    c.vectors = vectors;
    c.panelBytes = panelBytes;
    c.kernel = kernel;
    cases.push_back(std::move(c));
  };
  add("6x4 registers", 6, 4, 16 << 10, runBlock<6, 4, Memory::None>);
  add("6x4 l1", 6, 4, 16 << 10, runBlock<6, 4, Memory::Loads>);
  add("6x4 l1 prefetch", 6, 4, 16 << 10,
      runBlock<6, 4, Memory::LoadsAndPrefetch>);
  add("6x4 l2", 6, 4, 144 << 10, runBlock<6, 4, Memory::Loads>);
  add("6x4 l2 prefetch", 6, 4, 144 << 10,
      runBlock<6, 4, Memory::LoadsAndPrefetch>);
  add("14x2 registers", 14, 2, 8 << 10, runBlock<14, 2, Memory::None>);
  add("14x2 l1", 14, 2, 8 << 10, runBlock<14, 2, Memory::Loads>);
  add("14x2 l2 prefetch", 14, 2, 288 << 10,
      runBlock<14, 2, Memory::LoadsAndPrefetch>);
  for (Case &c : cases)
    prepare(c, seconds);
  for (int t = 0; t < trials; ++t)
    for (Case &c : cases)
      c.bestGflops = std::max(c.bestGflops, runOnce(c));
  for (const Case &c : cases)
    std::printf("ceiling %s: %.1f\n", c.name, c.bestGflops);
  return 0;
}
