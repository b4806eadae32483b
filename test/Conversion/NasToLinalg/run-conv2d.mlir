// Runs lowered convolutions on small constant inputs. The expected values
// come from Inputs/expected_values.py, which evaluates each convolution with
// direct loops over its definition; the first value of each case is also
// worked out by hand below.
//
// RUN: nas-opt %s -pass-pipeline="builtin.module(nas-to-linalg, \
// RUN:   one-shot-bufferize{bufferize-function-boundaries}, \
// RUN:   buffer-deallocation-pipeline, convert-linalg-to-loops, \
// RUN:   convert-scf-to-cf, expand-strided-metadata, lower-affine, \
// RUN:   convert-to-llvm, reconcile-unrealized-casts)" \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:     -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)

func.func @print(%t: tensor<1x?x?x?xf32>) {
  %flat = tensor.collapse_shape %t [[0, 1, 2, 3]]
      : tensor<1x?x?x?xf32> into tensor<?xf32>
  %u = tensor.cast %flat : tensor<?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// Input 1..20 as 4x5, padding top 1, left 0, bottom 2, right 1, stride 2:
// output 3x2. Output (0, 0) of filter 0 covers the zero row above the input
// and rows 0-1, columns 0-2: (2)(1) + (-2)(3) + (1)(6) + (-1)(8) + bias 1
// = -5.
func.func @asymmetric_padding_stride_2() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0],
                               [6.0, 7.0, 8.0, 9.0, 10.0],
                               [11.0, 12.0, 13.0, 14.0, 15.0],
                               [16.0, 17.0, 18.0, 19.0, 20.0]]]]>
      : tensor<1x1x4x5xf32>
  %w = arith.constant dense<[[[[1.0, 0.0, -1.0], [2.0, 0.0, -2.0],
                               [1.0, 0.0, -1.0]]],
                             [[[0.0, 1.0, 0.0], [1.0, -1.0, 1.0],
                               [0.0, 1.0, 0.0]]]]> : tensor<2x1x3x3xf32>
  %b = arith.constant dense<[1.0, -2.0]> : tensor<2xf32>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 1, 0, 2, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x4x5xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>)
      -> tensor<1x2x3x2xf32>
  %d = tensor.cast %y : tensor<1x2x3x2xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [12]
// CHECK-NEXT: [-5, -5, -7, -7, -1, -1, 7, 11, 34, 40, 15, 17]

// Two 5x5 channels, a 2x2 kernel with dilation 2 (a 3x3 footprint), no
// bias: output 3x3. Output (0, 0) reads rows and columns 0 and 2:
// (-5)(1) + (-2)(2) + (-1)(-1) + (2)(1) for channel 0 and
// (5)(0.5) + (-3)(-1) + (-2)(2) + (1)(1) for channel 1, -3.5 in all.
func.func @dilation_2() {
  %x = arith.constant dense<[[[[-5.0, 2.0, -2.0, 5.0, 1.0],
                               [-3.0, 4.0, 0.0, -4.0, 3.0],
                               [-1.0, -5.0, 2.0, -2.0, 5.0],
                               [1.0, -3.0, 4.0, 0.0, -4.0],
                               [3.0, -1.0, -5.0, 2.0, -2.0]],
                              [[5.0, 1.0, -3.0, 4.0, 0.0],
                               [-4.0, 3.0, -1.0, -5.0, 2.0],
                               [-2.0, 5.0, 1.0, -3.0, 4.0],
                               [0.0, -4.0, 3.0, -1.0, -5.0],
                               [2.0, -2.0, 5.0, 1.0, -3.0]]]]>
      : tensor<1x2x5x5xf32>
  %w = arith.constant dense<[[[[1.0, 2.0], [-1.0, 1.0]],
                              [[0.5, -1.0], [2.0, 1.0]]]]>
      : tensor<1x2x2x2xf32>
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 2, 2>, groups = 1}
      : (tensor<1x2x5x5xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x3x3xf32>
  %d = tensor.cast %y : tensor<1x1x3x3xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [9]
// CHECK-NEXT: [-3.5, 18.5, 7.5, 2, -3.5, -3.5, 2, -3.5, 18.5]

// Four channels in two groups, four filters (two per group), bias. Filter 0
// reads channels 0-1 only: at (0, 0), (-2)(-5) + (-1)(0) + (0)(-1) + (1)(4)
// + (2)(-4) + (-2)(1) + (-1)(0) + (0)(5) + bias 0.5 = 4.5. Filters 2-3 read
// channels 2-3.
func.func @grouped() {
  %x = arith.constant dense<[[[[-5.0, 0.0, 5.0], [-1.0, 4.0, -2.0],
                               [3.0, -3.0, 2.0]],
                              [[-4.0, 1.0, -5.0], [0.0, 5.0, -1.0],
                               [4.0, -2.0, 3.0]],
                              [[-3.0, 2.0, -4.0], [1.0, -5.0, 0.0],
                               [5.0, -1.0, 4.0]],
                              [[-2.0, 3.0, -3.0], [2.0, -4.0, 1.0],
                               [-5.0, 0.0, 5.0]]]]> : tensor<1x4x3x3xf32>
  %w = arith.constant dense<[[[[-2.0, -1.0], [0.0, 1.0]],
                              [[2.0, -2.0], [-1.0, 0.0]]],
                             [[[1.0, 2.0], [-2.0, -1.0]],
                              [[0.0, 1.0], [2.0, -2.0]]],
                             [[[-1.0, 0.0], [1.0, 2.0]],
                              [[-2.0, -1.0], [0.0, 1.0]]],
                             [[[2.0, -2.0], [-1.0, 0.0]],
                              [[1.0, 2.0], [-2.0, -1.0]]]]>
      : tensor<4x2x2x2xf32>
  %b = arith.constant dense<[0.5, 1.0, -1.0, 2.0]> : tensor<4xf32>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x4x3x3xf32>, tensor<4x2x2x2xf32>, tensor<4xf32>)
      -> tensor<1x4x2x2xf32>
  %d = tensor.cast %y : tensor<1x4x2x2xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [16]
// CHECK-NEXT: [4.5, 0.5, -18.5, 10.5, -15, 12, 22, -6, -10, -10, 1, 23, -5, 23, 13, -14]

// Depthwise with channel multiplier 2: groups = 2 = channels, four filters,
// filters 0-1 on channel 0 and filters 2-3 on channel 1. Padding 1, stride
// 2: output 2x2. Filter 2 at (0, 0) sees only input (0, 0) of channel 1
// under its weight (1, 1): 10*1 + bias 2 = 12.
func.func @depthwise_multiplier_2() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]],
                              [[10.0, 11.0, 12.0], [13.0, 14.0, 15.0],
                               [16.0, 17.0, 18.0]]]]> : tensor<1x2x3x3xf32>
  %w = arith.constant dense<[[[[1.0, 0.0], [0.0, 1.0]]],
                             [[[1.0, 1.0], [1.0, 1.0]]],
                             [[[-1.0, 2.0], [0.0, 1.0]]],
                             [[[0.0, 0.0], [1.0, 0.0]]]]>
      : tensor<4x1x2x2xf32>
  %b = arith.constant dense<[0.0, 1.0, 2.0, 3.0]> : tensor<4xf32>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x2x3x3xf32>, tensor<4x1x2x2xf32>, tensor<4xf32>)
      -> tensor<1x4x2x2xf32>
  %d = tensor.cast %y : tensor<1x4x2x2xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [16]
// CHECK-NEXT: [1, 3, 7, 14, 2, 6, 12, 29, 12, 14, 44, 36, 3, 14, 3, 20]

// A 1x1 kernel with stride 3 on 5x5 (values 1..25) reads rows and columns
// 0 and 3 only: 2 * [1, 4, 16, 19].
func.func @stride_greater_than_kernel() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0],
                               [6.0, 7.0, 8.0, 9.0, 10.0],
                               [11.0, 12.0, 13.0, 14.0, 15.0],
                               [16.0, 17.0, 18.0, 19.0, 20.0],
                               [21.0, 22.0, 23.0, 24.0, 25.0]]]]>
      : tensor<1x1x5x5xf32>
  %w = arith.constant dense<2.0> : tensor<1x1x1x1xf32>
  %y = nas.conv2d %x, %w {strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x5x5xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %d = tensor.cast %y : tensor<1x1x2x2xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [4]
// CHECK-NEXT: [2, 8, 32, 38]

func.func @main() {
  call @asymmetric_padding_stride_2() : () -> ()
  call @dilation_2() : () -> ()
  call @grouped() : () -> ()
  call @depthwise_multiplier_2() : () -> ()
  call @stride_greater_than_kernel() : () -> ()
  return
}
