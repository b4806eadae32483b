// Verifier and parser errors of nas.fully_connected, the elementwise ops
// (batch_norm, relu, clip, add) and the shape ops (flatten, reshape), with
// the accepted edge cases next to them. nas.conv2d, pooling and the blocks
// have their own files.
// RUN: nas-opt %s -split-input-file -verify-diagnostics | FileCheck %s

//===----------------------------------------------------------------------===//
// nas.fully_connected
//===----------------------------------------------------------------------===//

// Every input dimension but the last is a row: 5x10x3 -> 5x10x8, and a 1-D
// input is a single row.
// CHECK-LABEL: func.func @fc_rows
// CHECK: nas.fully_connected {{.*}} -> tensor<5x10x8xf32>
// CHECK: nas.fully_connected {{.*}} -> tensor<10xf32>
// CHECK: nas.fully_connected {{.*}} -> tensor<?x7x8xf32>
func.func @fc_rows(%x: tensor<5x10x3xf32>, %w: tensor<8x3xf32>,
                   %v: tensor<10xf32>, %m: tensor<10x10xf32>,
                   %d: tensor<?x7x?xf32>)
    -> (tensor<5x10x8xf32>, tensor<10xf32>, tensor<?x7x8xf32>) {
  %0 = nas.fully_connected %x, %w
      : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<5x10x8xf32>
  %1 = nas.fully_connected %v, %m, %v
      : (tensor<10xf32>, tensor<10x10xf32>, tensor<10xf32>) -> tensor<10xf32>
  %2 = nas.fully_connected %d, %w
      : (tensor<?x7x?xf32>, tensor<8x3xf32>) -> tensor<?x7x8xf32>
  return %0, %1, %2 : tensor<5x10x8xf32>, tensor<10xf32>, tensor<?x7x8xf32>
}

// -----

func.func @fc_bias_element_type(%x: tensor<1x3xf32>, %w: tensor<8x3xf32>,
                                %b: tensor<8xf16>) {
  // expected-error@+1 {{expected bias to have element type 'f32' like input, got 'f16'}}
  %0 = nas.fully_connected %x, %w, %b
      : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8xf16>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_weight_rank(%x: tensor<1x3xf32>, %w: tensor<8x3x1xf32>) {
  // expected-error@+1 {{expected weight of rank 2, got 'tensor<8x3x1xf32>'}}
  %0 = nas.fully_connected %x, %w
      : (tensor<1x3xf32>, tensor<8x3x1xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_scalar_input(%x: tensor<f32>, %w: tensor<8x1xf32>) {
  // expected-error@+1 {{expected input of rank >= 1, got 'tensor<f32>'}}
  %0 = nas.fully_connected %x, %w
      : (tensor<f32>, tensor<8x1xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @fc_in_features(%x: tensor<1x3xf32>, %w: tensor<8x4xf32>) {
  // expected-error@+1 {{expected weight of shape 8x3, got 'tensor<8x4xf32>'}}
  %0 = nas.fully_connected %x, %w
      : (tensor<1x3xf32>, tensor<8x4xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_bias_size(%x: tensor<1x3xf32>, %w: tensor<8x3xf32>,
                        %b: tensor<3xf32>) {
  // expected-error@+1 {{expected bias of shape 8, got 'tensor<3xf32>'}}
  %0 = nas.fully_connected %x, %w, %b
      : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<3xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_result(%x: tensor<5x10x3xf32>, %w: tensor<8x3xf32>) {
  // expected-error@+1 {{expected result of shape 5x10x8 (inferred from the operands), got 'tensor<50x8xf32>'}}
  %0 = nas.fully_connected %x, %w
      : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<50x8xf32>
  return
}

// -----

func.func @fc_dynamic_result(%x: tensor<1x3xf32>, %w: tensor<8x3xf32>) {
  // expected-error@+1 {{expected result of shape 1x8 (inferred from the operands), got 'tensor<1x?xf32>'}}
  %0 = nas.fully_connected %x, %w
      : (tensor<1x3xf32>, tensor<8x3xf32>) -> tensor<1x?xf32>
  return
}

// -----

func.func @fc_missing_weight(%x: tensor<1x3xf32>) {
  // expected-error@+1 {{expected ','}}
  %0 = nas.fully_connected %x : (tensor<1x3xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_generic_missing_weight(%x: tensor<1x3xf32>) {
  // expected-error@+1 {{'nas.fully_connected' op expected 2 or more operands, but found 1}}
  %0 = "nas.fully_connected"(%x) : (tensor<1x3xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @fc_type_count(%x: tensor<1x3xf32>, %w: tensor<8x3xf32>) {
  // expected-error@+1 {{number of operands and types do not match: got 2 operands and 1 types}}
  %0 = nas.fully_connected %x, %w : (tensor<1x3xf32>) -> tensor<1x8xf32>
  return
}

//===----------------------------------------------------------------------===//
// nas.batch_norm
//===----------------------------------------------------------------------===//

// -----

// Rank 2 (N x C) is accepted, as in PyTorch's BatchNorm1d.
// CHECK-LABEL: func.func @bn_rank2
// CHECK: nas.batch_norm {{.*}} -> tensor<4x8xf32>
func.func @bn_rank2(%x: tensor<4x8xf32>, %s: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = nas.batch_norm %x, %s, %s, %s, %s {epsilon = 0.0 : f32}
      : (tensor<4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @bn_element_type(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                           %m: tensor<8xf16>) {
  // expected-error@+1 {{expected mean to have element type 'f32' like input, got 'f16'}}
  %0 = nas.batch_norm %x, %s, %s, %m, %s {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf16>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_rank1(%x: tensor<8xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{expected input of rank >= 2, got 'tensor<8xf32>'}}
  %0 = nas.batch_norm %x, %s, %s, %s, %s {epsilon = 1.0e-05 : f32}
      : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @bn_scale(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                    %t: tensor<4xf32>) {
  // expected-error@+1 {{expected scale of shape 8, got 'tensor<4xf32>'}}
  %0 = nas.batch_norm %x, %t, %s, %s, %s {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_bias(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                   %t: tensor<1x8xf32>) {
  // expected-error@+1 {{expected bias of shape 8, got 'tensor<1x8xf32>'}}
  %0 = nas.batch_norm %x, %s, %t, %s, %s {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<1x8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_mean(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                   %t: tensor<9xf32>) {
  // expected-error@+1 {{expected mean of shape 8, got 'tensor<9xf32>'}}
  %0 = nas.batch_norm %x, %s, %s, %t, %s {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<9xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_variance(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                       %t: tensor<4xf32>) {
  // expected-error@+1 {{expected variance of shape 8, got 'tensor<4xf32>'}}
  %0 = nas.batch_norm %x, %s, %s, %s, %t {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<4xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_negative_epsilon(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{expected epsilon >= 0, got -1.000000e-03}}
  %0 = nas.batch_norm %x, %s, %s, %s, %s {epsilon = -1.0e-03 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_nan_epsilon(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{expected epsilon >= 0, got nan}}
  %0 = nas.batch_norm %x, %s, %s, %s, %s {epsilon = 0x7FC00000 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_result(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8x4x4 (inferred from the operands), got 'tensor<1x8x4x5xf32>'}}
  %0 = nas.batch_norm %x, %s, %s, %s, %s {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x5xf32>
  return
}

// -----

func.func @bn_missing_epsilon(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{'nas.batch_norm' op requires attribute 'epsilon'}}
  %0 = nas.batch_norm %x, %s, %s, %s, %s
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @bn_missing_variance(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{'nas.batch_norm' op expected 5 operands, but found 4}}
  %0 = "nas.batch_norm"(%x, %s, %s, %s) <{epsilon = 1.0e-05 : f32}>
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>)
      -> tensor<1x8x4x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// nas.relu and nas.clip
//===----------------------------------------------------------------------===//

// -----

func.func @relu_element_type(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'i32'}}
  %0 = nas.relu %x : tensor<1x8xf32> -> tensor<1x8xi32>
  return
}

// -----

func.func @relu_result(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8 (inferred from the operands), got 'tensor<8xf32>'}}
  %0 = nas.relu %x : tensor<1x8xf32> -> tensor<8xf32>
  return
}

// -----

func.func @relu_dynamic_result(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8 (inferred from the operands), got 'tensor<?x8xf32>'}}
  %0 = nas.relu %x : tensor<1x8xf32> -> tensor<?x8xf32>
  return
}

// -----

func.func @relu_two_operands(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{'nas.relu' op requires a single operand}}
  %0 = "nas.relu"(%x, %x) : (tensor<1x8xf32>, tensor<1x8xf32>)
      -> tensor<1x8xf32>
  return
}

// -----

func.func @relu_custom_two_operands(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected ':'}}
  %0 = nas.relu %x, %x : tensor<1x8xf32> -> tensor<1x8xf32>
  return
}

// -----

func.func @relu_unsupported_element_type(%x: tensor<1x8xi1>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float or 8-bit signless integer or 32-bit signless integer values, but got 'tensor<1x8xi1>'}}
  %0 = nas.relu %x : tensor<1x8xi1> -> tensor<1x8xi1>
  return
}

// -----

func.func @clip_element_type(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'f16'}}
  %0 = nas.clip %x {min = 0.0 : f32, max = 6.0 : f32}
      : tensor<1x8xf32> -> tensor<1x8xf16>
  return
}

// -----

func.func @clip_min_above_max(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected min <= max, got min 6.000000e+00 and max 0.000000e+00}}
  %0 = nas.clip %x {min = 6.0 : f32, max = 0.0 : f32}
      : tensor<1x8xf32> -> tensor<1x8xf32>
  return
}

// -----

func.func @clip_nan(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected min <= max, got min nan and max 6.000000e+00}}
  %0 = nas.clip %x {min = 0x7FC00000 : f32, max = 6.0 : f32}
      : tensor<1x8xf32> -> tensor<1x8xf32>
  return
}

// -----

func.func @clip_result(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8 (inferred from the operands), got 'tensor<1x9xf32>'}}
  %0 = nas.clip %x {min = 0.0 : f32, max = 6.0 : f32}
      : tensor<1x8xf32> -> tensor<1x9xf32>
  return
}

// -----

func.func @clip_missing_max(%x: tensor<1x8xf32>) {
  // expected-error@+1 {{'nas.clip' op requires attribute 'max'}}
  %0 = nas.clip %x {min = 0.0 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
  return
}

//===----------------------------------------------------------------------===//
// nas.add
//===----------------------------------------------------------------------===//

// -----

// NumPy broadcasting: shapes align at the last dimension and a 1 stretches.
// CHECK-LABEL: func.func @add_broadcast
// CHECK: nas.add {{.*}} : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
// CHECK: nas.add {{.*}} : (tensor<4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: nas.add {{.*}} : (tensor<?x4xf32>, tensor<5x1xf32>) -> tensor<5x4xf32>
// CHECK: nas.add {{.*}} : (tensor<0x4xf32>, tensor<1x4xf32>) -> tensor<0x4xf32>
func.func @add_broadcast(%a: tensor<3x1xf32>, %b: tensor<1x4xf32>,
                         %c: tensor<4xf32>, %d: tensor<2x3x1xf32>,
                         %e: tensor<?x4xf32>, %f: tensor<5x1xf32>,
                         %g: tensor<0x4xf32>) {
  %0 = nas.add %a, %b : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  %1 = nas.add %c, %d : (tensor<4xf32>, tensor<2x3x1xf32>)
      -> tensor<2x3x4xf32>
  %2 = nas.add %e, %f : (tensor<?x4xf32>, tensor<5x1xf32>) -> tensor<5x4xf32>
  %3 = nas.add %g, %b : (tensor<0x4xf32>, tensor<1x4xf32>) -> tensor<0x4xf32>
  return
}

// -----

func.func @add_element_type(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error@+1 {{expected rhs to have element type 'f32' like lhs, got 'f16'}}
  %0 = nas.add %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @add_incompatible(%a: tensor<3x4xf32>, %b: tensor<5x4xf32>) {
  // expected-error@+1 {{expected broadcast-compatible operands (each pair of trailing dimensions equal or 1), got 'tensor<3x4xf32>' and 'tensor<5x4xf32>'}}
  %0 = nas.add %a, %b : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x4xf32>
  return
}

// -----

// Broadcasting aligns trailing dimensions: 4 against 3 fails.
func.func @add_leading_alignment(%a: tensor<3x4xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{expected broadcast-compatible operands}}
  %0 = nas.add %a, %b : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @add_result_rank(%a: tensor<3x1xf32>, %b: tensor<1x4xf32>) {
  // expected-error@+1 {{expected result of shape 3x4 (inferred from the operands), got 'tensor<1x3x4xf32>'}}
  %0 = nas.add %a, %b : (tensor<3x1xf32>, tensor<1x4xf32>)
      -> tensor<1x3x4xf32>
  return
}

// -----

func.func @add_dynamic_result(%a: tensor<3x1xf32>, %b: tensor<1x4xf32>) {
  // expected-error@+1 {{expected result of shape 3x4 (inferred from the operands), got 'tensor<3x?xf32>'}}
  %0 = nas.add %a, %b : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x?xf32>
  return
}

//===----------------------------------------------------------------------===//
// nas.flatten and nas.reshape
//===----------------------------------------------------------------------===//

// -----

// Axis 0 gives 1 x everything, axis = rank gives everything x 1, and a
// dynamic factor makes its product dynamic unless another factor is 0.
// CHECK-LABEL: func.func @flatten_axes
// CHECK: nas.flatten {{.*}} : tensor<2x3x4xf32> -> tensor<1x24xf32>
// CHECK: nas.flatten {{.*}} : tensor<2x3x4xf32> -> tensor<24x1xf32>
// CHECK: nas.flatten {{.*}} : tensor<2x?x4xf32> -> tensor<?x4xf32>
// CHECK: nas.flatten {{.*}} : tensor<0x?x4xf32> -> tensor<0x4xf32>
func.func @flatten_axes(%x: tensor<2x3x4xf32>, %d: tensor<2x?x4xf32>,
                        %z: tensor<0x?x4xf32>) {
  %0 = nas.flatten %x {axis = 0} : tensor<2x3x4xf32> -> tensor<1x24xf32>
  %1 = nas.flatten %x {axis = 3} : tensor<2x3x4xf32> -> tensor<24x1xf32>
  %2 = nas.flatten %d {axis = 2} : tensor<2x?x4xf32> -> tensor<?x4xf32>
  %3 = nas.flatten %z {axis = 2} : tensor<0x?x4xf32> -> tensor<0x4xf32>
  return
}

// -----

func.func @flatten_element_type(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'i8'}}
  %0 = nas.flatten %x {axis = 1} : tensor<2x3xf32> -> tensor<2x3xi8>
  return
}

// -----

func.func @flatten_negative_axis(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected axis in [0, 2], got -1}}
  %0 = nas.flatten %x {axis = -1} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @flatten_axis_above_rank(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected axis in [0, 2], got 3}}
  %0 = nas.flatten %x {axis = 3} : tensor<2x3xf32> -> tensor<6x1xf32>
  return
}

// -----

func.func @flatten_overflow(%x: tensor<4611686018427387904x4xf32>) {
  // expected-error@+1 {{expected the flattened size of input 'tensor<4611686018427387904x4xf32>' to fit in 64 bits}}
  %0 = nas.flatten %x {axis = 0} : tensor<4611686018427387904x4xf32>
      -> tensor<1x1xf32>
  return
}

// -----

func.func @flatten_result(%x: tensor<2x3x4xf32>) {
  // expected-error@+1 {{expected result of shape 6x4 (inferred from the operands), got 'tensor<2x12xf32>'}}
  %0 = nas.flatten %x {axis = 2} : tensor<2x3x4xf32> -> tensor<2x12xf32>
  return
}

// -----

func.func @flatten_dynamic_result(%x: tensor<2x3x4xf32>) {
  // expected-error@+1 {{expected result of shape 2x12 (inferred from the operands), got 'tensor<2x?xf32>'}}
  %0 = nas.flatten %x {axis = 1} : tensor<2x3x4xf32> -> tensor<2x?xf32>
  return
}

// -----

func.func @flatten_missing_axis(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{'nas.flatten' op requires attribute 'axis'}}
  %0 = nas.flatten %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @reshape_element_type(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'f64'}}
  %0 = nas.reshape %x : tensor<2x3xf32> -> tensor<6xf64>
  return
}

// -----

func.func @reshape_dynamic(%x: tensor<2x?xf32>) {
  // expected-error@+1 {{expected static shapes, got 'tensor<2x?xf32>' -> 'tensor<6xf32>'}}
  %0 = nas.reshape %x : tensor<2x?xf32> -> tensor<6xf32>
  return
}

// -----

func.func @reshape_input_overflow(%x: tensor<4611686018427387904x2xf32>) {
  // expected-error@+1 {{expected the element count of input 'tensor<4611686018427387904x2xf32>' to fit in 64 bits}}
  %0 = nas.reshape %x : tensor<4611686018427387904x2xf32> -> tensor<6xf32>
  return
}

// -----

func.func @reshape_result_overflow(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected the element count of result 'tensor<4611686018427387904x4xf32>' to fit in 64 bits}}
  %0 = nas.reshape %x : tensor<2x3xf32> -> tensor<4611686018427387904x4xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{expected result with 6 elements like the input, got 'tensor<7xf32>'}}
  %0 = nas.reshape %x : tensor<2x3xf32> -> tensor<7xf32>
  return
}

// -----

// A mean over no element has no defined value.
func.func @global_avg_pool_empty_plane(%x: tensor<1x3x0x0xf32>) {
  // expected-error@+1 {{expected an input with non-zero height and width, got 'tensor<1x3x0x0xf32>'}}
  %0 = nas.global_avg_pool2d %x : tensor<1x3x0x0xf32> -> tensor<1x3x1x1xf32>
  return
}

// -----

// Padding 2 + 2 around an empty row gives one window with no input element.
func.func @avg_pool_empty_plane(%x: tensor<1x3x0x4xf32>) {
  // expected-error@+1 {{expected an input with non-zero height and width, got 'tensor<1x3x0x4xf32>'}}
  %0 = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 2, 0, 2, 0>, ceil_mode = false, count_include_pad = false} : tensor<1x3x0x4xf32> -> tensor<1x3x1x2xf32>
  return
}
