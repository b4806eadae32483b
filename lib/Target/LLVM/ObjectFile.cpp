//===- ObjectFile.cpp - optimize LLVM IR and emit an object file ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/LLVM/Compile.h"

#include "mlir/ExecutionEngine/OptUtils.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace llvm;

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// Returns the features that the host CPU reports, as a feature string.
std::string getHostFeatures() {
  SubtargetFeatures features;
  for (const auto &feature : sys::getHostCPUFeatures())
    features.AddFeature(feature.first(), feature.second);
  return features.getString();
}

} // namespace

Expected<std::unique_ptr<TargetMachine>>
nas::createTargetMachine(StringRef cpu) {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  Triple triple(sys::getProcessTriple());
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("no LLVM target for the host triple '" + triple.str() +
                     "': " + error);

  std::string cpuName;
  std::string features;
  if (cpu.empty()) {
    cpuName = sys::getHostCPUName().str();
    features = getHostFeatures();
  } else {
    // Asked with the generic CPU, so an unknown name prints no warning.
    std::unique_ptr<MCSubtargetInfo> subtarget(
        target->createMCSubtargetInfo(triple, "", ""));
    if (!subtarget || !subtarget->isCPUStringValid(cpu))
      return makeError("unknown CPU '" + cpu + "' for target '" + triple.str() +
                       "'; `llc-22 -mcpu=help` lists the valid names");
    cpuName = cpu.str();
  }

  TargetOptions options;
  std::unique_ptr<TargetMachine> machine(target->createTargetMachine(
      triple, cpuName, features, options, Reloc::PIC_, std::nullopt,
      CodeGenOptLevel::Aggressive));
  if (!machine)
    return makeError("could not create a target machine for '" + triple.str() +
                     "' and CPU '" + cpuName + "'");
  return machine;
}

Error nas::optimizeModule(Module &module, TargetMachine &machine) {
  std::string message;
  raw_string_ostream os(message);
  if (verifyModule(module, &os))
    return makeError("invalid LLVM IR before optimization: " + message);
  module.setTargetTriple(machine.getTargetTriple());
  module.setDataLayout(machine.createDataLayout());
  std::function<Error(Module *)> optimize = mlir::makeOptimizingTransformer(
      /*optLevel=*/3, /*sizeLevel=*/0, &machine);
  return optimize(&module);
}

Error nas::emitObjectFile(Module &module, TargetMachine &machine,
                          raw_pwrite_stream &os) {
  legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, os, nullptr,
                                  CodeGenFileType::ObjectFile))
    return makeError("the target machine cannot emit object files");
  passes.run(module);
  return Error::success();
}
