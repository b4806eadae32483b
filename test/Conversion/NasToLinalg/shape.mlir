// RUN: nas-opt %s -nas-to-linalg -split-input-file | FileCheck %s

// Axis 1 of 2x3x4x5 -> 2x60: one collapse.
// CHECK-LABEL: func.func @flatten_axis_1
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>)
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0], [1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<2x60xf32>
// CHECK: return %[[Y]]
func.func @flatten_axis_1(%x: tensor<2x3x4x5xf32>) -> tensor<2x60xf32> {
  %y = nas.flatten %x {axis = 1} : tensor<2x3x4x5xf32> -> tensor<2x60xf32>
  return %y : tensor<2x60xf32>
}

// -----

// Axis 2 of 2x3x4x5 -> 6x20.
// CHECK-LABEL: func.func @flatten_axis_2
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2, 3]] : tensor<2x3x4x5xf32> into tensor<6x20xf32>
func.func @flatten_axis_2(%x: tensor<2x3x4x5xf32>) -> tensor<6x20xf32> {
  %y = nas.flatten %x {axis = 2} : tensor<2x3x4x5xf32> -> tensor<6x20xf32>
  return %y : tensor<6x20xf32>
}

// -----

// Axis 0 -> 1x120: the leading 1 has no input dimension to come from, so
// the lowering collapses to 1-D and expands.
// CHECK-LABEL: func.func @flatten_axis_0
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<120xf32>
// CHECK: %[[Y:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [1, 120] : tensor<120xf32> into tensor<1x120xf32>
// CHECK: return %[[Y]]
func.func @flatten_axis_0(%x: tensor<2x3x4x5xf32>) -> tensor<1x120xf32> {
  %y = nas.flatten %x {axis = 0} : tensor<2x3x4x5xf32> -> tensor<1x120xf32>
  return %y : tensor<1x120xf32>
}

// -----

// Axis = rank -> 120x1, also through 1-D.
// CHECK-LABEL: func.func @flatten_axis_rank
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<120xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [120, 1] : tensor<120xf32> into tensor<120x1xf32>
func.func @flatten_axis_rank(%x: tensor<2x3x4x5xf32>) -> tensor<120x1xf32> {
  %y = nas.flatten %x {axis = 4} : tensor<2x3x4x5xf32> -> tensor<120x1xf32>
  return %y : tensor<120x1xf32>
}

// -----

// A 2-D input flattened at axis 1 is unchanged: no op remains.
// CHECK-LABEL: func.func @flatten_identity
// CHECK-SAME: (%[[X:.*]]: tensor<4x7xf32>)
// CHECK-NEXT: return %[[X]]
func.func @flatten_identity(%x: tensor<4x7xf32>) -> tensor<4x7xf32> {
  %y = nas.flatten %x {axis = 1} : tensor<4x7xf32> -> tensor<4x7xf32>
  return %y : tensor<4x7xf32>
}

// -----

// The usual classifier input: 1x2048x1x1 -> 1x2048 keeps the unit
// dimensions in the reassociation.
// CHECK-LABEL: func.func @flatten_pooled
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2, 3]] : tensor<1x2048x1x1xf32> into tensor<1x2048xf32>
func.func @flatten_pooled(%x: tensor<1x2048x1x1xf32>) -> tensor<1x2048xf32> {
  %y = nas.flatten %x {axis = 1} : tensor<1x2048x1x1xf32> -> tensor<1x2048xf32>
  return %y : tensor<1x2048xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_expand
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [2, 3, 4] : tensor<2x12xf32> into tensor<2x3x4xf32>
func.func @reshape_expand(%x: tensor<2x12xf32>) -> tensor<2x3x4xf32> {
  %y = nas.reshape %x : tensor<2x12xf32> -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_collapse
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<2x3x4xf64> into tensor<6x4xf64>
func.func @reshape_collapse(%x: tensor<2x3x4xf64>) -> tensor<6x4xf64> {
  %y = nas.reshape %x : tensor<2x3x4xf64> -> tensor<6x4xf64>
  return %y : tensor<6x4xf64>
}

// -----

// 2x6 -> 3x4 regroups the elements across dimensions: no single
// reassociation exists, so the lowering goes through 12.
// CHECK-LABEL: func.func @reshape_regroup
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<2x6xf32> into tensor<12xf32>
// CHECK: tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
func.func @reshape_regroup(%x: tensor<2x6xf32>) -> tensor<3x4xf32> {
  %y = nas.reshape %x : tensor<2x6xf32> -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// -----

// To and from 1-D and rank 0.
// CHECK-LABEL: func.func @reshape_1d_and_scalar
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: tensor.expand_shape %{{.*}} [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1x1x1xf32> into tensor<f32>
func.func @reshape_1d_and_scalar(%x: tensor<2x3x4xf32>, %s: tensor<f32>,
                                 %t: tensor<1x1x1xf32>)
    -> (tensor<24xf32>, tensor<1x1xf32>, tensor<f32>) {
  %y = nas.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %z = nas.reshape %s : tensor<f32> -> tensor<1x1xf32>
  %w = nas.reshape %t : tensor<1x1x1xf32> -> tensor<f32>
  return %y, %z, %w : tensor<24xf32>, tensor<1x1xf32>, tensor<f32>
}
