// RUN: nas-opt %s --nas-annotate-costs | FileCheck %s

// Parameters, statistics and bytes per element type: f32 4, f16 and bf16 2,
// i8 1, f64 8.

// Batch normalization on 1x4x2x2 (16 elements): scale and bias are
// parameters, mean and variance statistics.
//   params 4 + 4 = 8; statistics 4 + 4 = 8; weight bytes 16 * 4 = 64
//   other ops: a multiply and an add per element: 2 * 16 = 32
// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: nas.total_other_ops = 32 : i64, nas.total_params = 8 : i64, nas.total_statistics = 8 : i64, nas.total_weight_bytes = 64 : i64
// CHECK: nas.batch_norm
// CHECK-SAME: nas.kind = "batch_norm", {{.*}}nas.other_ops = 32 : i64, nas.params = 8 : i64, nas.statistics = 8 : i64, nas.weight_bytes = 64 : i64
func.func @batch_norm(%x: tensor<1x4x2x2xf32>, %scale: tensor<4xf32>, %bias: tensor<4xf32>, %mean: tensor<4xf32>, %var: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
  %y = nas.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return %y : tensor<1x4x2x2xf32>
}

// Two batch normalizations sharing every tensor count them once; the work
// counts twice: params 8, statistics 8, bytes 64, other ops 2 * 32 = 64.
// CHECK-LABEL: func.func @shared_batch_norm
// CHECK-SAME: nas.total_other_ops = 64 : i64, nas.total_params = 8 : i64, nas.total_statistics = 8 : i64, nas.total_weight_bytes = 64 : i64
func.func @shared_batch_norm(%x: tensor<1x4x2x2xf32>, %scale: tensor<4xf32>, %bias: tensor<4xf32>, %mean: tensor<4xf32>, %var: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
  %y = nas.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  %z = nas.batch_norm %y, %scale, %bias, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return %z : tensor<1x4x2x2xf32>
}

// Constant weights are parameters like arguments: a 1x1 conv 2->4 with a
// constant weight (8) and bias (4) on 1x2x3x3.
//   MACs 4 * 2 * 9 = 72; params 12; weight bytes 48
// CHECK-LABEL: func.func @constant_parameters
// CHECK-SAME: nas.total_macs = 72 : i64, nas.total_other_ops = 36 : i64, nas.total_params = 12 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 48 : i64
func.func @constant_parameters(%x: tensor<1x2x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %w = arith.constant dense<0.5> : tensor<4x2x1x1xf32>
  %b = arith.constant dense<0.0> : tensor<4xf32>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x3x3xf32>, tensor<4x2x1x1xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// A 1x1 conv 2->4 with bias on 1x2x4x4 (32 elements) to 1x4x4x4 (64) in
// each element type. Params 8 + 4 = 12.
//   f16 and bf16: weight bytes 12 * 2 = 24, activation bytes 64 * 2 = 128,
//                 live bytes (32 + 64) * 2 = 192
//   i8:           weight bytes 12, activation bytes 64, live bytes 96
// CHECK-LABEL: func.func @bytes_f16
// CHECK-SAME: nas.peak_bytes = 192 : i64, nas.peak_elements = 96 : i64, nas.total_activation_bytes = 128 : i64
// CHECK-SAME: nas.total_params = 12 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 24 : i64
// CHECK: nas.conv2d {{.*}}nas.activation_bytes = 128 : i64, {{.*}}nas.live_bytes = 192 : i64, {{.*}}nas.weight_bytes = 24 : i64
func.func @bytes_f16(%x: tensor<1x2x4x4xf16>, %w: tensor<4x2x1x1xf16>, %b: tensor<4xf16>) -> tensor<1x4x4x4xf16> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xf16>, tensor<4x2x1x1xf16>, tensor<4xf16>) -> tensor<1x4x4x4xf16>
  return %y : tensor<1x4x4x4xf16>
}

// CHECK-LABEL: func.func @bytes_bf16
// CHECK-SAME: nas.peak_bytes = 192 : i64, nas.peak_elements = 96 : i64, nas.total_activation_bytes = 128 : i64
// CHECK-SAME: nas.total_weight_bytes = 24 : i64
func.func @bytes_bf16(%x: tensor<1x2x4x4xbf16>, %w: tensor<4x2x1x1xbf16>, %b: tensor<4xbf16>) -> tensor<1x4x4x4xbf16> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xbf16>, tensor<4x2x1x1xbf16>, tensor<4xbf16>) -> tensor<1x4x4x4xbf16>
  return %y : tensor<1x4x4x4xbf16>
}

// CHECK-LABEL: func.func @bytes_i8
// CHECK-SAME: nas.peak_bytes = 96 : i64, nas.peak_elements = 96 : i64, nas.total_activation_bytes = 64 : i64
// CHECK-SAME: nas.total_weight_bytes = 12 : i64
func.func @bytes_i8(%x: tensor<1x2x4x4xi8>, %w: tensor<4x2x1x1xi8>, %b: tensor<4xi8>) -> tensor<1x4x4x4xi8> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xi8>, tensor<4x2x1x1xi8>, tensor<4xi8>) -> tensor<1x4x4x4xi8>
  return %y : tensor<1x4x4x4xi8>
}

// Pooling and the other primitives: kinds and other ops.
//   max_pool 3x3 s2 p1 on 1x4x8x8 -> 1x4x4x4 (64): 9 comparisons each = 576
//   avg_pool 2x2 s2 on 1x4x4x4 -> 1x4x2x2 (16): 4 adds + 1 division = 80
//   global_avg_pool on 1x4x2x2 -> 1x4x1x1 (4): 4 adds + 1 division = 20
//   clip to [0, 6] (relu6) on 4 elements: 2 each = 8
//   total other ops: 576 + 80 + 20 + 8 = 684
// CHECK-LABEL: func.func @pooling
// CHECK-SAME: nas.total_macs = 0 : i64, nas.total_other_ops = 684 : i64
// CHECK: nas.max_pool2d {{.*}}nas.kind = "max_pool", {{.*}}nas.other_ops = 576 : i64
// CHECK: nas.avg_pool2d {{.*}}nas.kind = "avg_pool", {{.*}}nas.other_ops = 80 : i64
// CHECK: nas.global_avg_pool2d {{.*}}nas.kind = "global_avg_pool", {{.*}}nas.other_ops = 20 : i64
// CHECK: nas.clip {{.*}}nas.kind = "relu6", {{.*}}nas.other_ops = 8 : i64
func.func @pooling(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32> {
  %m = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  %a = nas.avg_pool2d %m {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : tensor<1x4x4x4xf32> -> tensor<1x4x2x2xf32>
  %g = nas.global_avg_pool2d %a : tensor<1x4x2x2xf32> -> tensor<1x4x1x1xf32>
  %c = nas.clip %g {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x4x1x1xf32> -> tensor<1x4x1x1xf32>
  return %c : tensor<1x4x1x1xf32>
}
