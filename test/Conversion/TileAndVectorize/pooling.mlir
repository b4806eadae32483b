// Pooling vectorizes along the channels like a depthwise convolution
// without weights.
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize=cpu=x86-64-v4 | FileCheck %s --implicit-check-not=nas.

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

// -----

// Global average pooling, as nas-to-linalg lowers it in NHWC: a sum pooling
// over the whole 5 x 9 plane, then the division by 45. Each tile of 16
// channels accumulates the 9 vectors of a row per step of the loop over
// the 5 rows, and the division runs on the sum before the only write; the
// last 5 of the 37 channels take a peeled tile of vector<5xf32>.
// CHECK-LABEL: func.func @global_avg_pool
// CHECK-DAG: %[[COUNT:.*]] = arith.constant dense<4.500000e+01> : vector<16xf32>
// CHECK-DAG: %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK: scf.for %[[CH:.*]] = %c0 to %c32 step %c16
// CHECK: %[[SUM:.*]] = scf.for %[[ROW:.*]] = %c0 to %c5 step %c1 iter_args(%{{.*}} = %[[ZEROS]]) -> (vector<16xf32>)
// CHECK: vector.transfer_read %arg0[%c0, %[[ROW]], %c0, %[[CH]]]{{.*}} : tensor<1x5x9x37xf32>, vector<9x16xf32>
// CHECK-COUNT-9: arith.addf %{{.*}} : vector<16xf32>
// CHECK: %[[MEAN:.*]] = arith.divf %[[SUM]], %[[COUNT]] : vector<16xf32>
// CHECK: vector.transfer_write %[[MEAN]], %{{.*}}[%c0, %c0, %c0, %[[CH]]] {in_bounds = [true]} : vector<16xf32>, tensor<1x1x1x37xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c5 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<5xf32>)
// CHECK: arith.divf %{{.*}} : vector<5xf32>
// CHECK-NOT: linalg.
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @global_avg_pool(%x: tensor<1x5x9x37xf32>) -> tensor<1x1x1x37xf32> {
  %zero = arith.constant 0.0 : f32
  %count = arith.constant 45.0 : f32
  %e = tensor.empty() : tensor<1x1x1x37xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x1x37xf32>) -> tensor<1x1x1x37xf32>
  %window = tensor.empty() : tensor<5x9xf32>
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %window : tensor<1x5x9x37xf32>, tensor<5x9xf32>)
      outs(%init : tensor<1x1x1x37xf32>) -> tensor<1x1x1x37xf32>
  %mean = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%sum : tensor<1x1x1x37xf32>) outs(%e : tensor<1x1x1x37xf32>) {
  ^bb0(%in: f32, %out: f32):
    %q = arith.divf %in, %count : f32
    linalg.yield %q : f32
  } -> tensor<1x1x1x37xf32>
  return %mean : tensor<1x1x1x37xf32>
}
