// Transposes are tiled to 16 x 16 blocks (16 = f32 lanes of AVX-512) between
// the last result dimension and the innermost input dimension of more than
// one element, and vectorized.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --implicit-check-not=nas.

// A convolution weight F x C x KH x KW to KH x KW x C x F: the input is
// contiguous along KW = 3, so a tile reads 16 rows of 3 elements and
// writes 3 rows of 16; the 24 filters give a tile of 16 and one of 8.
// CHECK-LABEL: func.func @weight
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<24x40x3x3xf32>, vector<16x1x1x3xf32>
// CHECK: vector.transpose %{{.*}}, [2, 3, 1, 0] : vector<16x1x1x3xf32> to vector<1x3x1x16xf32>
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<24x40x3x3xf32>, vector<8x1x1x3xf32>
// CHECK-NOT: linalg.transpose
func.func @weight(%w: tensor<24x40x3x3xf32>) -> tensor<3x3x40x24xf32> {
  %e = tensor.empty() : tensor<3x3x40x24xf32>
  %t = linalg.transpose ins(%w : tensor<24x40x3x3xf32>) outs(%e : tensor<3x3x40x24xf32>) permutation = [2, 3, 1, 0]
  return %t : tensor<3x3x40x24xf32>
}

// -----

// A 1x1 weight: the unit KH and KW are skipped, and C becomes the
// dimension that is contiguous in the input.
// CHECK-LABEL: func.func @weight_1x1
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<32x64x1x1xf32>, vector<16x16x1x1xf32>
// CHECK: vector.transpose %{{.*}}, [2, 3, 1, 0] : vector<16x16x1x1xf32> to vector<1x1x16x16xf32>
// CHECK-NOT: linalg.transpose
func.func @weight_1x1(%w: tensor<32x64x1x1xf32>) -> tensor<1x1x64x32xf32> {
  %e = tensor.empty() : tensor<1x1x64x32xf32>
  %t = linalg.transpose ins(%w : tensor<32x64x1x1xf32>) outs(%e : tensor<1x1x64x32xf32>) permutation = [2, 3, 1, 0]
  return %t : tensor<1x1x64x32xf32>
}

// -----

// An activation NCHW to NHWC: tiles of 16 columns by the 3 channels.
// CHECK-LABEL: func.func @activation
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<1x3x8x32xf32>, vector<3x1x16xf32>
// CHECK: vector.transpose %{{.*}}, [0, 2, 3, 1] : vector<1x3x1x16xf32> to vector<1x1x16x3xf32>
// CHECK: vector.transfer_write %{{.*}} : vector<16x3xf32>, tensor<1x8x32x3xf32>
func.func @activation(%x: tensor<1x3x8x32xf32>) -> tensor<1x8x32x3xf32> {
  %e = tensor.empty() : tensor<1x8x32x3xf32>
  %t = linalg.transpose ins(%x : tensor<1x3x8x32xf32>) outs(%e : tensor<1x8x32x3xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x8x32x3xf32>
}
