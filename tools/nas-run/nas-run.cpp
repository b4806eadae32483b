//===- nas-run.cpp - JIT-compiles, runs and checks a nas function ---------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// nas-run parses a file of nas IR, lowers it with nas-lower-to-llvm,
// JIT-compiles it for the host CPU, fills the arguments of one function with
// seeded random values, and prints the result types, a checksum and the
// median latency. With --check it also runs the reference evaluator on the
// original function and compares. See docs/running.md.
//
//===----------------------------------------------------------------------===//

#include "ArgumentFill.h"

#include "nas/Conversion/BoundaryLayout.h"
#include "nas/Conversion/CpuTarget.h"
#include "nas/Conversion/Passes.h"
#include "nas/Dialect/Nas/IR/NasDialect.h"
#include "nas/Reference/Evaluator.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace mlir;

// From the OpenMP runtime (libomp), which the code compiled with more than
// one thread calls.
extern "C" void omp_set_num_threads(int count);

namespace {

/// Exit status when the reference check fails.
constexpr int kExitCheckFailed = 1;
/// Exit status for every other error.
constexpr int kExitError = 2;

/// Options of one nas-run invocation.
struct RunOptions {
  std::string inputFile;
  std::string entry;
  uint64_t seed;
  unsigned repeat;
  bool check;
  double tolerance;
  bool printIR;
  bool printFill;
  bool printValues;
  bool referenceOnly;
  std::string cpu;
  bool perfJit;
  bool printTimings;
  bool prepackWeights;
  unsigned threads;
  nas::ActivationLayout boundaryLayout;
  int64_t minParallelIterations;
};

/// Milliseconds elapsed since `start`.
double millisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

/// Reports an error prefixed with the tool name and returns kExitError.
int reportError(const llvm::Twine &message) {
  llvm::errs() << "nas-run: error: " << message << "\n";
  return kExitError;
}

//===----------------------------------------------------------------------===//
// Host buffers and memref descriptors
//===----------------------------------------------------------------------===//

struct FreeDeleter {
  void operator()(void *pointer) const { std::free(pointer); }
};

/// A row-major f32 or f64 buffer, 64-byte aligned, for one argument.
struct HostTensor {
  RankedTensorType type;
  std::unique_ptr<void, FreeDeleter> data;

  int64_t getNumElements() const { return type.getNumElements(); }
  bool isF32() const { return type.getElementType().isF32(); }
  double get(int64_t i) const {
    return isF32() ? static_cast<const float *>(data.get())[i]
                   : static_cast<const double *>(data.get())[i];
  }
  void set(int64_t i, double value) {
    if (isF32())
      static_cast<float *>(data.get())[i] = static_cast<float>(value);
    else
      static_cast<double *>(data.get())[i] = value;
  }
};

/// Allocates the buffer of argument `index`, or reports an error when its
/// byte size does not fit in 64 bits or the allocation fails.
FailureOr<HostTensor> allocateHostTensor(RankedTensorType type,
                                         unsigned index) {
  constexpr int64_t kAlignment = 64;
  // The byte size, rounded up to a nonzero multiple of the alignment as
  // aligned_alloc requires, with every step checked for overflow.
  std::optional<int64_t> bytes = type.getElementType().isF32() ? 4 : 8;
  for (int64_t size : type.getShape())
    bytes = bytes ? llvm::checkedMul(*bytes, size) : std::nullopt;
  std::optional<int64_t> rounded =
      bytes ? llvm::checkedAdd(std::max(*bytes, int64_t(1)), kAlignment - 1)
            : std::nullopt;
  std::string typeText;
  llvm::raw_string_ostream(typeText) << type;
  if (!rounded) {
    reportError("argument #" + llvm::Twine(index) + " of type " + typeText +
                " has more bytes than fit in 64 bits");
    return failure();
  }
  size_t allocation = static_cast<size_t>(*rounded / kAlignment * kAlignment);
  void *data = std::aligned_alloc(kAlignment, allocation);
  if (!data) {
    reportError("cannot allocate " + llvm::Twine(*bytes) +
                " bytes for argument #" + llvm::Twine(index) + " of type " +
                typeText);
    return failure();
  }
  return HostTensor{type, std::unique_ptr<void, FreeDeleter>(data)};
}

/// Number of int64_t words of a memref descriptor of `rank`: allocated and
/// aligned pointers, offset, sizes and strides, the layout of
/// StridedMemRefType<T, rank> in mlir/ExecutionEngine/CRunnerUtils.h. The
/// descriptors of several results follow each other without padding, as in
/// the LLVM struct that the C interface returns them in.
int64_t descriptorWords(int64_t rank) { return 3 + 2 * rank; }

/// Appends the descriptor of a contiguous row-major buffer to `words`.
void appendDescriptor(std::vector<int64_t> &words, void *data,
                      ArrayRef<int64_t> shape) {
  words.push_back(reinterpret_cast<int64_t>(data));
  words.push_back(reinterpret_cast<int64_t>(data));
  words.push_back(0);
  llvm::append_range(words, shape);
  int64_t stride = 1;
  std::vector<int64_t> strides(shape.size());
  for (size_t i = shape.size(); i-- > 0;) {
    strides[i] = stride;
    stride *= shape[i];
  }
  llvm::append_range(words, strides);
}

/// Returns the elements of the memref described at `descriptor` as doubles,
/// walking its sizes and strides.
std::vector<double> readMemref(const int64_t *descriptor,
                               RankedTensorType type) {
  int64_t rank = type.getRank();
  const char *aligned = reinterpret_cast<const char *>(descriptor[1]);
  int64_t offset = descriptor[2];
  const int64_t *sizes = descriptor + 3;
  const int64_t *strides = descriptor + 3 + rank;
  bool isF32 = type.getElementType().isF32();
  std::vector<double> values(type.getNumElements());
  SmallVector<int64_t> index(rank, 0);
  for (double &value : values) {
    int64_t position = offset;
    for (int64_t d = 0; d < rank; ++d)
      position += index[d] * strides[d];
    value = isF32 ? reinterpret_cast<const float *>(aligned)[position]
                  : reinterpret_cast<const double *>(aligned)[position];
    for (int64_t d = rank; d-- > 0;) {
      if (++index[d] < sizes[d])
        break;
      index[d] = 0;
    }
  }
  return values;
}

/// Returns the descriptor of the N x H x W x C memref at `descriptor` as an
/// N x C x H x W view of the same buffer: its sizes and strides permuted.
std::array<int64_t, 11> viewAsChannelsFirst(const int64_t *descriptor) {
  constexpr int64_t kSizes = 3, kStrides = 7;
  constexpr int64_t kMemoryDim[] = {0, 3, 1, 2};
  std::array<int64_t, 11> view;
  std::copy(descriptor, descriptor + 3, view.begin());
  for (int64_t d = 0; d < 4; ++d) {
    view[kSizes + d] = descriptor[kSizes + kMemoryDim[d]];
    view[kStrides + d] = descriptor[kStrides + kMemoryDim[d]];
  }
  return view;
}

/// A buffer as the compiled function receives it: the data and the shape of
/// the memref, in memory order.
struct CallArgument {
  void *data;
  SmallVector<int64_t> shape;
};

/// The arguments of the compiled function: `arguments` itself where the
/// layout is that of the nas type, and an N x H x W x C copy where it is
/// NHWC.
struct BoundaryArguments {
  std::vector<CallArgument> arguments;
  std::vector<HostTensor> channelsLastCopies;
};

/// Copies the N x C x H x W tensors of `arguments` whose layout is NHWC to
/// N x H x W x C buffers, or reports an error when one cannot be allocated.
FailureOr<BoundaryArguments>
prepareBoundaryArguments(ArrayRef<HostTensor> arguments,
                         ArrayRef<nas::TensorLayout> layouts) {
  BoundaryArguments boundary;
  for (auto [index, argument, layout] : llvm::enumerate(arguments, layouts)) {
    ArrayRef<int64_t> shape = argument.type.getShape();
    if (layout != nas::TensorLayout::NHWC) {
      boundary.arguments.push_back(
          {argument.data.get(), SmallVector<int64_t>(shape)});
      continue;
    }
    int64_t n = shape[0], c = shape[1], h = shape[2], w = shape[3];
    auto channelsLastType =
        RankedTensorType::get({n, h, w, c}, argument.type.getElementType());
    FailureOr<HostTensor> allocated =
        allocateHostTensor(channelsLastType, static_cast<unsigned>(index));
    if (failed(allocated))
      return failure();
    HostTensor copy = std::move(*allocated);
    for (int64_t in = 0; in < n; ++in)
      for (int64_t ic = 0; ic < c; ++ic)
        for (int64_t ih = 0; ih < h; ++ih)
          for (int64_t iw = 0; iw < w; ++iw)
            copy.set(((in * h + ih) * w + iw) * c + ic,
                     argument.get(((in * c + ic) * h + ih) * w + iw));
    boundary.arguments.push_back(
        {copy.data.get(), SmallVector<int64_t>(channelsLastType.getShape())});
    boundary.channelsLastCopies.push_back(std::move(copy));
  }
  return boundary;
}

//===----------------------------------------------------------------------===//
// Driver steps
//===----------------------------------------------------------------------===//

/// Returns the function named `name`, or the first public function with a
/// body if `name` is empty; reports an error and returns null otherwise.
func::FuncOp findEntry(ModuleOp module, StringRef name) {
  if (!name.empty()) {
    auto func = module.lookupSymbol<func::FuncOp>(name);
    if (!func || func.isExternal()) {
      reportError("no function named '" + name + "' with a body");
      return nullptr;
    }
    return func;
  }
  for (auto func : module.getOps<func::FuncOp>())
    if (func.isPublic() && !func.isExternal())
      return func;
  reportError("no public function with a body");
  return nullptr;
}

/// Checks that every argument and result is a statically shaped f32 or f64
/// tensor.
bool checkSignature(func::FuncOp func) {
  auto check = [&](Type type, StringRef kind, unsigned index) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (tensor && tensor.hasStaticShape() &&
        (tensor.getElementType().isF32() || tensor.getElementType().isF64()))
      return true;
    std::string text;
    llvm::raw_string_ostream os(text);
    os << type;
    reportError("expected " + kind + " #" + llvm::Twine(index) + " of '" +
                func.getSymName() +
                "' to be a statically shaped f32 or f64 tensor, got " + text);
    return false;
  };
  for (auto [index, type] : llvm::enumerate(func.getArgumentTypes()))
    if (!check(type, "argument", index))
      return false;
  for (auto [index, type] : llvm::enumerate(func.getResultTypes()))
    if (!check(type, "result", index))
      return false;
  return true;
}

/// Allocates and fills every argument of `func` from `seed`, or reports an
/// error when an argument cannot be allocated.
FailureOr<std::vector<HostTensor>> fillArguments(func::FuncOp func,
                                                 uint64_t seed, bool print) {
  std::vector<HostTensor> arguments;
  for (BlockArgument argument : func.getArguments()) {
    auto type = cast<RankedTensorType>(argument.getType());
    FailureOr<HostTensor> allocated =
        allocateHostTensor(type, argument.getArgNumber());
    if (failed(allocated))
      return failure();
    HostTensor tensor = std::move(*allocated);
    nas::FillRange range = nas::getFillRange(argument);
    nas::SplitMix64 generator =
        nas::makeArgumentGenerator(seed, argument.getArgNumber());
    for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i)
      tensor.set(i,
                 range.low + (range.high - range.low) * generator.nextUnit());
    if (print)
      llvm::outs() << "argument #" << argument.getArgNumber() << ": " << type
                   << " " << range.role << " uniform ["
                   << llvm::format("%.6g", range.low) << ", "
                   << llvm::format("%.6g", range.high) << ")\n";
    arguments.push_back(std::move(tensor));
  }
  return arguments;
}

/// Lowers `module` to the LLVM dialect with the C interface on `entry`, with
/// tile sizes for `cpu`.
LogicalResult lowerToLLVM(ModuleOp module, func::FuncOp entry, StringRef cpu,
                          bool prepackWeights, bool parallel,
                          int64_t minParallelIterations,
                          nas::ActivationLayout boundaryLayout, bool printIR) {
  entry->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                 UnitAttr::get(module.getContext()));
  PassManager pm(module.getContext());
  nas::LowerToLLVMOptions pipelineOptions;
  pipelineOptions.cpu = cpu.str();
  pipelineOptions.prepackWeights = prepackWeights;
  pipelineOptions.parallel = parallel;
  pipelineOptions.minParallelIterations = minParallelIterations;
  pipelineOptions.boundaryLayout = boundaryLayout;
  nas::buildLowerToLLVMPipeline(pm, pipelineOptions);
  if (failed(pm.run(module)))
    return failure();
  // The conversion passes are partial: an op without an LLVM lowering stays
  // in the module and would only fail later, in the translation to LLVM IR.
  // Report it rather than the unrealized casts around it.
  Operation *unlowered = nullptr;
  module.walk([&](Operation *op) {
    // OpenMP ops (from --threads) translate to LLVM IR as they are.
    if (isa<ModuleOp>(op) ||
        isa<LLVM::LLVMDialect, omp::OpenMPDialect>(op->getDialect()))
      return WalkResult::advance();
    if (!unlowered || isa<UnrealizedConversionCastOp>(unlowered))
      unlowered = op;
    return isa<UnrealizedConversionCastOp>(op) ? WalkResult::advance()
                                               : WalkResult::interrupt();
  });
  if (unlowered) {
    unlowered->emitError() << "'" << unlowered->getName()
                           << "' was not lowered to the LLVM dialect";
    return failure();
  }
  if (printIR)
    module.print(llvm::errs());
  return success();
}

/// The outputs of the compiled function.
struct RunResult {
  /// Outputs of the last call.
  std::vector<std::vector<double>> outputs;
  /// Outputs of the first, untimed call.
  std::vector<std::vector<double>> firstOutputs;
  std::vector<double> latenciesMs;
};

/// Calls `function`, the packed wrapper of the C interface of a function
/// without results (the weight packing function), once on `arguments`, and
/// returns the time of the call in ms.
double callWithoutResults(void (*function)(void **),
                          ArrayRef<CallArgument> arguments) {
  std::vector<int64_t> argumentWords;
  std::vector<size_t> argumentOffsets;
  for (const CallArgument &argument : arguments) {
    argumentOffsets.push_back(argumentWords.size());
    appendDescriptor(argumentWords, argument.data, argument.shape);
  }
  std::vector<void *> pointers;
  for (size_t offset : argumentOffsets)
    pointers.push_back(argumentWords.data() + offset);
  std::vector<void *> packed;
  for (void *&pointer : pointers)
    packed.push_back(&pointer);
  auto start = std::chrono::steady_clock::now();
  function(packed.data());
  return millisecondsSince(start);
}

/// Calls the compiled entry `function`, the packed wrapper of its C
/// interface, `1 + repeat` times (the first is a warm-up) and returns the
/// outputs of the first and the last call and the latency of each timed
/// call. A result
/// whose layout in `resultLayouts` is NHWC is read in the N x C x H x W
/// order of its type in `resultTypes`.
RunResult runCompiled(void (*function)(void **),
                      ArrayRef<RankedTensorType> resultTypes,
                      ArrayRef<nas::TensorLayout> resultLayouts,
                      ArrayRef<CallArgument> arguments, unsigned repeat) {
  // The C interface takes a pointer to the result descriptors first (when
  // there are results), then a pointer to each argument's descriptor. The
  // packed wrapper takes the address of each of those pointers.
  std::vector<int64_t> argumentWords;
  std::vector<size_t> argumentOffsets;
  for (const CallArgument &argument : arguments) {
    argumentOffsets.push_back(argumentWords.size());
    appendDescriptor(argumentWords, argument.data, argument.shape);
  }
  int64_t resultWordCount = 0;
  for (RankedTensorType type : resultTypes)
    resultWordCount += descriptorWords(type.getRank());
  std::vector<int64_t> resultWords(std::max<int64_t>(resultWordCount, 1));

  std::vector<void *> pointers;
  if (!resultTypes.empty())
    pointers.push_back(resultWords.data());
  for (size_t offset : argumentOffsets)
    pointers.push_back(argumentWords.data() + offset);
  std::vector<void *> packed;
  for (void *&pointer : pointers)
    packed.push_back(&pointer);

  llvm::SmallPtrSet<void *, 8> argumentBuffers;
  for (const CallArgument &argument : arguments)
    argumentBuffers.insert(argument.data);

  RunResult result;
  for (unsigned run = 0; run <= repeat; ++run) {
    auto start = std::chrono::steady_clock::now();
    function(packed.data());
    auto stop = std::chrono::steady_clock::now();
    if (run > 0)
      result.latenciesMs.push_back(
          std::chrono::duration<double, std::milli>(stop - start).count());

    // The caller owns the returned buffers (the buffer deallocation
    // pipeline's ABI for public functions). Results may share a buffer, so
    // all are read before any is freed. Each buffer is freed once, and a
    // buffer that is an argument is never freed here.
    int64_t *descriptor = resultWords.data();
    if (run == 0 || run == repeat) {
      std::vector<std::vector<double>> &outputs =
          run == repeat ? result.outputs : result.firstOutputs;
      outputs.clear();
      for (auto [type, layout] : llvm::zip_equal(resultTypes, resultLayouts)) {
        if (layout == nas::TensorLayout::NHWC)
          outputs.push_back(
              readMemref(viewAsChannelsFirst(descriptor).data(), type));
        else
          outputs.push_back(readMemref(descriptor, type));
        descriptor += descriptorWords(type.getRank());
      }
    }
    llvm::SmallPtrSet<void *, 8> freed;
    descriptor = resultWords.data();
    for (RankedTensorType type : resultTypes) {
      auto *allocated = reinterpret_cast<void *>(descriptor[0]);
      if (!argumentBuffers.contains(allocated) &&
          freed.insert(allocated).second)
        std::free(allocated);
      descriptor += descriptorWords(type.getRank());
    }
  }
  return result;
}

/// Prints one `output:` line per result, the values with `printValues`, and
/// the checksum (the sum of all output elements).
void printOutputs(ArrayRef<RankedTensorType> types,
                  ArrayRef<std::vector<double>> outputs, bool printValues) {
  double checksum = 0.0;
  for (auto [type, output] : llvm::zip(types, outputs)) {
    llvm::outs() << "output: " << type << "\n";
    if (printValues) {
      llvm::outs() << "values: [";
      llvm::interleaveComma(output, llvm::outs(), [](double value) {
        llvm::outs() << llvm::format("%.6e", value);
      });
      llvm::outs() << "]\n";
    }
    for (double value : output)
      checksum += value;
  }
  llvm::outs() << "checksum: " << llvm::format("%.6e", checksum) << "\n";
}

/// Runs the reference evaluator on `func` with the values of `arguments`.
FailureOr<SmallVector<nas::reference::Tensor>>
evaluateReference(func::FuncOp func, ArrayRef<HostTensor> arguments) {
  std::vector<nas::reference::Tensor> referenceArguments;
  for (const HostTensor &argument : arguments) {
    nas::reference::Tensor tensor(argument.type.getShape());
    for (int64_t i = 0, e = argument.getNumElements(); i < e; ++i)
      tensor.data[i] = argument.get(i);
    referenceArguments.push_back(std::move(tensor));
  }
  return nas::reference::evaluateFunction(func, referenceArguments);
}

/// The comparison of compiled outputs with the reference.
struct CheckResult {
  double maxAbsError = 0.0;
  double maxRelError = 0.0;
  bool passed = false;
};

CheckResult compareOutputs(ArrayRef<std::vector<double>> outputs,
                           ArrayRef<nas::reference::Tensor> expected,
                           double tolerance) {
  CheckResult check;
  double maxReference = 0.0;
  bool sawNaN = false;
  for (auto [output, reference] : llvm::zip(outputs, expected)) {
    for (auto [actual, wanted] : llvm::zip(output, reference.data)) {
      double error = std::fabs(actual - wanted);
      if (std::isnan(error))
        sawNaN = true;
      else
        check.maxAbsError = std::max(check.maxAbsError, error);
      maxReference = std::max(maxReference, std::fabs(wanted));
    }
  }
  if (sawNaN)
    check.maxAbsError = std::numeric_limits<double>::quiet_NaN();
  if (sawNaN || maxReference > 0.0)
    check.maxRelError = check.maxAbsError / maxReference;
  else
    check.maxRelError = check.maxAbsError == 0.0
                            ? 0.0
                            : std::numeric_limits<double>::infinity();
  // NaN compares false, so a NaN anywhere fails the check.
  check.passed = check.maxRelError <= tolerance;
  return check;
}

/// Creates the target machine for `target`: the host as detected by LLVM,
/// or the named CPU with its features on the host's triple.
std::unique_ptr<llvm::TargetMachine>
createTargetMachine(const nas::CpuTarget &target, bool isHost) {
  std::optional<llvm::orc::JITTargetMachineBuilder> builder;
  if (isHost) {
    auto detected = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!detected) {
      llvm::consumeError(detected.takeError());
      return nullptr;
    }
    builder = std::move(*detected);
  } else {
    builder.emplace(llvm::Triple(llvm::sys::getProcessTriple()));
    builder->setCPU(target.cpuName);
    SmallVector<StringRef> features;
    StringRef(target.features).split(features, ',', -1, false);
    builder->addFeatures(
        std::vector<std::string>(features.begin(), features.end()));
  }
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto machine = builder->createTargetMachine();
  if (!machine) {
    llvm::consumeError(machine.takeError());
    return nullptr;
  }
  return std::move(*machine);
}

int run(const RunOptions &options) {
  DialectRegistry registry;
  registry.insert<nas::NasDialect>();
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
  MLIRContext context(registry);

  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> file =
      openInputFile(options.inputFile, &errorMessage);
  if (!file)
    return reportError(errorMessage);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return reportError("could not parse '" + options.inputFile + "'");

  func::FuncOp entry = findEntry(*module, options.entry);
  if (!entry || !checkSignature(entry))
    return kExitError;
  std::string entryName = entry.getSymName().str();
  SmallVector<RankedTensorType> resultTypes;
  for (Type type : entry.getResultTypes())
    resultTypes.push_back(cast<RankedTensorType>(type));

  // Only the entry and the functions it references are compiled, so a test
  // file may hold many independent functions.
  for (auto func : llvm::make_early_inc_range(module->getOps<func::FuncOp>()))
    if (func != entry && SymbolTable::symbolKnownUseEmpty(func, *module))
      func.erase();

  FailureOr<std::vector<HostTensor>> filled =
      fillArguments(entry, options.seed, options.printFill);
  if (failed(filled))
    return kExitError;
  std::vector<HostTensor> arguments = std::move(*filled);

  if (options.referenceOnly) {
    FailureOr<SmallVector<nas::reference::Tensor>> expected =
        evaluateReference(entry, arguments);
    if (failed(expected))
      return reportError("the reference evaluator failed on '" + entryName +
                         "'");
    std::vector<std::vector<double>> outputs;
    for (nas::reference::Tensor &tensor : *expected)
      outputs.push_back(std::move(tensor.data));
    printOutputs(resultTypes, outputs, options.printValues);
    return 0;
  }

  // The layouts that nas-nhwc-boundary gives the entry's tensors.
  if (options.boundaryLayout == nas::ActivationLayout::NHWC &&
      !nas::isBoundaryFunction(entry))
    return reportError(
        "--boundary-layout=nhwc applies only to a public function that no "
        "other function calls, but '" +
        entryName + "' is " +
        (entry.isPublic() ? "called in the module" : "private"));
  nas::BoundaryLayout layout =
      nas::getBoundaryLayout(entry, options.boundaryLayout);

  // The reference evaluator runs on an unlowered copy of the module.
  OwningOpRef<ModuleOp> referenceModule;
  if (options.check)
    referenceModule = module->clone();

  FailureOr<nas::CpuTarget> target = nas::lookupCpuTarget(options.cpu);
  if (failed(target))
    return reportError("unknown CPU '" + options.cpu +
                       "': expected 'host' or an LLVM x86-64 CPU name such "
                       "as 'x86-64-v2'");
  auto loweringStart = std::chrono::steady_clock::now();
  if (failed(lowerToLLVM(*module, entry, options.cpu, options.prepackWeights,
                         options.threads > 1, options.minParallelIterations,
                         options.boundaryLayout, options.printIR)))
    return reportError("lowering '" + entryName + "' to LLVM failed");
  double loweringMs = millisecondsSince(loweringStart);

  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(*target, options.cpu == "host");
  if (!machine)
    return reportError("could not create a target machine for CPU '" +
                       options.cpu + "'");
  auto compileStart = std::chrono::steady_clock::now();
  // The kernels arrive vectorized and register-blocked, so LLVM's O3 adds
  // nothing that O2 does not: on ResNet-50 both give the same latency, and
  // O2 compiles about 1 s faster.
  std::function<llvm::Error(llvm::Module *)> optimizer =
      makeOptimizingTransformer(/*optLevel=*/2, /*sizeLevel=*/0, machine.get());
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = optimizer;
  engineOptions.enablePerfNotificationListener = options.perfJit;
  auto engine =
      ExecutionEngine::create(*module, engineOptions, std::move(machine));
  if (!engine)
    return reportError("JIT compilation failed: " +
                       llvm::toString(engine.takeError()));
  // Strided memref.copy lowers to a call of memrefCopy.
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    symbols[interner("memrefCopy")] = {
        llvm::orc::ExecutorAddr::fromPtr(&memrefCopy),
        llvm::JITSymbolFlags::Exported};
    return symbols;
  });

  // The lookup translates the module to LLVM IR, optimizes it and
  // generates code.
  auto function = (*engine)->lookupPacked("_mlir_ciface_" + entryName);
  if (!function)
    return reportError("running '" + entryName +
                       "' failed: " + llvm::toString(function.takeError()));
  // With --prepack-weights, nas-prepack-weights has added the function that
  // writes the packed weights, which the entry reads.
  void (*packWeights)(void **) = nullptr;
  if (options.prepackWeights) {
    auto pack = (*engine)->lookupPacked("_mlir_ciface_" +
                                        nas::getPackFunctionName(entryName));
    if (!pack)
      return reportError("running '" + nas::getPackFunctionName(entryName) +
                         "' failed: " + llvm::toString(pack.takeError()));
    packWeights = *pack;
  }
  (*engine)->initialize();
  double compileMs = millisecondsSince(compileStart);
  // Activations in NHWC are copied outside the timed calls, as a caller
  // that keeps its activations in NHWC would not copy them.
  FailureOr<BoundaryArguments> boundary =
      prepareBoundaryArguments(arguments, layout.arguments);
  if (failed(boundary))
    return kExitError;
  double packMs =
      packWeights ? callWithoutResults(packWeights, boundary->arguments) : 0;

  RunResult result = runCompiled(*function, resultTypes, layout.results,
                                 boundary->arguments, options.repeat);
  printOutputs(resultTypes, result.outputs, options.printValues);
  auto printTimings = [&] {
    if (!options.printTimings)
      return;
    llvm::outs() << "lowering time: " << llvm::format("%.1f", loweringMs)
                 << " ms\n";
    llvm::outs() << "llvm compile time: " << llvm::format("%.1f", compileMs)
                 << " ms\n";
    if (packWeights)
      llvm::outs() << "weight packing time: " << llvm::format("%.3f", packMs)
                   << " ms\n";
  };
  std::vector<double> latencies = result.latenciesMs;
  std::sort(latencies.begin(), latencies.end());
  size_t middle = latencies.size() / 2;
  double median = latencies.size() % 2
                      ? latencies[middle]
                      : (latencies[middle - 1] + latencies[middle]) / 2.0;
  llvm::outs() << "median latency: " << llvm::format("%.3f", median) << " ms ("
               << options.repeat << " runs)\n";
  llvm::outs().flush();

  if (!options.check) {
    printTimings();
    return 0;
  }
  auto referenceEntry = referenceModule->lookupSymbol<func::FuncOp>(entryName);
  FailureOr<SmallVector<nas::reference::Tensor>> expected =
      evaluateReference(referenceEntry, arguments);
  if (failed(expected))
    return reportError("the reference evaluator failed on '" + entryName + "'");
  // Both the first call, which finds freshly allocated buffers, and the
  // last, which finds the buffers of earlier calls, must be right.
  CheckResult check =
      compareOutputs(result.outputs, *expected, options.tolerance);
  CheckResult first =
      compareOutputs(result.firstOutputs, *expected, options.tolerance);
  // The report shows the worse of the two; a NaN error is the worst.
  bool firstIsWorse = first.passed == check.passed
                          ? !(first.maxRelError <= check.maxRelError)
                          : !first.passed;
  if (firstIsWorse)
    check = first;
  llvm::outs() << "max abs error: " << llvm::format("%.3e", check.maxAbsError)
               << "\n";
  llvm::outs() << "max rel error: " << llvm::format("%.3e", check.maxRelError)
               << "\n";
  if (check.passed)
    llvm::outs() << "check: passed\n";
  else
    llvm::outs() << "check: FAILED (tolerance "
                 << llvm::format("%g", options.tolerance) << ")\n";
  printTimings();
  return check.passed ? 0 : kExitCheckFailed;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();

  llvm::cl::OptionCategory category("nas-run options");
  llvm::cl::opt<std::string> inputFile(
      llvm::cl::Positional, llvm::cl::desc("<input file>"), llvm::cl::init("-"),
      llvm::cl::cat(category));
  llvm::cl::opt<std::string> entry(
      "entry",
      llvm::cl::desc("Function to run (default: the first public function "
                     "with a body)"),
      llvm::cl::value_desc("name"), llvm::cl::cat(category));
  llvm::cl::opt<uint64_t> seed(
      "seed", llvm::cl::desc("Seed of the argument values (default 0)"),
      llvm::cl::init(0), llvm::cl::cat(category));
  llvm::cl::opt<unsigned> repeat(
      "repeat",
      llvm::cl::desc("Number of timed runs after one warm-up run (default "
                     "10)"),
      llvm::cl::init(10), llvm::cl::cat(category));
  llvm::cl::opt<bool> check(
      "check",
      llvm::cl::desc("Also run the reference evaluator and compare the "
                     "outputs of the first and the last run with it"),
      llvm::cl::cat(category));
  llvm::cl::opt<double> tolerance(
      "tolerance",
      llvm::cl::desc("Largest accepted max abs error / max |reference "
                     "output| with --check (default 1e-4)"),
      llvm::cl::init(1e-4), llvm::cl::cat(category));
  llvm::cl::opt<bool> printIR(
      "print-ir",
      llvm::cl::desc("Print the module lowered to the LLVM dialect to "
                     "stderr"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> printFill(
      "print-fill",
      llvm::cl::desc("Print the role and value range of every argument"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> printValues(
      "print-values",
      llvm::cl::desc("Print every output element (for small outputs)"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> referenceOnly(
      "reference-only",
      llvm::cl::desc("Only run the reference evaluator and print its outputs "
                     "and checksum, without compiling"),
      llvm::cl::cat(category));
  llvm::cl::opt<std::string> cpu(
      "cpu",
      llvm::cl::desc("CPU to compile for: 'host' (default) or an LLVM x86-64 "
                     "CPU name such as 'x86-64-v2' (SSE4.2), 'x86-64-v3' "
                     "(AVX2) or 'x86-64-v4' (AVX-512); sets the tile sizes "
                     "and the instruction set"),
      llvm::cl::value_desc("name"), llvm::cl::init("host"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> perfJit(
      "perf-jit",
      llvm::cl::desc("Write a jitdump of the compiled code for 'perf inject "
                     "--jit' (into $JITDUMPDIR, or $HOME/.debug/jit)"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> printTimings(
      "print-timings",
      llvm::cl::desc("Print the time of the lowering to the LLVM dialect and "
                     "of LLVM's optimization and code generation, in ms"),
      llvm::cl::cat(category));
  llvm::cl::opt<bool> prepackWeights(
      "prepack-weights",
      llvm::cl::desc("Transpose the weights to the kernels' layout once, "
                     "before the timed runs, instead of in every run "
                     "(default on)"),
      llvm::cl::init(true), llvm::cl::cat(category));
  // libLLVM and libMLIR already register an undocumented "threads" option
  // that nas-run does not use; unregister it so that nas-run's own
  // --threads can take its name.
  while (llvm::cl::Option *existing =
             llvm::cl::getRegisteredOptions().lookup("threads"))
    existing->removeArgument();
  llvm::cl::opt<unsigned> threads(
      "threads",
      llvm::cl::desc("Number of threads that run the compiled code (default "
                     "1); above 1, the tile loops are distributed over the "
                     "threads with OpenMP"),
      llvm::cl::init(1), llvm::cl::cat(category));
  llvm::cl::opt<int64_t> minParallelIterations(
      "min-parallel-iterations",
      llvm::cl::desc("With --threads above 1, the smallest number of "
                     "iterations (multiply-adds, or elements of a copy) of "
                     "a kernel that is distributed over the threads "
                     "(default 131072); smaller kernels run on one thread"),
      llvm::cl::init(131072), llvm::cl::cat(category));
  llvm::cl::opt<nas::ActivationLayout> boundaryLayout(
      "boundary-layout",
      llvm::cl::desc("Memory layout of the 4-D activation arguments and "
                     "results of the compiled function; the fill, checksum "
                     "and check see the same N x C x H x W values either "
                     "way"),
      llvm::cl::values(
          clEnumValN(nas::ActivationLayout::NCHW, "nchw",
                     "N x C x H x W, as in the function type (default)"),
          clEnumValN(nas::ActivationLayout::NHWC, "nhwc",
                     "N x H x W x C; the arguments are copied to that "
                     "layout before the timed runs")),
      llvm::cl::init(nas::ActivationLayout::NCHW), llvm::cl::cat(category));
  llvm::cl::HideUnrelatedOptions(category);
  // With an error stream, an invalid option returns false instead of exiting
  // with status 1, which means a failed check.
  if (!llvm::cl::ParseCommandLineOptions(
          argc, argv,
          "nas-run: JIT-compiles a nas function, runs it on seeded random "
          "arguments and reports a checksum and the median latency\n",
          &llvm::errs()))
    return kExitError;

  if (repeat < 1)
    return reportError("expected --repeat >= 1, got " + llvm::Twine(repeat));
  if (threads < 1)
    return reportError("expected --threads >= 1, got " + llvm::Twine(threads));
  if (minParallelIterations < 0)
    return reportError("expected --min-parallel-iterations >= 0, got " +
                       llvm::Twine(minParallelIterations.getValue()));
#if defined(__GLIBC__)
  // The compiled code allocates its buffers with malloc in every call.
  // glibc serves blocks above 128 KiB with fresh mmap'ed pages and returns
  // freed memory at the top of the heap to the system, so every call would
  // page-fault on its buffers. Blocks up to 32 MiB (glibc's largest mmap
  // threshold on 64-bit systems) now stay in the heap after the warm-up
  // run.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  omp_set_num_threads(static_cast<int>(threads));
  if (!(tolerance >= 0.0))
    return reportError("expected --tolerance >= 0, got " +
                       llvm::formatv("{0}", tolerance.getValue()).str());
  RunOptions options;
  options.inputFile = inputFile;
  options.entry = entry;
  options.seed = seed;
  options.repeat = repeat;
  options.check = check;
  options.tolerance = tolerance;
  options.printIR = printIR;
  options.printFill = printFill;
  options.printValues = printValues;
  options.referenceOnly = referenceOnly;
  options.cpu = cpu;
  options.perfJit = perfJit;
  options.printTimings = printTimings;
  options.prepackWeights = prepackWeights;
  options.threads = threads;
  options.boundaryLayout = boundaryLayout;
  options.minParallelIterations = minParallelIterations;
  return run(options);
}
