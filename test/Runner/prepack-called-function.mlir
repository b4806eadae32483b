// A public function that another function calls keeps its weight
// transposes, because the entry's pack function does not fill the callee's
// globals. Input [1, 2] and weight rows [1, 0], [0, 1], [1, 1] of a 1x1
// convolution give 1, 2 and 1 + 2 = 3, with packing and without.
// RUN: nas-run %s --entry=outer --repeat=1 --print-values | FileCheck %s
// RUN: nas-run %s --entry=outer --repeat=1 --print-values --prepack-weights=false | FileCheck %s

// CHECK: output: tensor<1x3x1x1xf32>
// CHECK-NEXT: values: [1.000000e+00, 2.000000e+00, 3.000000e+00]
func.func @outer() -> tensor<1x3x1x1xf32> {
  %x = arith.constant dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>
  %w = arith.constant dense<[[[[1.0]], [[0.0]]], [[[0.0]], [[1.0]]], [[[1.0]], [[1.0]]]]> : tensor<3x2x1x1xf32>
  %y = func.call @inner(%x, %w) : (tensor<1x2x1x1xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x1x1xf32>
  return %y : tensor<1x3x1x1xf32>
}

func.func @inner(%x: tensor<1x2x1x1xf32>, %w: tensor<3x2x1x1xf32>) -> tensor<1x3x1x1xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x1x1xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x1x1xf32>
  return %y : tensor<1x3x1x1xf32>
}
