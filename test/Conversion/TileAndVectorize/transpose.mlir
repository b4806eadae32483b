// Transposes are tiled to 16 x 16 blocks (16 = f32 lanes of AVX-512) between
// the last result dimension and the innermost input dimension of more than
// one element, and vectorized. A last result dimension of fewer than 16
// elements, interleaved from as many input rows, is written as whole
// vectors.
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

// An activation NCHW to NHWC: tiles of 16 columns by the 3 channels. A
// tile reads its 3 input rows of 16 elements and writes 3 vectors of 16
// elements into a view that merges the tile's columns and channels. Output
// element e takes element e / 3 of row e % 3: each vector is a shuffle of
// two rows, then a shuffle with the third.
// CHECK-LABEL: func.func @activation
// CHECK: %[[R0:.*]] = vector.transfer_read %arg0[%c0, %c0, %{{.*}}, %{{.*}}], {{.*}} : tensor<1x3x8x32xf32>, vector<16xf32>
// CHECK: %[[R1:.*]] = vector.transfer_read %arg0[%c0, %c1, %{{.*}}, %{{.*}}], {{.*}} : tensor<1x3x8x32xf32>, vector<16xf32>
// CHECK: %[[R2:.*]] = vector.transfer_read %arg0[%c0, %c2, %{{.*}}, %{{.*}}], {{.*}} : tensor<1x3x8x32xf32>, vector<16xf32>
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] : tensor<1x1x16x3xf32> into tensor<1x1x48xf32>
// CHECK: %[[A:.*]] = vector.shuffle %[[R0]], %[[R1]] [0, 16, 2, 1, 17, 5, 2, 18, 8, 3, 19, 11, 4, 20, 14, 5]
// CHECK: %[[B:.*]] = vector.shuffle %[[A]], %[[R2]] [0, 1, 16, 3, 4, 17, 6, 7, 18, 9, 10, 19, 12, 13, 20, 15]
// CHECK: %[[W0:.*]] = vector.transfer_write %[[B]], %[[FLAT]][%c0, %c0, %c0] {{.*}} : vector<16xf32>, tensor<1x1x48xf32>
// CHECK: %[[C:.*]] = vector.shuffle %[[R1]], %[[R2]] [5, 21, 2, 6, 22, 5, 7, 23, 8, 8, 24, 11, 9, 25, 14, 10]
// CHECK: %[[D:.*]] = vector.shuffle %[[C]], %[[R0]] [0, 1, 22, 3, 4, 23, 6, 7, 24, 9, 10, 25, 12, 13, 26, 15]
// CHECK: %[[W1:.*]] = vector.transfer_write %[[D]], %[[W0]][%c0, %c0, %c16]
// CHECK: vector.shuffle %[[R2]], %[[R0]]
// CHECK: %[[W2:.*]] = vector.transfer_write %{{.*}}, %[[W1]][%c0, %c0, %c32]
// CHECK: tensor.expand_shape %[[W2]] {{\[\[}}0], [1], [2, 3]] output_shape [1, 1, 16, 3]
// CHECK-NOT: vector.transpose
func.func @activation(%x: tensor<1x3x8x32xf32>) -> tensor<1x8x32x3xf32> {
  %e = tensor.empty() : tensor<1x8x32x3xf32>
  %t = linalg.transpose ins(%x : tensor<1x3x8x32xf32>) outs(%e : tensor<1x8x32x3xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x8x32x3xf32>
}

// -----

// 20 columns by 2 channels: a tile of 16 columns and a peeled one of 4,
// both written as 2 vectors of their column count.
// CHECK-LABEL: func.func @activation_partial_tile
// CHECK-COUNT-2: vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x1x32xf32>
// CHECK-COUNT-2: vector.transfer_write {{.*}} : vector<4xf32>, tensor<1x1x8xf32>
// CHECK-NOT: vector.transpose
func.func @activation_partial_tile(%x: tensor<1x2x5x20xf32>) -> tensor<1x5x20x2xf32> {
  %e = tensor.empty() : tensor<1x5x20x2xf32>
  %t = linalg.transpose ins(%x : tensor<1x2x5x20xf32>) outs(%e : tensor<1x5x20x2xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x5x20x2xf32>
}

// -----

// 16 channels are as many as the columns of a tile: a 16 x 16 block
// transpose.
// CHECK-LABEL: func.func @activation_wide
// CHECK: vector.transpose
// CHECK-NOT: vector.shuffle
func.func @activation_wide(%x: tensor<1x16x2x16xf32>) -> tensor<1x2x16x16xf32> {
  %e = tensor.empty() : tensor<1x2x16x16xf32>
  %t = linalg.transpose ins(%x : tensor<1x16x2x16xf32>) outs(%e : tensor<1x2x16x16xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x2x16x16xf32>
}
