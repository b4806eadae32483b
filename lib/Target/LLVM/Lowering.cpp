//===- Lowering.cpp - nas IR of one entry function to LLVM IR -------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/LLVM/Compile.h"

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/Module.h"

using namespace mlir;

void nas::eraseUnusedFunctions(ModuleOp module, func::FuncOp entry) {
  bool erased = true;
  while (erased) {
    erased = false;
    for (auto func : llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      if (func != entry && SymbolTable::symbolKnownUseEmpty(func, module)) {
        func.erase();
        erased = true;
      }
  }
}

namespace {

/// Emits an error on the first op of `module` outside the LLVM dialect and
/// returns failure if there is one. The conversion passes are partial, so an
/// op without an LLVM lowering survives them inside unrealized casts. The
/// error names that op rather than the casts around it.
LogicalResult checkFullyLowered(ModuleOp module) {
  Operation *unlowered = nullptr;
  module.walk([&](Operation *op) {
    if (isa<ModuleOp>(op) || isa<LLVM::LLVMDialect>(op->getDialect()))
      return WalkResult::advance();
    if (!unlowered || isa<UnrealizedConversionCastOp>(unlowered))
      unlowered = op;
    return isa<UnrealizedConversionCastOp>(op) ? WalkResult::advance()
                                               : WalkResult::interrupt();
  });
  if (!unlowered)
    return success();
  return unlowered->emitError() << "'" << unlowered->getName()
                                << "' was not lowered to the LLVM dialect";
}

} // namespace

std::unique_ptr<llvm::Module>
nas::lowerToLLVMIR(ModuleOp module, func::FuncOp entry,
                   llvm::LLVMContext &llvmContext,
                   const LoweringOptions &loweringOptions) {
  MLIRContext *context = module.getContext();
  eraseUnusedFunctions(module, entry);

  // One-shot bufferization treats function arguments as writable unless
  // marked otherwise, but the C entry point promises to only read its inputs.
  for (unsigned i = 0, e = entry.getNumArguments(); i < e; ++i)
    entry.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                     BoolAttr::get(context, false));

  // The pipeline replaces `entry`, so its name is kept.
  std::string entryName = entry.getSymName().str();
  PassManager pm(context);
  LowerToLLVMOptions options;
  options.boundaryLayout = loweringOptions.boundaryLayout;
  options.cpu = loweringOptions.cpu.empty() ? "host" : loweringOptions.cpu;
  options.prepackWeights = loweringOptions.prepackWeights;
  buildLowerToLLVMPipeline(pm, options);
  if (failed(pm.run(module)) || failed(checkFullyLowered(module)))
    return nullptr;

  registerBuiltinDialectTranslation(*context);
  registerLLVMDialectTranslation(*context);
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, entryName);
  if (!llvmModule)
    emitError(module.getLoc()) << "failed to translate the lowered module of '"
                               << entryName << "' to LLVM IR";
  return llvmModule;
}
