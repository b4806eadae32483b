//===- onednn_layer.cpp - time one convolution or FC layer with oneDNN ----===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Times one fp32 inference layer with oneDNN 2.6 (the dnnl C++ API): a 2-D
// convolution or an inner product (fully connected layer), with the bias in
// the primitive and the activation as an eltwise post-op.
//
// oneDNN picks the source, weight and destination layouts (format_tag::any).
// The arguments are filled in NCHW / OIHW / GOIHW exactly as nas-run fills a
// function's arguments (splitmix64 streams, He-uniform weights, seed 0), and
// reordered to the chosen layouts once, before timing. The timed loop runs
// only the primitive. The output is reordered back to NCHW once, after
// timing, for the checksum, which then matches nas-run's on the same layer.
//
// Output, one `key: value` line each, read by benchmarks/harness.py; the
// last line has nas-run's format:
//
//   onednn version: 2.6.3
//   implementation: brgconv:avx512_core
//   threads: 1
//   output: 1x64x56x56
//   checksum: 1.234567e+04
//   abs sum: 1.234567e+04
//   median latency: 0.123 ms (100 runs)
//
//===----------------------------------------------------------------------===//

#include "oneapi/dnnl/dnnl.hpp"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using dnnl::memory;
using Tag = memory::format_tag;

/// Shape and options of the layer to time, from the command line.
struct LayerOptions {
  std::string kind = "conv";
  /// Input N, C, H, W for a convolution; N, C for a fully connected layer.
  std::vector<int64_t> input;
  int64_t filters = 0;
  std::vector<int64_t> kernel = {1, 1};
  std::vector<int64_t> strides = {1, 1};
  /// Top, left, bottom, right, the order of nas.conv2d and ONNX.
  std::vector<int64_t> padding = {0, 0, 0, 0};
  int64_t groups = 1;
  /// none, relu or relu6.
  std::string activation = "none";
  int minRuns = 20;
  int maxRuns = 2000;
  double minSeconds = 0.5;
  int warmupRuns = 3;
};

/// The splitmix64 stream of nas-run's argument `index` for `seed` (see
/// docs/running.md, "Argument values").
class ArgumentStream {
public:
  ArgumentStream(uint64_t seed, unsigned index)
      : state(mix(seed + (static_cast<uint64_t>(index) + 1) * kGamma)) {}

  /// Returns the next value in [0, 1) with 24 random bits.
  double nextUnit() {
    state += kGamma;
    return static_cast<double>(mix(state) >> 40) * 0x1p-24;
  }

private:
  static constexpr uint64_t kGamma = 0x9e3779b97f4a7c15ULL;

  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  uint64_t state;
};

/// Returns `count` values of nas-run's argument `index` in [low, high).
std::vector<float> fillArgument(unsigned index, size_t count, double low,
                                double high) {
  ArgumentStream stream(/*seed=*/0, index);
  std::vector<float> values(count);
  for (float &value : values)
    value = static_cast<float>(low + (high - low) * stream.nextUnit());
  return values;
}

size_t getElementCount(const memory::dims &dims) {
  size_t count = 1;
  for (int64_t size : dims)
    count *= static_cast<size_t>(size);
  return count;
}

/// Parses "a,b,c" or "axbxc" into integers; returns false on a bad number.
bool parseList(const char *text, std::vector<int64_t> &values) {
  values.clear();
  const char *cursor = text;
  while (*cursor) {
    char *end = nullptr;
    long long value = std::strtoll(cursor, &end, 10);
    if (end == cursor)
      return false;
    values.push_back(value);
    cursor = end;
    if (*cursor == ',' || *cursor == 'x')
      ++cursor;
    else if (*cursor)
      return false;
  }
  return !values.empty();
}

void printUsage() {
  std::fprintf(
      stderr,
      "usage: onednn-layer --kind=conv|fc --input=NxCxHxW|NxC --filters=F\n"
      "         [--kernel=KHxKW] [--strides=SH,SW] [--padding=T,L,B,R]\n"
      "         [--groups=G] [--activation=none|relu|relu6]\n"
      "         [--min-runs=N] [--max-runs=N] [--min-seconds=S] "
      "[--warmup=N]\n"
      "Timed runs continue until both --min-runs and --min-seconds are\n"
      "reached, or --max-runs. Threads: OMP_NUM_THREADS.\n");
}

/// Parses the command line into `options`; prints an error and returns
/// false on a bad argument.
bool parseOptions(int argc, char **argv, LayerOptions &options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    size_t equals = arg.find('=');
    if (arg.compare(0, 2, "--") != 0 || equals == std::string::npos) {
      std::fprintf(stderr, "onednn-layer: error: unknown argument '%s'\n",
                   arg.c_str());
      return false;
    }
    std::string name = arg.substr(2, equals - 2);
    const char *value = argv[i] + equals + 1;
    std::vector<int64_t> list;
    bool valid = true;
    if (name == "kind")
      options.kind = value;
    else if (name == "activation")
      options.activation = value;
    else if (name == "input")
      valid = parseList(value, options.input);
    else if (name == "kernel")
      valid = parseList(value, options.kernel) && options.kernel.size() == 2;
    else if (name == "strides")
      valid = parseList(value, options.strides) && options.strides.size() == 2;
    else if (name == "padding")
      valid = parseList(value, options.padding) && options.padding.size() == 4;
    else if (name == "filters" || name == "groups" || name == "min-runs" ||
             name == "max-runs" || name == "warmup") {
      valid = parseList(value, list) && list.size() == 1 && list[0] >= 0;
      if (valid) {
        if (name == "filters")
          options.filters = list[0];
        else if (name == "groups")
          options.groups = list[0];
        else if (name == "min-runs")
          options.minRuns = static_cast<int>(list[0]);
        else if (name == "max-runs")
          options.maxRuns = static_cast<int>(list[0]);
        else
          options.warmupRuns = static_cast<int>(list[0]);
      }
    } else if (name == "min-seconds") {
      options.minSeconds = std::atof(value);
    } else {
      std::fprintf(stderr, "onednn-layer: error: unknown option '--%s'\n",
                   name.c_str());
      return false;
    }
    if (!valid) {
      std::fprintf(stderr, "onednn-layer: error: invalid value '%s' for --%s\n",
                   value, name.c_str());
      return false;
    }
  }
  size_t inputRank = options.kind == "conv" ? 4 : 2;
  if (options.kind != "conv" && options.kind != "fc") {
    std::fprintf(stderr,
                 "onednn-layer: error: expected --kind=conv or "
                 "--kind=fc, got '%s'\n",
                 options.kind.c_str());
    return false;
  }
  if (options.input.size() != inputRank || options.filters < 1 ||
      options.groups < 1) {
    std::fprintf(stderr,
                 "onednn-layer: error: expected --input with %zu sizes, "
                 "--filters >= 1 and --groups >= 1\n",
                 inputRank);
    return false;
  }
  if (options.activation != "none" && options.activation != "relu" &&
      options.activation != "relu6") {
    std::fprintf(stderr,
                 "onednn-layer: error: expected --activation=none, relu or "
                 "relu6, got '%s'\n",
                 options.activation.c_str());
    return false;
  }
  if (options.minRuns < 1 || options.maxRuns < options.minRuns) {
    std::fprintf(stderr, "onednn-layer: error: expected 1 <= --min-runs <= "
                         "--max-runs\n");
    return false;
  }
  return true;
}

/// Returns the attributes with the activation as an eltwise post-op.
dnnl::primitive_attr makeAttributes(const std::string &activation) {
  dnnl::post_ops postOps;
  if (activation == "relu")
    postOps.append_eltwise(1.0f, dnnl::algorithm::eltwise_relu, 0.0f, 0.0f);
  else if (activation == "relu6")
    postOps.append_eltwise(1.0f, dnnl::algorithm::eltwise_clip, 0.0f, 6.0f);
  dnnl::primitive_attr attributes;
  attributes.set_post_ops(postOps);
  return attributes;
}

/// The primitive to time and the user-layout shapes of its arguments.
struct Layer {
  dnnl::primitive primitive;
  std::string implementation;
  memory::desc src, weights, bias, dst;
  memory::dims userSrcDims, userWeightsDims, userBiasDims, userDstDims;
  Tag userSrcTag, userWeightsTag, userDstTag;
  int64_t fanIn;
};

Layer createConvolution(const LayerOptions &options, const dnnl::engine &cpu) {
  int64_t n = options.input[0], c = options.input[1], h = options.input[2],
          w = options.input[3];
  int64_t f = options.filters, g = options.groups;
  int64_t kh = options.kernel[0], kw = options.kernel[1];
  int64_t oh =
      (h + options.padding[0] + options.padding[2] - kh) / options.strides[0] +
      1;
  int64_t ow =
      (w + options.padding[1] + options.padding[3] - kw) / options.strides[1] +
      1;
  Layer layer;
  layer.userSrcDims = {n, c, h, w};
  layer.userDstDims = {n, f, oh, ow};
  layer.userBiasDims = {f};
  layer.userSrcTag = Tag::nchw;
  layer.userDstTag = Tag::nchw;
  // A grouped weight F x C/G x KH x KW in OIHW order has the same bytes as
  // G x F/G x C/G x KH x KW in GOIHW order.
  if (g == 1) {
    layer.userWeightsDims = {f, c, kh, kw};
    layer.userWeightsTag = Tag::oihw;
  } else {
    layer.userWeightsDims = {g, f / g, c / g, kh, kw};
    layer.userWeightsTag = Tag::goihw;
  }
  layer.fanIn = c / g * kh * kw;

  auto f32 = memory::data_type::f32;
  memory::desc src(layer.userSrcDims, f32, Tag::any);
  memory::desc weights(layer.userWeightsDims, f32, Tag::any);
  memory::desc bias(layer.userBiasDims, f32, Tag::any);
  memory::desc dst(layer.userDstDims, f32, Tag::any);
  dnnl::convolution_forward::desc desc(
      dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
      src, weights, bias, dst, {options.strides[0], options.strides[1]},
      {options.padding[0], options.padding[1]},
      {options.padding[2], options.padding[3]});
  dnnl::convolution_forward::primitive_desc pd(
      desc, makeAttributes(options.activation), cpu);
  layer.primitive = dnnl::convolution_forward(pd);
  layer.implementation = pd.impl_info_str();
  layer.src = pd.src_desc();
  layer.weights = pd.weights_desc();
  layer.bias = pd.bias_desc();
  layer.dst = pd.dst_desc();
  return layer;
}

Layer createInnerProduct(const LayerOptions &options, const dnnl::engine &cpu) {
  int64_t n = options.input[0], c = options.input[1], f = options.filters;
  Layer layer;
  layer.userSrcDims = {n, c};
  layer.userWeightsDims = {f, c};
  layer.userBiasDims = {f};
  layer.userDstDims = {n, f};
  layer.userSrcTag = Tag::nc;
  layer.userWeightsTag = Tag::oi;
  layer.userDstTag = Tag::nc;
  layer.fanIn = c;

  auto f32 = memory::data_type::f32;
  memory::desc src(layer.userSrcDims, f32, Tag::any);
  memory::desc weights(layer.userWeightsDims, f32, Tag::any);
  memory::desc bias(layer.userBiasDims, f32, Tag::any);
  memory::desc dst(layer.userDstDims, f32, Tag::any);
  dnnl::inner_product_forward::desc desc(dnnl::prop_kind::forward_inference,
                                         src, weights, bias, dst);
  dnnl::inner_product_forward::primitive_desc pd(
      desc, makeAttributes(options.activation), cpu);
  layer.primitive = dnnl::inner_product_forward(pd);
  layer.implementation = pd.impl_info_str();
  layer.src = pd.src_desc();
  layer.weights = pd.weights_desc();
  layer.bias = pd.bias_desc();
  layer.dst = pd.dst_desc();
  return layer;
}

/// Returns a memory in the primitive's layout `desc` holding `values`, given
/// in the plain layout (`dims`, `tag`); the reorder runs here, untimed.
memory makeInput(const std::vector<float> &values, const memory::dims &dims,
                 Tag tag, const memory::desc &desc, const dnnl::engine &cpu,
                 dnnl::stream &stream) {
  memory user({dims, memory::data_type::f32, tag}, cpu,
              const_cast<float *>(values.data()));
  memory result(desc, cpu);
  dnnl::reorder(user, result).execute(stream, user, result);
  stream.wait();
  return result;
}

double getMedian(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t middle = values.size() / 2;
  if (values.size() % 2 == 1)
    return values[middle];
  return 0.5 * (values[middle - 1] + values[middle]);
}

int run(const LayerOptions &options) {
  dnnl::engine cpu(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(cpu);
  Layer layer = options.kind == "conv" ? createConvolution(options, cpu)
                                       : createInnerProduct(options, cpu);

  // Arguments 0, 1 and 2 of the nas function: input, weight and bias.
  double bound = std::sqrt(6.0 / static_cast<double>(layer.fanIn));
  std::vector<float> srcValues =
      fillArgument(0, getElementCount(layer.userSrcDims), -1.0, 1.0);
  std::vector<float> weightValues =
      fillArgument(1, getElementCount(layer.userWeightsDims), -bound, bound);
  std::vector<float> biasValues =
      fillArgument(2, getElementCount(layer.userBiasDims), -0.1, 0.1);
  memory src = makeInput(srcValues, layer.userSrcDims, layer.userSrcTag,
                         layer.src, cpu, stream);
  memory weights = makeInput(weightValues, layer.userWeightsDims,
                             layer.userWeightsTag, layer.weights, cpu, stream);
  memory bias = makeInput(biasValues, layer.userBiasDims, Tag::x, layer.bias,
                          cpu, stream);
  memory dst(layer.dst, cpu);
  std::unordered_map<int, memory> arguments = {{DNNL_ARG_SRC, src},
                                               {DNNL_ARG_WEIGHTS, weights},
                                               {DNNL_ARG_BIAS, bias},
                                               {DNNL_ARG_DST, dst}};

  for (int i = 0; i < options.warmupRuns; ++i)
    layer.primitive.execute(stream, arguments);
  stream.wait();

  using Clock = std::chrono::steady_clock;
  std::vector<double> times;
  auto loopStart = Clock::now();
  while (static_cast<int>(times.size()) < options.maxRuns) {
    auto start = Clock::now();
    layer.primitive.execute(stream, arguments);
    stream.wait();
    auto end = Clock::now();
    times.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
    double elapsed = std::chrono::duration<double>(end - loopStart).count();
    if (static_cast<int>(times.size()) >= options.minRuns &&
        elapsed >= options.minSeconds)
      break;
  }

  std::vector<float> output(getElementCount(layer.userDstDims));
  memory user({layer.userDstDims, memory::data_type::f32, layer.userDstTag},
              cpu, output.data());
  dnnl::reorder(dst, user).execute(stream, dst, user);
  stream.wait();
  double checksum = 0.0, absSum = 0.0;
  for (float value : output) {
    checksum += value;
    absSum += std::fabs(value);
  }

  std::string shape;
  for (int64_t size : layer.userDstDims)
    shape += (shape.empty() ? "" : "x") + std::to_string(size);
  const dnnl_version_t *version = dnnl::version();
  std::printf("onednn version: %d.%d.%d\n", version->major, version->minor,
              version->patch);
  std::printf("implementation: %s\n", layer.implementation.c_str());
  std::printf("threads: %d\n", omp_get_max_threads());
  std::printf("output: %s\n", shape.c_str());
  std::printf("checksum: %.6e\n", checksum);
  std::printf("abs sum: %.6e\n", absSum);
  std::printf("median latency: %.3f ms (%zu runs)\n", getMedian(times),
              times.size());
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  LayerOptions options;
  if (!parseOptions(argc, argv, options)) {
    printUsage();
    return 2;
  }
  try {
    return run(options);
  } catch (const dnnl::error &error) {
    std::fprintf(stderr, "onednn-layer: error: %s (status %d)\n", error.what(),
                 static_cast<int>(error.status));
    return 2;
  }
}
