//===- Passes.h - nas conversion passes -------------------------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_PASSES_H
#define NAS_CONVERSION_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace nas {

/// Layout of the 4-D activations inside a lowered function.
/// Unit attribute of the linalg.generic that nas-to-linalg (NHWC) emits for
/// a grouped convolution whose groups have as many input as output
/// channels, 2, 4 or 8 (see docs/lowering.md). nas-tile-and-vectorize
/// computes its tiles with in-register rotations of the input channels.
constexpr llvm::StringLiteral kRotatedGroupConvAttrName =
    "nas.rotated_group_conv";

enum class ActivationLayout {
  /// Batch, channel, height, width: the layout of the nas ops.
  NCHW,
  /// Batch, height, width, channel: vectorizes along the channels.
  NHWC,
};

#define GEN_PASS_DECL
#include "nas/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nas/Conversion/Passes.h.inc"

/// Options of the nas-lower-to-llvm pipeline.
struct LowerToLLVMOptions : mlir::PassPipelineOptions<LowerToLLVMOptions> {
  Option<std::string> cpu{
      *this, "cpu",
      llvm::cl::desc("CPU that the tile sizes are chosen for: 'host' or an "
                     "LLVM x86-64 CPU name such as 'x86-64-v2'"),
      llvm::cl::init("host")};
  Option<bool> prepackWeights{
      *this, "prepack-weights",
      llvm::cl::desc("Move the weight transposes of every public function "
                     "@f into @f_pack_weights, which writes them to globals "
                     "that @f reads; call it before @f (nas-prepack-weights)"),
      llvm::cl::init(false)};
  Option<ActivationLayout> boundaryLayout{
      *this, "boundary-layout",
      llvm::cl::desc("Memory layout of the 4-D activation arguments and "
                     "results of the public functions (nas-nhwc-boundary)"),
      llvm::cl::init(ActivationLayout::NCHW),
      llvm::cl::values(
          clEnumValN(ActivationLayout::NCHW, "nchw",
                     "N x C x H x W, the layout of the nas ops"),
          clEnumValN(ActivationLayout::NHWC, "nhwc",
                     "N x H x W x C, without transposes at the boundary"))};
  Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Distribute the outermost tile loop of each kernel over "
                     "threads with OpenMP; the code then needs the OpenMP "
                     "runtime (libomp)"),
      llvm::cl::init(false)};
  Option<int64_t> minParallelIterations{
      *this, "min-parallel-iterations",
      llvm::cl::desc("With parallel, the smallest number of iterations "
                     "(multiply-adds, or elements of a copy or transpose) "
                     "of a kernel that is distributed over threads; smaller "
                     "kernels run on one thread, because forking and "
                     "joining would cost more than the second thread saves"),
      llvm::cl::init(131072)};
};

/// Adds the passes that lower nas IR to the LLVM dialect: block expansion,
/// nas-to-linalg in NHWC, tiling and vectorization, bufferization, loops and
/// LLVM conversion.
void buildLowerToLLVMPipeline(mlir::OpPassManager &pm,
                              const LowerToLLVMOptions &options);

/// Adds the nas-lower-to-llvm passes with the default options (tile sizes
/// for the host CPU).
void buildLowerToLLVMPipeline(mlir::OpPassManager &pm);

/// Registers buildLowerToLLVMPipeline as `nas-lower-to-llvm`.
void registerNasPipelines();

/// Returns the name of the function that nas-prepack-weights creates to pack
/// the weights of the public function `funcName`: `<funcName>_pack_weights`.
std::string getPackFunctionName(llvm::StringRef funcName);

} // namespace nas

#endif // NAS_CONVERSION_PASSES_H
