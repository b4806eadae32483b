// Depthwise convolutions and pooling whose padded input is a function
// argument too small to split (with --boundary-layout=nhwc): every vector
// read of the padded input loads the argument at a clamped position and
// keeps the padding value where the position lies outside it, so no padded
// buffer is written. Against the reference evaluator (max abs error /
// max |reference| <= 1e-4), with one thread for the host CPU, two threads
// for SSE4.2 (x86-64-v2, 4 f32 lanes) with every kernel distributed, and
// AVX2 (x86-64-v3, 8 f32 lanes).
// DEFINE: %{nhwc} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{nhwc2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --min-parallel-iterations=1 --cpu=x86-64-v2
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v3
// RUN: %{nhwc} --entry=dw_7x7_clip | FileCheck %s --check-prefix=DW-7X7-CLIP
// RUN: %{nhwc2} --entry=dw_7x7_clip | FileCheck %s --check-prefix=DW-7X7-CLIP
// RUN: %{avx2} --entry=dw_7x7_clip | FileCheck %s --check-prefix=DW-7X7-CLIP
// RUN: %{nhwc} --entry=dw_stride2_odd | FileCheck %s --check-prefix=DW-STRIDE2-ODD
// RUN: %{nhwc2} --entry=dw_stride2_odd | FileCheck %s --check-prefix=DW-STRIDE2-ODD
// RUN: %{avx2} --entry=dw_stride2_odd | FileCheck %s --check-prefix=DW-STRIDE2-ODD
// RUN: %{nhwc} --entry=dw_dilated_asymmetric | FileCheck %s --check-prefix=DW-DILATED-ASYMMETRIC
// RUN: %{nhwc2} --entry=dw_dilated_asymmetric | FileCheck %s --check-prefix=DW-DILATED-ASYMMETRIC
// RUN: %{avx2} --entry=dw_dilated_asymmetric | FileCheck %s --check-prefix=DW-DILATED-ASYMMETRIC
// RUN: %{nhwc} --entry=dw_padding_over_kernel | FileCheck %s --check-prefix=DW-PADDING-OVER-KERNEL
// RUN: %{nhwc2} --entry=dw_padding_over_kernel | FileCheck %s --check-prefix=DW-PADDING-OVER-KERNEL
// RUN: %{nhwc} --entry=dw_stride_over_kernel | FileCheck %s --check-prefix=DW-STRIDE-OVER-KERNEL
// RUN: %{nhwc2} --entry=dw_stride_over_kernel | FileCheck %s --check-prefix=DW-STRIDE-OVER-KERNEL
// RUN: %{avx2} --entry=dw_stride_over_kernel | FileCheck %s --check-prefix=DW-STRIDE-OVER-KERNEL
// RUN: %{nhwc} --entry=dw_5x5_f64 | FileCheck %s --check-prefix=DW-5X5-F64
// RUN: %{nhwc2} --entry=dw_5x5_f64 | FileCheck %s --check-prefix=DW-5X5-F64
// RUN: %{nhwc} --entry=dw_batch2_relu | FileCheck %s --check-prefix=DW-BATCH2-RELU
// RUN: %{nhwc2} --entry=dw_batch2_relu | FileCheck %s --check-prefix=DW-BATCH2-RELU
// RUN: %{nhwc} --entry=max_pool_small | FileCheck %s --check-prefix=MAX-POOL-SMALL
// RUN: %{nhwc2} --entry=max_pool_small | FileCheck %s --check-prefix=MAX-POOL-SMALL
// RUN: %{avx2} --entry=max_pool_small | FileCheck %s --check-prefix=MAX-POOL-SMALL
// RUN: %{nhwc} --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-EXCLUDE-PAD
// RUN: %{nhwc2} --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-EXCLUDE-PAD
// RUN: %{nhwc} --entry=avg_pool_include_pad | FileCheck %s --check-prefix=AVG-POOL-INCLUDE-PAD
// RUN: %{nhwc2} --entry=avg_pool_include_pad | FileCheck %s --check-prefix=AVG-POOL-INCLUDE-PAD

// Depthwise 3x3, padding 1, 40 channels (two vectors of 16 and one of 8 with
// AVX-512) on 7x7, bias and clip: MobileNetV2's last depthwise shape.
// DW-7X7-CLIP: output: tensor<1x40x7x7xf32>
// DW-7X7-CLIP: check: passed
func.func @dw_7x7_clip(%x: tensor<1x40x7x7xf32>, %w: tensor<40x1x3x3xf32>, %b: tensor<40xf32>) -> tensor<1x40x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 40} : (tensor<1x40x7x7xf32>, tensor<40x1x3x3xf32>, tensor<40xf32>) -> tensor<1x40x7x7xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x40x7x7xf32> -> tensor<1x40x7x7xf32>
  return %1 : tensor<1x40x7x7xf32>
}

// Depthwise 3x3, stride 2, padding 1 on 9x11, 24 channels: the last
// windows of both dimensions end in the bottom and right padding.
// DW-STRIDE2-ODD: output: tensor<1x24x5x6xf32>
// DW-STRIDE2-ODD: check: passed
func.func @dw_stride2_odd(%x: tensor<1x24x9x11xf32>, %w: tensor<24x1x3x3xf32>, %b: tensor<24xf32>) -> tensor<1x24x5x6xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 24} : (tensor<1x24x9x11xf32>, tensor<24x1x3x3xf32>, tensor<24xf32>) -> tensor<1x24x5x6xf32>
  return %0 : tensor<1x24x5x6xf32>
}

// Depthwise 3x3, dilation 2, padding [2, 1, 3, 0] (top, left, bottom,
// right) on 10x9, 19 channels, relu.
// DW-DILATED-ASYMMETRIC: output: tensor<1x19x11x6xf32>
// DW-DILATED-ASYMMETRIC: check: passed
func.func @dw_dilated_asymmetric(%x: tensor<1x19x10x9xf32>, %w: tensor<19x1x3x3xf32>, %b: tensor<19xf32>) -> tensor<1x19x11x6xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 1, 3, 0>, dilations = array<i64: 2, 2>, groups = 19} : (tensor<1x19x10x9xf32>, tensor<19x1x3x3xf32>, tensor<19xf32>) -> tensor<1x19x11x6xf32>
  %1 = nas.relu %0 : tensor<1x19x11x6xf32> -> tensor<1x19x11x6xf32>
  return %1 : tensor<1x19x11x6xf32>
}

// Depthwise 3x3, stride 2, padding 4 on 6x6, 16 channels: the first and
// last output rows and columns lie wholly in the padding and get the bias.
// DW-PADDING-OVER-KERNEL: output: tensor<1x16x6x6xf32>
// DW-PADDING-OVER-KERNEL: check: passed
func.func @dw_padding_over_kernel(%x: tensor<1x16x6x6xf32>, %w: tensor<16x1x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x6x6xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 4, 4, 4, 4>, dilations = array<i64: 1, 1>, groups = 16} : (tensor<1x16x6x6xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// Depthwise 2x2, stride 3, padding 1 on 12x12, 33 channels: the windows
// skip an input row and column between them.
// DW-STRIDE-OVER-KERNEL: output: tensor<1x33x5x5xf32>
// DW-STRIDE-OVER-KERNEL: check: passed
func.func @dw_stride_over_kernel(%x: tensor<1x33x12x12xf32>, %w: tensor<33x1x2x2xf32>, %b: tensor<33xf32>) -> tensor<1x33x5x5xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 33} : (tensor<1x33x12x12xf32>, tensor<33x1x2x2xf32>, tensor<33xf32>) -> tensor<1x33x5x5xf32>
  return %0 : tensor<1x33x5x5xf32>
}

// Depthwise 5x5, padding 2 on f64, 8 channels on 9x9.
// DW-5X5-F64: output: tensor<1x8x9x9xf64>
// DW-5X5-F64: check: passed
func.func @dw_5x5_f64(%x: tensor<1x8x9x9xf64>, %w: tensor<8x1x5x5xf64>, %b: tensor<8xf64>) -> tensor<1x8x9x9xf64> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>, groups = 8} : (tensor<1x8x9x9xf64>, tensor<8x1x5x5xf64>, tensor<8xf64>) -> tensor<1x8x9x9xf64>
  return %0 : tensor<1x8x9x9xf64>
}

// Batch of 2, depthwise 3x3, padding 1 on 8x8, 20 channels, relu.
// DW-BATCH2-RELU: output: tensor<2x20x8x8xf32>
// DW-BATCH2-RELU: check: passed
func.func @dw_batch2_relu(%x: tensor<2x20x8x8xf32>, %w: tensor<20x1x3x3xf32>, %b: tensor<20xf32>) -> tensor<2x20x8x8xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 20} : (tensor<2x20x8x8xf32>, tensor<20x1x3x3xf32>, tensor<20xf32>) -> tensor<2x20x8x8xf32>
  %1 = nas.relu %0 : tensor<2x20x8x8xf32> -> tensor<2x20x8x8xf32>
  return %1 : tensor<2x20x8x8xf32>
}

// Max pooling 3x3, stride 2, padding [1, 1, 2, 0] on 9x9, 24 channels
// (-inf padding).
// MAX-POOL-SMALL: output: tensor<1x24x5x4xf32>
// MAX-POOL-SMALL: check: passed
func.func @max_pool_small(%x: tensor<1x24x9x9xf32>) -> tensor<1x24x5x4xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 2, 0>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x24x9x9xf32> -> tensor<1x24x5x4xf32>
  return %0 : tensor<1x24x5x4xf32>
}

// Average pooling 3x3, stride 1, padding 1, count_include_pad false, 20
// channels on 7x7.
// AVG-POOL-EXCLUDE-PAD: output: tensor<1x20x7x7xf32>
// AVG-POOL-EXCLUDE-PAD: check: passed
func.func @avg_pool_exclude_pad(%x: tensor<1x20x7x7xf32>) -> tensor<1x20x7x7xf32> {
  %0 = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : tensor<1x20x7x7xf32> -> tensor<1x20x7x7xf32>
  return %0 : tensor<1x20x7x7xf32>
}

// Average pooling 3x3, stride 2, padding [1, 2, 1, 0], ceil_mode,
// count_include_pad, 17 channels on 10x9.
// AVG-POOL-INCLUDE-PAD: output: tensor<1x17x6x5xf32>
// AVG-POOL-INCLUDE-PAD: check: passed
func.func @avg_pool_include_pad(%x: tensor<1x17x10x9xf32>) -> tensor<1x17x6x5xf32> {
  %0 = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 1, 0>, ceil_mode = true, count_include_pad = true} : tensor<1x17x10x9xf32> -> tensor<1x17x6x5xf32>
  return %0 : tensor<1x17x6x5xf32>
}
