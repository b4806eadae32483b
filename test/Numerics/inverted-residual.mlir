// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=invres_ratio1_stride1 | FileCheck %s --check-prefix=INVRES-RATIO1-STRIDE1
// RUN: nas-run %s --check --repeat=1 --entry=invres_ratio1_stride2 | FileCheck %s --check-prefix=INVRES-RATIO1-STRIDE2
// RUN: nas-run %s --check --repeat=1 --entry=invres_ratio6_stride1 | FileCheck %s --check-prefix=INVRES-RATIO6-STRIDE1
// RUN: nas-run %s --check --repeat=1 --entry=invres_ratio6_stride2 | FileCheck %s --check-prefix=INVRES-RATIO6-STRIDE2
// RUN: nas-run %s --check --repeat=1 --entry=invres_no_residual_stride1 | FileCheck %s --check-prefix=INVRES-NO-RESIDUAL-STRIDE1
// RUN: nas-run %s --check --repeat=1 --entry=invres_kernel5 | FileCheck %s --check-prefix=INVRES-KERNEL5

// Expand ratio 1 (no expansion), stride 1, 5 -> 5 channels: residual.
// INVRES-RATIO1-STRIDE1: output: tensor<1x5x7x7xf32>
// INVRES-RATIO1-STRIDE1: check: passed
func.func @invres_ratio1_stride1(%arg0: tensor<1x5x7x7xf32>, %arg1: tensor<5x1x3x3xf32>, %arg2: tensor<5xf32>, %arg3: tensor<5x5x1x1xf32>, %arg4: tensor<5xf32>) -> tensor<1x5x7x7xf32> {
  %1 = nas.inverted_residual %arg0 depthwise(%arg1, %arg2) project(%arg3, %arg4) {expand_ratio = 1, kernel_size = 3, stride = 1} : (tensor<1x5x7x7xf32>, tensor<5x1x3x3xf32>, tensor<5xf32>, tensor<5x5x1x1xf32>, tensor<5xf32>) -> tensor<1x5x7x7xf32>
  return %1 : tensor<1x5x7x7xf32>
}

// Expand ratio 1, stride 2, 5 -> 3 channels on 13x13: no residual.
// INVRES-RATIO1-STRIDE2: output: tensor<1x3x7x7xf32>
// INVRES-RATIO1-STRIDE2: check: passed
func.func @invres_ratio1_stride2(%arg0: tensor<1x5x13x13xf32>, %arg1: tensor<5x1x3x3xf32>, %arg2: tensor<5xf32>, %arg3: tensor<3x5x1x1xf32>, %arg4: tensor<3xf32>) -> tensor<1x3x7x7xf32> {
  %1 = nas.inverted_residual %arg0 depthwise(%arg1, %arg2) project(%arg3, %arg4) {expand_ratio = 1, kernel_size = 3, stride = 2} : (tensor<1x5x13x13xf32>, tensor<5x1x3x3xf32>, tensor<5xf32>, tensor<3x5x1x1xf32>, tensor<3xf32>) -> tensor<1x3x7x7xf32>
  return %1 : tensor<1x3x7x7xf32>
}

// Expand ratio 6, stride 1, 3 -> 3 channels: residual.
// INVRES-RATIO6-STRIDE1: output: tensor<1x3x7x7xf32>
// INVRES-RATIO6-STRIDE1: check: passed
func.func @invres_ratio6_stride1(%arg0: tensor<1x3x7x7xf32>, %arg1: tensor<18x3x1x1xf32>, %arg2: tensor<18xf32>, %arg3: tensor<18x1x3x3xf32>, %arg4: tensor<18xf32>, %arg5: tensor<3x18x1x1xf32>, %arg6: tensor<3xf32>) -> tensor<1x3x7x7xf32> {
  %1 = nas.inverted_residual %arg0 expand(%arg1, %arg2) depthwise(%arg3, %arg4) project(%arg5, %arg6) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x3x7x7xf32>, tensor<18x3x1x1xf32>, tensor<18xf32>, tensor<18x1x3x3xf32>, tensor<18xf32>, tensor<3x18x1x1xf32>, tensor<3xf32>) -> tensor<1x3x7x7xf32>
  return %1 : tensor<1x3x7x7xf32>
}

// Expand ratio 6, stride 2, 3 -> 5 channels on 17x17.
// INVRES-RATIO6-STRIDE2: output: tensor<1x5x9x9xf32>
// INVRES-RATIO6-STRIDE2: check: passed
func.func @invres_ratio6_stride2(%arg0: tensor<1x3x17x17xf32>, %arg1: tensor<18x3x1x1xf32>, %arg2: tensor<18xf32>, %arg3: tensor<18x1x3x3xf32>, %arg4: tensor<18xf32>, %arg5: tensor<5x18x1x1xf32>, %arg6: tensor<5xf32>) -> tensor<1x5x9x9xf32> {
  %1 = nas.inverted_residual %arg0 expand(%arg1, %arg2) depthwise(%arg3, %arg4) project(%arg5, %arg6) {expand_ratio = 6, kernel_size = 3, stride = 2} : (tensor<1x3x17x17xf32>, tensor<18x3x1x1xf32>, tensor<18xf32>, tensor<18x1x3x3xf32>, tensor<18xf32>, tensor<5x18x1x1xf32>, tensor<5xf32>) -> tensor<1x5x9x9xf32>
  return %1 : tensor<1x5x9x9xf32>
}

// Stride 1 but 4 -> 6 channels: no residual.
// INVRES-NO-RESIDUAL-STRIDE1: output: tensor<1x6x7x7xf32>
// INVRES-NO-RESIDUAL-STRIDE1: check: passed
func.func @invres_no_residual_stride1(%arg0: tensor<1x4x7x7xf32>, %arg1: tensor<24x4x1x1xf32>, %arg2: tensor<24xf32>, %arg3: tensor<24x1x3x3xf32>, %arg4: tensor<24xf32>, %arg5: tensor<6x24x1x1xf32>, %arg6: tensor<6xf32>) -> tensor<1x6x7x7xf32> {
  %1 = nas.inverted_residual %arg0 expand(%arg1, %arg2) depthwise(%arg3, %arg4) project(%arg5, %arg6) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x4x7x7xf32>, tensor<24x4x1x1xf32>, tensor<24xf32>, tensor<24x1x3x3xf32>, tensor<24xf32>, tensor<6x24x1x1xf32>, tensor<6xf32>) -> tensor<1x6x7x7xf32>
  return %1 : tensor<1x6x7x7xf32>
}

// Kernel 5 (padding 2), ratio 3, stride 1, residual, batch 2.
// INVRES-KERNEL5: output: tensor<2x4x9x9xf32>
// INVRES-KERNEL5: check: passed
func.func @invres_kernel5(%arg0: tensor<2x4x9x9xf32>, %arg1: tensor<12x4x1x1xf32>, %arg2: tensor<12xf32>, %arg3: tensor<12x1x5x5xf32>, %arg4: tensor<12xf32>, %arg5: tensor<4x12x1x1xf32>, %arg6: tensor<4xf32>) -> tensor<2x4x9x9xf32> {
  %1 = nas.inverted_residual %arg0 expand(%arg1, %arg2) depthwise(%arg3, %arg4) project(%arg5, %arg6) {expand_ratio = 3, kernel_size = 5, stride = 1} : (tensor<2x4x9x9xf32>, tensor<12x4x1x1xf32>, tensor<12xf32>, tensor<12x1x5x5xf32>, tensor<12xf32>, tensor<4x12x1x1xf32>, tensor<4xf32>) -> tensor<2x4x9x9xf32>
  return %1 : tensor<2x4x9x9xf32>
}
