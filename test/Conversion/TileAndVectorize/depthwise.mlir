// Depthwise convolutions vectorize along the channels: each kernel column
// is one vector.fma of the input row shifted by the column with the
// broadcast weight vector.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 | FileCheck %s --check-prefixes=CHECK,AVX512 --implicit-check-not=nas.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v3 | FileCheck %s --check-prefixes=CHECK,AVX2 --implicit-check-not=nas.

// 11 output columns by 32 channels, 3x3 window, stride 1. A tile of r
// columns keeps r accumulators, the r + 2 input vectors of its window and
// 3 weight vectors in registers, with one register to spare:
// - AVX-512 (32 registers): r = 11 needs 11 + 13 + 3 + 3 = 30 <= 31, so
//   one tile covers the row; the channels are tiled by 16.
// - AVX2 (16 registers): r = 5 is the largest with 2r + 5 <= 15; the 11
//   columns then split into 3 tiles, balanced to 4, 4 and 3 columns; the
//   channels are tiled by 8.
// CHECK-LABEL: func.func @depthwise
// CHECK: scf.for %{{.*}} = %c0 to %c11 step %c1
// AVX512: scf.for %{{.*}} = %c0 to %c32 step %c16
// AVX512: scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<11x16xf32>)
// AVX512: vector.transfer_read %arg0{{.*}} : tensor<1x13x13x32xf32>, vector<13x16xf32>
// AVX512: vector.transfer_read %arg1{{.*}} : tensor<3x3x32xf32>, vector<3x16xf32>
// AVX512-COUNT-3: vector.fma %{{.*}} : vector<11x16xf32>
// AVX2: scf.for %{{.*}} = %c0 to %c8 step %c4
// AVX2: scf.for %{{.*}} = %c0 to %c32 step %c8
// AVX2-COUNT-3: vector.fma %{{.*}} : vector<4x8xf32>
// AVX2-COUNT-3: vector.fma %{{.*}} : vector<3x8xf32>
// CHECK-NOT: linalg.depthwise
func.func @depthwise(%x: tensor<1x13x13x32xf32>, %w: tensor<3x3x32xf32>)
    -> tensor<1x11x11x32xf32> {
  %e = tensor.empty() : tensor<1x11x11x32xf32>
  %zero = arith.constant 0.0 : f32
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x11x11x32xf32>) -> tensor<1x11x11x32xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x13x13x32xf32>, tensor<3x3x32xf32>)
      outs(%init : tensor<1x11x11x32xf32>) -> tensor<1x11x11x32xf32>
  return %y : tensor<1x11x11x32xf32>
}
