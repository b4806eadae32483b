// RUN: nas-opt %s -nas-to-linalg -split-input-file | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>, %[[S:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>)
// CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x3x4x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[CH]], #[[CH]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]], %[[S]], %[[B]], %[[M]], %[[V]] : {{.*}}) outs(%[[EMPTY]] : tensor<1x3x4x4xf32>)
// CHECK: ^bb0(%[[XV:.*]]: f32, %[[SV:.*]]: f32, %[[BV:.*]]: f32, %[[MV:.*]]: f32, %[[VV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[CENTERED:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[VV]], %[[EPS]] : f32
// CHECK: %[[DEV:.*]] = math.sqrt %[[SHIFTED]] : f32
// CHECK: %[[NORM:.*]] = arith.divf %[[CENTERED]], %[[DEV]] : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[NORM]], %[[SV]] : f32
// CHECK: %[[OUT:.*]] = arith.addf %[[SCALED]], %[[BV]] : f32
// CHECK: linalg.yield %[[OUT]] : f32
func.func @batch_norm(%x: tensor<1x3x4x4xf32>, %scale: tensor<3xf32>,
                      %bias: tensor<3xf32>, %mean: tensor<3xf32>,
                      %variance: tensor<3xf32>) -> tensor<1x3x4x4xf32> {
  %y = nas.batch_norm %x, %scale, %bias, %mean, %variance
      {epsilon = 1.0e-5 : f32}
      : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
         tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}

// -----

// On a 2-D input the channel is still dimension 1. With f64, epsilon becomes
// an f64 constant of the exact value of the f32 attribute: 1e-3 as f32 is
// 0.0010000000474974513.
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @batch_norm_2d_f64
// CHECK: arith.constant 0.0010000000474974513 : f64
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[CH]], #[[CH]], #[[CH]], #[[CH]], #{{.*}}]
// CHECK: math.sqrt %{{.*}} : f64
func.func @batch_norm_2d_f64(%x: tensor<8x5xf64>, %p: tensor<5xf64>)
    -> tensor<8x5xf64> {
  %y = nas.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-3 : f32}
      : (tensor<8x5xf64>, tensor<5xf64>, tensor<5xf64>, tensor<5xf64>,
         tensor<5xf64>) -> tensor<8x5xf64>
  return %y : tensor<8x5xf64>
}

// -----

// CHECK-LABEL: func.func @relu
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]] : tensor<2x3xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[R:.*]] = arith.maximumf %[[V]], %[[ZERO]] : f32
// CHECK: linalg.yield %[[R]] : f32
func.func @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = nas.relu %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @clip_f64
// CHECK: %[[MIN:.*]] = arith.constant -1.500000e+00 : f64
// CHECK: %[[MAX:.*]] = arith.constant 6.000000e+00 : f64
// CHECK: linalg.generic
// CHECK: ^bb0(%[[V:.*]]: f64, %{{.*}}: f64):
// CHECK: %[[LO:.*]] = arith.maximumf %[[V]], %[[MIN]] : f64
// CHECK: %[[HI:.*]] = arith.minimumf %[[LO]], %[[MAX]] : f64
// CHECK: linalg.yield %[[HI]] : f64
func.func @clip_f64(%x: tensor<4xf64>) -> tensor<4xf64> {
  %y = nas.clip %x {min = -1.5 : f32, max = 6.0 : f32}
      : tensor<4xf64> -> tensor<4xf64>
  return %y : tensor<4xf64>
}

// -----

// Same shapes: both operands use the identity map.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @add_same_shape
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK: arith.addf
func.func @add_same_shape(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>)
    -> tensor<2x3xf32> {
  %y = nas.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A shorter operand drops the leading dimensions; a size-1 dimension that
// the result broadcasts reads index 0.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[MID:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-LABEL: func.func @add_broadcast_rhs
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[LAST]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<4xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[MID]], #[[ID]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<3x1xf32>, tensor<2x3x4xf32>)
func.func @add_broadcast_rhs(%a: tensor<2x3x4xf32>, %b: tensor<4xf32>,
                             %c: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %y = nas.add %a, %b : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %z = nas.add %c, %y : (tensor<3x1xf32>, tensor<2x3x4xf32>)
      -> tensor<2x3x4xf32>
  return %z : tensor<2x3x4xf32>
}

// -----

// Both operands broadcast: 2x1 + 1x3 -> 2x3. A size-1 dimension that stays
// size 1 in the result keeps its loop dimension.
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEEP:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-LABEL: func.func @add_broadcast_both
// CHECK: linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #[[ID]]]
// CHECK-SAME: outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ID3]], #[[KEEP]], #[[ID3]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x3x2xf32>, tensor<1x1x2xf32>)
func.func @add_broadcast_both(%a: tensor<2x1xf32>, %b: tensor<1x3xf32>,
                              %c: tensor<1x3x2xf32>, %d: tensor<1x1x2xf32>)
    -> (tensor<2x3xf32>, tensor<1x3x2xf32>) {
  %y = nas.add %a, %b : (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %z = nas.add %c, %d : (tensor<1x3x2xf32>, tensor<1x1x2xf32>)
      -> tensor<1x3x2xf32>
  return %y, %z : tensor<2x3xf32>, tensor<1x3x2xf32>
}

// -----

// A rank-0 operand broadcasts to every element.
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @add_scalar
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]], #{{.*}}]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<f32>)
func.func @add_scalar(%a: tensor<2x3xf32>, %b: tensor<f32>)
    -> tensor<2x3xf32> {
  %y = nas.add %a, %b : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
