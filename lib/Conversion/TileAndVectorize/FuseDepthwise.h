//===- FuseDepthwise.h - depthwise and 1x1 convolutions by rows -*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_FUSEDEPTHWISE_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_FUSEDEPTHWISE_H

#include "SplitPaddedWindows.h"

#include "nas/Conversion/CpuTarget.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace nas {
namespace tile_and_vectorize {

/// Fuses each depthwise convolution with the 1x1 convolution of stride 1
/// that is the only reader of its result (after its fusable elementwise
/// consumer). Both run in one loop over the output rows. Each iteration
/// computes one row of the depthwise result into a tensor.empty of one row,
/// and then the same row of the 1x1 convolution and its fusable consumer.
/// The depthwise result thus stays in the cache, one row at a time, instead
/// of going to memory and back. Only pairs whose depthwise result is larger
/// than an eighth of the target's L2 cache are fused.
///
/// The row loop is marked with kParallelMarker when `markParallel` is set
/// and the pair has at least `minParallelIterations` iterations. The ops in
/// the loop go to `sequential`, so that their own tile loops are not
/// distributed over the threads too.
void fuseDepthwiseWithPointwise(
    mlir::RewriterBase &rewriter, mlir::func::FuncOp func,
    const CpuTarget &target, FusableConsumerFn getFusableConsumer,
    bool markParallel, int64_t minParallelIterations,
    llvm::SmallPtrSetImpl<mlir::Operation *> &sequential);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_FUSEDEPTHWISE_H
