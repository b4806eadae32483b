// nas-tile-and-vectorize with register blocks that span several output
// rows. For x86-64-v4 (32 registers of 16 f32, and the 32 KiB L1 cache that
// a named CPU is given), a block of R rows by P columns by v vectors scores
// (useful fraction) * R * P * v / (R * P + c * v), where a weight vector
// costs c = 2 load slots when its panel exceeds half of the L1 cache. A
// block spans several rows only when it spans whole rows.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --implicit-check-not=nas.

// 1x1, 256 -> 128 channels on 7x7, bias and relu. The panel takes 16 KiB
// per vector, so c = 2 for v >= 2: 2 x 7 x 2 scores
// 7/8 * 28/(14 + 4) = 1.36, above 1 x 7 x 2 (14/11 = 1.27) and
// 1 x 4 x 4 (7/8 * 16/12 = 1.17). The weight (128 KiB) exceeds a quarter
// of the L2 cache and makes 4 channel tiles, so they are the outermost
// loop. Each tile of 2 rows carries two accumulators through the
// reduction loop, one per row, and its bias and relu run on each row
// before the only write to the tile. The last row of each channel tile is
// a peeled tile with one accumulator.
// CHECK-LABEL: func.func @two_rows
// CHECK:         scf.for %[[CH:.*]] = %c0 to %c128 step %c32
// CHECK:           scf.for %[[ROW:.*]] = %c0 to %c6 step %c2
// CHECK:             %[[B0:.*]] = vector.broadcast %{{.*}} : vector<32xf32> to vector<7x32xf32>
// CHECK:             %[[B1:.*]] = vector.broadcast %{{.*}} : vector<32xf32> to vector<7x32xf32>
// CHECK:             %[[ACC:.*]]:2 = scf.for %[[C:.*]] = %c0 to %c256 step %c1 iter_args(%[[A0:.*]] = %[[B0]], %[[A1:.*]] = %[[B1]]) -> (vector<7x32xf32>, vector<7x32xf32>)
// CHECK:               %[[X0:.*]] = vector.transfer_read %arg0[%c0, %[[ROW]], %c0, %[[C]]]{{.*}} : tensor<1x7x7x256xf32>, vector<7x1xf32>
// CHECK:               %[[S0:.*]] = vector.contract {{.*}} %[[X0]], %{{.*}}, %[[A0]] : vector<7x1xf32>, vector<1x32xf32> into vector<7x32xf32>
// CHECK:               %[[ROW1:.*]] = affine.apply #{{.*}}()[%[[ROW]]]
// CHECK:               %[[X1:.*]] = vector.transfer_read %arg0[%c0, %[[ROW1]], %c0, %[[C]]]{{.*}} : tensor<1x7x7x256xf32>, vector<7x1xf32>
// CHECK:               %[[S1:.*]] = vector.contract {{.*}} %[[X1]], %{{.*}}, %[[A1]] : vector<7x1xf32>, vector<1x32xf32> into vector<7x32xf32>
// CHECK:               scf.yield %[[S0]], %[[S1]]
// CHECK:             %[[TILE:.*]] = tensor.extract_slice %{{.*}}[0, %[[ROW]], 0, %[[CH]]] [1, 2, 7, 32]
// CHECK:             %[[R0:.*]] = arith.maximumf %[[ACC]]#0, %{{.*}} : vector<7x32xf32>
// CHECK:             %[[W0:.*]] = vector.transfer_write %[[R0]], %[[TILE]][%c0, %c0, %c0, %c0]
// CHECK:             %[[R1:.*]] = arith.maximumf %[[ACC]]#1, %{{.*}} : vector<7x32xf32>
// CHECK:             %[[W1:.*]] = vector.transfer_write %[[R1]], %[[W0]][%c0, %c1, %c0, %c0]
// CHECK:             tensor.insert_slice %[[W1]] into %{{.*}}[0, %[[ROW]], 0, %[[CH]]] [1, 2, 7, 32]
// CHECK:           scf.for %{{.*}} = %c0 to %c256 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<7x32xf32>)
// CHECK:             vector.transfer_read %arg0[%c0, %c6, %c0, %{{.*}}]
// CHECK:           vector.transfer_write %{{.*}}, %{{.*}}[%c0, %c6, %c0, %[[CH]]]
// CHECK-NOT: linalg.
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @two_rows(%x: tensor<1x7x7x256xf32>, %w: tensor<1x1x256x128xf32>,
                    %b: tensor<128xf32>) -> tensor<1x7x7x128xf32> {
  %e = tensor.empty() : tensor<1x7x7x128xf32>
  %init = linalg.broadcast ins(%b : tensor<128xf32>) outs(%e : tensor<1x7x7x128xf32>) dimensions = [0, 1, 2]
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x7x7x256xf32>, tensor<1x1x256x128xf32>)
      outs(%init : tensor<1x7x7x128xf32>) -> tensor<1x7x7x128xf32>
  %zero = arith.constant 0.0 : f32
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<1x7x7x128xf32>) outs(%e : tensor<1x7x7x128xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x7x7x128xf32>
  return %r : tensor<1x7x7x128xf32>
}

// -----

// As @two_rows with 160 output channels: 5 channel tiles of 32 outermost.
// 2-row blocks would leave the last of the 7 rows to a peeled loop, so
// nas-parallelize-loops could not collapse the rows into the loop over the
// channel tiles, and 2 threads would split its 5 iterations 3 to 2. The
// block is 1 x 7 x 2 instead (14/11 = 1.27, above 1 x 4 x 4), and all 7
// rows are iterations of one loop nested in the channel loop.
// CHECK-LABEL: func.func @odd_channel_tiles
// CHECK:         scf.for %[[CH:.*]] = %c0 to %c160 step %c32
// CHECK-NEXT:      scf.for %[[ROW:.*]] = %c0 to %c7 step %c1
// CHECK:             scf.for %{{.*}} = %c0 to %c256 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<7x32xf32>)
// CHECK:             vector.transfer_write %{{.*}}, %{{.*}}[%c0, %[[ROW]], %c0, %[[CH]]] {{.*}} : vector<7x32xf32>, tensor<1x7x7x160xf32>
// CHECK-NOT:     scf.for
// CHECK:         return
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @odd_channel_tiles(%x: tensor<1x7x7x256xf32>, %w: tensor<1x1x256x160xf32>,
                    %b: tensor<160xf32>) -> tensor<1x7x7x160xf32> {
  %e = tensor.empty() : tensor<1x7x7x160xf32>
  %init = linalg.broadcast ins(%b : tensor<160xf32>) outs(%e : tensor<1x7x7x160xf32>) dimensions = [0, 1, 2]
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x7x7x256xf32>, tensor<1x1x256x160xf32>)
      outs(%init : tensor<1x7x7x160xf32>) -> tensor<1x7x7x160xf32>
  %zero = arith.constant 0.0 : f32
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<1x7x7x160xf32>) outs(%e : tensor<1x7x7x160xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x7x7x160xf32>
  return %r : tensor<1x7x7x160xf32>
}

// -----

// 1x1, 512 -> 16 channels on 9 x 3: v = 1 and 9 x 3 x 1 scores
// 27/(27 + 2) = 0.93, the most, but would compute the whole output in one
// tile, which leaves no tile loop to fuse into. The rows split into tiles
// of 3, the largest proper divisor of 9, each with 3 accumulators.
// CHECK-LABEL: func.func @all_rows
// CHECK:         scf.for %{{.*}} = %c0 to %c9 step %c3
// CHECK:           scf.for %{{.*}} = %c0 to %c512 step %c1 iter_args({{.*}}) -> (vector<3x16xf32>, vector<3x16xf32>, vector<3x16xf32>)
// CHECK-COUNT-3:     vector.contract {{.*}} : vector<3x1xf32>, vector<1x16xf32> into vector<3x16xf32>
// CHECK:           tensor.insert_slice %{{.*}} into %{{.*}}[0, %{{.*}}, 0, 0] [1, 3, 3, 16]
// CHECK-NOT: scf.for
// CHECK-NOT: linalg.
func.func @all_rows(%x: tensor<1x9x3x512xf32>, %w: tensor<1x1x512x16xf32>,
                    %init: tensor<1x9x3x16xf32>) -> tensor<1x9x3x16xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x9x3x512xf32>, tensor<1x1x512x16xf32>)
      outs(%init : tensor<1x9x3x16xf32>) -> tensor<1x9x3x16xf32>
  return %c : tensor<1x9x3x16xf32>
}

// -----

// 1x1 with stride 2, 496 -> 16 channels on 8x8: 4 x 4 outputs. The stride
// does not change the score: 4 x 4 x 1 would score 16/(16 + 2) = 0.89 but
// covers the whole output, so the block takes 2 rows of 4 pixels. Each
// row of the block reads the 7 input columns of its input row and uses
// columns 0, 2, 4 and 6.
// CHECK-LABEL: func.func @stride2
// CHECK:         scf.for %{{.*}} = %c0 to %c4 step %c2
// CHECK:           scf.for %{{.*}} = %c0 to %c496 step %c1 iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (vector<4x16xf32>, vector<4x16xf32>)
// CHECK:             vector.transfer_read %arg0{{.*}} : tensor<1x8x8x496xf32>, vector<7x1xf32>
// CHECK-COUNT-4:     vector.contract {{.*}} : vector<1xf32>, vector<1x16xf32> into vector<16xf32>
// CHECK:             vector.transfer_read %arg0{{.*}} : tensor<1x8x8x496xf32>, vector<7x1xf32>
// CHECK-COUNT-4:     vector.contract {{.*}} : vector<1xf32>, vector<1x16xf32> into vector<16xf32>
// CHECK-NOT:         vector.transfer_read %arg0
// CHECK-NOT: scf.for
// CHECK-NOT: linalg.
func.func @stride2(%x: tensor<1x8x8x496xf32>, %w: tensor<1x1x496x16xf32>,
                   %init: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w : tensor<1x8x8x496xf32>, tensor<1x1x496x16xf32>)
      outs(%init : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %c : tensor<1x4x4x16xf32>
}
