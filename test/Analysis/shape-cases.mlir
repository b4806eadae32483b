// RUN: nas-opt %s -split-input-file -verify-diagnostics --nas-annotate-costs

// Shape rules that decide costs. A 3x3 kernel with dilation 2 spans
// 2 * (3 - 1) + 1 = 5 input elements, so on a 6x6 input without padding
// the output is (6 - 5) / 1 + 1 = 2 per side; 4x4 would ignore the
// dilation.

func.func @dilation_right_result(%x: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @dilation_wrong_result(%x: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{'nas.conv2d' op expected result of shape 1x1x2x2 (inferred from the operands), got 'tensor<1x1x4x4xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Dynamic spatial sizes verify, but a cost needs every size: the analysis
// names the op and the value and gives no number.
func.func @dynamic_spatial_sizes(%x: tensor<1x3x?x?xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32> {
  // expected-error@+2 {{'nas.conv2d' op cannot compute the cost: input has type 'tensor<1x3x?x?xf32>' with dynamic dimensions; costs need static shapes}}
  // expected-error@+1 {{'nas.conv2d' op cannot compute the cost: result has type 'tensor<1x16x?x?xf32>' with dynamic dimensions; costs need static shapes}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x?x?xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32>
  return %y : tensor<1x16x?x?xf32>
}

// -----

// A dynamic result with static operands is rejected by the verifier: the
// operands fix the result to 1x16x8x8.
func.func @dynamic_result_static_operands(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32> {
  // expected-error@+1 {{'nas.conv2d' op expected result of shape 1x16x8x8 (inferred from the operands), got 'tensor<1x16x?x?xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32>
  return %y : tensor<1x16x?x?xf32>
}

// -----

// A dynamic network input that only flows to the result still needs a size
// for the peak memory.
// expected-error@+1 {{'func.func' op cannot compute the cost: argument #0 has type 'tensor<?x8xf32>' with dynamic dimensions; costs need static shapes}}
func.func @dynamic_argument(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  return %x : tensor<?x8xf32>
}

// -----

// A view of a dynamic tensor has no computeCost error of its own; the
// analysis names its result.
func.func @dynamic_flatten(%y: tensor<?x4x5xf32>) -> tensor<?x20xf32> {
  // expected-error@+1 {{'nas.flatten' op cannot compute the cost: operand #0 has type 'tensor<?x4x5xf32>' with dynamic dimensions; costs need static shapes}}
  %f = nas.flatten %y {axis = 1} : tensor<?x4x5xf32> -> tensor<?x20xf32>
  return %f : tensor<?x20xf32>
}
