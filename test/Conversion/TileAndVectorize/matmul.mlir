// A matmul with a transposed right operand (a fully connected layer) gets
// that operand transposed and the register block of a convolution.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --implicit-check-not=nas.

// 3 rows by 40 columns: v = 2 vectors (32 columns) with all 3 rows scores
// 40/64 * 6/5 = 0.75, above v = 1 (40/48 * 3/4 = 0.63); the last 8 columns
// are a peeled tile. The 40x64 operand is transposed to 64x40 in 16x16
// tiles first. The 3 x 2 registers of the first block are 6 multiply-add
// chains, split in 2 copies of the reduction body; the 3 of the last block
// in 3 copies.
// CHECK-LABEL: func.func @matmul_transpose_b
// CHECK: vector.transpose %{{.*}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
// CHECK: scf.for %{{.*}} = %c0 to %{{.*}} step %c2 iter_args({{.*}}) -> (vector<3x32xf32>, vector<3x32xf32>)
// CHECK-COUNT-2: vector.contract {{.*}} : vector<3x1xf32>, vector<1x32xf32> into vector<3x32xf32>
// CHECK: arith.addf %{{.*}}, %{{.*}} : vector<3x32xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c63 step %c3 iter_args({{.*}}) -> (vector<3x8xf32>, vector<3x8xf32>, vector<3x8xf32>)
// CHECK-COUNT-3: vector.contract {{.*}} : vector<3x1xf32>, vector<1x8xf32> into vector<3x8xf32>
// CHECK: scf.for %{{.*}} = %c63 to %c64 step %c1
// CHECK-NOT: linalg.matmul
func.func @matmul_transpose_b(%a: tensor<3x64xf32>, %b: tensor<40x64xf32>,
                              %init: tensor<3x40xf32>) -> tensor<3x40xf32> {
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                      affine_map<(m, n, k) -> (n, k)>,
                                      affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %b : tensor<3x64xf32>, tensor<40x64xf32>)
      outs(%init : tensor<3x40xf32>) -> tensor<3x40xf32>
  return %y : tensor<3x40xf32>
}

// -----

// One row: each weight feeds one multiply-add. A weight of 200 KiB, more
// than half of the 256 KiB L2 cache of a named CPU, streams from memory,
// so the tiles are one vector wide, the most tiles for threads to share:
// 6 of 16 columns, then a peeled tile of 4.
// CHECK-LABEL: func.func @matvec_large_weight
// CHECK: scf.for %{{.*}} = %c0 to %c96 step %c16
// CHECK: vector.contract {{.*}} : vector<1xf32>, vector<1x16xf32> into vector<16xf32>
// CHECK: vector.contract {{.*}} : vector<1xf32>, vector<1x4xf32> into vector<4xf32>
func.func @matvec_large_weight(%a: tensor<1x512xf32>, %b: tensor<512x100xf32>,
                               %init: tensor<1x100xf32>) -> tensor<1x100xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<1x512xf32>, tensor<512x100xf32>)
      outs(%init : tensor<1x100xf32>) -> tensor<1x100xf32>
  return %y : tensor<1x100xf32>
}

// -----

// One row with a 25 KiB weight, which stays in the cache: 2 vectors, 32
// columns per tile (v = 4 would leave a last tile of 36 columns, not a
// whole number of registers), then a peeled tile of 4.
// CHECK-LABEL: func.func @matvec_small_weight
// CHECK: scf.for %{{.*}} = %c0 to %c96 step %c32
// CHECK: vector.contract {{.*}} : vector<1xf32>, vector<1x32xf32> into vector<32xf32>
// CHECK: vector.contract {{.*}} : vector<1xf32>, vector<1x4xf32> into vector<4xf32>
func.func @matvec_small_weight(%a: tensor<1x64xf32>, %b: tensor<64x100xf32>,
                               %init: tensor<1x100xf32>) -> tensor<1x100xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<1x64xf32>, tensor<64x100xf32>)
      outs(%init : tensor<1x100xf32>) -> tensor<1x100xf32>
  return %y : tensor<1x100xf32>
}
