// Pooling vectorizes along the channels like a depthwise convolution
// without weights.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 | FileCheck %s --implicit-check-not=nas.

// 3x3 max pooling with stride 2, 4 output columns by 16 channels: r = 4
// needs 4 accumulators and the 2 * 3 + 3 = 9 input vectors of the window.
// The -inf fill of the accumulator becomes the loop's initial vector, and
// each window column takes the maximum with every second input vector.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[NEG_INF:.*]] = arith.constant dense<0xFF800000> : vector<4x16xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK: scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %[[NEG_INF]]) -> (vector<4x16xf32>)
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<1x9x9x16xf32>, vector<9x16xf32>
// CHECK-COUNT-12: arith.maximumf %{{.*}} : vector<16xf32>
// CHECK-NOT: linalg.pooling
func.func @max_pool(%x: tensor<1x9x9x16xf32>) -> tensor<1x4x4x16xf32> {
  %e = tensor.empty() : tensor<1x4x4x16xf32>
  %neg_inf = arith.constant 0xFF800000 : f32
  %init = linalg.fill ins(%neg_inf : f32) outs(%e : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  %window = tensor.empty() : tensor<3x3xf32>
  %y = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %window : tensor<1x9x9x16xf32>, tensor<3x3xf32>)
      outs(%init : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}
