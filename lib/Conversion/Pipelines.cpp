//===- Pipelines.cpp - the nas-lower-to-llvm pass pipeline ----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"
#include "nas/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void nas::buildLowerToLLVMPipeline(OpPassManager &pm,
                                   const LowerToLLVMOptions &options) {
  // nas on tensors to linalg on tensors. Both passes leave functions without
  // nas ops unchanged.
  pm.addPass(createNasStripAttributes());
  pm.addNestedPass<func::FuncOp>(createNasExpandBlocks());
  if (options.boundaryLayout == ActivationLayout::NHWC)
    pm.addPass(createNasNhwcBoundary());
  ConvertNasToLinalgOptions nasToLinalgOptions;
  nasToLinalgOptions.layout = ActivationLayout::NHWC;
  pm.addNestedPass<func::FuncOp>(createConvertNasToLinalg(nasToLinalgOptions));
  pm.addPass(createCanonicalizerPass());
  // Merges chains of elementwise linalg.generic ops (bias, batch norm,
  // activation, residual add) into one loop nest each, leaving the
  // convolutions and matmuls named.
  pm.addNestedPass<func::FuncOp>(createNasFuseElementwise());
  pm.addPass(createCanonicalizerPass());
  if (options.prepackWeights) {
    NasPrepackWeightsOptions prepackOptions;
    prepackOptions.cpu = options.cpu;
    pm.addPass(createNasPrepackWeights(prepackOptions));
  }
  // Convolutions and pooling, with their fused epilogues, become
  // register-blocked vector code.
  NasTileAndVectorizeOptions vectorizeOptions;
  vectorizeOptions.cpu = options.cpu;
  vectorizeOptions.markParallelLoops = options.parallel;
  vectorizeOptions.minParallelIterations = options.minParallelIterations;
  pm.addNestedPass<func::FuncOp>(createNasTileAndVectorize(vectorizeOptions));
  // No CSE before bufferization: it would merge the tensor.empty ops of
  // different layers, and empty tensor elimination would then make them
  // share one buffer, which bufferization resolves with copies.
  pm.addPass(createCanonicalizerPass());

  // Tensors to buffers. Function arguments and results become memrefs with
  // the identity layout, so callers pass plain row-major descriptors.
  bufferization::OneShotBufferizePassOptions bufferizeOptions;
  bufferizeOptions.bufferizeFunctionBoundaries = true;
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // A producer whose result is only inserted into a padded tensor writes
  // into the padded buffer instead of a buffer of its own.
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  // Frees every buffer that does not escape. A returned buffer is owned by
  // the caller, which frees it.
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
  // A tile written in place and then inserted at the same place becomes a
  // copy between two equal subviews: CSE merges them and canonicalization
  // removes the copy.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  // The buffers that each function frees share one allocation per call.
  pm.addNestedPass<func::FuncOp>(createNasPlanBuffers());
  // Weight rows of later reduction steps are fetched into the cache ahead
  // of their use.
  NasPrefetchWeightsOptions prefetchOptions;
  prefetchOptions.cpu = options.cpu;
  pm.addNestedPass<func::FuncOp>(createNasPrefetchWeights(prefetchOptions));
  if (options.parallel) {
    // The canonicalization above drops the loop-carried buffers that
    // bufferization updates in place, so the marked tile loops carry no
    // values.
    pm.addNestedPass<func::FuncOp>(createNasParallelizeLoops());
    pm.addPass(createConvertSCFToOpenMPPass());
    // Consecutive layers share one region, so the threads are forked and
    // joined once instead of once per layer.
    pm.addNestedPass<func::FuncOp>(createNasMergeParallelRegions());
  }

  // The remaining linalg ops become scalar loops, and n-D vector transfers
  // become unrolled 1-D transfers. Unrolling avoids the stack buffer that
  // the loop form allocates per transfer, which grows the stack at every
  // iteration of the enclosing tile loops.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  VectorTransferToSCFOptions transferOptions;
  transferOptions.enableFullUnroll();
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(transferOptions));
  // Folds the element inserts of the unrolled transfers into the extracts
  // that read them, which halves the time LLVM's optimizer takes on
  // ResNet-50.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // The buffers of fused tiles move to the stack only here, after the
  // canonicalization above inlined the alloca scopes that
  // convert-scf-to-openmp wraps around loop bodies. A scope that contains
  // an alloca is not inlined, and convert-scf-to-cf cannot lower it.
  pm.addNestedPass<func::FuncOp>(createNasStackBuffers());
  // Subviews and reshapes become affine index arithmetic, which lower-affine
  // turns into arith ops before scf is lowered.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  // vector.contract becomes one vector.outerproduct per reduction step, that
  // is one vector FMA per accumulator row.
  ConvertVectorToLLVMPassOptions vectorToLLVMOptions;
  vectorToLLVMOptions.vectorContractLowering =
      vector::VectorContractLowering::OuterProduct;
  // A transposed tile becomes one shufflevector, which the x86 backend
  // turns into unpack and permute instructions.
  vectorToLLVMOptions.vectorTransposeLowering =
      vector::VectorTransposeLowering::Shuffle1D;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVMOptions));
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  if (options.parallel)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // The input elements of each reduction step move next to their FMAs, so
  // that LLVM's scheduler does not keep them all live and spill
  // accumulators.
  pm.addNestedPass<LLVM::LLVMFuncOp>(createNasSinkLoads());
}

void nas::buildLowerToLLVMPipeline(OpPassManager &pm) {
  buildLowerToLLVMPipeline(pm, LowerToLLVMOptions());
}

void nas::registerNasPipelines() {
  PassPipelineRegistration<LowerToLLVMOptions>(
      "nas-lower-to-llvm",
      "Lowers nas IR (or linalg on tensors) to the LLVM dialect: block "
      "expansion, nas-to-linalg in NHWC, elementwise fusion, tiling and "
      "vectorization of convolutions and pooling, one-shot bufferization, "
      "buffer deallocation, one buffer arena per function, loops and LLVM "
      "conversion",
      [](OpPassManager &pm, const LowerToLLVMOptions &options) {
        buildLowerToLLVMPipeline(pm, options);
      });
}
