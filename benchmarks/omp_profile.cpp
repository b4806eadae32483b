// An OMPT tool that measures, for every OpenMP worksharing loop of a
// program, how long each thread runs its share and how long it then waits
// at the loop's barrier. Build it as a shared library and load it with
// OMP_TOOL_LIBRARIES (LLVM's libomp):
//
//   g++ -O2 -std=c++17 -shared -fPIC -o omp-profile.so omp_profile.cpp
//       -idirafter /usr/lib/llvm-22/lib/clang/22/include
//   OMP_TOOL_LIBRARIES=$PWD/omp-profile.so nas-run model.mlir --threads=2
//
// At exit it prints one line per loop, in the order in which the loops
// first ran, to the file that NAS_OMP_PROFILE_OUTPUT names, or else to
// standard error:
//
//   omp-profile: loop 3 calls 11 iterations 56 work 812.4 790.1 wait 2.3 24.8
//
// with the total microseconds of each thread (team index 0, 1, ...) in the
// loop and at its barrier over all calls. A last line gives the number of
// parallel regions. `benchmarks/run.sh --thread-profile` reads these
// lines.

#include <omp-tools.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace {

constexpr int kMaxThreads = 64;

/// Totals of one worksharing loop, identified by its return address.
struct Loop {
  const void *address = nullptr;
  unsigned long calls = 0;
  unsigned long iterations = 0;
  double work[kMaxThreads] = {};
  double wait[kMaxThreads] = {};
};

std::mutex loopsMutex;
// A deque, whose elements stay where they are when it grows.
std::deque<Loop> *loops;
std::atomic<unsigned long> regions{0};
int threadCount = 0;

/// State of the calling thread: its team index, the loop it runs or ran
/// last, and when its current loop or barrier began.
thread_local int teamIndex = -1;
thread_local Loop *currentLoop = nullptr;
thread_local double loopStart = 0.0;
thread_local double waitStart = 0.0;

double nowMicroseconds() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::micro>(
             Clock::now().time_since_epoch())
      .count();
}

/// Returns the totals of the loop at `address`, created on first use. Each
/// thread keeps the loops it has seen, so only first uses take the lock.
Loop *findLoop(const void *address) {
  thread_local std::unordered_map<const void *, Loop *> seen;
  auto it = seen.find(address);
  if (it != seen.end())
    return it->second;
  std::lock_guard<std::mutex> lock(loopsMutex);
  Loop *found = nullptr;
  for (Loop &loop : *loops)
    if (loop.address == address)
      found = &loop;
  if (!found) {
    loops->emplace_back();
    found = &loops->back();
    found->address = address;
  }
  seen[address] = found;
  return found;
}

void onImplicitTask(ompt_scope_endpoint_t endpoint, ompt_data_t *,
                    ompt_data_t *, unsigned int, unsigned int index,
                    int flags) {
  if (endpoint == ompt_scope_begin && (flags & ompt_task_implicit) &&
      index < static_cast<unsigned>(kMaxThreads)) {
    teamIndex = static_cast<int>(index);
    std::lock_guard<std::mutex> lock(loopsMutex);
    if (teamIndex + 1 > threadCount)
      threadCount = teamIndex + 1;
  }
}

void onWork(ompt_work_t kind, ompt_scope_endpoint_t endpoint, ompt_data_t *,
            ompt_data_t *, uint64_t count, const void *address) {
  if (teamIndex < 0 ||
      (kind != ompt_work_loop && kind != ompt_work_loop_static &&
       kind != ompt_work_loop_dynamic && kind != ompt_work_loop_guided &&
       kind != ompt_work_loop_other))
    return;
  if (endpoint == ompt_scope_begin) {
    // Each thread writes only its own entries, and thread 0 the counts.
    currentLoop = findLoop(address);
    loopStart = nowMicroseconds();
    if (teamIndex == 0)
      currentLoop->iterations = count;
    return;
  }
  if (!currentLoop)
    return;
  currentLoop->work[teamIndex] += nowMicroseconds() - loopStart;
  if (teamIndex == 0)
    ++currentLoop->calls;
}

void onSyncWait(ompt_sync_region_t kind, ompt_scope_endpoint_t endpoint,
                ompt_data_t *, ompt_data_t *, const void *) {
  // OpenMP 5.1 reports the barrier that ends a loop as an implicit
  // workshare barrier; a runtime may still use the older implicit kind.
  if (teamIndex < 0 || (kind != ompt_sync_region_barrier_implicit_workshare &&
                        kind != ompt_sync_region_barrier_implicit))
    return;
  if (endpoint == ompt_scope_begin) {
    waitStart = nowMicroseconds();
    return;
  }
  if (!currentLoop)
    return;
  currentLoop->wait[teamIndex] += nowMicroseconds() - waitStart;
}

void onParallelBegin(ompt_data_t *, const ompt_frame_t *, ompt_data_t *,
                     unsigned int, int, const void *) {
  ++regions;
}

int initialize(ompt_function_lookup_t lookup, int, ompt_data_t *) {
  auto setCallback =
      reinterpret_cast<ompt_set_callback_t>(lookup("ompt_set_callback"));
  if (!setCallback)
    return 0;
  loops = new std::deque<Loop>();
  setCallback(ompt_callback_implicit_task,
              reinterpret_cast<ompt_callback_t>(onImplicitTask));
  setCallback(ompt_callback_work, reinterpret_cast<ompt_callback_t>(onWork));
  setCallback(ompt_callback_sync_region_wait,
              reinterpret_cast<ompt_callback_t>(onSyncWait));
  setCallback(ompt_callback_parallel_begin,
              reinterpret_cast<ompt_callback_t>(onParallelBegin));
  return 1;
}

void finalize(ompt_data_t *) {
  std::FILE *out = stderr;
  if (const char *path = std::getenv("NAS_OMP_PROFILE_OUTPUT")) {
    out = std::fopen(path, "w");
    if (!out) {
      std::fprintf(stderr, "omp-profile: error: cannot open %s: %s\n", path,
                   std::strerror(errno));
      return;
    }
  }
  int index = 0;
  for (const Loop &loop : *loops) {
    std::fprintf(out, "omp-profile: loop %d calls %lu iterations %lu work",
                 index++, loop.calls, loop.iterations);
    for (int thread = 0; thread < threadCount; ++thread)
      std::fprintf(out, " %.1f", loop.work[thread]);
    std::fprintf(out, " wait");
    for (int thread = 0; thread < threadCount; ++thread)
      std::fprintf(out, " %.1f", loop.wait[thread]);
    std::fprintf(out, "\n");
  }
  std::fprintf(out, "omp-profile: regions %lu threads %d\n", regions.load(),
               threadCount);
  if (out != stderr)
    std::fclose(out);
}

} // namespace

extern "C" ompt_start_tool_result_t *ompt_start_tool(unsigned int,
                                                     const char *) {
  static ompt_start_tool_result_t result = {initialize, finalize, {0}};
  return &result;
}
