// RUN: nas-opt %s --nas-annotate-costs | FileCheck %s

// Inputs that cost tools have counted wrong, with their right values. MACs
// of a convolution are c_out * c_in / groups * k_h * k_w * h_out * w_out per
// batch element; of a fully connected layer c_out * c_in per input row.

// Conv 3->16, 3x3, pad 1, on 1x3x8x8.
//   MACs: 16 * 3 * 3 * 3 * 8 * 8 = 27,648
//   params: 16 * 3 * 3 * 3 = 432, weight bytes 432 * 4 = 1,728
//   activation bytes: 16 * 8 * 8 * 4 = 4,096
//   live bytes: (3 * 64 input + 16 * 64 output) * 4 = 1,216 * 4 = 4,864
// CHECK-LABEL: func.func @conv_3x3_pad1
// CHECK-SAME: nas.total_macs = 27648 : i64
// CHECK: nas.conv2d
// CHECK-SAME: nas.activation_bytes = 4096 : i64, nas.kind = "conv", nas.live_bytes = 4864 : i64, nas.macs = 27648 : i64, nas.other_ops = 0 : i64, nas.params = 432 : i64, nas.statistics = 0 : i64, nas.weight_bytes = 1728 : i64
func.func @conv_3x3_pad1(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}

// One fully connected layer 10->10 whose weight and bias are used twice.
//   MACs: 2 uses * 10 * 10 = 200; bias adds: 2 * 10 = 20
//   params: 10 * 10 + 10 = 110, stored once; 440 bytes
// CHECK-LABEL: func.func @shared_fully_connected
// CHECK-SAME: nas.total_macs = 200 : i64, nas.total_other_ops = 20 : i64, nas.total_params = 110 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 440 : i64
// CHECK: nas.fully_connected
// CHECK-SAME: nas.macs = 100 : i64, nas.other_ops = 10 : i64, nas.params = 110 : i64
// CHECK: nas.fully_connected
// CHECK-SAME: nas.macs = 100 : i64, nas.other_ops = 10 : i64, nas.params = 110 : i64
func.func @shared_fully_connected(%x: tensor<1x10xf32>, %w: tensor<10x10xf32>, %b: tensor<10xf32>) -> tensor<1x10xf32> {
  %h = nas.fully_connected %x, %w, %b : (tensor<1x10xf32>, tensor<10x10xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  %y = nas.fully_connected %h, %w, %b : (tensor<1x10xf32>, tensor<10x10xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %y : tensor<1x10xf32>
}

// Fully connected 3->8 on a 5x10x3 input: 5 * 10 = 50 rows.
//   MACs: 50 * 8 * 3 = 1,200
// CHECK-LABEL: func.func @fully_connected_rows
// CHECK-SAME: nas.total_macs = 1200 : i64
// CHECK: nas.fully_connected
// CHECK-SAME: nas.macs = 1200 : i64
func.func @fully_connected_rows(%x: tensor<5x10x3xf32>, %w: tensor<8x3xf32>) -> tensor<5x10x8xf32> {
  %y = nas.fully_connected %x, %w : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<5x10x8xf32>
  return %y : tensor<5x10x8xf32>
}

// Conv with dilation 2, kernel 3, stride 1, no pad, on 6x6: the window spans
// 2 * (3 - 1) + 1 = 5, so the output is (6 - 5) / 1 + 1 = 2 per side.
//   MACs: 1 * 1 * 3 * 3 * 2 * 2 = 36
// CHECK-LABEL: func.func @dilated_conv
// CHECK-SAME: nas.total_macs = 36 : i64
func.func @dilated_conv(%x: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// 3x3 convolution of a 50x50 f64 image, no pad: output 48x48.
//   MACs: 3 * 3 * 48 * 48 = 20,736
//   weight bytes: 9 * 8 = 72; activation bytes: 48 * 48 * 8 = 18,432
//   live bytes: (2,500 + 2,304) * 8 = 38,432
// CHECK-LABEL: func.func @conv_f64
// CHECK-SAME: nas.peak_bytes = 38432 : i64, nas.peak_elements = 4804 : i64, nas.total_activation_bytes = 18432 : i64, nas.total_macs = 20736 : i64
// CHECK-SAME: nas.total_weight_bytes = 72 : i64
func.func @conv_f64(%x: tensor<1x1x50x50xf64>, %w: tensor<1x1x3x3xf64>) -> tensor<1x1x48x48xf64> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>) -> tensor<1x1x48x48xf64>
  return %y : tensor<1x1x48x48xf64>
}

// Depthwise 3x3, stride 2, pad 1, on 1x256x112x112: the output side is
// (112 + 2 - 3) / 2 + 1 = 56.
//   MACs: 256 * (256 / 256) * 3 * 3 * 56 * 56 = 256 * 9 * 3,136 = 7,225,344
//   params: 256 * 1 * 3 * 3 = 2,304
// CHECK-LABEL: func.func @depthwise_stride2
// CHECK-SAME: nas.total_macs = 7225344 : i64
// CHECK: nas.conv2d
// CHECK-SAME: nas.kind = "depthwise_conv"
// CHECK-SAME: nas.macs = 7225344 : i64, nas.other_ops = 0 : i64, nas.params = 2304 : i64
func.func @depthwise_stride2(%x: tensor<1x256x112x112xf32>, %w: tensor<256x1x3x3xf32>) -> tensor<1x256x56x56xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 256} : (tensor<1x256x112x112xf32>, tensor<256x1x3x3xf32>) -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}
