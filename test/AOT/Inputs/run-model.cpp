//===- run-model.cpp - calls a function compiled by nas-compile -----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Test driver for the C entry point `model`, declared in the model.h that
// `nas-compile --symbol=model --emit-header=model.h` writes. It fills the
// inputs with nas-run's seeded values, calls `model`, and prints the outputs
// in nas-run's `values:` and `checksum:` format. For a library compiled
// with --prepack-weights, it also checks `model_pack_weights`: the entry
// point returns 2 before it runs, and reads the weights it packed last.
//
//   run-model [--no-roles] [EXPECTED TOLERANCE]
//
// With EXPECTED, the output of `nas-run --print-values` (or
// `--reference-only --print-values`) on the same function, it compares every
// value: max abs error / max |expected value| must not exceed TOLERANCE, and
// the exit status is 1 otherwise.
//
// nas-run picks each argument's value range from the op that uses it. This
// driver sees only the header, so it derives the role from the position and
// rank instead, which matches nas-run for networks whose first argument is
// the only activation input, whose other rank >= 2 arguments are convolution
// or fully connected weights and whose rank-1 arguments are their biases
// (true of the conv-relu-fc test function and of imported BN-folded models):
//   - argument 0: [-1, 1);
//   - rank >= 2: [-a, a) with a = sqrt(6 / fan_in), fan_in the product of
//     the dimensions after the first;
//   - rank 1: [-0.1, 0.1).
// With --no-roles every input is filled from [-1, 1), as nas-run does for
// arguments that feed no nas op.
//
//===----------------------------------------------------------------------===//

#include "model.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// One input or output buffer, float or double.
struct Buffer {
  const nas_tensor_info *info;
  std::vector<unsigned char> bytes;

  size_t elementBytes() const {
    return info->element_type == NAS_F32 ? sizeof(float) : sizeof(double);
  }
  double get(int64_t i) const {
    if (info->element_type == NAS_F32)
      return reinterpret_cast<const float *>(bytes.data())[i];
    return reinterpret_cast<const double *>(bytes.data())[i];
  }
  void set(int64_t i, double value) {
    if (info->element_type == NAS_F32)
      reinterpret_cast<float *>(bytes.data())[i] = static_cast<float>(value);
    else
      reinterpret_cast<double *>(bytes.data())[i] = value;
  }
};

Buffer allocate(const nas_tensor_info &info) {
  Buffer buffer{&info, {}};
  buffer.bytes.resize(info.num_elements * buffer.elementBytes());
  return buffer;
}

std::string formatShape(const nas_tensor_info &info) {
  std::string text = "[";
  for (int d = 0; d < info.rank; ++d)
    text += (d ? ", " : "") + std::to_string(info.shape[d]);
  return text + "]";
}

const char *typeName(const nas_tensor_info &info) {
  return info.element_type == NAS_F32 ? "f32" : "f64";
}

/// Fills input `index` with nas-run's rule for seed 0 (see the file header).
void fillInput(Buffer &buffer, unsigned index, bool useRoles) {
  const nas_tensor_info &info = *buffer.info;
  double low = -1.0;
  double high = 1.0;
  // Argument 0, and every argument without roles, is in [-1, 1).
  bool hasRole = useRoles && index > 0;
  if (hasRole && info.rank >= 2) {
    int64_t fanIn = 1;
    for (int d = 1; d < info.rank; ++d)
      fanIn *= info.shape[d];
    high = std::sqrt(6.0 / static_cast<double>(fanIn > 0 ? fanIn : 1));
    low = -high;
  } else if (hasRole && info.rank == 1) {
    low = -0.1;
    high = 0.1;
  }
  uint64_t state = mix64(0 + (static_cast<uint64_t>(index) + 1) * kGoldenGamma);
  for (int64_t i = 0; i < info.num_elements; ++i) {
    state += kGoldenGamma;
    double unit = static_cast<double>(mix64(state) >> 40) * 0x1p-24;
    buffer.set(i, low + (high - low) * unit);
  }
  std::printf("input %u: %s %s %s uniform [%.6g, %.6g)\n", index, info.name,
              typeName(info), formatShape(info).c_str(), low, high);
}

/// Calls `model` on `inputs` and returns its status.
int call(std::vector<Buffer> &inputs, std::vector<Buffer> &outputs) {
  std::vector<const void *> inputPointers;
  for (Buffer &input : inputs)
    inputPointers.push_back(input.bytes.data());
  std::vector<void *> outputPointers;
  for (Buffer &output : outputs)
    outputPointers.push_back(output.bytes.data());
  return model(inputPointers.data(), outputPointers.data());
}

#ifdef MODEL_PACKS_WEIGHTS
/// Calls `model_pack_weights` on `inputs` and returns its status.
int pack(std::vector<Buffer> &inputs) {
  std::vector<const void *> inputPointers;
  for (Buffer &input : inputs)
    inputPointers.push_back(input.bytes.data());
  return model_pack_weights(inputPointers.data());
}
#endif

/// Reads the numbers of every `values: [...]` line of `path`, in order.
bool readExpected(const char *path, std::vector<double> &values) {
  std::ifstream file(path);
  if (!file)
    return false;
  std::string line;
  const std::string prefix = "values: [";
  while (std::getline(file, line)) {
    if (line.compare(0, prefix.size(), prefix) != 0)
      continue;
    std::string list = line.substr(prefix.size());
    for (char &c : list)
      if (c == ',' || c == ']')
        c = ' ';
    std::istringstream stream(list);
    double value;
    while (stream >> value)
      values.push_back(value);
  }
  return true;
}

/// Compares `actual` with the values in `path`; returns the exit status.
int compare(const std::vector<double> &actual, const char *path,
            double tolerance) {
  std::vector<double> expected;
  if (!readExpected(path, expected)) {
    std::printf("error: cannot read '%s'\n", path);
    return 1;
  }
  if (expected.size() != actual.size()) {
    std::printf("error: expected %zu values, got %zu\n", expected.size(),
                actual.size());
    return 1;
  }
  double maxAbsError = 0.0;
  double maxExpected = 0.0;
  for (size_t i = 0; i < actual.size(); ++i) {
    double error = std::fabs(actual[i] - expected[i]);
    // A NaN fails the comparison below.
    maxAbsError = std::isnan(error) ? error : std::fmax(maxAbsError, error);
    maxExpected = std::fmax(maxExpected, std::fabs(expected[i]));
    if (std::isnan(maxAbsError))
      break;
  }
  double maxRelError =
      maxExpected > 0.0 ? maxAbsError / maxExpected : maxAbsError;
  std::printf("compared %zu values: max abs error %.3e, max rel error %.3e\n",
              actual.size(), maxAbsError, maxRelError);
  if (maxRelError <= tolerance) {
    std::printf("match: yes\n");
    return 0;
  }
  std::printf("match: NO (tolerance %g)\n", tolerance);
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  bool useRoles = true;
  int firstArgument = 1;
  if (argc > 1 && std::strcmp(argv[1], "--no-roles") == 0) {
    useRoles = false;
    firstArgument = 2;
  }
  int positionalCount = argc - firstArgument;
  if (positionalCount != 0 && positionalCount != 2) {
    std::fprintf(stderr, "usage: %s [--no-roles] [EXPECTED TOLERANCE]\n",
                 argv[0]);
    return 2;
  }

  std::vector<Buffer> inputs;
  for (unsigned i = 0; i < MODEL_NUM_INPUTS; ++i) {
    inputs.push_back(allocate(model_inputs[i]));
    fillInput(inputs.back(), i, useRoles);
  }
  std::vector<Buffer> outputs;
  for (unsigned i = 0; i < MODEL_NUM_OUTPUTS; ++i)
    outputs.push_back(allocate(model_outputs[i]));
  std::vector<Buffer> savedInputs = inputs;

#ifdef MODEL_PACKS_WEIGHTS
  // The entry point computes nothing until the weights are packed.
  std::printf("status before packing: %d\n", call(inputs, outputs));
  std::printf("pack null array status: %d\n", model_pack_weights(nullptr));
  std::printf("pack status: %d\n", pack(inputs));
#endif

  int status = call(inputs, outputs);
  std::printf("status: %d\n", status);

  std::vector<double> values;
  double checksum = 0.0;
  for (unsigned i = 0; i < MODEL_NUM_OUTPUTS; ++i) {
    const nas_tensor_info &info = model_outputs[i];
    std::printf("output %u: %s %s %s\n", i, info.name, typeName(info),
                formatShape(info).c_str());
    std::printf("values: [");
    for (int64_t j = 0; j < info.num_elements; ++j) {
      double value = outputs[i].get(j);
      checksum += value;
      // The printed value is compared, as in the EXPECTED file, so equal
      // outputs compare equal.
      char text[32];
      std::snprintf(text, sizeof(text), "%.6e", value);
      std::printf("%s%s", j ? ", " : "", text);
      values.push_back(std::strtod(text, nullptr));
    }
    std::printf("]\n");
  }
  std::printf("checksum: %.6e\n", checksum);

  bool unchanged = true;
  for (size_t i = 0; i < inputs.size(); ++i)
    unchanged = unchanged && inputs[i].bytes == savedInputs[i].bytes;
  std::printf("inputs unchanged: %s\n", unchanged ? "yes" : "NO");

  // A second call must give the same bytes: nothing is left over from the
  // first (such as a buffer freed twice or read after it was freed).
  std::vector<Buffer> firstOutputs = outputs;
  for (Buffer &output : outputs)
    std::memset(output.bytes.data(), 0xff, output.bytes.size());
  int secondStatus = call(inputs, outputs);
  bool identical = secondStatus == 0;
  for (size_t i = 0; i < outputs.size(); ++i)
    identical = identical && outputs[i].bytes == firstOutputs[i].bytes;
  std::printf("second call identical: %s\n", identical ? "yes" : "NO");

  // Null pointers are rejected before anything is computed or written.
  std::vector<const void *> nullInputs(MODEL_NUM_INPUTS + 1, nullptr);
  std::vector<void *> outputPointers;
  for (Buffer &output : outputs)
    outputPointers.push_back(output.bytes.data());
  std::printf("null inputs status: %d\n",
              model(nullInputs.data(), outputPointers.data()));
  std::printf("null array status: %d\n", model(nullptr, nullptr));

#ifdef MODEL_PACKS_WEIGHTS
  // The library reads the weights packed last: new weight values take
  // effect when they are packed again. Input 1, if any, is a weight.
  if (MODEL_NUM_INPUTS > 1) {
    std::vector<Buffer> changed = inputs;
    for (int64_t i = 0; i < changed[1].info->num_elements; ++i)
      changed[1].set(i, 0.5 * changed[1].get(i));
    call(changed, outputs);
    bool stale = outputs[0].bytes == firstOutputs[0].bytes;
    std::printf("changed weights before repacking: %s\n",
                stale ? "old outputs" : "NEW OUTPUTS");
    pack(changed);
    call(changed, outputs);
    bool updated = outputs[0].bytes != firstOutputs[0].bytes;
    std::printf("changed weights after repacking: %s\n",
                updated ? "new outputs" : "OLD OUTPUTS");
  }
#endif

  if (positionalCount == 2)
    return compare(values, argv[firstArgument],
                   std::atof(argv[firstArgument + 1]));
  return 0;
}
