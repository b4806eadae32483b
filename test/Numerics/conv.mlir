// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=conv_3x3_pad1 | FileCheck %s --check-prefix=CONV-3X3-PAD1
// RUN: nas-run %s --check --repeat=1 --entry=conv_stride_above_kernel | FileCheck %s --check-prefix=CONV-STRIDE-ABOVE-KERNEL
// RUN: nas-run %s --check --repeat=1 --entry=conv_dilation | FileCheck %s --check-prefix=CONV-DILATION
// RUN: nas-run %s --check --repeat=1 --entry=conv_dilation_padded | FileCheck %s --check-prefix=CONV-DILATION-PADDED
// RUN: nas-run %s --check --repeat=1 --entry=conv_asymmetric_padding | FileCheck %s --check-prefix=CONV-ASYMMETRIC-PADDING
// RUN: nas-run %s --check --repeat=1 --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED
// RUN: nas-run %s --check --repeat=1 --entry=conv_depthwise | FileCheck %s --check-prefix=CONV-DEPTHWISE
// RUN: nas-run %s --check --repeat=1 --entry=conv_depthwise_multiplier | FileCheck %s --check-prefix=CONV-DEPTHWISE-MULTIPLIER
// RUN: nas-run %s --check --repeat=1 --entry=conv_no_bias_batch2 | FileCheck %s --check-prefix=CONV-NO-BIAS-BATCH2
// RUN: nas-run %s --check --repeat=1 --entry=conv_stem | FileCheck %s --check-prefix=CONV-STEM
// RUN: nas-run %s --check --repeat=1 --entry=conv_f64 | FileCheck %s --check-prefix=CONV-F64

// 3x3, padding 1, 3 -> 5 channels on 13x13.
// CONV-3X3-PAD1: output: tensor<1x5x13x13xf32>
// CONV-3X3-PAD1: check: passed
func.func @conv_3x3_pad1(%arg0: tensor<1x3x13x13xf32>, %arg1: tensor<5x3x3x3xf32>, %arg2: tensor<5xf32>) -> tensor<1x5x13x13xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x13x13xf32>, tensor<5x3x3x3xf32>, tensor<5xf32>) -> tensor<1x5x13x13xf32>
  return %1 : tensor<1x5x13x13xf32>
}

// 1x1 kernel with stride 3 and 2x2 kernel with stride 3 on 17x17: rows and columns are skipped.
// CONV-STRIDE-ABOVE-KERNEL: output: tensor<1x5x2x2xf32>
// CONV-STRIDE-ABOVE-KERNEL: check: passed
func.func @conv_stride_above_kernel(%arg0: tensor<1x3x17x17xf32>, %arg1: tensor<4x3x1x1xf32>, %arg2: tensor<4xf32>, %arg3: tensor<5x4x2x2xf32>, %arg4: tensor<5xf32>) -> tensor<1x5x2x2xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x17x17xf32>, tensor<4x3x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %2 = nas.conv2d %1, %arg3, %arg4 {strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x4x6x6xf32>, tensor<5x4x2x2xf32>, tensor<5xf32>) -> tensor<1x5x2x2xf32>
  return %2 : tensor<1x5x2x2xf32>
}

// Dilation 2, kernel 3, no padding on 6x6 gives 2x2.
// CONV-DILATION: output: tensor<1x4x2x2xf32>
// CONV-DILATION: check: passed
func.func @conv_dilation(%arg0: tensor<1x3x6x6xf32>, %arg1: tensor<4x3x3x3xf32>, %arg2: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return %1 : tensor<1x4x2x2xf32>
}

// Dilation (3, 2), kernel 3, stride (1, 2), padding 2 on 7x13.
// CONV-DILATION-PADDED: output: tensor<1x5x5x7xf32>
// CONV-DILATION-PADDED: check: passed
func.func @conv_dilation_padded(%arg0: tensor<1x3x7x13xf32>, %arg1: tensor<5x3x3x3xf32>, %arg2: tensor<5xf32>) -> tensor<1x5x5x7xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 1, 2>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 3, 2>, groups = 1} : (tensor<1x3x7x13xf32>, tensor<5x3x3x3xf32>, tensor<5xf32>) -> tensor<1x5x5x7xf32>
  return %1 : tensor<1x5x5x7xf32>
}

// Padding top 0, left 1, bottom 2, right 3 with a 3x2 kernel and stride (2, 1).
// CONV-ASYMMETRIC-PADDING: output: tensor<1x4x4x10xf32>
// CONV-ASYMMETRIC-PADDING: check: passed
func.func @conv_asymmetric_padding(%arg0: tensor<1x3x7x7xf32>, %arg1: tensor<4x3x3x2xf32>, %arg2: tensor<4xf32>) -> tensor<1x4x4x10xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 1>, padding = array<i64: 0, 1, 2, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x7x7xf32>, tensor<4x3x3x2xf32>, tensor<4xf32>) -> tensor<1x4x4x10xf32>
  return %1 : tensor<1x4x4x10xf32>
}

// 6 -> 9 channels in 3 groups, 3x3, padding 1, stride 2, on 13x13.
// CONV-GROUPED: output: tensor<1x9x7x7xf32>
// CONV-GROUPED: check: passed
func.func @conv_grouped(%arg0: tensor<1x6x13x13xf32>, %arg1: tensor<9x2x3x3xf32>, %arg2: tensor<9xf32>) -> tensor<1x9x7x7xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 3} : (tensor<1x6x13x13xf32>, tensor<9x2x3x3xf32>, tensor<9xf32>) -> tensor<1x9x7x7xf32>
  return %1 : tensor<1x9x7x7xf32>
}

// Depthwise 5x5 over 5 channels, stride 2, padding 2, on 17x17.
// CONV-DEPTHWISE: output: tensor<1x5x9x9xf32>
// CONV-DEPTHWISE: check: passed
func.func @conv_depthwise(%arg0: tensor<1x5x17x17xf32>, %arg1: tensor<5x1x5x5xf32>, %arg2: tensor<5xf32>) -> tensor<1x5x9x9xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>, groups = 5} : (tensor<1x5x17x17xf32>, tensor<5x1x5x5xf32>, tensor<5xf32>) -> tensor<1x5x9x9xf32>
  return %1 : tensor<1x5x9x9xf32>
}

// Depthwise with channel multiplier 2: 3 -> 6 channels, groups 3, 3x3, padding 1.
// CONV-DEPTHWISE-MULTIPLIER: output: tensor<1x6x7x7xf32>
// CONV-DEPTHWISE-MULTIPLIER: check: passed
func.func @conv_depthwise_multiplier(%arg0: tensor<1x3x7x7xf32>, %arg1: tensor<6x1x3x3xf32>, %arg2: tensor<6xf32>) -> tensor<1x6x7x7xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 3} : (tensor<1x3x7x7xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<1x6x7x7xf32>
  return %1 : tensor<1x6x7x7xf32>
}

// No bias, batch 2, 1x1 kernel (pointwise) 5 -> 7 channels.
// CONV-NO-BIAS-BATCH2: output: tensor<2x7x7x7xf32>
// CONV-NO-BIAS-BATCH2: check: passed
func.func @conv_no_bias_batch2(%arg0: tensor<2x5x7x7xf32>, %arg1: tensor<7x5x1x1xf32>) -> tensor<2x7x7x7xf32> {
  %1 = nas.conv2d %arg0, %arg1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x5x7x7xf32>, tensor<7x5x1x1xf32>) -> tensor<2x7x7x7xf32>
  return %1 : tensor<2x7x7x7xf32>
}

// A ResNet stem: 7x7, stride 2, padding 3, 3 -> 8 channels on 1x3x32x32.
// CONV-STEM: output: tensor<1x8x16x16xf32>
// CONV-STEM: check: passed
func.func @conv_stem(%arg0: tensor<1x3x32x32xf32>, %arg1: tensor<8x3x7x7xf32>, %arg2: tensor<8xf32>) -> tensor<1x8x16x16xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>, padding = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x32x32xf32>, tensor<8x3x7x7xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  return %1 : tensor<1x8x16x16xf32>
}

// An f64 convolution: 50x50 image, 3x3 kernel, no padding, output 48x48.
// CONV-F64: output: tensor<1x1x48x48xf64>
// CONV-F64: check: passed
func.func @conv_f64(%arg0: tensor<1x1x50x50xf64>, %arg1: tensor<1x1x3x3xf64>, %arg2: tensor<1xf64>) -> tensor<1x1x48x48xf64> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>, tensor<1xf64>) -> tensor<1x1x48x48xf64>
  return %1 : tensor<1x1x48x48xf64>
}
