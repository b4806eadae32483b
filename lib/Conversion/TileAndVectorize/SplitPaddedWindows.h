//===- SplitPaddedWindows.h - split windows at the padding ------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITPADDEDWINDOWS_H
#define NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITPADDEDWINDOWS_H

#include "nas/Conversion/CpuTarget.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace nas {
namespace tile_and_vectorize {

/// Returns the elementwise consumer that nas-tile-and-vectorize fuses into
/// the tiles of an anchor, or null.
using FusableConsumerFn =
    llvm::function_ref<mlir::linalg::GenericOp(mlir::linalg::LinalgOp)>;

/// Splits 2-D convolution and pooling ops in NHWC
/// (linalg.conv_2d_nhwc_hwcf, linalg.depthwise_conv_2d_nhwc_hwc,
/// linalg.pooling_nhwc_max/sum) into up to five ops on regions of the
/// output, together with the fusable elementwise consumer
/// (`getFusableConsumer`). An op is split when its shapes are static and
/// its input is a tensor.pad with a constant value (or a channel slice of
/// one, for a group of a grouped convolution) of a value that no linalg op
/// computes, such as a function argument:
///
/// - the interior, the outputs whose windows lie wholly inside the
///   unpadded input, reads a tensor.extract_slice of that input;
/// - the top and bottom strips (all output columns) and the left and right
///   strips (the interior's output rows) read a tensor.pad of a
///   linalg.copy of the few input rows or columns that their windows reach,
///   padded by the amounts that they need.
///
/// Each piece writes its region of one output tensor through
/// tensor.insert_slice into a tensor.empty, and its accumulator
/// initialization (linalg.fill or linalg.broadcast) is recreated on its
/// region, so that each piece is an anchor that the later steps tile, fuse
/// and vectorize, and bufferization computes each region in place. When the
/// result is only padded again, for the next window op, the pieces write
/// into that padded tensor instead. The whole input is never copied into a
/// padded buffer: only the strips' inputs are.
///
/// Ops where the split does not pay stay as they are: inputs below 20 KiB,
/// strips that would copy more than half of the input, interiors of fewer
/// than two rows, and ops of more than 100 multiply-adds per input element
/// when `parallel` is set (the tile loops are marked for the threads), or
/// more than 800 when it is not.
/// Adds to `sequential` the border pieces and strip copies whose tile loops
/// should not be distributed over threads: their work does not pay for a
/// fork and join.
void splitPaddedWindows(mlir::RewriterBase &rewriter, mlir::func::FuncOp func,
                        const CpuTarget &target,
                        FusableConsumerFn getFusableConsumer, bool parallel,
                        llvm::SmallPtrSetImpl<mlir::Operation *> &sequential);

} // namespace tile_and_vectorize
} // namespace nas

#endif // NAS_LIB_CONVERSION_TILEANDVECTORIZE_SPLITPADDEDWINDOWS_H
