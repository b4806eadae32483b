// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=bottleneck_identity | FileCheck %s --check-prefix=BOTTLENECK-IDENTITY
// RUN: nas-run %s --check --repeat=1 --entry=bottleneck_chain | FileCheck %s --check-prefix=BOTTLENECK-CHAIN

// Identity shortcut: 16 -> width 4 -> 16 channels on 7x7.
// BOTTLENECK-IDENTITY: output: tensor<1x16x7x7xf32>
// BOTTLENECK-IDENTITY: check: passed
func.func @bottleneck_identity(%arg0: tensor<1x16x7x7xf32>, %arg1: tensor<4x16x1x1xf32>, %arg2: tensor<4xf32>, %arg3: tensor<4x4x3x3xf32>, %arg4: tensor<4xf32>, %arg5: tensor<16x4x1x1xf32>, %arg6: tensor<16xf32>) -> tensor<1x16x7x7xf32> {
  %1 = nas.bottleneck %arg0 reduce(%arg1, %arg2) conv(%arg3, %arg4) expand(%arg5, %arg6) {stride = 1, groups = 1} : (tensor<1x16x7x7xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>) -> tensor<1x16x7x7xf32>
  return %1 : tensor<1x16x7x7xf32>
}

// Two blocks in a row: a projection block then an identity block.
// BOTTLENECK-CHAIN: output: tensor<1x16x5x5xf32>
// BOTTLENECK-CHAIN: check: passed
func.func @bottleneck_chain(%arg0: tensor<1x8x9x9xf32>, %arg1: tensor<4x8x1x1xf32>, %arg2: tensor<4xf32>, %arg3: tensor<4x4x3x3xf32>, %arg4: tensor<4xf32>, %arg5: tensor<16x4x1x1xf32>, %arg6: tensor<16xf32>, %arg7: tensor<16x8x1x1xf32>, %arg8: tensor<16xf32>, %arg9: tensor<4x16x1x1xf32>, %arg10: tensor<4xf32>, %arg11: tensor<4x4x3x3xf32>, %arg12: tensor<4xf32>, %arg13: tensor<16x4x1x1xf32>, %arg14: tensor<16xf32>) -> tensor<1x16x5x5xf32> {
  %1 = nas.bottleneck %arg0 reduce(%arg1, %arg2) conv(%arg3, %arg4) expand(%arg5, %arg6) projection(%arg7, %arg8) {stride = 2, groups = 1} : (tensor<1x8x9x9xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>) -> tensor<1x16x5x5xf32>
  %2 = nas.bottleneck %1 reduce(%arg9, %arg10) conv(%arg11, %arg12) expand(%arg13, %arg14) {stride = 1, groups = 1} : (tensor<1x16x5x5xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>) -> tensor<1x16x5x5xf32>
  return %2 : tensor<1x16x5x5xf32>
}
