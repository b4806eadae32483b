// RUN: nas-opt %s -nas-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// A 2-D input is already rows x c_in: no reshape. The weight (c_out x c_in)
// is read transposed through the matmul's indexing maps.
// CHECK-LABEL: func.func @rows_bias
// CHECK-SAME: (%[[X:.*]]: tensor<4x2048xf32>, %[[W:.*]]: tensor<1000x2048xf32>, %[[B:.*]]: tensor<1000xf32>)
// CHECK-NOT: tensor.collapse_shape
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<4x1000xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<1000xf32>) outs(%[[EMPTY]] : tensor<4x1000xf32>) dimensions = [0]
// CHECK: %[[Y:.*]] = linalg.matmul indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]]
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<4x2048xf32>, tensor<1000x2048xf32>) outs(%[[INIT]] : tensor<4x1000xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK: return %[[Y]]
func.func @rows_bias(%x: tensor<4x2048xf32>, %w: tensor<1000x2048xf32>,
                     %b: tensor<1000xf32>) -> tensor<4x1000xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<4x2048xf32>, tensor<1000x2048xf32>, tensor<1000xf32>)
      -> tensor<4x1000xf32>
  return %y : tensor<4x1000xf32>
}

// -----

// A 5x10x3 input has 50 rows; the result 50x8 expands back to 5x10x8.
// CHECK-LABEL: func.func @three_d_no_bias
// CHECK-SAME: (%[[X:.*]]: tensor<5x10x3xf32>, %[[W:.*]]: tensor<8x3xf32>)
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1], [2]] : tensor<5x10x3xf32> into tensor<50x3xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<50x8xf32>)
// CHECK: %[[Y:.*]] = linalg.matmul
// CHECK-SAME: ins(%[[ROWS]], %[[W]] : tensor<50x3xf32>, tensor<8x3xf32>) outs(%[[INIT]] : tensor<50x8xf32>)
// CHECK: %[[OUT:.*]] = tensor.expand_shape %[[Y]] {{\[\[}}0, 1], [2]] output_shape [5, 10, 8] : tensor<50x8xf32> into tensor<5x10x8xf32>
// CHECK: return %[[OUT]]
func.func @three_d_no_bias(%x: tensor<5x10x3xf32>, %w: tensor<8x3xf32>)
    -> tensor<5x10x8xf32> {
  %y = nas.fully_connected %x, %w
      : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<5x10x8xf32>
  return %y : tensor<5x10x8xf32>
}

// -----

// A 1-D input is one row.
// CHECK-LABEL: func.func @one_d
// CHECK: %[[ROW:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [1, 16] : tensor<16xf32> into tensor<1x16xf32>
// CHECK: %[[Y:.*]] = linalg.matmul
// CHECK-SAME: ins(%[[ROW]], %{{.*}} : tensor<1x16xf32>, tensor<10x16xf32>)
// CHECK: tensor.collapse_shape %[[Y]] {{\[\[}}0, 1]] : tensor<1x10xf32> into tensor<10xf32>
func.func @one_d(%x: tensor<16xf32>, %w: tensor<10x16xf32>,
                 %b: tensor<10xf32>) -> tensor<10xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<16xf32>, tensor<10x16xf32>, tensor<10xf32>) -> tensor<10xf32>
  return %y : tensor<10xf32>
}

// -----

// With c_in = 0, the rows are the product of the leading dimensions
// (2 * 3 = 6), not the element count divided by c_in.
// CHECK-LABEL: func.func @no_input_features
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<2x3x0xf32> into tensor<6x0xf32>
// CHECK: %[[Y:.*]] = linalg.matmul
// CHECK-SAME: ins(%[[ROWS]], %{{.*}} : tensor<6x0xf32>, tensor<4x0xf32>) outs(%{{.*}} : tensor<6x4xf32>)
// CHECK: tensor.expand_shape %[[Y]] {{\[\[}}0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
func.func @no_input_features(%x: tensor<2x3x0xf32>, %w: tensor<4x0xf32>,
                             %b: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<2x3x0xf32>, tensor<4x0xf32>, tensor<4xf32>)
      -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}
