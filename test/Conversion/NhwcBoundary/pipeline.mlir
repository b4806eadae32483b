// The boundary-layout option of nas-lower-to-llvm. The IR is printed after
// elementwise fusion, where the nas ops are lowered and the transposes
// folded, and after weight packing.
// RUN: nas-opt %s --nas-lower-to-llvm="boundary-layout=nhwc prepack-weights=true" -mlir-print-ir-after=nas-fuse-elementwise -mlir-print-ir-after=nas-prepack-weights -o /dev/null 2>&1 | FileCheck %s --check-prefix=NHWC
// RUN: nas-opt %s --nas-lower-to-llvm="boundary-layout=nchw" -mlir-print-ir-after=nas-fuse-elementwise -o /dev/null 2>&1 | FileCheck %s --check-prefix=NCHW
// RUN: nas-opt %s --nas-lower-to-llvm -mlir-print-ir-after=nas-fuse-elementwise -o /dev/null 2>&1 | FileCheck %s --check-prefix=NCHW
// RUN: not nas-opt %s --nas-lower-to-llvm="boundary-layout=nhcw" -o /dev/null 2>&1 | FileCheck %s --check-prefix=INVALID
// RUN: nas-opt %s --nas-lower-to-llvm="boundary-layout=nhwc" | FileCheck %s --check-prefix=LLVM

// The padded argument reaches the padded buffer through a vectorized copy,
// not through the element-by-element memrefCopy runtime function.
// LLVM-LABEL: llvm.func @conv(
// LLVM-NOT: memrefCopy
// LLVM: llvm.intr.fmuladd
// LLVM-NOT: memrefCopy

// A 3x3 convolution with stride 2 and padding 1 (8 x 8 to 4 x 4), then relu.
// With nhwc, the convolution reads the padded argument and its fused relu
// is returned; only the weight is transposed. The weight packing function
// takes the same NHWC argument.
// NHWC-LABEL: IR Dump After NasFuseElementwise
// NHWC: func.func @conv(%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %{{.*}}: tensor<16xf32>) -> tensor<1x4x4x16xf32>
// NHWC-NOT: linalg.transpose
// NHWC: tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// NHWC-NOT: linalg.transpose
// NHWC: linalg.transpose ins(%[[W]] : tensor<16x3x3x3xf32>) {{.*}} permutation = [2, 3, 1, 0]
// NHWC-NOT: linalg.transpose
// NHWC: return %{{.*}} : tensor<1x4x4x16xf32>
// NHWC-LABEL: IR Dump After NasPrepackWeights
// NHWC: func.func @conv(%{{.*}}: tensor<1x8x8x3xf32>, %{{.*}}: tensor<16x3x3x3xf32>, %{{.*}}: tensor<16xf32>) -> tensor<1x4x4x16xf32>
// NHWC: func.func @conv_pack_weights(%{{.*}}: tensor<1x8x8x3xf32>, %{{.*}}: tensor<16x3x3x3xf32>, %{{.*}}: tensor<16xf32>)

// With nchw, the argument is transposed to NHWC and the result back.
// NCHW: func.func @conv(%[[X:.*]]: tensor<1x3x8x8xf32>, %{{.*}}: tensor<16x3x3x3xf32>, %{{.*}}: tensor<16xf32>) -> tensor<1x16x4x4xf32>
// NCHW: linalg.transpose ins(%[[X]] : tensor<1x3x8x8xf32>) {{.*}} permutation = [0, 2, 3, 1]
// NCHW: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
// NCHW-NEXT: return %{{.*}} : tensor<1x16x4x4xf32>

// INVALID: for the --boundary-layout option: Cannot find option named 'nhcw'!
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                %b: tensor<16xf32>) -> tensor<1x16x4x4xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x4x4xf32>
  %r = nas.relu %y : tensor<1x16x4x4xf32> -> tensor<1x16x4x4xf32>
  return %r : tensor<1x16x4x4xf32>
}
