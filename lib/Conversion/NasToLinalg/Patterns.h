//===- Patterns.h - nas-to-linalg patterns and helpers ----------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Declarations shared by the files of the nas-to-linalg conversion. The
// patterns assume that the pass has checked every nas op first: static shapes
// and an f32 or f64 element type.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_LIB_CONVERSION_NASTOLINALG_PATTERNS_H
#define NAS_LIB_CONVERSION_NASTOLINALG_PATTERNS_H

#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace nas {
namespace nas_to_linalg {

/// Adds the patterns for nas.conv2d and nas.fully_connected.
void populateConvolutionPatterns(mlir::RewritePatternSet &patterns,
                                 ActivationLayout layout);

/// Adds the patterns for nas.batch_norm, nas.relu, nas.clip and nas.add.
void populateElementwisePatterns(mlir::RewritePatternSet &patterns,
                                 ActivationLayout layout);

/// Adds the patterns for nas.max_pool2d, nas.avg_pool2d and
/// nas.global_avg_pool2d.
void populatePoolingPatterns(mlir::RewritePatternSet &patterns,
                             ActivationLayout layout);

/// Adds the patterns for nas.flatten and nas.reshape.
void populateShapePatterns(mlir::RewritePatternSet &patterns);

/// Returns the ranked tensor type of `value`.
mlir::RankedTensorType getTensorType(mlir::Value value);

/// Creates an arith.constant of the float type `type` with `value`.
mlir::Value createFloatConstant(mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::Type type, double value);

/// Creates a tensor of `type` filled with `value` (tensor.empty and
/// linalg.fill).
mlir::Value createFilledTensor(mlir::OpBuilder &builder, mlir::Location loc,
                               mlir::RankedTensorType type, double value);

/// Creates a tensor of `type` whose elements are `vector[i]` for every index
/// whose dimension `dimension` is i (linalg.broadcast).
mlir::Value createBroadcastAlongDim(mlir::OpBuilder &builder,
                                    mlir::Location loc, mlir::Value vector,
                                    mlir::RankedTensorType type,
                                    int64_t dimension);

/// Pads `input` with `low` elements before and `high` elements after each
/// dimension, all of value `padValue` (tensor.pad). Returns `input` itself if
/// every amount is zero.
mlir::Value createPadded(mlir::OpBuilder &builder, mlir::Location loc,
                         mlir::Value input, llvm::ArrayRef<int64_t> low,
                         llvm::ArrayRef<int64_t> high, double padValue);

/// Reinterprets `input` with the static shape of `type`, in row-major order:
/// one tensor.collapse_shape or tensor.expand_shape where a reassociation of
/// the dimensions exists, otherwise a collapse to 1-D and an expand.
mlir::Value createReshape(mlir::OpBuilder &builder, mlir::Location loc,
                          mlir::Value input, mlir::RankedTensorType type);

/// Permutation of a linalg.transpose from NCHW to NHWC.
inline constexpr int64_t kToChannelsLast[] = {0, 2, 3, 1};
/// Permutation of a linalg.transpose from NHWC to NCHW.
inline constexpr int64_t kToChannelsFirst[] = {0, 3, 1, 2};

/// Returns `type` with its dimensions permuted: dimension i of the result is
/// dimension `permutation[i]` of `type`.
mlir::RankedTensorType getPermutedType(mlir::RankedTensorType type,
                                       llvm::ArrayRef<int64_t> permutation);

/// Transposes `input` into a new tensor (linalg.transpose): dimension i of
/// the result is dimension `permutation[i]` of `input`.
mlir::Value createTranspose(mlir::OpBuilder &builder, mlir::Location loc,
                            mlir::Value input,
                            llvm::ArrayRef<int64_t> permutation);

/// Returns `count` parallel iterator types.
llvm::SmallVector<mlir::utils::IteratorType>
getParallelIterators(unsigned count);

} // namespace nas_to_linalg
} // namespace nas

#endif // NAS_LIB_CONVERSION_NASTOLINALG_PATTERNS_H
