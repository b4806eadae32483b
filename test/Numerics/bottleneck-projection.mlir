// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=bottleneck_projection | FileCheck %s --check-prefix=BOTTLENECK-PROJECTION
// RUN: nas-run %s --check --repeat=1 --entry=bottleneck_projection_stride2 | FileCheck %s --check-prefix=BOTTLENECK-PROJECTION-STRIDE2

// Projection shortcut, stride 1: 8 -> width 4 -> 16 channels on 13x13.
// BOTTLENECK-PROJECTION: output: tensor<1x16x13x13xf32>
// BOTTLENECK-PROJECTION: check: passed
func.func @bottleneck_projection(%arg0: tensor<1x8x13x13xf32>, %arg1: tensor<4x8x1x1xf32>, %arg2: tensor<4xf32>, %arg3: tensor<4x4x3x3xf32>, %arg4: tensor<4xf32>, %arg5: tensor<16x4x1x1xf32>, %arg6: tensor<16xf32>, %arg7: tensor<16x8x1x1xf32>, %arg8: tensor<16xf32>) -> tensor<1x16x13x13xf32> {
  %1 = nas.bottleneck %arg0 reduce(%arg1, %arg2) conv(%arg3, %arg4) expand(%arg5, %arg6) projection(%arg7, %arg8) {stride = 1, groups = 1} : (tensor<1x8x13x13xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>) -> tensor<1x16x13x13xf32>
  return %1 : tensor<1x16x13x13xf32>
}

// Projection shortcut with stride 2 on 13x13 (odd size).
// BOTTLENECK-PROJECTION-STRIDE2: output: tensor<1x16x7x7xf32>
// BOTTLENECK-PROJECTION-STRIDE2: check: passed
func.func @bottleneck_projection_stride2(%arg0: tensor<1x8x13x13xf32>, %arg1: tensor<4x8x1x1xf32>, %arg2: tensor<4xf32>, %arg3: tensor<4x4x3x3xf32>, %arg4: tensor<4xf32>, %arg5: tensor<16x4x1x1xf32>, %arg6: tensor<16xf32>, %arg7: tensor<16x8x1x1xf32>, %arg8: tensor<16xf32>) -> tensor<1x16x7x7xf32> {
  %1 = nas.bottleneck %arg0 reduce(%arg1, %arg2) conv(%arg3, %arg4) expand(%arg5, %arg6) projection(%arg7, %arg8) {stride = 2, groups = 1} : (tensor<1x8x13x13xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>) -> tensor<1x16x7x7xf32>
  return %1 : tensor<1x16x7x7xf32>
}
