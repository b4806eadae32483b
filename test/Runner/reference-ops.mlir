// The reference evaluator and the compiled code on small constant inputs;
// every expected value is computed by hand in the comment above its function.
// RUN: nas-run %s --reference-only --print-values --entry=conv_asymmetric_pad | FileCheck %s --check-prefix=CONV
// RUN: nas-run %s --reference-only --print-values --entry=avg_pool_include_pad | FileCheck %s --check-prefix=AVG-PAD
// RUN: nas-run %s --reference-only --print-values --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-NOPAD
// RUN: nas-run %s --reference-only --print-values --entry=avg_pool_ceil_include_pad | FileCheck %s --check-prefix=AVG-CEIL-PAD
// RUN: nas-run %s --reference-only --print-values --entry=avg_pool_ceil_exclude_pad | FileCheck %s --check-prefix=AVG-CEIL-NOPAD
// RUN: nas-run %s --reference-only --print-values --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-CEIL
// RUN: nas-run %s --reference-only --print-values --entry=add_broadcast | FileCheck %s --check-prefix=ADD
// RUN: nas-run %s --reference-only --print-values --entry=fully_connected_3d | FileCheck %s --check-prefix=FC
// RUN: nas-run %s --reference-only --print-values --entry=batch_norm | FileCheck %s --check-prefix=BN
// RUN: nas-run %s --reference-only --print-values --entry=activations | FileCheck %s --check-prefix=ACT
// RUN: nas-run %s --reference-only --print-values --entry=pool_flatten_reshape | FileCheck %s --check-prefix=SHAPE
// RUN: nas-run %s --reference-only --print-values --entry=bottleneck | FileCheck %s --check-prefix=BOTTLENECK
// RUN: nas-run %s --reference-only --print-values --entry=inverted_residual | FileCheck %s --check-prefix=INVRES
// The compiled code gives the same values:
// RUN: nas-run %s --repeat=1 --print-values --entry=conv_asymmetric_pad | FileCheck %s --check-prefix=CONV
// RUN: nas-run %s --repeat=1 --print-values --entry=avg_pool_include_pad | FileCheck %s --check-prefix=AVG-PAD
// RUN: nas-run %s --repeat=1 --print-values --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-NOPAD
// RUN: nas-run %s --repeat=1 --print-values --entry=avg_pool_ceil_include_pad | FileCheck %s --check-prefix=AVG-CEIL-PAD
// RUN: nas-run %s --repeat=1 --print-values --entry=avg_pool_ceil_exclude_pad | FileCheck %s --check-prefix=AVG-CEIL-NOPAD
// RUN: nas-run %s --repeat=1 --print-values --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-CEIL
// RUN: nas-run %s --repeat=1 --print-values --entry=add_broadcast | FileCheck %s --check-prefix=ADD
// RUN: nas-run %s --repeat=1 --print-values --entry=fully_connected_3d | FileCheck %s --check-prefix=FC
// RUN: nas-run %s --repeat=1 --print-values --entry=batch_norm | FileCheck %s --check-prefix=BN
// RUN: nas-run %s --repeat=1 --print-values --entry=activations | FileCheck %s --check-prefix=ACT
// RUN: nas-run %s --repeat=1 --print-values --entry=pool_flatten_reshape | FileCheck %s --check-prefix=SHAPE
// RUN: nas-run %s --repeat=1 --print-values --entry=bottleneck | FileCheck %s --check-prefix=BOTTLENECK
// RUN: nas-run %s --repeat=1 --print-values --entry=inverted_residual | FileCheck %s --check-prefix=INVRES

// Input 1..9 in a 3x3 plane, a 2x2 kernel of ones, padding one row on top and
// one column on the right, bias 0.5. Each output is the sum of a 2x2 window
// of the padded input plus 0.5:
//   [0+0+1+2, 0+0+2+3, 0+0+3+0] = [3, 5, 3]
//   [1+2+4+5, 2+3+5+6, 3+0+6+0] = [12, 16, 9]
//   [4+5+7+8, 5+6+8+9, 6+0+9+0] = [24, 28, 15]
// CONV: output: tensor<1x1x3x3xf32>
// CONV-NEXT: values: [3.500000e+00, 5.500000e+00, 3.500000e+00, 1.250000e+01, 1.650000e+01, 9.500000e+00, 2.450000e+01, 2.850000e+01, 1.550000e+01]
// CONV-NEXT: checksum: 1.195000e+02
func.func @conv_asymmetric_pad() -> tensor<1x1x3x3xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %w = arith.constant dense<1.0> : tensor<1x1x2x2xf32>
  %b = arith.constant dense<0.5> : tensor<1xf32>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 0, 0, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// Input 1..16 in a 4x4 plane, kernel 3, stride 2, padding 1. The windows
// cover input rows and columns {0,1} and {1,2,3}:
//   sums 1+2+5+6 = 14, 2+3+4+6+7+8 = 30, 5+6+9+10+13+14 = 57, 99.
// With count_include_pad every window divides by 9; without, by 4, 6, 6, 9.
// AVG-PAD: values: [1.555556e+00, 3.333333e+00, 6.333333e+00, 1.100000e+01]
// AVG-NOPAD: values: [3.500000e+00, 5.000000e+00, 9.500000e+00, 1.100000e+01]
func.func @avg_pool_include_pad() -> tensor<1x1x2x2xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf32>
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = true} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}
func.func @avg_pool_exclude_pad() -> tensor<1x1x2x2xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf32>
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// The same input with ceil_mode: (4 + 2 - 3) / 2 rounds up to 2, so there are
// 3 windows per dimension; the last starts at row 3 and covers input row 3
// and the bottom padding row 4 (row 5 lies past the padding). Its padded
// extent is 2, so with count_include_pad the corner window divides by 2 * 2
// (the PyTorch rule), e.g. 16 / 4 = 4, and the window at row 0,
// column 3 divides by 3 * 2: (4 + 8) / 6 = 2. Without, they divide by the
// number of input elements: 16 / 1 and 12 / 2.
// AVG-CEIL-PAD: output: tensor<1x1x3x3xf32>
// AVG-CEIL-PAD-NEXT: values: [1.555556e+00, 3.333333e+00, 2.000000e+00, 6.333333e+00, 1.100000e+01, 6.000000e+00, 4.500000e+00, 7.500000e+00, 4.000000e+00]
// AVG-CEIL-NOPAD: values: [3.500000e+00, 5.000000e+00, 6.000000e+00, 9.500000e+00, 1.100000e+01, 1.200000e+01, 1.350000e+01, 1.500000e+01, 1.600000e+01]
func.func @avg_pool_ceil_include_pad() -> tensor<1x1x3x3xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf32>
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}
func.func @avg_pool_ceil_exclude_pad() -> tensor<1x1x3x3xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]]]> : tensor<1x1x4x4xf32>
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = false} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// Input 1..25 in a 5x5 plane, kernel 2, stride 2, ceil_mode: 3 windows per
// dimension, the last covering only row (column) 4.
// MAX-CEIL: values: [7.000000e+00, 9.000000e+00, 1.000000e+01, 1.700000e+01, 1.900000e+01, 2.000000e+01, 2.200000e+01, 2.400000e+01, 2.500000e+01]
func.func @max_pool_ceil() -> tensor<1x1x3x3xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], [11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0], [21.0, 22.0, 23.0, 24.0, 25.0]]]]> : tensor<1x1x5x5xf32>
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode = true} : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// 2x1x3 + 2x1 broadcasts to 2x2x3: out[i][j][k] = lhs[i][0][k] + rhs[j][0].
// ADD: output: tensor<2x2x3xf32>
// ADD-NEXT: values: [1.100000e+01, 1.200000e+01, 1.300000e+01, 2.100000e+01, 2.200000e+01, 2.300000e+01, 1.400000e+01, 1.500000e+01, 1.600000e+01, 2.400000e+01, 2.500000e+01, 2.600000e+01]
func.func @add_broadcast() -> tensor<2x2x3xf32> {
  %lhs = arith.constant dense<[[[1.0, 2.0, 3.0]], [[4.0, 5.0, 6.0]]]> : tensor<2x1x3xf32>
  %rhs = arith.constant dense<[[10.0], [20.0]]> : tensor<2x1xf32>
  %y = nas.add %lhs, %rhs : (tensor<2x1x3xf32>, tensor<2x1xf32>) -> tensor<2x2x3xf32>
  return %y : tensor<2x2x3xf32>
}

// Rows [1, 2, 3], [0, 1, 0], [1, 1, 1], [2, 0, -1] of a 2x2x3 input times
// weight rows [1, 0, 1] and [0, 2, 0], plus bias [10, 20]:
//   [14, 24], [10, 22], [12, 22], [11, 20]
// FC: output: tensor<2x2x2xf32>
// FC-NEXT: values: [1.400000e+01, 2.400000e+01, 1.000000e+01, 2.200000e+01, 1.200000e+01, 2.200000e+01, 1.100000e+01, 2.000000e+01]
func.func @fully_connected_3d() -> tensor<2x2x2xf32> {
  %x = arith.constant dense<[[[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]], [[1.0, 1.0, 1.0], [2.0, 0.0, -1.0]]]> : tensor<2x2x3xf32>
  %w = arith.constant dense<[[1.0, 0.0, 1.0], [0.0, 2.0, 0.0]]> : tensor<2x3xf32>
  %b = arith.constant dense<[10.0, 20.0]> : tensor<2xf32>
  %y = nas.fully_connected %x, %w, %b : (tensor<2x2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2x2xf32>
  return %y : tensor<2x2x2xf32>
}

// Channel 0: (x - 1) / sqrt(3 + 1) * 2 + 0 on [1, 2] gives [0, 1].
// Channel 1: (x - 2) / sqrt(0 + 1) * 1 + 1 on [3, 4] gives [2, 3].
// BN: values: [0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00]
func.func @batch_norm() -> tensor<1x2x1x2xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]]]> : tensor<1x2x1x2xf32>
  %scale = arith.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %bias = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %mean = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = arith.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = nas.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x1x2xf32>
  return %y : tensor<1x2x1x2xf32>
}

// relu then clip to [0.5, 2]: [-1, 0.25, 1, 3] -> [0, 0.25, 1, 3] -> [0.5,
// 0.5, 1, 2].
// ACT: values: [5.000000e-01, 5.000000e-01, 1.000000e+00, 2.000000e+00]
func.func @activations() -> tensor<4xf32> {
  %x = arith.constant dense<[-1.0, 0.25, 1.0, 3.0]> : tensor<4xf32>
  %r = nas.relu %x : tensor<4xf32> -> tensor<4xf32>
  %y = nas.clip %r {min = 0.5 : f32, max = 2.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// Global average of planes [1, 2, 3, 4] and [5, 6, 7, 9] is [2.5, 6.75];
// flatten keeps the order and reshape to 2x1 too.
// SHAPE: output: tensor<2x1xf32>
// SHAPE-NEXT: values: [2.500000e+00, 6.750000e+00]
func.func @pool_flatten_reshape() -> tensor<2x1xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 9.0]]]]> : tensor<1x2x2x2xf32>
  %g = nas.global_avg_pool2d %x : tensor<1x2x2x2xf32> -> tensor<1x2x1x1xf32>
  %f = nas.flatten %g {axis = 1} : tensor<1x2x1x1xf32> -> tensor<1x2xf32>
  %y = nas.reshape %f : tensor<1x2xf32> -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// On a 1x1 plane only the centre of the 3x3 kernel sees data:
// relu(2 * 1 - 1) = 1, relu(1 * 3 + 0.5) = 3.5, 3.5 * 2 + 0 = 7,
// relu(7 + 2) = 9 (identity shortcut).
// BOTTLENECK: values: [9.000000e+00]
func.func @bottleneck() -> tensor<1x1x1x1xf32> {
  %x = arith.constant dense<2.0> : tensor<1x1x1x1xf32>
  %w1 = arith.constant dense<1.0> : tensor<1x1x1x1xf32>
  %b1 = arith.constant dense<-1.0> : tensor<1xf32>
  %w2 = arith.constant dense<[[[[9.0, 9.0, 9.0], [9.0, 3.0, 9.0], [9.0, 9.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %b2 = arith.constant dense<0.5> : tensor<1xf32>
  %w3 = arith.constant dense<2.0> : tensor<1x1x1x1xf32>
  %b3 = arith.constant dense<0.0> : tensor<1xf32>
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) {stride = 1, groups = 1} : (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>, tensor<1xf32>, tensor<1x1x3x3xf32>, tensor<1xf32>, tensor<1x1x1x1xf32>, tensor<1xf32>) -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}

// x = 1, hidden 2: expansion [3 * 1 + 4, -1 * 1 + 0] = [7, -1], relu6 gives
// [6, 0]; depthwise centres [0.5, 2] and bias [0, 1] give [3, 1]; projection
// [1, -1] and bias 0.25 give 2.25; the residual adds 1: 3.25.
// INVRES: values: [3.250000e+00]
func.func @inverted_residual() -> tensor<1x1x1x1xf32> {
  %x = arith.constant dense<1.0> : tensor<1x1x1x1xf32>
  %we = arith.constant dense<[[[[3.0]]], [[[-1.0]]]]> : tensor<2x1x1x1xf32>
  %be = arith.constant dense<[4.0, 0.0]> : tensor<2xf32>
  %wd = arith.constant dense<[[[[9.0, 9.0, 9.0], [9.0, 0.5, 9.0], [9.0, 9.0, 9.0]]], [[[9.0, 9.0, 9.0], [9.0, 2.0, 9.0], [9.0, 9.0, 9.0]]]]> : tensor<2x1x3x3xf32>
  %bd = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %wp = arith.constant dense<[[[[1.0]], [[-1.0]]]]> : tensor<1x2x1x1xf32>
  %bp = arith.constant dense<0.25> : tensor<1xf32>
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 2, kernel_size = 3, stride = 1} : (tensor<1x1x1x1xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>, tensor<1x2x1x1xf32>, tensor<1xf32>) -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}
