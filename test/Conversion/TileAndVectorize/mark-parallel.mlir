// With mark-parallel-loops, the outermost two tile loops of each anchor
// carry nas.parallel. With AVX-512, the blocks of @conv are one output row
// by 32 channels: the loops over rows and over channel tiles carry it.
// With AVX2, the blocks are 5 columns by 16 channels: the loops over rows
// and over channel tiles carry it, and the column tiles inside them, the
// peeled last column tile and the reduction loops do not.
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v4 mark-parallel-loops=true" | FileCheck %s
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v3 mark-parallel-loops=true" | FileCheck %s --check-prefix=AVX2
// With min-parallel-iterations, only anchors with that many iterations
// get the marker: @conv has 14 * 14 * 64 * 3 * 3 * 16 = 1,806,336
// iterations, @conv_two_channel_tiles half as many and @conv_large_weight
// twice as many.
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v3 mark-parallel-loops=true min-parallel-iterations=1806336" | FileCheck %s --check-prefix=AT-CONV
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v3 mark-parallel-loops=true min-parallel-iterations=1806337" | FileCheck %s --check-prefix=ABOVE-CONV
// AT-CONV-LABEL: func.func @conv(
// AT-CONV: } {nas.parallel}
// AT-CONV-LABEL: func.func @conv_two_channel_tiles
// AT-CONV-NOT: nas.parallel
// AT-CONV-LABEL: func.func @conv_large_weight
// AT-CONV: } {nas.parallel}
// ABOVE-CONV-LABEL: func.func @conv(
// ABOVE-CONV-NOT: nas.parallel
// ABOVE-CONV-LABEL: func.func @conv_large_weight
// ABOVE-CONV: } {nas.parallel}

// CHECK-LABEL: func.func @conv(
// CHECK: scf.for %{{.*}} = %c0 to %c14 step %c1
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c32
// CHECK-NOT: nas.parallel
// CHECK: vector.contract
// CHECK: } {nas.parallel}
// CHECK-NEXT: scf.yield
// CHECK-NEXT: } {nas.parallel}
// CHECK-NOT: nas.parallel
func.func @conv(%x: tensor<1x16x16x16xf32>, %w: tensor<3x3x16x64xf32>,
                %init: tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x16x16x16xf32>, tensor<3x3x16x64xf32>)
      outs(%init : tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32>
  return %c : tensor<1x14x14x64xf32>
}

// With AVX2, 64 channels make 4 tiles of 16. The weight (36 KiB) fits in
// a quarter of the 256 KiB L2 cache of a named CPU, so the output rows
// stay the outermost loop. It does not fit in half of the 32 KiB L1 cache,
// but the 9 KiB panel of one channel tile does: the channel tiles go
// inside the rows, the column tiles inside them.
// AVX2-LABEL: func.func @conv(
// AVX2: scf.for %{{.*}} = %c0 to %c14 step %c1
// AVX2: scf.for %{{.*}} = %c0 to %c64 step %c16
// AVX2: scf.for %{{.*}} = %c0 to %c10 step %c5
// AVX2-NOT: nas.parallel
// AVX2: vector.contract
// AVX2-NOT: nas.parallel
// AVX2: vector.contract
// AVX2: } {nas.parallel}
// AVX2-NEXT: scf.yield
// AVX2-NEXT: } {nas.parallel}
// AVX2-NOT: nas.parallel

// With AVX2 and 32 channels, 2 tiles of 16, the output rows stay the
// outermost loop, with the channel tiles inside them (18 KiB of weights,
// 9 KiB per tile).
// CHECK-LABEL: func.func @conv_two_channel_tiles
// AVX2-LABEL: func.func @conv_two_channel_tiles
// AVX2: scf.for %{{.*}} = %c0 to %c14 step %c1
// AVX2: scf.for %{{.*}} = %c0 to %c32 step %c16
// AVX2: scf.for %{{.*}} = %c0 to %c10 step %c5
// AVX2-NOT: nas.parallel
// AVX2: vector.contract
// AVX2-NOT: nas.parallel
// AVX2: vector.contract
// AVX2: } {nas.parallel}
// AVX2-NEXT: scf.yield
// AVX2-NEXT: } {nas.parallel}
// AVX2-NOT: nas.parallel
func.func @conv_two_channel_tiles(%x: tensor<1x16x16x16xf32>,
                                  %w: tensor<3x3x16x32xf32>,
                                  %init: tensor<1x14x14x32xf32>)
    -> tensor<1x14x14x32xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x16x16x16xf32>, tensor<3x3x16x32xf32>)
      outs(%init : tensor<1x14x14x32xf32>) -> tensor<1x14x14x32xf32>
  return %c : tensor<1x14x14x32xf32>
}

// With 32 input channels, the weight of 4 tiles of 16 channels takes
// 72 KiB, more than a quarter of the L2 cache: the channel tiles are the
// outermost loop and the output rows the next one; both carry
// nas.parallel.
// CHECK-LABEL: func.func @conv_large_weight
// AVX2-LABEL: func.func @conv_large_weight
// AVX2: scf.for %{{.*}} = %c0 to %c64 step %c16
// AVX2: scf.for %{{.*}} = %c0 to %c14 step %c1
// AVX2-NOT: nas.parallel
// AVX2: vector.contract
// AVX2: vector.contract
// AVX2: } {nas.parallel}
// AVX2: } {nas.parallel}
// AVX2-NOT: nas.parallel
func.func @conv_large_weight(%x: tensor<1x16x16x32xf32>,
                             %w: tensor<3x3x32x64xf32>,
                             %init: tensor<1x14x14x64xf32>)
    -> tensor<1x14x14x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x16x16x32xf32>, tensor<3x3x32x64xf32>)
      outs(%init : tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32>
  return %c : tensor<1x14x14x64xf32>
}
