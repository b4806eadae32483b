// nas-tile-and-vectorize leaves out the multiply-adds of a convolution tile
// whose input element lies in zero padding. The outermost reduction loop
// (kernel rows) runs its body under an scf.if on the input row; in tiles
// whose output columns are constants, the loop over kernel columns is
// unrolled and each contraction keeps the pixels whose input column lies
// inside the pad's source, or disappears when there are none.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-tile-and-vectorize="cpu=x86-64-v4 skip-padding-taps=false" -split-input-file | FileCheck %s --check-prefix=OFF

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// 3x3, padding 1, on 14x14: one tile of 14 pixels by 32 channels per
// output row. Input rows 1 to 14 of the padded tensor are the source's.
// Kernel column 0 leaves out pixel 0 (it would read padded column 0) and
// reads 13 pixels from column 1; column 1 reads all 14; column 2 leaves out
// pixel 13 and reads 13 pixels from column 2.
// CHECK-LABEL: func.func @whole_rows
// CHECK: scf.for %[[OH:.*]] = %c0 to %c14 step %c1
// CHECK: scf.for %[[KH:.*]] = %c0 to %c3 step %c1 iter_args(%[[ACC:.*]] = %{{.*}}) -> (vector<14x32xf32>)
// CHECK: %[[ROW:.*]] = affine.apply #{{.*}}()[%[[OH]], %[[KH]]]
// CHECK-DAG: %[[BELOW_END:.*]] = arith.cmpi slt, %[[ROW]], %c15 : index
// CHECK-DAG: %[[FROM_FIRST:.*]] = arith.cmpi sge, %[[ROW]], %c1 : index
// CHECK: %[[INSIDE:.*]] = arith.andi %[[FROM_FIRST]], %[[BELOW_END]] : i1
// CHECK: %[[SUM:.*]] = scf.if %[[INSIDE]] -> (vector<14x32xf32>) {
// CHECK: %[[K0:.*]] = scf.for %{{.*}} = %c0 to %c16 step %c1 iter_args(%[[A0:.*]] = %[[ACC]])
// CHECK: %[[IN0:.*]] = vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c1, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x16x16x16xf32>, vector<13x1xf32>
// CHECK: %[[SLICE0:.*]] = vector.extract_strided_slice %[[A0]] {offsets = [1, 0], sizes = [13, 32], strides = [1, 1]} : vector<14x32xf32> to vector<13x32xf32>
// CHECK: %[[NEW0:.*]] = vector.contract {{.*}} %[[IN0]], %{{.*}}, %[[SLICE0]] : vector<13x1xf32>, vector<1x32xf32> into vector<13x32xf32>
// CHECK: vector.insert_strided_slice %[[NEW0]], %[[A0]] {offsets = [1, 0], strides = [1, 1]} : vector<13x32xf32> into vector<14x32xf32>
// CHECK: %[[K1:.*]] = scf.for %{{.*}} = %c0 to %c16 step %c1 iter_args(%[[A1:.*]] = %[[K0]])
// CHECK: %[[IN1:.*]] = vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c1, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x16x16x16xf32>, vector<14x1xf32>
// CHECK: vector.contract {{.*}} %[[IN1]], %{{.*}}, %[[A1]] : vector<14x1xf32>, vector<1x32xf32> into vector<14x32xf32>
// CHECK: %[[K2:.*]] = scf.for %{{.*}} = %c0 to %c16 step %c1 iter_args(%[[A2:.*]] = %[[K1]])
// CHECK: %[[IN2:.*]] = vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c2, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x16x16x16xf32>, vector<13x1xf32>
// CHECK: %[[SLICE2:.*]] = vector.extract_strided_slice %[[A2]] {offsets = [0, 0], sizes = [13, 32], strides = [1, 1]}
// CHECK: vector.contract {{.*}} %[[IN2]], %{{.*}}, %[[SLICE2]] : vector<13x1xf32>, vector<1x32xf32> into vector<13x32xf32>
// CHECK: scf.yield %[[K2]] : vector<14x32xf32>
// CHECK: } else {
// CHECK: scf.yield %[[ACC]] : vector<14x32xf32>
// CHECK: scf.yield %[[SUM]] : vector<14x32xf32>
// OFF-LABEL: func.func @whole_rows
// OFF-NOT: scf.if
// OFF-NOT: vector.extract_strided_slice
// OFF: vector.contract {{.*}} : vector<14x1xf32>, vector<1x32xf32> into vector<14x32xf32>
// OFF-NOT: scf.if
// OFF-NOT: vector.extract_strided_slice
func.func @whole_rows(%x: tensor<1x14x14x16xf32>, %w: tensor<3x3x16x32xf32>) -> tensor<1x14x14x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x14x14x16xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x14x14x16xf32>) outs(%e : tensor<1x14x14x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x14x14x16xf32>
  %p = tensor.pad %r low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x14x14x16xf32> to tensor<1x16x16x16xf32>
  %init = tensor.empty() : tensor<1x14x14x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x14x14x32xf32>) -> tensor<1x14x14x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x16x16x16xf32>, tensor<3x3x16x32xf32>) outs(%acc : tensor<1x14x14x32xf32>) -> tensor<1x14x14x32xf32>
  return %y : tensor<1x14x14x32xf32>
}

// -----

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// Two tiles of 10 pixels per output row of 20. The left tile leaves out
// its pixel 0 in kernel column 0, the right tile its pixel 9 in kernel
// column 2 (input column 22 of the padded 22 is padding).
// CHECK-LABEL: func.func @column_tiles
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c1, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<9x1xf32>
// CHECK: vector.extract_strided_slice %{{.*}} {offsets = [1, 0], sizes = [9, 32], strides = [1, 1]}
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c1, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<10x1xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c2, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<10x1xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c10, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<10x1xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c11, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<10x1xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c12, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x6x22x8xf32>, vector<9x1xf32>
// CHECK: vector.extract_strided_slice %{{.*}} {offsets = [0, 0], sizes = [9, 32], strides = [1, 1]}
func.func @column_tiles(%x: tensor<1x4x20x8xf32>, %w: tensor<3x3x8x64xf32>) -> tensor<1x4x20x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x20x8xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x4x20x8xf32>) outs(%e : tensor<1x4x20x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x4x20x8xf32>
  %p = tensor.pad %r low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x20x8xf32> to tensor<1x6x22x8xf32>
  %init = tensor.empty() : tensor<1x4x20x64xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x4x20x64xf32>) -> tensor<1x4x20x64xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x6x22x8xf32>, tensor<3x3x8x64xf32>) outs(%acc : tensor<1x4x20x64xf32>) -> tensor<1x4x20x64xf32>
  return %y : tensor<1x4x20x64xf32>
}

// -----

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// Padding 16 around a 2x2 source: output rows and columns of 32, in tiles
// of 11, 11 and 10 pixels. Every input column of the first and last tiles
// is padding, so they keep no contraction and write their initial value,
// zero. The middle tile (output columns 11 to 21) reads padded columns 16
// and 17 only: 2 pixels per kernel column.
// CHECK-LABEL: func.func @beyond_reach
// CHECK: %[[ZERO11:.*]] = arith.constant dense<0.000000e+00> : vector<11x32xf32>
// CHECK: scf.for
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: vector.transfer_write %[[ZERO11]]
// CHECK: scf.if
// CHECK: vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c16, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x34x34x8xf32>, vector<2x1xf32>
// CHECK: vector.extract_strided_slice %{{.*}} {offsets = [5, 0], sizes = [2, 32], strides = [1, 1]}
// CHECK: vector.extract_strided_slice %{{.*}} {offsets = [4, 0], sizes = [2, 32], strides = [1, 1]}
// CHECK: vector.extract_strided_slice %{{.*}} {offsets = [3, 0], sizes = [2, 32], strides = [1, 1]}
// CHECK: vector.transfer_write %{{.*}} : vector<10x32xf32>
// CHECK-NOT: vector.contract
// CHECK: return
func.func @beyond_reach(%x: tensor<1x2x2x8xf32>, %w: tensor<3x3x8x32xf32>) -> tensor<1x32x32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x8xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x2x2x8xf32>) outs(%e : tensor<1x2x2x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x2x2x8xf32>
  %p = tensor.pad %r low[0, 16, 16, 0] high[0, 16, 16, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x2x2x8xf32> to tensor<1x34x34x8xf32>
  %init = tensor.empty() : tensor<1x32x32x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x34x34x8xf32>, tensor<3x3x8x32xf32>) outs(%acc : tensor<1x32x32x32xf32>) -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}

// -----

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// With 3 input channels, the channel loop is too short for the edge tiles
// to pay for their copies: the kernel rows are still checked, but the
// columns are not trimmed.
// CHECK-LABEL: func.func @few_channels
// CHECK: scf.if
// CHECK-NOT: vector.extract_strided_slice
// CHECK: return
func.func @few_channels(%x: tensor<1x14x14x3xf32>, %w: tensor<3x3x3x32xf32>) -> tensor<1x14x14x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x14x14x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x14x14x3xf32>) outs(%e : tensor<1x14x14x3xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x14x14x3xf32>
  %p = tensor.pad %r low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x14x14x3xf32> to tensor<1x16x16x3xf32>
  %init = tensor.empty() : tensor<1x14x14x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x14x14x32xf32>) -> tensor<1x14x14x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x16x16x3xf32>, tensor<3x3x3x32xf32>) outs(%acc : tensor<1x14x14x32xf32>) -> tensor<1x14x14x32xf32>
  return %y : tensor<1x14x14x32xf32>
}

// -----

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// Stride 2, padding 1 at the top and left only: blocks of 2 output rows of
// 4 pixels. A strided tile reads the 7 input columns its pixels span and
// gives each pixel a contraction of its element; in kernel column 0,
// pixel 0 (element 0, padded column 0) has none.
// CHECK-LABEL: func.func @strided
// CHECK: scf.if
// CHECK: %[[COLUMN0:.*]] = vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c0, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x9x9x16xf32>, vector<7x1xf32>
// CHECK-NOT: vector.extract %[[COLUMN0]][0]
// CHECK: vector.extract %[[COLUMN0]][2]
// CHECK: vector.extract %[[COLUMN0]][4]
// CHECK: vector.extract %[[COLUMN0]][6]
// CHECK: %[[COLUMN1:.*]] = vector.transfer_read %{{.*}}[%c0, %{{.*}}, %c1, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<1x9x9x16xf32>, vector<7x1xf32>
// CHECK: vector.extract %[[COLUMN1]][0]
func.func @strided(%x: tensor<1x8x8x16xf32>, %w: tensor<3x3x16x32xf32>) -> tensor<1x4x4x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x8x16xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x8x8x16xf32>) outs(%e : tensor<1x8x8x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x8x8x16xf32>
  %p = tensor.pad %r low[0, 1, 1, 0] high[0, 0, 0, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x16xf32> to tensor<1x9x9x16xf32>
  %init = tensor.empty() : tensor<1x4x4x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%p, %w : tensor<1x9x9x16xf32>, tensor<3x3x16x32xf32>) outs(%acc : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
  return %y : tensor<1x4x4x32xf32>
}
