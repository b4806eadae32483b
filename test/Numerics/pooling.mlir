// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=max_pool_resnet | FileCheck %s --check-prefix=MAX-POOL-RESNET
// RUN: nas-run %s --check --repeat=1 --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-POOL-CEIL
// RUN: nas-run %s --check --repeat=1 --entry=max_pool_ceil_padded | FileCheck %s --check-prefix=MAX-POOL-CEIL-PADDED
// RUN: nas-run %s --check --repeat=1 --entry=max_pool_dilation_asymmetric | FileCheck %s --check-prefix=MAX-POOL-DILATION-ASYMMETRIC
// RUN: nas-run %s --check --repeat=1 --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-EXCLUDE-PAD
// RUN: nas-run %s --check --repeat=1 --entry=avg_pool_include_pad | FileCheck %s --check-prefix=AVG-POOL-INCLUDE-PAD
// RUN: nas-run %s --check --repeat=1 --entry=avg_pool_ceil_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-CEIL-EXCLUDE-PAD
// RUN: nas-run %s --check --repeat=1 --entry=avg_pool_ceil_include_pad | FileCheck %s --check-prefix=AVG-POOL-CEIL-INCLUDE-PAD
// RUN: nas-run %s --check --repeat=1 --entry=avg_pool_asymmetric | FileCheck %s --check-prefix=AVG-POOL-ASYMMETRIC
// RUN: nas-run %s --check --repeat=1 --entry=global_avg_pool | FileCheck %s --check-prefix=GLOBAL-AVG-POOL
// RUN: nas-run %s --check --repeat=1 --entry=global_avg_pool_wide | FileCheck %s --check-prefix=GLOBAL-AVG-POOL-WIDE
// RUN: nas-run %s --check --repeat=1 --entry=global_avg_pool_wide --boundary-layout=nhwc --threads=2 --min-parallel-iterations=1 | FileCheck %s --check-prefix=GLOBAL-AVG-POOL-WIDE
// RUN: nas-run %s --check --repeat=1 --entry=global_avg_pool_wide --cpu=x86-64-v2 | FileCheck %s --check-prefix=GLOBAL-AVG-POOL-WIDE
// RUN: nas-run %s --check --repeat=1 --entry=global_avg_pool_f64 --boundary-layout=nhwc | FileCheck %s --check-prefix=GLOBAL-AVG-POOL-F64

// Max pool 3x3, stride 2, padding 1 on 1x3x13x13 (the ResNet stem pool).
// MAX-POOL-RESNET: output: tensor<1x3x7x7xf32>
// MAX-POOL-RESNET: check: passed
func.func @max_pool_resnet(%arg0: tensor<1x3x13x13xf32>) -> tensor<1x3x7x7xf32> {
  %1 = nas.max_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x3x13x13xf32> -> tensor<1x3x7x7xf32>
  return %1 : tensor<1x3x7x7xf32>
}

// Max pool 3x3, stride 2, ceil_mode on 1x3x8x8: 4x4 instead of 3x3.
// MAX-POOL-CEIL: output: tensor<1x3x4x4xf32>
// MAX-POOL-CEIL: check: passed
func.func @max_pool_ceil(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %1 = nas.max_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode = true} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %1 : tensor<1x3x4x4xf32>
}

// Max pool 2x2, stride 2, padding 1, ceil_mode on 7x7: the last window starting in the bottom padding is dropped.
// MAX-POOL-CEIL-PADDED: output: tensor<1x2x4x4xf32>
// MAX-POOL-CEIL-PADDED: check: passed
func.func @max_pool_ceil_padded(%arg0: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %1 = nas.max_pool2d %arg0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = true} : tensor<1x2x7x7xf32> -> tensor<1x2x4x4xf32>
  return %1 : tensor<1x2x4x4xf32>
}

// Max pool 3x2, dilation (2, 1), stride (1, 2), padding [1, 0, 2, 1] on 1x3x9x7.
// MAX-POOL-DILATION-ASYMMETRIC: output: tensor<1x3x8x4xf32>
// MAX-POOL-DILATION-ASYMMETRIC: check: passed
func.func @max_pool_dilation_asymmetric(%arg0: tensor<1x3x9x7xf32>) -> tensor<1x3x8x4xf32> {
  %1 = nas.max_pool2d %arg0 {kernel = array<i64: 3, 2>, strides = array<i64: 1, 2>, padding = array<i64: 1, 0, 2, 1>, dilations = array<i64: 2, 1>, ceil_mode = false} : tensor<1x3x9x7xf32> -> tensor<1x3x8x4xf32>
  return %1 : tensor<1x3x8x4xf32>
}

// Average pool 3x3, stride 2, padding 1 on 1x3x8x8, ceil_mode false, count_include_pad false.
// AVG-POOL-EXCLUDE-PAD: output: tensor<1x3x4x4xf32>
// AVG-POOL-EXCLUDE-PAD: check: passed
func.func @avg_pool_exclude_pad(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %1 = nas.avg_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %1 : tensor<1x3x4x4xf32>
}

// Average pool 3x3, stride 2, padding 1 on 1x3x8x8, ceil_mode false, count_include_pad true.
// AVG-POOL-INCLUDE-PAD: output: tensor<1x3x4x4xf32>
// AVG-POOL-INCLUDE-PAD: check: passed
func.func @avg_pool_include_pad(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %1 = nas.avg_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = true} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %1 : tensor<1x3x4x4xf32>
}

// Average pool 3x3, stride 2, padding 1 on 1x3x8x8, ceil_mode true, count_include_pad false.
// AVG-POOL-CEIL-EXCLUDE-PAD: output: tensor<1x3x5x5xf32>
// AVG-POOL-CEIL-EXCLUDE-PAD: check: passed
func.func @avg_pool_ceil_exclude_pad(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32> {
  %1 = nas.avg_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = false} : tensor<1x3x8x8xf32> -> tensor<1x3x5x5xf32>
  return %1 : tensor<1x3x5x5xf32>
}

// Average pool 3x3, stride 2, padding 1 on 1x3x8x8, ceil_mode true, count_include_pad true.
// AVG-POOL-CEIL-INCLUDE-PAD: output: tensor<1x3x5x5xf32>
// AVG-POOL-CEIL-INCLUDE-PAD: check: passed
func.func @avg_pool_ceil_include_pad(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32> {
  %1 = nas.avg_pool2d %arg0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true} : tensor<1x3x8x8xf32> -> tensor<1x3x5x5xf32>
  return %1 : tensor<1x3x5x5xf32>
}

// Average pool 2x3, stride (3, 1), padding [1, 0, 1, 2], ceil_mode, count_include_pad on 1x2x7x5.
// AVG-POOL-ASYMMETRIC: output: tensor<1x2x3x5xf32>
// AVG-POOL-ASYMMETRIC: check: passed
func.func @avg_pool_asymmetric(%arg0: tensor<1x2x7x5xf32>) -> tensor<1x2x3x5xf32> {
  %1 = nas.avg_pool2d %arg0 {kernel = array<i64: 2, 3>, strides = array<i64: 3, 1>, padding = array<i64: 1, 0, 1, 2>, ceil_mode = true, count_include_pad = true} : tensor<1x2x7x5xf32> -> tensor<1x2x3x5xf32>
  return %1 : tensor<1x2x3x5xf32>
}

// Global average pool on 2x5x7x7.
// GLOBAL-AVG-POOL: output: tensor<2x5x1x1xf32>
// GLOBAL-AVG-POOL: check: passed
func.func @global_avg_pool(%arg0: tensor<2x5x7x7xf32>) -> tensor<2x5x1x1xf32> {
  %1 = nas.global_avg_pool2d %arg0 : tensor<2x5x7x7xf32> -> tensor<2x5x1x1xf32>
  return %1 : tensor<2x5x1x1xf32>
}

// Global average pool of a batch of 3 with 1283 channels (80 vectors of 16
// and 3 more) on a 5 x 9 plane.
// GLOBAL-AVG-POOL-WIDE: output: tensor<3x1283x1x1xf32>
// GLOBAL-AVG-POOL-WIDE: check: passed
func.func @global_avg_pool_wide(%arg0: tensor<3x1283x5x9xf32>) -> tensor<3x1283x1x1xf32> {
  %1 = nas.global_avg_pool2d %arg0 : tensor<3x1283x5x9xf32> -> tensor<3x1283x1x1xf32>
  return %1 : tensor<3x1283x1x1xf32>
}

// Global average pool in f64 on 1 x 37 x 6 x 6.
// GLOBAL-AVG-POOL-F64: output: tensor<1x37x1x1xf64>
// GLOBAL-AVG-POOL-F64: check: passed
func.func @global_avg_pool_f64(%arg0: tensor<1x37x6x6xf64>) -> tensor<1x37x1x1xf64> {
  %1 = nas.global_avg_pool2d %arg0 : tensor<1x37x6x6xf64> -> tensor<1x37x1x1xf64>
  return %1 : tensor<1x37x1x1xf64>
}
