// A grouped convolution with 2 groups of 4 channels, a bias and relu, as
// in test/Conversion/TileAndVectorize/grouped.mlir but with the epilogue.
// The accumulators of the 4 columns of a tile start from the bias, read
// once as a vector of 8 channels, not from an initialized tile in memory.
// Relu then runs on the same 8-lane vectors, one per column, which are
// written once each: no vector of 4 channels, the group width, is used.
// RUN: nas-opt %s -nas-to-linalg=layout=nhwc -canonicalize -nas-fuse-elementwise -canonicalize -nas-tile-and-vectorize=cpu=x86-64-v4 | FileCheck %s --implicit-check-not=linalg.broadcast

// CHECK-LABEL: func.func @grouped_bias_relu
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK: %[[BIAS:.*]] = vector.transfer_read %arg2[%c0], %{{.*}} : tensor<8xf32>, vector<8xf32>
// CHECK-NOT: vector.transfer_read {{.*}} tensor<1x1x4x8xf32>
// CHECK: vector.fma {{.*}}, %[[BIAS]] : vector<8xf32>
// CHECK-COUNT-4: arith.maximumf %{{.*}}, %[[ZERO]] : vector<8xf32>
// CHECK-NOT: arith.maximumf
// CHECK-NOT: xf32> to vector<{{.*}}x4xf32>
// CHECK: tensor.insert_slice
// The transpose of the result to NCHW follows.
func.func @grouped_bias_relu(%x: tensor<1x8x6x6xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<8xf32>)
    -> tensor<1x8x4x4xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x8x6x6xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %r = nas.relu %y : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  return %r : tensor<1x8x4x4xf32>
}
