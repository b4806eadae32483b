// nas-tile-and-vectorize on NHWC convolutions, for the register files of
// three x86-64 levels: AVX-512 (32 registers of 16 f32), AVX2 (16 of 8) and
// SSE4.2 (16 of 4).
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --check-prefixes=CHECK,AVX512 --implicit-check-not=nas.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v3 -split-input-file | FileCheck %s --check-prefixes=CHECK,AVX2 --implicit-check-not=nas.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v2 -split-input-file | FileCheck %s --check-prefixes=CHECK,SSE --implicit-check-not=nas.

// A 3x3 convolution with bias and relu, 14 x 14 outputs by 64 channels.
// A block of R image rows by P columns by v vectors needs R * P * v + v + 1
// registers and scores (useful fraction) * R * P * v / (R * P + c * v),
// where a weight vector costs c load slots: 1 while the weight panel
// (144 x v vectors) fits in half of the 32 KiB L1 cache that a named CPU is
// given, and its bytes / 32 otherwise. A block spans several image rows
// only when it spans whole rows.
// - AVX-512: the panel takes 9 KiB per vector, so c = 2 for v >= 2.
//   v = 2, 1 x 14 scores 28/(14 + 4) = 1.56, above v = 4, 1 x 5
//   (14/15 * 20/13 = 1.44) and 1 x 6 (14/18 * 24/14 = 1.33). Tiles of one
//   whole row by 32 channels.
// - AVX2 and SSE, with c = 1 and P <= 6 for v = 2: 1 x 5 scores
//   14/15 * 10/7 = 1.33, above 1 x 6 (14/18 * 12/8 = 1.17) and v = 1,
//   1 x 14 (14/15). Tiles of 5 columns: 0, 5, then the peeled 10..13, by
//   16 channels for AVX2 and 8 for SSE.
// The bias initializes the accumulators, the reduction loops over the
// kernel rows, kernel columns and input channels carry them in registers,
// and relu runs on the block before the only write to the result.
// The weight (36 KiB) fits in a quarter of the 256 KiB L2 cache, so the
// output rows are the outermost tile loop. It does not fit in half of the
// L1 cache, but with AVX2 and SSE the panel of one channel tile does (9 and
// 4.5 KiB): the channel tiles go inside the rows, and the column tiles
// inside them.
// CHECK-LABEL: func.func @conv_bias_relu
// CHECK: scf.for %[[ROW:.*]] = %c0 to %c14 step %c1
// AVX512-NOT: scf.for {{.*}} step %c14
// AVX512: scf.for %[[CH:.*]] = %c0 to %c64 step %c32
// AVX512: %[[BIAS:.*]] = vector.transfer_read %arg2[%[[CH]]], {{.*}} : tensor<64xf32>, vector<32xf32>
// AVX512: %[[INIT:.*]] = vector.broadcast %[[BIAS]] : vector<32xf32> to vector<14x32xf32>
// AVX512: %[[ACC:.*]] = scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %[[INIT]]) -> (vector<14x32xf32>)
// AVX512: scf.for %{{.*}} = %c0 to %c3 step %c1
// AVX512: scf.for %{{.*}} = %c0 to %c16 step %c1
// AVX512: vector.contract {{.*}} : vector<14x1xf32>, vector<1x32xf32> into vector<14x32xf32>
// AVX512: %[[RELU:.*]] = arith.maximumf %[[ACC]], %{{.*}} : vector<14x32xf32>
// AVX512: vector.transfer_write %[[RELU]], %{{.*}}[%c0, %[[ROW]], %c0, %[[CH]]] {{.*}} : vector<14x32xf32>, tensor<1x14x14x64xf32>
// AVX2: scf.for %{{.*}} = %c0 to %c64 step %c16
// AVX2: scf.for %{{.*}} = %c0 to %c10 step %c5
// AVX2: scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<5x16xf32>)
// AVX2: scf.for %{{.*}} = %c0 to %c3 step %c1
// AVX2: scf.for %{{.*}} = %c0 to %c16 step %c1
// AVX2: vector.contract {{.*}} : vector<5x1xf32>, vector<1x16xf32> into vector<5x16xf32>
// AVX2: arith.maximumf %{{.*}} : vector<5x16xf32>
// AVX2: vector.contract {{.*}} into vector<4x16xf32>
// SSE: scf.for %{{.*}} = %c0 to %c64 step %c8
// SSE: scf.for %{{.*}} = %c0 to %c10 step %c5
// SSE: vector.contract {{.*}} : vector<5x1xf32>, vector<1x8xf32> into vector<5x8xf32>
// SSE: arith.maximumf %{{.*}} : vector<5x8xf32>
// SSE: vector.contract {{.*}} into vector<4x8xf32>
// CHECK-NOT: linalg.conv
// CHECK-NOT: linalg.generic
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @conv_bias_relu(%x: tensor<1x16x16x16xf32>, %w: tensor<3x3x16x64xf32>,
                          %b: tensor<64xf32>) -> tensor<1x14x14x64xf32> {
  %e = tensor.empty() : tensor<1x14x14x64xf32>
  %init = linalg.broadcast ins(%b : tensor<64xf32>) outs(%e : tensor<1x14x14x64xf32>) dimensions = [0, 1, 2]
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x16x16x16xf32>, tensor<3x3x16x64xf32>)
      outs(%init : tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32>
  %zero = arith.constant 0.0 : f32
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<1x14x14x64xf32>) outs(%e : tensor<1x14x14x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x14x14x64xf32>
  return %r : tensor<1x14x14x64xf32>
}

// -----

// 13 output columns by 17 channels from 3 input channels. A block of 2
// vectors would be 17 channels wide, which is not a whole number of
// 16-lane registers, so AVX-512 takes v = 1: r = 13 (the whole row) by 16
// channels, and the 17th channel is a peeled tile of its own with a
// 13 x 1 block. With 2 channel tiles, fewer than 4, the output rows are
// the outermost loop and each row computes both tiles.
// CHECK-LABEL: func.func @conv_odd_sizes
// AVX512: scf.for %{{.*}} = %c0 to %c13 step %c1 iter_args(%{{.*}}) -> (tensor<1x13x13x17xf32>)
// AVX512-NOT: scf.for {{.*}} step %c13
// AVX512: vector.contract {{.*}} : vector<13x1xf32>, vector<1x16xf32> into vector<13x16xf32>
// AVX512-NOT: -> (tensor<1x13x13x17xf32>)
// AVX512: vector.contract {{.*}} : vector<13x1xf32>, vector<1x1xf32> into vector<13x1xf32>
// AVX2: vector.contract
// SSE: vector.contract
// CHECK-NOT: linalg.conv
func.func @conv_odd_sizes(%x: tensor<1x15x15x3xf32>, %w: tensor<3x3x3x17xf32>,
                          %init: tensor<1x13x13x17xf32>) -> tensor<1x13x13x17xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x15x15x3xf32>, tensor<3x3x3x17xf32>)
      outs(%init : tensor<1x13x13x17xf32>) -> tensor<1x13x13x17xf32>
  return %c : tensor<1x13x13x17xf32>
}

// -----

// A 1x1 convolution with stride 2: 7 x 7 outputs by 64 channels. Each
// broadcast counts s^2 = 4 load slots, and the 8 KiB panel of 4 vectors
// fits in the L1 cache (c = 1). AVX-512: v = 4, 1 x 4 scores
// 7/8 * 16/(16 + 4) = 0.7, above 1 x 6 (7/12 * 24/28 = 0.5), v = 2,
// 1 x 7 (14/30 = 0.47) and v = 2, 2 x 7 (7/8 * 28/58 = 0.42). A tile reads
// the 7 input columns of its window and uses columns 0, 2, 4 and 6.
// CHECK-LABEL: func.func @conv_stride_2
// AVX512: scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<4x64xf32>)
// AVX512: %[[IN:.*]] = vector.transfer_read %arg0{{.*}} : tensor<1x14x14x32xf32>, vector<7x1xf32>
// AVX512: vector.extract %[[IN]][0] : vector<1xf32> from vector<7x1xf32>
// AVX512: vector.extract %[[IN]][2] : vector<1xf32> from vector<7x1xf32>
// AVX512: vector.extract %[[IN]][4] : vector<1xf32> from vector<7x1xf32>
// AVX512: vector.extract %[[IN]][6] : vector<1xf32> from vector<7x1xf32>
// AVX512: vector.contract {{.*}} : vector<1xf32>, vector<1x64xf32> into vector<64xf32>
// AVX512: scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<3x64xf32>)
// CHECK-NOT: linalg.conv
func.func @conv_stride_2(%x: tensor<1x14x14x32xf32>, %w: tensor<1x1x32x64xf32>,
                         %init: tensor<1x7x7x64xf32>) -> tensor<1x7x7x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w : tensor<1x14x14x32xf32>, tensor<1x1x32x64xf32>)
      outs(%init : tensor<1x7x7x64xf32>) -> tensor<1x7x7x64xf32>
  return %c : tensor<1x7x7x64xf32>
}

// -----

// A 1x1 convolution from 1008 channels: the weight panel of a column block
// holds 1008 x columns f32. x86-64-v4 has no cache sizes of its own, so
// CpuTarget's default L2 of 256 KiB applies, and the panel may take half of
// it, 128 KiB: 2 vectors (1008 x 32 x 4 bytes = 126 KiB) fit, 4 do not.
// The pixels' inputs are 4032 bytes apart, in different sets of the L1
// cache.
// The panel exceeds half of the L1 cache for any v, so c = 2. With
// v <= 2, 1 x 8 (all 8 columns) scores 16/(8 + 4) = 1.33; without the
// limit v = 4, 1 x 4 would tie with it, and v = 4, 1 x 6 scores
// 8/12 * 24/14 = 1.14.
// CHECK-LABEL: func.func @conv_wide_reduction
// AVX512: scf.for %{{.*}} = %c0 to %c64 step %c32
// AVX512: vector.contract {{.*}} : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
// CHECK-NOT: linalg.conv
func.func @conv_wide_reduction(%x: tensor<1x1x8x1008xf32>, %w: tensor<1x1x1008x64xf32>,
                               %init: tensor<1x1x8x64xf32>) -> tensor<1x1x8x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x8x1008xf32>, tensor<1x1x1008x64xf32>)
      outs(%init : tensor<1x1x8x64xf32>) -> tensor<1x1x8x64xf32>
  return %c : tensor<1x1x8x64xf32>
}

// -----

// An output that one register block covers, 3 columns by 8 channels, with
// relu: all parallel tile sizes are 0. The tiling then takes the whole
// batch dimension as one tile, so that it fuses the fill and the relu and
// marks the convolution for vectorization: one reduction loop over the 64
// input channels carries the 3 x 8 block, which the relu reads in
// registers. Without that loop, the convolution stayed a linalg op and
// became scalar loops. With AVX-512 and AVX2, its 3 multiply-add chains
// become 9: 21 steps of 3 copies, and the last step after their sum. With
// SSE, the 6 chains (2 registers per row) become 12 in 2 copies.
// CHECK-LABEL: func.func @single_tile
// AVX512: scf.for %{{.*}} = %c0 to %c63 step %c3 iter_args({{.*}}) -> (vector<3x8xf32>, vector<3x8xf32>, vector<3x8xf32>)
// AVX512-COUNT-3: vector.contract
// AVX512: %[[ACC:.*]] = scf.for %{{.*}} = %c63 to %c64 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<3x8xf32>)
// AVX2: scf.for %{{.*}} = %c0 to %c63 step %c3 iter_args({{.*}}) -> (vector<3x8xf32>, vector<3x8xf32>, vector<3x8xf32>)
// AVX2-COUNT-3: vector.contract
// AVX2: %[[ACC:.*]] = scf.for %{{.*}} = %c63 to %c64 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<3x8xf32>)
// SSE: %[[SUMS:.*]]:2 = scf.for %{{.*}} = %c0 to %{{.*}} step %c2 iter_args({{.*}}) -> (vector<3x8xf32>, vector<3x8xf32>)
// SSE-COUNT-2: vector.contract
// SSE: %[[ACC:.*]] = arith.addf %[[SUMS]]#0, %[[SUMS]]#1 : vector<3x8xf32>
// CHECK: %[[RELU:.*]] = arith.maximumf %[[ACC]], %{{.*}} : vector<3x8xf32>
// CHECK: vector.transfer_write %[[RELU]], %{{.*}}[%c0, %c0, %c0, %c0] {in_bounds = [true, true]} : vector<3x8xf32>, tensor<1x1x3x8xf32>
// CHECK-NOT: linalg.
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @single_tile(%x: tensor<1x1x3x64xf32>, %w: tensor<1x1x64x8xf32>) -> tensor<1x1x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x3x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x3x8xf32>) -> tensor<1x1x3x8xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x3x64xf32>, tensor<1x1x64x8xf32>)
      outs(%init : tensor<1x1x3x8xf32>) -> tensor<1x1x3x8xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<1x1x3x8xf32>) outs(%e : tensor<1x1x3x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x1x3x8xf32>
  return %r : tensor<1x1x3x8xf32>
}
