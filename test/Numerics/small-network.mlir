// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=small_network | FileCheck %s --check-prefix=SMALL-NETWORK

// conv, batch norm, relu, max pool, a bottleneck, an inverted residual,
// global average pool, flatten and a fully connected layer.
// SMALL-NETWORK: output: tensor<1x10xf32>
// SMALL-NETWORK: check: passed
func.func @small_network(%arg0: tensor<1x3x32x32xf32>, %arg1: tensor<8x3x3x3xf32>, %arg2: tensor<8xf32>, %arg3: tensor<8xf32>, %arg4: tensor<8xf32>, %arg5: tensor<8xf32>, %arg6: tensor<8xf32>, %arg7: tensor<4x8x1x1xf32>, %arg8: tensor<4xf32>, %arg9: tensor<4x4x3x3xf32>, %arg10: tensor<4xf32>, %arg11: tensor<16x4x1x1xf32>, %arg12: tensor<16xf32>, %arg13: tensor<16x8x1x1xf32>, %arg14: tensor<16xf32>, %arg15: tensor<96x16x1x1xf32>, %arg16: tensor<96xf32>, %arg17: tensor<96x1x3x3xf32>, %arg18: tensor<96xf32>, %arg19: tensor<16x96x1x1xf32>, %arg20: tensor<16xf32>, %arg21: tensor<10x16xf32>, %arg22: tensor<10xf32>) -> tensor<1x10xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %2 = nas.batch_norm %1, %arg3, %arg4, %arg5, %arg6 {epsilon = 1.0e-05 : f32} : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %3 = nas.relu %2 : tensor<1x8x16x16xf32> -> tensor<1x8x16x16xf32>
  %4 = nas.max_pool2d %3 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  %5 = nas.bottleneck %4 reduce(%arg7, %arg8) conv(%arg9, %arg10) expand(%arg11, %arg12) projection(%arg13, %arg14) {stride = 1, groups = 1} : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %6 = nas.inverted_residual %5 expand(%arg15, %arg16) depthwise(%arg17, %arg18) project(%arg19, %arg20) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x16x8x8xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<16x96x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %7 = nas.global_avg_pool2d %6 : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
  %8 = nas.flatten %7 {axis = 1} : tensor<1x16x1x1xf32> -> tensor<1x16xf32>
  %9 = nas.fully_connected %8, %arg21, %arg22 : (tensor<1x16xf32>, tensor<10x16xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %9 : tensor<1x10xf32>
}
