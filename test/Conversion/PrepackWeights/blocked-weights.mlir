// RUN: nas-opt %s -nas-prepack-weights=cpu=x86-64-v4 -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-prepack-weights=cpu=x86-64-v4 -split-input-file | nas-opt -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --check-prefix=TILES

// With 16 lanes, the 40 output channels make tiles of 32 and 8 channels,
// so the global stores two blocks of 32 channels, the second one padded
// with 24 zero channels. The pack function pads, splits and transposes the
// HWCF weight; @blocked unpacks it.
// CHECK: memref.global "private" @blocked_packed_weight_0 : memref<2x3x3x8x32xf32>
// CHECK-LABEL: func.func @blocked
// CHECK: %[[GLOBAL:.*]] = memref.get_global @blocked_packed_weight_0 : memref<2x3x3x8x32xf32>
// CHECK: %[[BLOCKED:.*]] = bufferization.to_tensor %[[GLOBAL]] restrict
// CHECK: %[[WEIGHT:.*]] = linalg.unpack %[[BLOCKED]] outer_dims_perm = [3, 0, 1, 2] inner_dims_pos = [3] inner_tiles = [32] into %{{.*}} : tensor<2x3x3x8x32xf32> -> tensor<3x3x8x40xf32>
// CHECK: linalg.conv_2d_nhwc_hwcf {{.*}} ins(%{{.*}}, %[[WEIGHT]] :
// CHECK-LABEL: func.func @blocked_pack_weights
// CHECK: %[[HWCF:.*]] = linalg.transpose ins(%{{.*}} : tensor<40x8x3x3xf32>) {{.*}} permutation = [2, 3, 1, 0]
// CHECK: %[[PADDED:.*]] = tensor.pad %[[HWCF]] low[0, 0, 0, 0] high[0, 0, 0, 24]
// CHECK: %[[SPLIT:.*]] = tensor.expand_shape %[[PADDED]] {{\[}}[0], [1], [2], [3, 4]] output_shape [3, 3, 8, 2, 32]
// CHECK: %[[PACKED:.*]] = linalg.transpose ins(%[[SPLIT]] : tensor<3x3x8x2x32xf32>) {{.*}} permutation = [3, 0, 1, 2, 4]
// CHECK: bufferization.materialize_in_destination %[[PACKED]] in restrict writable

// Each tile reads one block: all 32 channels of block 0, then the first 8
// of block 1. No unpack is left.
// TILES-LABEL: func.func @blocked
// TILES-NOT: linalg.unpack
// TILES: %[[BLOCKED:.*]] = bufferization.to_tensor
// TILES: vector.transfer_read %[[BLOCKED]][%c0, %{{.*}}, %{{.*}}, %{{.*}}, %c0], %{{.*}} : tensor<2x3x3x8x32xf32>, vector<32xf32>
// TILES: vector.transfer_read %[[BLOCKED]][%c1, %{{.*}}, %{{.*}}, %{{.*}}, %c0], %{{.*}} : tensor<2x3x3x8x32xf32>, vector<8xf32>
// TILES-LABEL: func.func @blocked_pack_weights
func.func @blocked(%x: tensor<1x6x6x8xf32>, %w: tensor<40x8x3x3xf32>) -> tensor<1x4x4x40xf32> {
  %we = tensor.empty() : tensor<3x3x8x40xf32>
  %wt = linalg.transpose ins(%w : tensor<40x8x3x3xf32>) outs(%we : tensor<3x3x8x40xf32>) permutation = [2, 3, 1, 0]
  %zero = arith.constant 0.0 : f32
  %oe = tensor.empty() : tensor<1x4x4x40xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x40xf32>) -> tensor<1x4x4x40xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wt : tensor<1x6x6x8xf32>, tensor<3x3x8x40xf32>)
      outs(%init : tensor<1x4x4x40xf32>) -> tensor<1x4x4x40xf32>
  return %y : tensor<1x4x4x40xf32>
}

// -----

// 16 output channels are one tile: the weight stays HWCF. A weight that a
// convolution reads through a slice stays HWCF too, with rows of 64 + 16
// elements (256 bytes grow by 64).
// CHECK-DAG: memref.global "private" @unblocked_packed_weight_0 : memref<1x1x8x16xf32>
// CHECK-DAG: memref.global "private" @unblocked_packed_weight_1 : memref<1x1x8x80xf32>
// CHECK-LABEL: func.func @unblocked
// CHECK-NOT: linalg.unpack
// CHECK-LABEL: func.func @unblocked_pack_weights
// CHECK-NOT: tensor.pad
// CHECK-NOT: tensor.expand_shape
// CHECK: return
func.func @unblocked(%x: tensor<1x4x4x8xf32>, %w: tensor<16x8x1x1xf32>, %v: tensor<64x8x1x1xf32>) -> (tensor<1x4x4x16xf32>, tensor<1x4x4x32xf32>) {
  %zero = arith.constant 0.0 : f32
  %we = tensor.empty() : tensor<1x1x8x16xf32>
  %wt = linalg.transpose ins(%w : tensor<16x8x1x1xf32>) outs(%we : tensor<1x1x8x16xf32>) permutation = [2, 3, 1, 0]
  %oe = tensor.empty() : tensor<1x4x4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wt : tensor<1x4x4x8xf32>, tensor<1x1x8x16xf32>)
      outs(%init : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  %ve = tensor.empty() : tensor<1x1x8x64xf32>
  %vt = linalg.transpose ins(%v : tensor<64x8x1x1xf32>) outs(%ve : tensor<1x1x8x64xf32>) permutation = [2, 3, 1, 0]
  %vs = tensor.extract_slice %vt[0, 0, 0, 0] [1, 1, 8, 32] [1, 1, 1, 1] : tensor<1x1x8x64xf32> to tensor<1x1x8x32xf32>
  %ue = tensor.empty() : tensor<1x4x4x32xf32>
  %uinit = linalg.fill ins(%zero : f32) outs(%ue : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
  %u = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %vs : tensor<1x4x4x8xf32>, tensor<1x1x8x32xf32>)
      outs(%uinit : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
  return %y, %u : tensor<1x4x4x16xf32>, tensor<1x4x4x32xf32>
}

// -----

// A fully connected weight (N x K, transposed to K x N) is blocked the same
// way when the matrix product splits its columns into tiles. With one row,
// the 40 columns make tiles of 16, 16 and 8: ceil(40 / 16) x K x 16, so
// that each tile streams one contiguous panel.
// CHECK: memref.global "private" @fully_connected_packed_weight_0 : memref<3x64x16xf32>
// CHECK-LABEL: func.func @fully_connected
// CHECK: %[[BLOCKED:.*]] = bufferization.to_tensor
// CHECK: %[[WEIGHT:.*]] = linalg.unpack %[[BLOCKED]] outer_dims_perm = [1, 0] inner_dims_pos = [1] inner_tiles = [16] into %{{.*}} : tensor<3x64x16xf32> -> tensor<64x40xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %[[WEIGHT]] :
// CHECK-LABEL: func.func @fully_connected_pack_weights
// CHECK: %[[KN:.*]] = linalg.transpose ins(%{{.*}} : tensor<40x64xf32>) {{.*}} permutation = [1, 0]
// CHECK: %[[PADDED:.*]] = tensor.pad %[[KN]] low[0, 0] high[0, 8]
// CHECK: %[[SPLIT:.*]] = tensor.expand_shape %[[PADDED]] {{\[}}[0], [1, 2]] output_shape [64, 3, 16]
// CHECK: %[[PACKED:.*]] = linalg.transpose ins(%[[SPLIT]] : tensor<64x3x16xf32>) {{.*}} permutation = [1, 0, 2]
// CHECK: bufferization.materialize_in_destination %[[PACKED]] in restrict writable

// TILES-LABEL: func.func @fully_connected
// TILES-NOT: linalg.unpack
// TILES: %[[BLOCKED:.*]] = bufferization.to_tensor
// TILES: vector.transfer_read %[[BLOCKED]][%{{.*}}, %{{.*}}, %c0], %{{.*}} : tensor<3x64x16xf32>, vector<16xf32>
// TILES: vector.transfer_read %[[BLOCKED]][%c2, %{{.*}}, %c0], %{{.*}} : tensor<3x64x16xf32>, vector<8xf32>
// TILES-LABEL: func.func @fully_connected_pack_weights
func.func @fully_connected(%x: tensor<1x64xf32>, %w: tensor<40x64xf32>) -> tensor<1x40xf32> {
  %we = tensor.empty() : tensor<64x40xf32>
  %wt = linalg.transpose ins(%w : tensor<40x64xf32>) outs(%we : tensor<64x40xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %oe = tensor.empty() : tensor<1x40xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x40xf32>) -> tensor<1x40xf32>
  %y = linalg.matmul ins(%x, %wt : tensor<1x64xf32>, tensor<64x40xf32>)
      outs(%init : tensor<1x40xf32>) -> tensor<1x40xf32>
  return %y : tensor<1x40xf32>
}
