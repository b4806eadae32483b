// The order of the tile loops of a convolution follows where its weights
// stay: a named CPU has a 32 KiB L1 and a 256 KiB L2 cache. With AVX2,
// every block below is 6 columns by 2 vectors (16 channels).
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v3 -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --check-prefix=AVX512

// The weight (64 KiB) fits in a quarter of the L2 cache but not in half of
// the L1 cache, and the panel of one channel tile does (4 KiB with AVX2,
// 16 KiB for the 64 channels of an AVX-512 tile): rows, then channel
// tiles, then the column tiles of a row, so that one panel stays in the L1
// cache over a whole row.
// CHECK-LABEL: func.func @channels_in_row
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c256 step %c16
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK: vector.contract {{.*}} into vector<6x16xf32>
// AVX512-LABEL: func.func @channels_in_row
// AVX512: scf.for %{{.*}} = %c0 to %c4 step %c1
// AVX512-NEXT: scf.for %{{.*}} = %c0 to %c256 step %c64
// AVX512-NEXT: scf.for %{{.*}} = %c0 to %c12 step %c6
// AVX512: vector.contract {{.*}} into vector<6x64xf32>
func.func @channels_in_row(%x: tensor<1x4x12x64xf32>,
                           %w: tensor<1x1x64x256xf32>,
                           %init: tensor<1x4x12x256xf32>)
    -> tensor<1x4x12x256xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x12x64xf32>, tensor<1x1x64x256xf32>)
      outs(%init : tensor<1x4x12x256xf32>) -> tensor<1x4x12x256xf32>
  return %c : tensor<1x4x12x256xf32>
}

// -----

// The same weight on one output row: without a loop over rows, the channel
// tiles would be the outermost loop, so the column tiles stay outside them.
// CHECK-LABEL: func.func @one_row
// CHECK: scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c256 step %c16
// CHECK: vector.contract {{.*}} into vector<6x16xf32>
func.func @one_row(%x: tensor<1x1x12x64xf32>, %w: tensor<1x1x64x256xf32>,
                   %init: tensor<1x1x12x256xf32>) -> tensor<1x1x12x256xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x12x64xf32>, tensor<1x1x64x256xf32>)
      outs(%init : tensor<1x1x12x256xf32>) -> tensor<1x1x12x256xf32>
  return %c : tensor<1x1x12x256xf32>
}

// -----

// The panel of one channel tile (512 input channels by 16, 32 KiB) does
// not fit in half of the L1 cache either: rows, then the column tiles,
// then the channel tiles, so that a tile's input elements stay in the L1
// cache over the channel tiles.
// CHECK-LABEL: func.func @channels_last
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c32 step %c16
// CHECK: vector.contract {{.*}} into vector<6x16xf32>
func.func @channels_last(%x: tensor<1x4x12x512xf32>,
                         %w: tensor<1x1x512x32xf32>,
                         %init: tensor<1x4x12x32xf32>)
    -> tensor<1x4x12x32xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x12x512xf32>, tensor<1x1x512x32xf32>)
      outs(%init : tensor<1x4x12x32xf32>) -> tensor<1x4x12x32xf32>
  return %c : tensor<1x4x12x32xf32>
}

// -----

// The weight (128 KiB) does not fit in a quarter of the L2 cache, and
// there are at least 4 channel tiles: they are the outermost loop, and
// each reuses its panel over all rows.
// CHECK-LABEL: func.func @channels_first
// CHECK: scf.for %{{.*}} = %c0 to %c256 step %c16
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK: vector.contract {{.*}} into vector<6x16xf32>
func.func @channels_first(%x: tensor<1x4x12x128xf32>,
                          %w: tensor<1x1x128x256xf32>,
                          %init: tensor<1x4x12x256xf32>)
    -> tensor<1x4x12x256xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x12x128xf32>, tensor<1x1x128x256xf32>)
      outs(%init : tensor<1x4x12x256xf32>) -> tensor<1x4x12x256xf32>
  return %c : tensor<1x4x12x256xf32>
}
