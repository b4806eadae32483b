// A grouped convolution with 2 groups of 4 channels, 3x3, on 6x6 (output
// 4x4), through the NHWC lowering and nas-tile-and-vectorize for AVX-512.
// The tile is one output row of 4 columns by both groups (8 lanes): its
// window of 6 input columns needs 6 x 4 vectors with the rotations, plus 4
// accumulators and a weight, 29 of 32 registers. The tile's code covers
// the 3 kernel rows without a loop. For each kernel row, each input vector
// is read once and rotated by 1, 2 and 3 channels within each group of 4;
// each column takes 3 kernel columns x 4 rotations = 12 FMAs, 48 per
// kernel row and 144 in all, into two partial sums per column. The
// repeated copy of the input (1x6x6x2x8) that the linalg op reads is never
// computed.
// RUN: nas-opt %s -split-input-file -nas-to-linalg=layout=nhwc -canonicalize -nas-tile-and-vectorize=cpu=x86-64-v4 | FileCheck %s

// CHECK-LABEL: func.func @grouped
// CHECK-NOT: 2x2x4xf32
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1
// CHECK-NOT: scf.for {{.*}} step %c4
// CHECK-NOT: scf.for
// CHECK: %[[V:.*]] = vector.transfer_read %{{.*}} : tensor<1x3x6x8xf32>, vector<8xf32>
// CHECK-NEXT: vector.shuffle %[[V]], %[[V]] [1, 2, 3, 0, 5, 6, 7, 4] : vector<8xf32>, vector<8xf32>
// CHECK-NEXT: vector.shuffle %[[V]], %[[V]] [2, 3, 0, 1, 6, 7, 4, 5] : vector<8xf32>, vector<8xf32>
// CHECK-NEXT: vector.shuffle %[[V]], %[[V]] [3, 0, 1, 2, 7, 4, 5, 6] : vector<8xf32>, vector<8xf32>
// CHECK-COUNT-144: vector.fma
// CHECK-NOT: vector.fma
// CHECK-NOT: linalg.generic
// CHECK-NOT: 2x2x4xf32
func.func @grouped(%x: tensor<1x8x6x6xf32>, %w: tensor<8x4x3x3xf32>)
    -> tensor<1x8x4x4xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x8x6x6xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// 3 groups of 2 channels on a 1x1 image with a 1x1 kernel: the op needs no
// tiling, and its code still reads the input itself, one shuffle for the
// one rotation.
// CHECK-LABEL: func.func @grouped_untiled
// CHECK-NOT: 1x1x1x3x2x2xf32
// CHECK: vector.shuffle %[[V:.*]], %[[V]] [1, 0, 3, 2, 5, 4] : vector<6xf32>, vector<6xf32>
// CHECK-COUNT-2: vector.fma
// CHECK-NOT: vector.fma
func.func @grouped_untiled(%x: tensor<1x6x1x1xf32>, %w: tensor<6x2x1x1xf32>)
    -> tensor<1x6x1x1xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 3}
      : (tensor<1x6x1x1xf32>, tensor<6x2x1x1xf32>) -> tensor<1x6x1x1xf32>
  return %y : tensor<1x6x1x1xf32>
}

// -----

// The marker on a generic without the operands and maps that nas-to-linalg
// gives it is ignored: the op is neither tiled nor rewritten.
// CHECK-LABEL: func.func @marker_on_other_generic
// CHECK: linalg.generic
// CHECK-SAME: nas.rotated_group_conv
// CHECK-NOT: vector.shuffle
#in = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d3, d4)>
#w = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7, d2)>
#out = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d2)>
func.func @marker_on_other_generic(%x: tensor<2x2x2x2xf32>, %w: tensor<2x2x2x2xf32>,
                                   %o: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %r = linalg.generic {indexing_maps = [#in, #w, #out],
                       iterator_types = ["parallel", "reduction", "parallel", "reduction", "reduction", "reduction", "reduction", "reduction"]}
      ins(%x, %w : tensor<2x2x2x2xf32>, tensor<2x2x2x2xf32>) outs(%o : tensor<2x2xf32>)
      attrs = {nas.rotated_group_conv} {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x2xf32>
  return %r : tensor<2x2xf32>
}
