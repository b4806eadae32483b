// Runs lowered pooling ops on small constant inputs. The expected values
// come from Inputs/expected_values.py, which evaluates each op with direct
// loops over its definition; some values are also worked out by hand below.
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

// All inputs are negative, so a zero padding would win every border window.
// Kernel 3, stride 2, padding 1 on 6x6 with ceil_mode: (6 + 2 - 3) / 2
// rounds up to 2.5 -> output 4x4. The last window covers rows 5-7: input row
// 5, the padding row 6 and the ceil_mode row 7.
func.func @max_pool_ceil_mode_padding() {
  %x = arith.constant dense<[[[[-1.0, -8.0, -2.0, -9.0, -3.0, -10.0],
                               [-4.0, -11.0, -5.0, -12.0, -6.0, -13.0],
                               [-7.0, -1.0, -8.0, -2.0, -9.0, -3.0],
                               [-10.0, -4.0, -11.0, -5.0, -12.0, -6.0],
                               [-13.0, -7.0, -1.0, -8.0, -2.0, -9.0],
                               [-3.0, -10.0, -4.0, -11.0, -5.0, -12.0]]]]>
      : tensor<1x1x6x6xf32>
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>,
                          strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  %d = tensor.cast %y : tensor<1x1x4x4xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [16]
// CHECK-NEXT: [-1, -2, -3, -10, -1, -1, -2, -3, -3, -1, -2, -6, -3, -4, -5, -12]

// Kernel 2, stride 2 on 5x5 with ceil_mode: output 3x3, the last row and
// column of windows hold one input row or column.
func.func @max_pool_ceil_mode() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0],
                               [6.0, 7.0, 8.0, 9.0, 10.0],
                               [11.0, 12.0, 13.0, 14.0, 15.0],
                               [16.0, 17.0, 18.0, 19.0, 20.0],
                               [21.0, 22.0, 23.0, 24.0, 25.0]]]]>
      : tensor<1x1x5x5xf32>
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>,
                          strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  %d = tensor.cast %y : tensor<1x1x3x3xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [9]
// CHECK-NEXT: [7, 9, 10, 17, 19, 20, 22, 24, 25]

// Kernel 3, stride 2, padding 1 on 5x5 (values 1..25), output 3x3. With
// count_include_pad every window divides by 9: the corner window holds
// 1 + 2 + 6 + 7 = 16, and 16 / 9 = 1.77778. Without it, the corner divides
// by the 4 input elements: 4; the top middle window by 6: (2 + 3 + 4 + 7 +
// 8 + 9) / 6 = 5.5.
func.func @avg_pool() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0],
                               [6.0, 7.0, 8.0, 9.0, 10.0],
                               [11.0, 12.0, 13.0, 14.0, 15.0],
                               [16.0, 17.0, 18.0, 19.0, 20.0],
                               [21.0, 22.0, 23.0, 24.0, 25.0]]]]>
      : tensor<1x1x5x5xf32>
  %with = nas.avg_pool2d %x {kernel = array<i64: 3, 3>,
                             strides = array<i64: 2, 2>,
                             padding = array<i64: 1, 1, 1, 1>,
                             ceil_mode = false, count_include_pad = true}
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  %without = nas.avg_pool2d %x {kernel = array<i64: 3, 3>,
                                strides = array<i64: 2, 2>,
                                padding = array<i64: 1, 1, 1, 1>,
                                ceil_mode = false, count_include_pad = false}
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  %d0 = tensor.cast %with : tensor<1x1x3x3xf32> to tensor<1x?x?x?xf32>
  call @print(%d0) : (tensor<1x?x?x?xf32>) -> ()
  %d1 = tensor.cast %without : tensor<1x1x3x3xf32> to tensor<1x?x?x?xf32>
  call @print(%d1) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [9]
// CHECK-NEXT: [1.77778, 3.66667, 3.11111, 7.66667, 13, 9.66667, 8.44444, 13.6667, 9.77778]
// CHECK: sizes = [9]
// CHECK-NEXT: [4, 5.5, 7, 11.5, 13, 14.5, 19, 20.5, 22]

// Kernel 3, stride 2, padding 1 on 6x6 (values 1..36) with ceil_mode: output
// 4x4, and the windows of the last row and column start at input row or
// column 5 and reach the explicit padding (6) and the ceil_mode overhang (7).
// With count_include_pad, the divisor counts the explicit padding but not
// the overhang (PyTorch's rule): the last window divides 36 by 2 x 2 = 4,
// giving 9; window (0, 2) divides 4 + 5 + 6 + 10 + 11 + 12 = 48 by 3 x 3 = 9,
// giving 5.33333. Without count_include_pad, the last window divides 36 by
// 1, giving 36.
func.func @avg_pool_ceil_mode() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0, 10.0, 11.0, 12.0],
                               [13.0, 14.0, 15.0, 16.0, 17.0, 18.0],
                               [19.0, 20.0, 21.0, 22.0, 23.0, 24.0],
                               [25.0, 26.0, 27.0, 28.0, 29.0, 30.0],
                               [31.0, 32.0, 33.0, 34.0, 35.0, 36.0]]]]>
      : tensor<1x1x6x6xf32>
  %with = nas.avg_pool2d %x {kernel = array<i64: 3, 3>,
                             strides = array<i64: 2, 2>,
                             padding = array<i64: 1, 1, 1, 1>,
                             ceil_mode = true, count_include_pad = true}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  %without = nas.avg_pool2d %x {kernel = array<i64: 3, 3>,
                                strides = array<i64: 2, 2>,
                                padding = array<i64: 1, 1, 1, 1>,
                                ceil_mode = true, count_include_pad = false}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  %d0 = tensor.cast %with : tensor<1x1x4x4xf32> to tensor<1x?x?x?xf32>
  call @print(%d0) : (tensor<1x?x?x?xf32>) -> ()
  %d1 = tensor.cast %without : tensor<1x1x4x4xf32> to tensor<1x?x?x?xf32>
  call @print(%d1) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [16]
// CHECK-NEXT: [2, 4, 5.33333, 3, 9, 15, 17, 9, 17, 27, 29, 15, 10.5, 16.5, 17.5, 9]
// CHECK: sizes = [16]
// CHECK-NEXT: [4.5, 6, 8, 9, 13.5, 15, 17, 18, 25.5, 27, 29, 30, 31.5, 33, 35, 36]

// Two 2x3 planes: (1 + 2 + 3 + 4 + 5 + 7) / 6 = 3.66667 and
// (-1 - 2 + 0 + 0 + 1 + 1) / 6 = -0.166667.
func.func @global_avg_pool() {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]],
                              [[-1.0, -2.0, 0.0], [0.0, 1.0, 1.0]]]]>
      : tensor<1x2x2x3xf32>
  %y = nas.global_avg_pool2d %x : tensor<1x2x2x3xf32> -> tensor<1x2x1x1xf32>
  %d = tensor.cast %y : tensor<1x2x1x1xf32> to tensor<1x?x?x?xf32>
  call @print(%d) : (tensor<1x?x?x?xf32>) -> ()
  return
}
// CHECK: sizes = [2]
// CHECK-NEXT: [3.66667, -0.166667]

func.func @main() {
  call @max_pool_ceil_mode_padding() : () -> ()
  call @max_pool_ceil_mode() : () -> ()
  call @avg_pool() : () -> ()
  call @avg_pool_ceil_mode() : () -> ()
  call @global_avg_pool() : () -> ()
  return
}
