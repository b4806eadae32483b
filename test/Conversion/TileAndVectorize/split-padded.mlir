// nas-tile-and-vectorize splits a convolution or pooling op whose input is
// the padding of a function argument into the interior, whose windows lie
// inside the argument and read it directly, and up to four border strips,
// each reading the few input rows or columns that its windows reach, padded
// as they need. A convolution's strip pads a linalg.copy of them; a
// depthwise convolution's or pooling's strip reads them from the argument,
// and its vector reads supply the padding (pad-in-registers.mlir). The
// pieces write their regions of one output with tensor.insert_slice, and
// each is tiled, fused with its accumulator initialization and epilogue,
// and vectorized. The argument is never copied whole.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v4 mark-parallel-loops=true min-parallel-iterations=1" -split-input-file | FileCheck %s --check-prefix=PAR
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize=cpu=x86-64-v4 -canonicalize -eliminate-empty-tensors -one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map" -cse -canonicalize | FileCheck %s --check-prefix=BUF

// Depthwise 3x3, stride 2, padding 1 on 16x16, with the bias and a clip:
// 8x8 outputs. Output rows and columns from 1 read no padding; the last
// windows end at input 15, so the bottom and right padding is never read.
// The top strip takes two rows (one would be a single register block, which
// the tiling leaves unfused): input rows 0-3 and columns 0-15, padded by one
// row and column. Its reads check the row, which depends on the tile loop;
// the left padding column is a constant position, read as zeros. The left
// strip (rows 2-7, column 0) reads input rows 3-15 and columns 0-1, where
// only the left padding column, again constant, is outside. The interior
// (rows 2-7, columns 1-7) reads the argument. The broadcast of the bias and
// the clip are computed in each piece's tiles.
// CHECK-LABEL: func.func @depthwise_bias_clip(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x16x16x32xf32>
// CHECK-NOT:     linalg.copy
// CHECK-NOT:     tensor.pad
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x8x8x32xf32>
// CHECK:         %[[TOP_IN:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 4, 16, 32] [1, 1, 1, 1]
// CHECK:         %[[TOP:.*]] = scf.for {{.*}} -> (tensor<1x2x8x32xf32>)
// CHECK:           %[[ABOVE:.*]] = arith.cmpi sge, %[[ROW:.*]], %{{.*}} : index
// CHECK:           %[[BELOW:.*]] = arith.cmpi sle, %[[ROW]], %{{.*}} : index
// CHECK:           %[[IN:.*]] = arith.andi %[[ABOVE]], %[[BELOW]] : i1
// CHECK:           %[[V:.*]] = vector.transfer_read %[[TOP_IN]]{{.*}} : tensor<1x4x16x32xf32>, vector<16xf32>
// CHECK:           arith.select %[[IN]], %[[V]], %{{.*}} : vector<16xf32>
// CHECK:           arith.maximumf
// CHECK:           arith.minimumf
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[TOP]] into %[[OUT]][0, 0, 0, 0] [1, 2, 8, 32] [1, 1, 1, 1]
// CHECK-NOT:     tensor.pad
// CHECK:         %[[LEFT_IN:.*]] = tensor.extract_slice %[[X]][0, 3, 0, 0] [1, 13, 2, 32] [1, 1, 1, 1]
// CHECK:         %[[LEFT:.*]] = scf.for {{.*}} -> (tensor<1x6x1x32xf32>)
// CHECK:           vector.transfer_read %[[LEFT_IN]]
// CHECK-NOT:       arith.select
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[LEFT]] into %[[R0]][0, 2, 0, 0] [1, 6, 1, 32] [1, 1, 1, 1]
// CHECK:         %[[INTERIOR:.*]] = scf.for {{.*}} -> (tensor<1x6x7x32xf32>)
// CHECK:           vector.transfer_read %[[X]]{{.*}} : tensor<1x16x16x32xf32>, vector<15x16xf32>
// CHECK:           vector.fma
// CHECK:           arith.maximumf
// CHECK:           arith.minimumf
// CHECK:         %[[R2:.*]] = tensor.insert_slice %[[INTERIOR]] into %[[R1]][0, 2, 1, 0] [1, 6, 7, 32] [1, 1, 1, 1]
// CHECK-NOT:     linalg.broadcast
// CHECK-NOT:     linalg.generic
// CHECK-NOT:     tensor.pad
// CHECK:         return %[[R2]]

// Only the interior's outermost two tile loops are distributed over
// threads: the strips do too little work for a fork and join, even with
// min-parallel-iterations=1, which distributes every other anchor.
// PAR-LABEL: func.func @depthwise_bias_clip(
// PAR-NOT:     nas.parallel
// PAR:         tensor.insert_slice {{.*}}[0, 2, 0, 0] [1, 6, 1, 32]
// PAR-NOT:     nas.parallel
// PAR:         } {nas.parallel}
// PAR:         } {nas.parallel}
// PAR-NEXT:    tensor.insert_slice {{.*}}[0, 2, 1, 0] [1, 6, 7, 32]
// PAR-NOT:     nas.parallel
// PAR:         return

// Bufferized, the pieces write their regions of the result in place, and
// the result is the only buffer.
// BUF-LABEL: func.func @depthwise_bias_clip(
// BUF-NOT:     memref.copy
// BUF:         memref.alloc() {{.*}} : memref<1x8x8x32xf32>
// BUF-NOT:     memref.alloc
// BUF-NOT:     memref.copy
// BUF:         return
func.func @depthwise_bias_clip(%x: tensor<1x16x16x32xf32>, %w: tensor<3x3x32xf32>, %b: tensor<32xf32>) -> tensor<1x8x8x32xf32> {
  %zero = arith.constant 0.0 : f32
  %six = arith.constant 6.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x16x16x32xf32> to tensor<1x18x18x32xf32>
  %e = tensor.empty() : tensor<1x8x8x32xf32>
  %bias = linalg.broadcast ins(%b : tensor<32xf32>) outs(%e : tensor<1x8x8x32xf32>) dimensions = [0, 1, 2]
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%p, %w : tensor<1x18x18x32xf32>, tensor<3x3x32xf32>) outs(%bias : tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32>
  %e2 = tensor.empty() : tensor<1x8x8x32xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<1x8x8x32xf32>) outs(%e2 : tensor<1x8x8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.maximumf %in, %zero : f32
    %1 = arith.minimumf %0, %six : f32
    linalg.yield %1 : f32
  } -> tensor<1x8x8x32xf32>
  return %r : tensor<1x8x8x32xf32>
}

// -----

// Convolution 3x3, stride 2, padding 1, 4 -> 32 channels on 97x121: 49x61
// outputs, 72 multiply-adds per input element. The register block is 13
// columns by 32 channels: 13 columns score 61/65 * 26/15 = 1.63, above 11
// (61/66 * 22/13 = 1.56) and 14 (61/70 * 28/16 = 1.53). The left and right
// strips take a whole block, so that each weight vector loaded feeds 13
// FMAs there too: the left strip (rows 2-46, columns 0-12) reads input
// columns 0-25, padded by one column. The interior (columns 13-47) is
// planned on its own width, 35 columns.
// The bottom strip takes the last two rows, of which only row 48 reads the
// bottom padding. The fill is recreated per piece and fused into its tiles.
// CHECK-LABEL: func.func @conv_stride2(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x97x121x4xf32>
// CHECK:         tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 4, 121, 4] [1, 1, 1, 1]
// CHECK:         %[[TOP:.*]] = scf.for {{.*}} -> (tensor<1x2x61x32xf32>)
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[TOP]] into %{{.*}}[0, 0, 0, 0] [1, 2, 61, 32] [1, 1, 1, 1]
// CHECK:         tensor.extract_slice %[[X]][0, 3, 0, 0] [1, 91, 26, 4] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 1, 0] [1, 91, 26, 4] [1, 1, 1, 1] : tensor<1x91x26x4xf32> into tensor<1x91x27x4xf32>
// CHECK:         %[[LEFT:.*]] = scf.for {{.*}} -> (tensor<1x45x13x32xf32>)
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[LEFT]] into %[[R0]][0, 2, 0, 0] [1, 45, 13, 32] [1, 1, 1, 1]
// CHECK:         %[[INTERIOR:.*]] = scf.for {{.*}} -> (tensor<1x45x35x32xf32>)
// CHECK:           vector.transfer_read %[[X]]
// CHECK:         %[[R2:.*]] = tensor.insert_slice %[[INTERIOR]] into %[[R1]][0, 2, 13, 0] [1, 45, 35, 32] [1, 1, 1, 1]
// CHECK:         tensor.extract_slice %[[X]][0, 3, 95, 0] [1, 91, 26, 4] [1, 1, 1, 1]
// CHECK:         %[[RIGHT:.*]] = scf.for {{.*}} -> (tensor<1x45x13x32xf32>)
// CHECK:         %[[R3:.*]] = tensor.insert_slice %[[RIGHT]] into %[[R2]][0, 2, 48, 0] [1, 45, 13, 32] [1, 1, 1, 1]
// CHECK:         tensor.extract_slice %[[X]][0, 93, 0, 0] [1, 4, 121, 4] [1, 1, 1, 1]
// CHECK:         %[[BOTTOM:.*]] = scf.for {{.*}} -> (tensor<1x2x61x32xf32>)
// CHECK:         %[[R4:.*]] = tensor.insert_slice %[[BOTTOM]] into %[[R3]][0, 47, 0, 0] [1, 2, 61, 32] [1, 1, 1, 1]
// CHECK-NOT:     linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x{{.*}}x32xf32>)
// CHECK:         return %[[R4]]

// BUF-LABEL: func.func @conv_stride2(
// BUF-NOT:     memref.copy
// BUF:         memref.alloc() {{.*}} : memref<1x49x61x32xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x5x123x4xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x91x27x4xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x91x27x4xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x5x123x4xf32>
// BUF-NOT:     memref.alloc
// BUF-NOT:     memref.copy
// BUF:         return
func.func @conv_stride2(%x: tensor<1x97x121x4xf32>, %w: tensor<3x3x4x32xf32>) -> tensor<1x49x61x32xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x97x121x4xf32> to tensor<1x99x123x4xf32>
  %e = tensor.empty() : tensor<1x49x61x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x49x61x32xf32>) -> tensor<1x49x61x32xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%p, %w : tensor<1x99x123x4xf32>, tensor<3x3x4x32xf32>) outs(%f : tensor<1x49x61x32xf32>) -> tensor<1x49x61x32xf32>
  return %c : tensor<1x49x61x32xf32>
}

// -----

// Max pooling 2x2 with padding 3, more than the window: the windows of
// output rows and columns 0 and 1 lie wholly in the -inf padding. The top
// strip (rows 0-2) reads input row 0 padded by 3 rows above and 3 columns on
// each side, selecting -inf outside it; every piece computes the same maxima
// as the padded op.
// CHECK-LABEL: func.func @max_pool_padding(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x20x20x16xf32>
// CHECK-DAG:     %[[NINF:.*]] = arith.constant dense<0xFF800000> : vector<16xf32>
// CHECK:         %[[TOP_IN:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 1, 20, 16] [1, 1, 1, 1]
// CHECK-NOT:     tensor.pad
// CHECK-NOT:     linalg.fill
// CHECK:         %[[V:.*]] = vector.transfer_read %[[TOP_IN]]
// CHECK:         arith.select %{{.*}}, %[[V]], %[[NINF]] : vector<16xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 3, 25, 16] [1, 1, 1, 1]
// CHECK:         %[[R1:.*]] = tensor.insert_slice %{{.*}} into %[[R0]][0, 3, 0, 0] [1, 19, 3, 16] [1, 1, 1, 1]
// CHECK:         vector.transfer_read %[[X]]
// CHECK:         %[[R2:.*]] = tensor.insert_slice %{{.*}} into %[[R1]][0, 3, 3, 0] [1, 19, 19, 16] [1, 1, 1, 1]
// CHECK:         %[[R3:.*]] = tensor.insert_slice %{{.*}} into %[[R2]][0, 3, 22, 0] [1, 19, 3, 16] [1, 1, 1, 1]
// CHECK:         %[[R4:.*]] = tensor.insert_slice %{{.*}} into %[[R3]][0, 22, 0, 0] [1, 3, 25, 16] [1, 1, 1, 1]
// CHECK:         return %[[R4]]
func.func @max_pool_padding(%x: tensor<1x20x20x16xf32>) -> tensor<1x25x25x16xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %p = tensor.pad %x low[0, 3, 3, 0] high[0, 3, 3, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x20x20x16xf32> to tensor<1x26x26x16xf32>
  %e = tensor.empty() : tensor<1x25x25x16xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x25x25x16xf32>) -> tensor<1x25x25x16xf32>
  %window = tensor.empty() : tensor<2x2xf32>
  %m = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %window : tensor<1x26x26x16xf32>, tensor<2x2xf32>) outs(%f : tensor<1x25x25x16xf32>) -> tensor<1x25x25x16xf32>
  return %m : tensor<1x25x25x16xf32>
}

// -----

// A 1x1 window with padding 2: the border strips read no input element at
// all, so their reads are the padding value, without a slice or a load.
// CHECK-LABEL: func.func @depthwise_1x1_padding(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x20x20x16xf32>
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK-NOT:     vector.transfer_read %[[X]]
// CHECK:         %[[R0:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 2, 24, 16] [1, 1, 1, 1]
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK-NOT:     vector.transfer_read %[[X]]
// CHECK:         %[[R1:.*]] = tensor.insert_slice %{{.*}} into %[[R0]][0, 2, 0, 0] [1, 20, 2, 16] [1, 1, 1, 1]
// CHECK:         vector.transfer_read %[[X]]
// CHECK:         %[[R2:.*]] = tensor.insert_slice %{{.*}} into %[[R1]][0, 2, 2, 0] [1, 20, 20, 16] [1, 1, 1, 1]
// CHECK:         %[[R3:.*]] = tensor.insert_slice %{{.*}} into %[[R2]][0, 2, 22, 0] [1, 20, 2, 16] [1, 1, 1, 1]
// CHECK:         %[[R4:.*]] = tensor.insert_slice %{{.*}} into %[[R3]][0, 22, 0, 0] [1, 2, 24, 16] [1, 1, 1, 1]
// CHECK:         return %[[R4]]
func.func @depthwise_1x1_padding(%x: tensor<1x20x20x16xf32>, %w: tensor<1x1x16xf32>) -> tensor<1x24x24x16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 2, 2, 0] high[0, 2, 2, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x20x20x16xf32> to tensor<1x24x24x16xf32>
  %e = tensor.empty() : tensor<1x24x24x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x24x24x16xf32>) -> tensor<1x24x24x16xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x24x24x16xf32>, tensor<1x1x16xf32>) outs(%f : tensor<1x24x24x16xf32>) -> tensor<1x24x24x16xf32>
  return %c : tensor<1x24x24x16xf32>
}

// -----

// A grouped convolution reads channel slices of one pad. Each group is
// split (a top strip, a left strip of one register block and the
// interior); the strips are copied over all 16 channels, so that each copy
// is contiguous, once for both groups, and each group reads its 8 channels
// of them. The interiors read their channels of the argument. Each group's
// pieces update its accumulator in place.
// CHECK-LABEL: func.func @grouped(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x40x160x16xf32>
// CHECK-SAME:      %[[INIT:[a-z0-9]+]]: tensor<1x20x80x32xf32>
// CHECK:         tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 4, 160, 16] [1, 1, 1, 1]
// CHECK:         %[[TOP:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 4, 160, 16] [1, 1, 1, 1] : tensor<1x4x160x16xf32> into tensor<1x5x161x16xf32>
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 2, 80, 16] [1, 1, 1, 1]
// CHECK:         tensor.extract_slice %[[X]][0, 3, 0, 0] [1, 37, 40, 16] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 2, 0, 0] [1, 18, 20, 16] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 2, 20, 0] [1, 18, 60, 16] [1, 1, 1, 1]
// CHECK:         %[[G0:.*]] = tensor.insert_slice %{{.*}} into %[[INIT]][0, 0, 0, 0] [1, 20, 80, 16] [1, 1, 1, 1]
// CHECK-NOT:     tensor.extract_slice %[[X]][{{.*}}] [1, {{[0-9]+}}, {{[0-9]+}}, 16]
// CHECK:         vector.transfer_read %[[TOP]]
// CHECK:         %[[G1:.*]] = tensor.insert_slice %{{.*}} into %[[G0]][0, 0, 0, 16] [1, 20, 80, 16] [1, 1, 1, 1]
// CHECK:         return %[[G1]]

// BUF-LABEL: func.func @grouped(
// BUF-NOT:     memref.copy
// BUF:         memref.alloc() {{.*}} : memref<1x5x161x16xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x37x41x16xf32>
// BUF-NOT:     memref.alloc
// BUF-NOT:     memref.copy
// BUF:         return
func.func @grouped(%x: tensor<1x40x160x16xf32>, %w: tensor<3x3x8x32xf32>, %init: tensor<1x20x80x32xf32>) -> tensor<1x20x80x32xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x40x160x16xf32> to tensor<1x42x162x16xf32>
  %x0 = tensor.extract_slice %p[0, 0, 0, 0] [1, 42, 162, 8] [1, 1, 1, 1] : tensor<1x42x162x16xf32> to tensor<1x42x162x8xf32>
  %w0 = tensor.extract_slice %w[0, 0, 0, 0] [3, 3, 8, 16] [1, 1, 1, 1] : tensor<3x3x8x32xf32> to tensor<3x3x8x16xf32>
  %i0 = tensor.extract_slice %init[0, 0, 0, 0] [1, 20, 80, 16] [1, 1, 1, 1] : tensor<1x20x80x32xf32> to tensor<1x20x80x16xf32>
  %c0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x0, %w0 : tensor<1x42x162x8xf32>, tensor<3x3x8x16xf32>) outs(%i0 : tensor<1x20x80x16xf32>) -> tensor<1x20x80x16xf32>
  %r0 = tensor.insert_slice %c0 into %init[0, 0, 0, 0] [1, 20, 80, 16] [1, 1, 1, 1] : tensor<1x20x80x16xf32> into tensor<1x20x80x32xf32>
  %x1 = tensor.extract_slice %p[0, 0, 0, 8] [1, 42, 162, 8] [1, 1, 1, 1] : tensor<1x42x162x16xf32> to tensor<1x42x162x8xf32>
  %w1 = tensor.extract_slice %w[0, 0, 0, 16] [3, 3, 8, 16] [1, 1, 1, 1] : tensor<3x3x8x32xf32> to tensor<3x3x8x16xf32>
  %i1 = tensor.extract_slice %r0[0, 0, 0, 16] [1, 20, 80, 16] [1, 1, 1, 1] : tensor<1x20x80x32xf32> to tensor<1x20x80x16xf32>
  %c1 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x1, %w1 : tensor<1x42x162x8xf32>, tensor<3x3x8x16xf32>) outs(%i1 : tensor<1x20x80x16xf32>) -> tensor<1x20x80x16xf32>
  %r1 = tensor.insert_slice %c1 into %r0[0, 0, 0, 16] [1, 20, 80, 16] [1, 1, 1, 1] : tensor<1x20x80x16xf32> into tensor<1x20x80x32xf32>
  return %r1 : tensor<1x20x80x32xf32>
}

// -----

// The top and bottom strips of this depthwise convolution take
// 2 x 512 x 128 x 9 multiply-adds each, more than the 2^20 above which a
// strip's outermost tile loop is distributed over threads; the left and
// right strips, with 60 x 1 x 128 x 9, stay sequential. Each distributed
// piece marks its outermost two tile loops.
// PAR-LABEL: func.func @depthwise_large_borders(
// PAR:         } {nas.parallel}
// PAR:         } {nas.parallel}
// PAR-NEXT:    tensor.insert_slice {{.*}}[0, 0, 0, 0] [1, 2, 512, 128]
// PAR-NOT:     nas.parallel
// PAR:         tensor.insert_slice {{.*}}[0, 2, 0, 0] [1, 60, 1, 128]
// PAR:         } {nas.parallel}
// PAR:         } {nas.parallel}
// PAR-NEXT:    tensor.insert_slice {{.*}}[0, 2, 1, 0] [1, 60, 510, 128]
// PAR-NOT:     nas.parallel
// PAR:         tensor.insert_slice {{.*}}[0, 2, 511, 0] [1, 60, 1, 128]
// PAR:         } {nas.parallel}
// PAR:         } {nas.parallel}
// PAR-NEXT:    tensor.insert_slice {{.*}}[0, 62, 0, 0] [1, 2, 512, 128]
func.func @depthwise_large_borders(%x: tensor<1x64x512x128xf32>, %w: tensor<3x3x128xf32>) -> tensor<1x64x512x128xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x64x512x128xf32> to tensor<1x66x514x128xf32>
  %e = tensor.empty() : tensor<1x64x512x128xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x512x128xf32>) -> tensor<1x64x512x128xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x66x514x128xf32>, tensor<3x3x128xf32>) outs(%f : tensor<1x64x512x128xf32>) -> tensor<1x64x512x128xf32>
  return %c : tensor<1x64x512x128xf32>
}

// -----

// The depthwise convolution is split, and its result is only padded again
// (with -inf) for a max pooling: the pieces write into that padded tensor,
// one row and column in, after the fills of its border, so the pooling
// reads it without a copy and is not split.
// CHECK-LABEL: func.func @chained_into_pad(
// CHECK:         %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK:         tensor.empty() : tensor<1x34x34x32xf32>
// CHECK:         linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<1x1x34x32xf32>)
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 2, 32, 32] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 3, 1, 0] [1, 28, 1, 32] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 3, 2, 0] [1, 28, 30, 32] [1, 1, 1, 1]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 3, 32, 0] [1, 28, 1, 32] [1, 1, 1, 1]
// CHECK:         %[[PADDED:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 31, 1, 0] [1, 2, 32, 32] [1, 1, 1, 1]
// CHECK:         vector.transfer_read %[[PADDED]]
// CHECK:         return

// BUF-LABEL: func.func @chained_into_pad(
// BUF-NOT:     memref.copy
// BUF:         memref.alloc() {{.*}} : memref<1x34x34x32xf32>
// BUF:         memref.alloc() {{.*}} : memref<1x32x32x32xf32>
// BUF-NOT:     memref.alloc
// BUF-NOT:     memref.copy
// BUF:         return
func.func @chained_into_pad(%x: tensor<1x32x32x32xf32>, %w: tensor<3x3x32xf32>, %w2: tensor<3x3x32xf32>) -> tensor<1x32x32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x32x32x32xf32> to tensor<1x34x34x32xf32>
  %e = tensor.empty() : tensor<1x32x32x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x34x34x32xf32>, tensor<3x3x32xf32>) outs(%f : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %p2 = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x32x32x32xf32> to tensor<1x34x34x32xf32>
  %e2 = tensor.empty() : tensor<1x32x32x32xf32>
  %f2 = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  %window = tensor.empty() : tensor<3x3xf32>
  %m = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p2, %window : tensor<1x34x34x32xf32>, tensor<3x3xf32>) outs(%f2 : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  return %m : tensor<1x32x32x32xf32>
}

// -----

// A pad of a linalg result is not split: empty tensor elimination lets the
// producer write into the padded buffer.
// CHECK-LABEL: func.func @not_split_linalg_source(
// CHECK:         %[[RELU:.*]] = linalg.generic
// CHECK:         tensor.insert_slice %[[RELU]] into %{{.*}}[0, 1, 1, 0] [1, 16, 16, 32] [1, 1, 1, 1] : tensor<1x16x16x32xf32> into tensor<1x18x18x32xf32>
// CHECK-NOT:     tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 14, 14, 32]
// CHECK:         return
func.func @not_split_linalg_source(%x: tensor<1x16x16x32xf32>, %w: tensor<3x3x32xf32>) -> tensor<1x16x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x16x16x32xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x16x16x32xf32>) outs(%e0 : tensor<1x16x16x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.maximumf %in, %zero : f32
    linalg.yield %0 : f32
  } -> tensor<1x16x16x32xf32>
  %p = tensor.pad %relu low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x16x16x32xf32> to tensor<1x18x18x32xf32>
  %e = tensor.empty() : tensor<1x16x16x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x18x18x32xf32>, tensor<3x3x32xf32>) outs(%f : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  return %c : tensor<1x16x16x32xf32>
}

// -----

// An input of 14 KiB is not split: below 20 KiB, one loop nest reading the
// whole argument costs less than the pieces, although the strips would
// read only 16% of it.
// CHECK-LABEL: func.func @not_split_small(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x60x60x1xf32>
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK:         %[[LOOP:.*]] = scf.for {{.*}} -> (tensor<1x60x60x1xf32>)
// CHECK:           vector.transfer_read %[[X]]
// CHECK:         return %[[LOOP]]
func.func @not_split_small(%x: tensor<1x60x60x1xf32>, %w: tensor<3x3x1xf32>) -> tensor<1x60x60x1xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x60x60x1xf32> to tensor<1x62x62x1xf32>
  %e = tensor.empty() : tensor<1x60x60x1xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x60x60x1xf32>) -> tensor<1x60x60x1xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x62x62x1xf32>, tensor<3x3x1xf32>) outs(%f : tensor<1x60x60x1xf32>) -> tensor<1x60x60x1xf32>
  return %c : tensor<1x60x60x1xf32>
}

// -----

// On 10x10 inputs, the strips would read 84 of the 100 input pixels: the
// op is not split.
// CHECK-LABEL: func.func @not_split_wide_strips(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x10x10x96xf32>
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK:         %[[LOOP:.*]] = scf.for {{.*}} -> (tensor<1x10x10x96xf32>)
// CHECK:           vector.transfer_read %[[X]]
// CHECK:         return %[[LOOP]]
func.func @not_split_wide_strips(%x: tensor<1x10x10x96xf32>, %w: tensor<3x3x96xf32>) -> tensor<1x10x10x96xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x10x10x96xf32> to tensor<1x12x12x96xf32>
  %e = tensor.empty() : tensor<1x10x10x96xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x10x10x96xf32>) -> tensor<1x10x10x96xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x12x12x96xf32>, tensor<3x3x96xf32>) outs(%f : tensor<1x10x10x96xf32>) -> tensor<1x10x10x96xf32>
  return %c : tensor<1x10x10x96xf32>
}

// -----

// Two columns with a 3x3 window and padding 1: every window reads padding,
// so there is no interior and the op is not split.
// CHECK-LABEL: func.func @not_split_empty_interior(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x64x2x64xf32>
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK:         %[[LOOP:.*]] = scf.for {{.*}} -> (tensor<1x64x2x64xf32>)
// CHECK:           vector.transfer_read %[[X]]
// CHECK:         return %[[LOOP]]
func.func @not_split_empty_interior(%x: tensor<1x64x2x64xf32>, %w: tensor<3x3x64xf32>) -> tensor<1x64x2x64xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x64x2x64xf32> to tensor<1x66x4x64xf32>
  %e = tensor.empty() : tensor<1x64x2x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x2x64xf32>) -> tensor<1x64x2x64xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x66x4x64xf32>, tensor<3x3x64xf32>) outs(%f : tensor<1x64x2x64xf32>) -> tensor<1x64x2x64xf32>
  return %c : tensor<1x64x2x64xf32>
}

// -----

// A 3x3 convolution from 32 to 64 channels does 576 multiply-adds per input
// element. On one thread the strips cost no fork and join, and the op is
// split up to 800 per element: the interior reads the argument. With the
// tile loops marked for the threads, the limit is 100, and the argument is
// copied whole into the padded buffer.
// CHECK-LABEL: func.func @conv_split_on_one_thread(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x40x40x32xf32>
// CHECK:         tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 3, 40, 32]
// CHECK-NOT:     tensor<1x42x42x32xf32>
// CHECK:         return
// PAR-LABEL: func.func @conv_split_on_one_thread(
// PAR-SAME:      %[[X:[a-z0-9]+]]: tensor<1x40x40x32xf32>
// PAR:           tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 40, 40, 32] [1, 1, 1, 1] : tensor<1x40x40x32xf32> into tensor<1x42x42x32xf32>
// PAR-NOT:       tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 3, 40, 32]
// PAR:           return
func.func @conv_split_on_one_thread(%x: tensor<1x40x40x32xf32>, %w: tensor<3x3x32x64xf32>) -> tensor<1x40x40x64xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x40x40x32xf32> to tensor<1x42x42x32xf32>
  %e = tensor.empty() : tensor<1x40x40x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x64xf32>) -> tensor<1x40x40x64xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x42x42x32xf32>, tensor<3x3x32x64xf32>) outs(%f : tensor<1x40x40x64xf32>) -> tensor<1x40x40x64xf32>
  return %c : tensor<1x40x40x64xf32>
}

// -----

// 3x3 from 96 to 96 channels: 864 multiply-adds per input element, above
// both limits. The argument is copied whole on one thread too.
// CHECK-LABEL: func.func @conv_not_split_work(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x40x40x96xf32>
// CHECK-NOT:     tensor.extract_slice %[[X]]
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 40, 40, 96] [1, 1, 1, 1] : tensor<1x40x40x96xf32> into tensor<1x42x42x96xf32>
// CHECK:         return
func.func @conv_not_split_work(%x: tensor<1x40x40x96xf32>, %w: tensor<3x3x96x96xf32>) -> tensor<1x40x40x96xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x40x40x96xf32> to tensor<1x42x42x96xf32>
  %e = tensor.empty() : tensor<1x40x40x96xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x96xf32>) -> tensor<1x40x40x96xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x42x42x96xf32>, tensor<3x3x96x96xf32>) outs(%f : tensor<1x40x40x96xf32>) -> tensor<1x40x40x96xf32>
  return %c : tensor<1x40x40x96xf32>
}
