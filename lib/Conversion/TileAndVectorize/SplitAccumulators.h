//===- SplitAccumulators.h - independent multiply-add chains ----*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITACCUMULATORS_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITACCUMULATORS_H

#include "nas/Conversion/CpuTarget.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"

namespace nas {
namespace tile_and_vectorize {

/// Gives the reduction loops of `func` with few accumulators several
/// independent chains of multiply-adds. Runs after the accumulators are
/// hoisted and the IR is canonicalized.
///
/// Each step of a loop whose vector iter_args only accumulate
/// vector.contract results depends on the previous one, so a loop with A
/// accumulator registers issues at most A multiply-adds per FMA latency
/// (an estimated 4 cycles on recent x86 cores). A fully connected layer on one input has one
/// accumulator per tile. Such a loop with A < 8 is unrolled by
/// U = ceil(8 / A) (at most half its trip count): copy u of the body
/// accumulates steps u, u + U, ... into accumulators of its own, which
/// start at zero, except copy 0's, which take the loop's initial values.
/// After the loop, the copies' sums are added pairwise, and a loop over the
/// remaining trip count % U steps continues from them.
///
/// This changes the order of the floating-point additions.
void splitAccumulators(mlir::RewriterBase &rewriter, mlir::func::FuncOp func,
                       const CpuTarget &target);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITACCUMULATORS_H
