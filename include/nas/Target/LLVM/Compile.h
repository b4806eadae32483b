//===- Compile.h - ahead-of-time compilation of a nas function --*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The steps that turn one function of nas IR into an object file with a plain
// C entry point:
//
//   int <symbol>(const void *const *inputs, void *const *outputs);
//
// getEntrySignature checks the function and describes its tensors,
// lowerToLLVMIR runs nas-lower-to-llvm and translates to LLVM IR,
// addCEntryPoint and defineMemrefCopy complete the LLVM module,
// optimizeModule and emitObjectFile produce machine code, and writeCHeader
// prints the header that declares the entry point. docs/aot.md describes the
// C interface.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_TARGET_LLVM_COMPILE_H
#define NAS_TARGET_LLVM_COMPILE_H

#include "nas/Conversion/BoundaryLayout.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
class raw_ostream;
class raw_pwrite_stream;
} // namespace llvm

namespace nas {

//===----------------------------------------------------------------------===//
// Entry signature
//===----------------------------------------------------------------------===//

/// Element type of a tensor at the C interface: `float` or `double`.
enum class ElementType { F32, F64 };

/// One input or output of the C entry point: a dense row-major tensor.
struct TensorInfo {
  /// The `nas.name` attribute of the argument or result (the ONNX name of
  /// an imported model), or `argN` / `resultN` without one.
  std::string name;
  ElementType elementType;
  /// The dimensions in memory order: N, H, W, C for an NHWC tensor, the
  /// order of the tensor type otherwise.
  llvm::SmallVector<int64_t> shape;
  TensorLayout layout;

  int64_t getNumElements() const;
  /// Size of one element in bytes: 4 or 8.
  int64_t getElementBytes() const;
};

/// The inputs (function arguments) and outputs (function results) of the
/// function compiled behind a C entry point, in order.
struct EntrySignature {
  /// Symbol name of the function in the MLIR module.
  std::string functionName;
  std::vector<TensorInfo> inputs;
  std::vector<TensorInfo> outputs;
};

/// Describes the arguments and results of `func` as nas-lower-to-llvm with
/// `boundary-layout=boundaryLayout` compiles it (nas::getBoundaryLayout).
/// Emits an error on `func` and fails unless it has a body, at least one
/// result, and only statically shaped f32 or f64 tensors as arguments and
/// results. With `boundaryLayout` NHWC, it also fails if `func` is private
/// or called in its module (nas::isBoundaryFunction).
mlir::FailureOr<EntrySignature>
getEntrySignature(mlir::func::FuncOp func,
                  ActivationLayout boundaryLayout = ActivationLayout::NCHW);

/// Returns the default C name of the entry point of `functionName`:
/// `nas_` followed by the name with every character other than a letter,
/// digit or underscore replaced by `_`.
std::string getDefaultCSymbol(llvm::StringRef functionName);

/// Returns true if `name` is a C identifier: a letter or underscore, then
/// letters, digits and underscores.
bool isCIdentifier(llvm::StringRef name);

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

/// Erases every function of `module` other than `entry` that nothing
/// references, repeating until none is left to erase, so that helpers used
/// only by erased functions go too.
void eraseUnusedFunctions(mlir::ModuleOp module, mlir::func::FuncOp entry);

/// Options of lowerToLLVMIR, which it passes to the nas-lower-to-llvm
/// pipeline.
struct LoweringOptions {
  /// Memory layout of the 4-D activation arguments and results.
  ActivationLayout boundaryLayout = ActivationLayout::NCHW;
  /// LLVM CPU name that the tile sizes are chosen for. An empty name
  /// selects the host.
  std::string cpu;
  /// Whether the weight packing of the entry moves into the function named
  /// by getPackFunctionName.
  bool prepackWeights = false;
};

/// Lowers `entry` and the functions it references with
/// nas::buildLowerToLLVMPipeline and `options`, and translates the result to
/// LLVM IR in `llvmContext`. Every other function of `module` is erased
/// first (eraseUnusedFunctions), and the arguments of `entry` are marked
/// non-writable, so the compiled code copies an input before it would
/// update it in place. Emits an error and returns null if a pass fails, if
/// an op is left outside the LLVM dialect, or if the translation fails.
std::unique_ptr<llvm::Module> lowerToLLVMIR(mlir::ModuleOp module,
                                            mlir::func::FuncOp entry,
                                            llvm::LLVMContext &llvmContext,
                                            const LoweringOptions &options);

//===----------------------------------------------------------------------===//
// C entry point
//===----------------------------------------------------------------------===//

/// Adds the function
///
///   int <symbol>(const void *const *inputs, void *const *outputs)
///
/// to `module`. It builds a memref descriptor around each input pointer and
/// calls the lowered function `signature.functionName`, which takes each
/// memref as its unpacked descriptor fields and returns the result
/// descriptors. Then it copies each result into the caller's output buffer
/// and frees the result buffers. It returns 0, or 1 without computing anything
/// when `outputs`, `inputs` (unless the function has no arguments) or one of
/// their entries is null. Every other
/// function and global defined in `module` gets internal linkage, so
/// `symbol` is the only symbol that the object file defines for the linker.
/// Fails if the lowered function is missing or its type does not match
/// `signature`.
///
/// With `packsWeights`, the module also contains the lowered weight packing
/// function (getPackFunctionName), and a second C function
///
///   int <symbol>_pack_weights(const void *const *inputs)
///
/// calls it on the same inputs and records that it ran. It returns 0, or 1
/// when `inputs` or one of its entries is null. `<symbol>` then returns 2,
/// computing nothing, until the weights have been packed.
llvm::Error addCEntryPoint(llvm::Module &module,
                           const EntrySignature &signature,
                           llvm::StringRef symbol, bool packsWeights = false);

/// Defines `memrefCopy`, which lowered strided `memref.copy` ops call, with
/// internal linkage in `module` if `module` declares it. MLIR's runner
/// library libmlir_c_runner_utils provides the function to JIT-compiled
/// code, but an object file must not depend on that library. Does nothing
/// when `module` has no such declaration.
void defineMemrefCopy(llvm::Module &module);

//===----------------------------------------------------------------------===//
// Machine code
//===----------------------------------------------------------------------===//

/// Creates a target machine for the host's target triple with
/// position-independent code and the aggressive code generation level. An
/// empty `cpu` selects the host CPU and all the features it reports;
/// otherwise `cpu` is an LLVM CPU name such as `x86-64-v3` or `znver4`.
/// Fails with a message on an unknown CPU name.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(llvm::StringRef cpu);

/// Sets the target triple and data layout of `module` from `machine` and
/// runs LLVM's O3 pipeline on it.
llvm::Error optimizeModule(llvm::Module &module, llvm::TargetMachine &machine);

/// Writes `module` as a relocatable object file to `os`.
llvm::Error emitObjectFile(llvm::Module &module, llvm::TargetMachine &machine,
                           llvm::raw_pwrite_stream &os);

//===----------------------------------------------------------------------===//
// C header
//===----------------------------------------------------------------------===//

/// Prints a C header (also valid C++) that declares the entry point `symbol`
/// and describes `signature`: the number of inputs and outputs, and the
/// name, element type, layout and shape in memory order of each. `source` is
/// named in the first comment of the header.
/// With `packsWeights`, it also declares `<symbol>_pack_weights` and
/// defines `<SYMBOL>_PACKS_WEIGHTS` as 1.
void writeCHeader(llvm::raw_ostream &os, const EntrySignature &signature,
                  llvm::StringRef symbol, llvm::StringRef source,
                  bool packsWeights = false);

} // namespace nas

#endif // NAS_TARGET_LLVM_COMPILE_H
