//===- nas-compile.cpp - compiles a nas function to a native library ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// nas-compile lowers one function of a nas IR file with nas-lower-to-llvm,
// adds a plain C entry point around it, optimizes the LLVM IR at O3 for the
// host CPU (or --cpu) and writes an object file, or a shared library linked
// by the system C compiler driver. With --emit-header it also writes the C
// header that declares the entry point. See docs/aot.md.
//
//===----------------------------------------------------------------------===//

#include "nas/Dialect/Nas/IR/NasDialect.h"
#include "nas/Target/LLVM/Compile.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <optional>

using namespace mlir;

namespace {

/// Exit status of every error.
constexpr int kExitError = 1;

/// The two kinds of output file, chosen by the extension of -o.
enum class OutputKind { Object, SharedLibrary };

/// Options of one nas-compile invocation.
struct CompileOptions {
  std::string inputFile;
  std::string outputFile;
  OutputKind outputKind;
  std::string entry;
  std::string headerFile;
  std::string cpu;
  std::string symbol;
  std::string linker;
  nas::ActivationLayout boundaryLayout;
  bool prepackWeights = false;
};

/// Reports an error prefixed with the tool name and returns kExitError.
int reportError(const llvm::Twine &message) {
  llvm::errs() << "nas-compile: error: " << message << "\n";
  return kExitError;
}

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

/// Returns the path of the C compiler driver that links shared libraries:
/// `requested` if set, else the first of clang-22 and cc on PATH. Reports an
/// error and returns an empty string if there is none.
std::string findLinker(StringRef requested) {
  if (!requested.empty()) {
    llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(requested);
    if (path && llvm::sys::fs::can_execute(*path))
      return *path;
    reportError("linker '" + requested + "' not found or not executable");
    return "";
  }
  for (StringRef name : {"clang-22", "cc"})
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name))
      return *path;
  reportError("neither clang-22 nor cc is on PATH to link the shared "
              "library; pass --linker, or write a .o file and link it "
              "yourself");
  return "";
}

/// Links `objectFile` into the shared library `outputFile` with the C
/// compiler driver `linker`. Undefined symbols are errors, so a library that
/// calls a function nothing provides fails here instead of when loaded.
bool linkSharedLibrary(StringRef linker, StringRef objectFile,
                       StringRef outputFile) {
  SmallVector<StringRef> arguments = {
      linker, "-shared", "-o", outputFile, objectFile, "-Wl,--no-undefined",
      "-lm"};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(linker, arguments, std::nullopt, {}, 0,
                                         0, &message);
  if (status == 0)
    return true;
  if (status < 0)
    reportError("could not run '" + linker + "': " + message);
  else
    reportError("linking '" + outputFile + "' with '" + linker +
                "' failed with exit status " + llvm::Twine(status));
  llvm::sys::fs::remove(outputFile);
  return false;
}

/// Opens `path` for writing; the file is deleted unless keep() is called.
/// Reports an error and returns null if it cannot be opened.
std::unique_ptr<llvm::ToolOutputFile>
openOutput(StringRef path, llvm::sys::fs::OpenFlags flags) {
  std::error_code error;
  auto output = std::make_unique<llvm::ToolOutputFile>(path, error, flags);
  if (!error)
    return output;
  reportError("cannot open '" + path + "': " + error.message());
  return nullptr;
}

/// Writes the object file of `module` to `output` and keeps it.
bool writeObjectFile(llvm::Module &module, llvm::TargetMachine &machine,
                     llvm::ToolOutputFile &output) {
  if (llvm::Error error = nas::emitObjectFile(module, machine, output.os())) {
    reportError(llvm::toString(std::move(error)));
    return false;
  }
  output.os().close();
  if (output.os().has_error()) {
    reportError("cannot write '" + output.getFilename() +
                "': " + output.os().error().message());
    output.os().clear_error();
    return false;
  }
  output.keep();
  return true;
}

int compile(const CompileOptions &options) {
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> machine =
      nas::createTargetMachine(options.cpu);
  if (!machine)
    return reportError(llvm::toString(machine.takeError()));
  std::string linker;
  if (options.outputKind == OutputKind::SharedLibrary) {
    linker = findLinker(options.linker);
    if (linker.empty())
      return kExitError;
  }

  // The output files are opened before the compilation, so that a bad path
  // is reported at once, and removed again unless everything succeeds.
  std::unique_ptr<llvm::ToolOutputFile> header;
  if (!options.headerFile.empty()) {
    header = openOutput(options.headerFile, llvm::sys::fs::OF_Text);
    if (!header)
      return kExitError;
  }
  llvm::SmallString<128> objectFile(options.outputFile);
  std::optional<llvm::FileRemover> removeObject;
  if (options.outputKind == OutputKind::SharedLibrary) {
    if (std::error_code error =
            llvm::sys::fs::createTemporaryFile("nas-compile", "o", objectFile))
      return reportError("cannot create a temporary object file: " +
                         error.message());
    removeObject.emplace(objectFile);
  }
  std::unique_ptr<llvm::ToolOutputFile> object =
      openOutput(objectFile, llvm::sys::fs::OF_None);
  if (!object)
    return kExitError;

  DialectRegistry registry;
  registry.insert<nas::NasDialect>();
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
  MLIRContext context(registry);
  // The diagnostics point at the source line; the generic form of the whole
  // function would only repeat it.
  context.printOpOnDiagnostic(false);

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
  if (!entry)
    return kExitError;
  // The functions that the entry does not need are erased before the entry
  // is described, as the lowering erases them, because whether a public
  // function is called decides its boundary layout.
  nas::eraseUnusedFunctions(*module, entry);
  FailureOr<nas::EntrySignature> signature =
      nas::getEntrySignature(entry, options.boundaryLayout);
  if (failed(signature))
    return kExitError;
  std::string symbol = options.symbol.empty()
                           ? nas::getDefaultCSymbol(signature->functionName)
                           : options.symbol;

  // nas-prepack-weights gives only public functions a packing function.
  if (options.prepackWeights && !entry.isPublic())
    return reportError("--prepack-weights requires a public entry function, "
                       "but '" +
                       signature->functionName +
                       "' is private: make it public or drop the option");

  llvm::LLVMContext llvmContext;
  nas::LoweringOptions loweringOptions;
  loweringOptions.boundaryLayout = options.boundaryLayout;
  loweringOptions.cpu = options.cpu;
  loweringOptions.prepackWeights = options.prepackWeights;
  std::unique_ptr<llvm::Module> llvmModule =
      nas::lowerToLLVMIR(*module, entry, llvmContext, loweringOptions);
  if (!llvmModule)
    return reportError("lowering '" + signature->functionName +
                       "' to LLVM IR failed");
  if (llvm::Error error = nas::addCEntryPoint(*llvmModule, *signature, symbol,
                                              options.prepackWeights))
    return reportError(llvm::toString(std::move(error)));
  nas::defineMemrefCopy(*llvmModule);
  if (llvm::Error error = nas::optimizeModule(*llvmModule, **machine))
    return reportError(llvm::toString(std::move(error)));

  if (!writeObjectFile(*llvmModule, **machine, *object))
    return kExitError;
  if (options.outputKind == OutputKind::SharedLibrary &&
      !linkSharedLibrary(linker, objectFile, options.outputFile))
    return kExitError;

  if (header) {
    StringRef source = options.inputFile == "-"
                           ? StringRef("<stdin>")
                           : llvm::sys::path::filename(options.inputFile);
    nas::writeCHeader(header->os(), *signature, symbol, source,
                      options.prepackWeights);
    header->keep();
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);

  llvm::cl::OptionCategory category("nas-compile options");
  llvm::cl::opt<std::string> inputFile(
      llvm::cl::Positional, llvm::cl::desc("<input file>"), llvm::cl::init("-"),
      llvm::cl::cat(category));
  llvm::cl::opt<std::string> outputFile(
      "o", llvm::cl::Required,
      llvm::cl::desc("Output file: an object file (.o) or a shared library "
                     "(.so)"),
      llvm::cl::value_desc("file"), llvm::cl::cat(category));
  llvm::cl::opt<std::string> entry(
      "entry",
      llvm::cl::desc("Function to compile (default: the first public "
                     "function with a body)"),
      llvm::cl::value_desc("name"), llvm::cl::cat(category));
  llvm::cl::opt<std::string> headerFile(
      "emit-header",
      llvm::cl::desc("Also write the C header that declares the entry point"),
      llvm::cl::value_desc("file"), llvm::cl::cat(category));
  llvm::cl::opt<std::string> cpu(
      "cpu",
      llvm::cl::desc("LLVM CPU name to generate code for, such as x86-64-v3 "
                     "(default: the host CPU and its features)"),
      llvm::cl::value_desc("name"), llvm::cl::cat(category));
  llvm::cl::opt<std::string> symbol(
      "symbol",
      llvm::cl::desc("C name of the entry point (default: nas_ and the "
                     "function name)"),
      llvm::cl::value_desc("name"), llvm::cl::cat(category));
  llvm::cl::opt<std::string> linker(
      "linker",
      llvm::cl::desc("C compiler driver that links a .so (default: clang-22, "
                     "else cc, from PATH)"),
      llvm::cl::value_desc("program"), llvm::cl::cat(category));
  llvm::cl::opt<nas::ActivationLayout> boundaryLayout(
      "boundary-layout",
      llvm::cl::desc("Memory layout of the 4-D activation inputs and outputs; "
                     "the header lists each tensor's layout and its "
                     "dimensions in memory order"),
      llvm::cl::values(
          clEnumValN(nas::ActivationLayout::NCHW, "nchw",
                     "N x C x H x W, as in the function type (default)"),
          clEnumValN(nas::ActivationLayout::NHWC, "nhwc",
                     "N x H x W x C, without transposes at the boundary")),
      llvm::cl::init(nas::ActivationLayout::NCHW), llvm::cl::cat(category));
  llvm::cl::opt<bool> prepackWeights(
      "prepack-weights",
      llvm::cl::desc("Also export <symbol>_pack_weights, which packs the "
                     "weights into the kernels' layout once, so that calls "
                     "of the entry point no longer transpose them"),
      llvm::cl::init(false), llvm::cl::cat(category));
  llvm::cl::HideUnrelatedOptions(category);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "nas-compile: compiles a nas function to an object file or shared "
      "library with a plain C entry point\n");

  CompileOptions options;
  StringRef extension = llvm::sys::path::extension(outputFile);
  if (extension == ".o")
    options.outputKind = OutputKind::Object;
  else if (extension == ".so")
    options.outputKind = OutputKind::SharedLibrary;
  else
    return reportError("expected an output file ending in .o or .so, got '" +
                       outputFile + "'");
  if (!symbol.empty() && !nas::isCIdentifier(symbol))
    return reportError("expected --symbol to be a C identifier, got '" +
                       symbol + "'");
  options.inputFile = inputFile;
  options.outputFile = outputFile;
  options.entry = entry;
  options.headerFile = headerFile;
  options.cpu = cpu;
  options.symbol = symbol;
  options.linker = linker;
  options.boundaryLayout = boundaryLayout;
  options.prepackWeights = prepackWeights;
  return compile(options);
}
