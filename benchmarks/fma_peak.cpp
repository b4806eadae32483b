//===- fma_peak.cpp - measured fp32 FMA throughput of this CPU ------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Measures the fp32 fused multiply-add peak of the host, one thread per core:
//
//   GFLOP/s = cores x frequency x FMA instructions per cycle x lanes x 2
//
// Every factor except the lane count is measured, in thread CPU time so that
// other processes sharing the cores lower the figures less:
// - the frequency from a chain of dependent register adds, one per cycle.
//   It is the clock of scalar code: a core that slows its clock under
//   512-bit FMA load shows that as fewer FMA instructions per cycle;
// - the FMA rate from 16 (AVX-512) or 14 (AVX2) independent accumulator
//   chains, more than the 8 in flight that 2 pipes of latency 4 need.
// The AVX-512 kernel (16 lanes) runs when the CPU has AVX512F, else the AVX2
// kernel (8 lanes) when it has AVX2 and FMA; `--isa` picks one by name. Each
// figure is the maximum of several trials, since load only lowers it.
//
// Output, one `key: value` line each, read by benchmarks/harness.py:
//
//   isa: avx512
//   lanes: 16
//   frequency ghz: 3.137
//   fma per cycle 1 thread: 1.82
//   peak gflops 1 thread: 182.7
//   formula 1 thread: 1 core x 3.137 GHz x 1.82 FMA/cycle x 16 lanes x 2 = ...
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>

namespace {

/// Independent FMA chains per kernel iteration. AVX2 has 16 ymm registers,
/// two of which hold the multiplier and the addend.
constexpr int kChainsAvx512 = 16;
constexpr int kChainsAvx2 = 14;

/// Runs `iterations` x 16 dependent 64-bit register adds; each add needs the
/// result of the previous one, so the loop takes 16 cycles per iteration.
/// The addend is a register because some cores run chains of immediate adds
/// faster than one a cycle (about 4 a cycle on the Xeon of docs/benchmarks.md).
float runAddChain(uint64_t iterations) {
  uint64_t value = 0;
  uint64_t one = 1;
  asm volatile("1:\n\t"
               "add %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\t"
               "add %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\t"
               "add %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\t"
               "add %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\tadd %2, %0\n\t"
               "dec %1\n\t"
               "jnz 1b\n\t"
               : "+r"(value), "+r"(iterations)
               : "r"(one)
               : "cc");
  return static_cast<float>(value);
}

/// Runs `iterations` x 16 fp32 FMAs on 512-bit vectors, one per chain.
/// Returns a value computed from every accumulator so none is dropped.
__attribute__((target("avx512f"))) float runFmaAvx512(uint64_t iterations) {
  const __m512 a = _mm512_set1_ps(0.999999f);
  const __m512 b = _mm512_set1_ps(1e-6f);
  __m512 acc[kChainsAvx512];
  for (int i = 0; i < kChainsAvx512; ++i)
    acc[i] = _mm512_set1_ps(static_cast<float>(i));
  for (uint64_t n = 0; n < iterations; ++n) {
#pragma GCC unroll 16
    for (int i = 0; i < kChainsAvx512; ++i)
      acc[i] = _mm512_fmadd_ps(acc[i], a, b);
  }
  __m512 sum = acc[0];
  for (int i = 1; i < kChainsAvx512; ++i)
    sum = _mm512_add_ps(sum, acc[i]);
  float lanes[16];
  _mm512_storeu_ps(lanes, sum);
  float total = 0.0f;
  for (float lane : lanes)
    total += lane;
  return total;
}

/// Runs `iterations` x 14 fp32 FMAs on 256-bit vectors, one per chain.
__attribute__((target("avx2,fma"))) float runFmaAvx2(uint64_t iterations) {
  const __m256 a = _mm256_set1_ps(0.999999f);
  const __m256 b = _mm256_set1_ps(1e-6f);
  __m256 acc[kChainsAvx2];
  for (int i = 0; i < kChainsAvx2; ++i)
    acc[i] = _mm256_set1_ps(static_cast<float>(i));
  for (uint64_t n = 0; n < iterations; ++n) {
#pragma GCC unroll 14
    for (int i = 0; i < kChainsAvx2; ++i)
      acc[i] = _mm256_fmadd_ps(acc[i], a, b);
  }
  __m256 sum = acc[0];
  for (int i = 1; i < kChainsAvx2; ++i)
    sum = _mm256_add_ps(sum, acc[i]);
  float lanes[8];
  _mm256_storeu_ps(lanes, sum);
  float total = 0.0f;
  for (float lane : lanes)
    total += lane;
  return total;
}

enum class Isa { Avx512, Avx2 };

int getLanes(Isa isa) { return isa == Isa::Avx512 ? 16 : 8; }

int getChains(Isa isa) {
  return isa == Isa::Avx512 ? kChainsAvx512 : kChainsAvx2;
}

const char *getIsaName(Isa isa) {
  return isa == Isa::Avx512 ? "avx512" : "avx2";
}

/// Pins the calling thread to CPU `cpu`; a failure only costs accuracy.
void pinToCpu(unsigned cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

/// Returns the CPU time of the calling thread in seconds.
double getThreadCpuSeconds() {
  timespec time;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
  return static_cast<double>(time.tv_sec) + 1e-9 * time.tv_nsec;
}

/// Runs `work(iterations)` on `threads` threads started together, one per
/// CPU, and returns the sum over threads of iterations per CPU second. CPU
/// time rather than wall time leaves out the periods in which another
/// process had the core, so the result is the rate of the core itself.
template <typename Work>
double runOnThreads(unsigned threads, uint64_t iterations, Work work) {
  std::atomic<unsigned> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  std::vector<double> rates(threads);
  std::vector<float> sinks(threads);

  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      pinToCpu(t);
      ready.fetch_add(1);
      while (!go.load())
        std::this_thread::yield();
      double start = getThreadCpuSeconds();
      sinks[t] = work(iterations);
      rates[t] =
          static_cast<double>(iterations) / (getThreadCpuSeconds() - start);
    });
  while (ready.load() != threads)
    std::this_thread::yield();
  go.store(true);
  for (std::thread &thread : pool)
    thread.join();

  // Keeping the kernels' results live stops dead-code elimination.
  volatile float sink = 0.0f;
  for (float value : sinks)
    sink = sink + value;
  (void)sink;
  double total = 0.0;
  for (double rate : rates)
    total += rate;
  return total;
}

/// Returns the largest of `trials` measurements of `measure()`; background
/// load only ever lowers a throughput, so the maximum is the best estimate.
template <typename Measure> double maxOfTrials(int trials, Measure measure) {
  double best = 0.0;
  for (int i = 0; i < trials; ++i)
    best = std::max(best, measure());
  return best;
}

/// Returns the number of iterations of `work` that take about `seconds` on
/// one thread, from a short first run.
template <typename Work> uint64_t calibrate(double seconds, Work work) {
  uint64_t iterations = 1 << 16;
  double rate = runOnThreads(1, iterations, work);
  return std::max<uint64_t>(iterations, static_cast<uint64_t>(rate * seconds));
}

/// Returns the core clock in Hz from the dependent add chain on one thread.
double measureFrequency(double seconds, int trials) {
  uint64_t iterations = calibrate(seconds, runAddChain);
  return 16.0 * maxOfTrials(trials, [&] {
           return runOnThreads(1, iterations, runAddChain);
         });
}

/// Returns the FMA instructions per second of `threads` threads together.
double measureFmaRate(Isa isa, unsigned threads, double seconds, int trials) {
  auto kernel = isa == Isa::Avx512 ? runFmaAvx512 : runFmaAvx2;
  uint64_t iterations = calibrate(seconds, kernel);
  return getChains(isa) * maxOfTrials(trials, [&] {
           return runOnThreads(threads, iterations, kernel);
         });
}

void printUsage() {
  std::fprintf(stderr,
               "usage: fma-peak [--threads=N] [--seconds=S] [--trials=N] "
               "[--isa=auto|avx512|avx2]\n"
               "  --threads  largest thread count to measure (default 2)\n"
               "  --seconds  CPU seconds of one trial (default 0.1)\n"
               "  --trials   trials per figure; the maximum is reported "
               "(default 5)\n");
}

} // namespace

int main(int argc, char **argv) {
  unsigned maxThreads = 2;
  double seconds = 0.1;
  int trials = 5;
  std::string isaName = "auto";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char *prefix) -> const char * {
      size_t length = std::strlen(prefix);
      return arg.compare(0, length, prefix) == 0 ? argv[i] + length : nullptr;
    };
    if (const char *v = value("--threads="))
      maxThreads = static_cast<unsigned>(std::atoi(v));
    else if (const char *v = value("--seconds="))
      seconds = std::atof(v);
    else if (const char *v = value("--trials="))
      trials = std::atoi(v);
    else if (const char *v = value("--isa="))
      isaName = v;
    else {
      std::fprintf(stderr, "fma-peak: error: unknown argument '%s'\n",
                   arg.c_str());
      printUsage();
      return 2;
    }
  }
  if (maxThreads < 1 || seconds <= 0.0 || trials < 1) {
    std::fprintf(stderr, "fma-peak: error: expected --threads >= 1, "
                         "--seconds > 0 and --trials >= 1\n");
    return 2;
  }

  __builtin_cpu_init();
  bool hasAvx512 = __builtin_cpu_supports("avx512f");
  bool hasAvx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  Isa isa;
  if (isaName == "avx512" || (isaName == "auto" && hasAvx512)) {
    isa = Isa::Avx512;
  } else if (isaName == "avx2" || (isaName == "auto" && hasAvx2)) {
    isa = Isa::Avx2;
  } else {
    std::fprintf(stderr, "fma-peak: error: the CPU has neither AVX-512F nor "
                         "AVX2 with FMA, or --isa is not auto, avx512 or "
                         "avx2\n");
    return 2;
  }
  if ((isa == Isa::Avx512 && !hasAvx512) || (isa == Isa::Avx2 && !hasAvx2)) {
    std::fprintf(stderr, "fma-peak: error: the CPU does not support %s\n",
                 getIsaName(isa));
    return 2;
  }

  double frequency = measureFrequency(seconds, trials);
  std::printf("isa: %s\n", getIsaName(isa));
  std::printf("lanes: %d\n", getLanes(isa));
  std::printf("frequency ghz: %.3f\n", frequency * 1e-9);
  for (unsigned threads = 1; threads <= maxThreads; ++threads) {
    double fmaRate = measureFmaRate(isa, threads, seconds, trials);
    double perCycle = fmaRate / threads / frequency;
    double gflops = 2.0 * getLanes(isa) * fmaRate * 1e-9;
    const char *plural = threads == 1 ? "" : "s";
    std::printf("fma per cycle %u thread%s: %.2f\n", threads, plural, perCycle);
    std::printf("peak gflops %u thread%s: %.1f\n", threads, plural, gflops);
    std::printf("formula %u thread%s: %u core%s x %.3f GHz x %.2f FMA/cycle x "
                "%d lanes x 2 = %.1f GFLOP/s\n",
                threads, plural, threads, plural, frequency * 1e-9, perCycle,
                getLanes(isa), gflops);
  }
  return 0;
}
