// nas-tile-and-vectorize reads the padding of a function argument in
// registers when only depthwise convolutions and poolings read it: each row
// of a vector read of the padded tensor loads the argument at its position
// clamped into the argument and selects the padding value where the
// position lies outside. Positions that are constants fold, so only the
// dimensions that follow a tile loop are checked. The pad, and the copy of
// the argument into a padded buffer, disappear. Other pads keep that copy.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s

// 7x7 input: too small to split, so the one loop nest reads the argument.
// The row (output row + kernel row - 1) is checked once per kernel row; the
// 9 columns of a register block are constants: column -1 and 7 are zero
// vectors, 0 to 6 plain loads of the clamped row.
// CHECK-LABEL: func.func @depthwise_7x7(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x7x7x32xf32>
// CHECK-DAG:     %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK-DAG:     %[[C6:.*]] = arith.constant 6 : index
// CHECK-NOT:     tensor.pad
// CHECK-NOT:     linalg.copy
// CHECK:         scf.for
// CHECK:           %[[ROW:.*]] = arith.addi %{{.*}}, %c-1 : index
// CHECK:           %[[ABOVE:.*]] = arith.cmpi sge, %[[ROW]], %c0 : index
// CHECK:           %[[BELOW:.*]] = arith.cmpi sle, %[[ROW]], %[[C6]] : index
// CHECK:           %[[IN:.*]] = arith.andi %[[ABOVE]], %[[BELOW]] : i1
// CHECK:           %[[LOW:.*]] = arith.maxsi %[[ROW]], %c0 : index
// CHECK:           %[[CLAMPED:.*]] = arith.minsi %[[LOW]], %[[C6]] : index
// CHECK:           %[[V0:.*]] = vector.transfer_read %[[X]][%c0, %[[CLAMPED]], %c0, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x7x7x32xf32>, vector<16xf32>
// CHECK:           %[[S0:.*]] = arith.select %[[IN]], %[[V0]], %[[ZEROS]] : vector<16xf32>
// CHECK:           vector.insert_strided_slice %[[S0]], %{{.*}} {offsets = [1, 0], strides = [1]} : vector<16xf32> into vector<9x16xf32>
// CHECK-COUNT-6:   vector.transfer_read %[[X]][%c0, %[[CLAMPED]], %c{{[1-6]}}, %{{.*}}]
// CHECK-NOT:       vector.transfer_read %[[X]]
// CHECK:           vector.fma
// CHECK-NOT:     tensor.pad
// CHECK:         return
func.func @depthwise_7x7(%x: tensor<1x7x7x32xf32>, %w: tensor<3x3x32xf32>) -> tensor<1x7x7x32xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x7x7x32xf32> to tensor<1x9x9x32xf32>
  %e = tensor.empty() : tensor<1x7x7x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x7x7x32xf32>) -> tensor<1x7x7x32xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x9x9x32xf32>, tensor<3x3x32xf32>) outs(%f : tensor<1x7x7x32xf32>) -> tensor<1x7x7x32xf32>
  return %c : tensor<1x7x7x32xf32>
}

// -----

// 40 columns in register blocks of 10: the column of each row of a block
// follows the tile loop and is checked too, with the row.
// CHECK-LABEL: func.func @depthwise_wide(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x6x40x16xf32>
// CHECK-NOT:     tensor.pad
// CHECK:         scf.for %[[COL:.*]] = %c0 to %c40 step %c10
// CHECK:           %[[ROW_IN:.*]] = arith.andi %{{.*}}, %{{.*}} : i1
// CHECK:           %[[C:.*]] = arith.addi %[[COL]], %c-1 : index
// CHECK:           %[[LEFT:.*]] = arith.cmpi sge, %[[C]], %c0 : index
// CHECK:           %[[RIGHT:.*]] = arith.cmpi sle, %[[C]], %c39 : index
// CHECK:           %[[IN0:.*]] = arith.andi %[[ROW_IN]], %[[LEFT]] : i1
// CHECK:           %[[IN:.*]] = arith.andi %[[IN0]], %[[RIGHT]] : i1
// CHECK:           %[[V:.*]] = vector.transfer_read %[[X]]
// CHECK:           arith.select %[[IN]], %[[V]], %{{.*}} : vector<16xf32>
// CHECK-COUNT-11:  arith.select
// CHECK-NOT:       arith.select
// CHECK:           vector.fma
// CHECK:         return
func.func @depthwise_wide(%x: tensor<1x6x40x16xf32>, %w: tensor<3x3x16xf32>) -> tensor<1x6x40x16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x6x40x16xf32> to tensor<1x8x42x16xf32>
  %e = tensor.empty() : tensor<1x6x40x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x6x40x16xf32>) -> tensor<1x6x40x16xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x8x42x16xf32>, tensor<3x3x16xf32>) outs(%f : tensor<1x6x40x16xf32>) -> tensor<1x6x40x16xf32>
  return %c : tensor<1x6x40x16xf32>
}

// -----

// Max pooling selects -inf, its padding value, outside the argument.
// CHECK-LABEL: func.func @max_pool(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<1x9x9x16xf32>
// CHECK-DAG:     %[[NINF:.*]] = arith.constant dense<0xFF800000> : vector<16xf32>
// CHECK-NOT:     tensor.pad
// CHECK:         %[[V:.*]] = vector.transfer_read %[[X]]
// CHECK:         arith.select %{{.*}}, %[[V]], %[[NINF]] : vector<16xf32>
// CHECK:         arith.maximumf
// CHECK:         return
func.func @max_pool(%x: tensor<1x9x9x16xf32>) -> tensor<1x5x5x16xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x9x9x16xf32> to tensor<1x11x11x16xf32>
  %e = tensor.empty() : tensor<1x5x5x16xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x5x5x16xf32>) -> tensor<1x5x5x16xf32>
  %window = tensor.empty() : tensor<3x3xf32>
  %m = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%p, %window : tensor<1x11x11x16xf32>, tensor<3x3xf32>) outs(%f : tensor<1x5x5x16xf32>) -> tensor<1x5x5x16xf32>
  return %m : tensor<1x5x5x16xf32>
}

// -----

// A convolution does many multiply-adds per input element and reads its
// input as broadcast elements: its input is copied into a padded buffer.
// CHECK-LABEL: func.func @conv(
// CHECK-NOT:     arith.select
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 7, 7, 8] [1, 1, 1, 1] : tensor<1x7x7x8xf32> into tensor<1x9x9x8xf32>
// CHECK-NOT:     arith.select
// CHECK:         return
func.func @conv(%x: tensor<1x7x7x8xf32>, %w: tensor<3x3x8x16xf32>) -> tensor<1x7x7x16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x7x7x8xf32> to tensor<1x9x9x8xf32>
  %e = tensor.empty() : tensor<1x7x7x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x9x9x8xf32>, tensor<3x3x8x16xf32>) outs(%f : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  return %c : tensor<1x7x7x16xf32>
}

// -----

// A pad that a convolution reads too is copied, for both of its readers.
// CHECK-LABEL: func.func @shared_with_conv(
// CHECK-NOT:     arith.select
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 7, 7, 16] [1, 1, 1, 1] : tensor<1x7x7x16xf32> into tensor<1x9x9x16xf32>
// CHECK-NOT:     arith.select
// CHECK:         return
func.func @shared_with_conv(%x: tensor<1x7x7x16xf32>, %w: tensor<3x3x16xf32>, %w2: tensor<3x3x16x16xf32>) -> (tensor<1x7x7x16xf32>, tensor<1x7x7x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x7x7x16xf32> to tensor<1x9x9x16xf32>
  %e = tensor.empty() : tensor<1x7x7x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x9x9x16xf32>, tensor<3x3x16xf32>) outs(%f : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  %e2 = tensor.empty() : tensor<1x7x7x16xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w2 : tensor<1x9x9x16xf32>, tensor<3x3x16x16xf32>) outs(%f2 : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  return %d, %c : tensor<1x7x7x16xf32>, tensor<1x7x7x16xf32>
}

// -----

// Padded channels: a vector of the innermost dimension would straddle the
// argument and the padding, so the argument is copied.
// CHECK-LABEL: func.func @padded_channels(
// CHECK-NOT:     arith.select
// CHECK:         tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 1, 0] [1, 7, 7, 14] [1, 1, 1, 1] : tensor<1x7x7x14xf32> into tensor<1x9x9x16xf32>
// CHECK-NOT:     arith.select
// CHECK:         return
func.func @padded_channels(%x: tensor<1x7x7x14xf32>, %w: tensor<3x3x16xf32>) -> tensor<1x7x7x16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 2] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x7x7x14xf32> to tensor<1x9x9x16xf32>
  %e = tensor.empty() : tensor<1x7x7x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  %c = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %w : tensor<1x9x9x16xf32>, tensor<3x3x16xf32>) outs(%f : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  return %c : tensor<1x7x7x16xf32>
}
