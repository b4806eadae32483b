// Convolutions and pooling whose padded input is a function argument, which
// nas-tile-and-vectorize splits into an interior that reads the argument and
// border strips that read padded copies of a few rows or columns (with
// --boundary-layout=nhwc; in NCHW the input is a transpose, which is not
// split), against the reference evaluator (max abs error / max |reference|
// <= 1e-4). Each function runs with one thread for the host CPU, and with
// two threads for SSE4.2 (x86-64-v2, 4 f32 lanes); a few also in NCHW.
// DEFINE: %{nhwc} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{nhwc2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --cpu=x86-64-v2
// DEFINE: %{nchw} = nas-run %s --check --repeat=1
// RUN: %{nhwc} --entry=dw_stride2_clip | FileCheck %s --check-prefix=DW-STRIDE2-CLIP
// RUN: %{nhwc2} --entry=dw_stride2_clip | FileCheck %s --check-prefix=DW-STRIDE2-CLIP
// RUN: %{nchw} --entry=dw_stride2_clip | FileCheck %s --check-prefix=DW-STRIDE2-CLIP
// RUN: %{nhwc} --entry=dw_dilated_asymmetric | FileCheck %s --check-prefix=DW-DILATED-ASYMMETRIC
// RUN: %{nhwc2} --entry=dw_dilated_asymmetric | FileCheck %s --check-prefix=DW-DILATED-ASYMMETRIC
// RUN: %{nhwc} --entry=dw_5x5_odd | FileCheck %s --check-prefix=DW-5X5-ODD
// RUN: %{nhwc2} --entry=dw_5x5_odd | FileCheck %s --check-prefix=DW-5X5-ODD
// RUN: %{nhwc} --entry=dw_batch_residual | FileCheck %s --check-prefix=DW-BATCH-RESIDUAL
// RUN: %{nhwc2} --entry=dw_batch_residual | FileCheck %s --check-prefix=DW-BATCH-RESIDUAL
// RUN: %{nhwc} --entry=dw_f64 | FileCheck %s --check-prefix=DW-F64
// RUN: %{nhwc2} --entry=dw_f64 | FileCheck %s --check-prefix=DW-F64
// RUN: %{nhwc} --entry=dw_multiplier | FileCheck %s --check-prefix=DW-MULTIPLIER
// RUN: %{nhwc2} --entry=dw_multiplier | FileCheck %s --check-prefix=DW-MULTIPLIER
// RUN: %{nhwc} --entry=dw_1x1_padding_stride | FileCheck %s --check-prefix=DW-1X1-PADDING-STRIDE
// RUN: %{nhwc2} --entry=dw_1x1_padding_stride | FileCheck %s --check-prefix=DW-1X1-PADDING-STRIDE
// RUN: %{nhwc} --entry=dw_1x1_padding_after | FileCheck %s --check-prefix=DW-1X1-PADDING-AFTER
// RUN: %{nhwc2} --entry=dw_1x1_padding_after | FileCheck %s --check-prefix=DW-1X1-PADDING-AFTER
// RUN: %{nhwc} --entry=conv_stride2 | FileCheck %s --check-prefix=CONV-STRIDE2
// RUN: %{nhwc2} --entry=conv_stride2 | FileCheck %s --check-prefix=CONV-STRIDE2
// RUN: %{nchw} --entry=conv_stride2 | FileCheck %s --check-prefix=CONV-STRIDE2
// RUN: %{nhwc} --entry=conv_stride_over_kernel | FileCheck %s --check-prefix=CONV-STRIDE-OVER-KERNEL
// RUN: %{nhwc2} --entry=conv_stride_over_kernel | FileCheck %s --check-prefix=CONV-STRIDE-OVER-KERNEL
// RUN: %{nhwc} --entry=conv_padding_over_kernel | FileCheck %s --check-prefix=CONV-PADDING-OVER-KERNEL
// RUN: %{nhwc2} --entry=conv_padding_over_kernel | FileCheck %s --check-prefix=CONV-PADDING-OVER-KERNEL
// RUN: %{nhwc} --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED
// RUN: %{nhwc2} --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED
// RUN: %{nchw} --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED
// RUN: %{nhwc} --entry=conv_stem_7x7 | FileCheck %s --check-prefix=CONV-STEM-7X7
// RUN: %{nhwc2} --entry=conv_stem_7x7 | FileCheck %s --check-prefix=CONV-STEM-7X7
// RUN: %{nhwc} --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-POOL-CEIL
// RUN: %{nhwc2} --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-POOL-CEIL
// RUN: %{nchw} --entry=max_pool_ceil | FileCheck %s --check-prefix=MAX-POOL-CEIL
// RUN: %{nhwc} --entry=max_pool_dilated_asymmetric | FileCheck %s --check-prefix=MAX-POOL-DILATED-ASYMMETRIC
// RUN: %{nhwc2} --entry=max_pool_dilated_asymmetric | FileCheck %s --check-prefix=MAX-POOL-DILATED-ASYMMETRIC
// RUN: %{nhwc} --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-EXCLUDE-PAD
// RUN: %{nhwc2} --entry=avg_pool_exclude_pad | FileCheck %s --check-prefix=AVG-POOL-EXCLUDE-PAD
// RUN: %{nhwc} --entry=avg_pool_include_pad_ceil | FileCheck %s --check-prefix=AVG-POOL-INCLUDE-PAD-CEIL
// RUN: %{nhwc2} --entry=avg_pool_include_pad_ceil | FileCheck %s --check-prefix=AVG-POOL-INCLUDE-PAD-CEIL
// RUN: %{nhwc} --entry=conv_one_thread_split | FileCheck %s --check-prefix=CONV-ONE-THREAD-SPLIT
// RUN: %{nhwc} --entry=conv_one_thread_split --cpu=x86-64-v3 | FileCheck %s --check-prefix=CONV-ONE-THREAD-SPLIT
// RUN: %{nhwc2} --entry=conv_one_thread_split | FileCheck %s --check-prefix=CONV-ONE-THREAD-SPLIT
// RUN: %{nhwc} --entry=stem_one_thread_split | FileCheck %s --check-prefix=STEM-ONE-THREAD-SPLIT
// RUN: %{nhwc} --entry=stem_one_thread_split --cpu=x86-64-v2 | FileCheck %s --check-prefix=STEM-ONE-THREAD-SPLIT

// Depthwise 3x3, stride 2, padding 1, 40 channels, bias and clip: the bottom
// and right padding is never read, so only a top and a left strip.
// DW-STRIDE2-CLIP: output: tensor<1x40x15x15xf32>
// DW-STRIDE2-CLIP: check: passed
func.func @dw_stride2_clip(%x: tensor<1x40x30x30xf32>, %w: tensor<40x1x3x3xf32>, %b: tensor<40xf32>) -> tensor<1x40x15x15xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 40} : (tensor<1x40x30x30xf32>, tensor<40x1x3x3xf32>, tensor<40xf32>) -> tensor<1x40x15x15xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x40x15x15xf32> -> tensor<1x40x15x15xf32>
  return %1 : tensor<1x40x15x15xf32>
}

// Depthwise 3x3, dilation 2, padding [2, 1, 3, 0] (top, left, bottom,
// right), 19 channels, odd sizes, bias and relu.
// DW-DILATED-ASYMMETRIC: output: tensor<1x19x34x26xf32>
// DW-DILATED-ASYMMETRIC: check: passed
func.func @dw_dilated_asymmetric(%x: tensor<1x19x33x29xf32>, %w: tensor<19x1x3x3xf32>, %b: tensor<19xf32>) -> tensor<1x19x34x26xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 1, 3, 0>, dilations = array<i64: 2, 2>, groups = 19} : (tensor<1x19x33x29xf32>, tensor<19x1x3x3xf32>, tensor<19xf32>) -> tensor<1x19x34x26xf32>
  %1 = nas.relu %0 : tensor<1x19x34x26xf32> -> tensor<1x19x34x26xf32>
  return %1 : tensor<1x19x34x26xf32>
}

// Depthwise 5x5, stride (1, 2), padding [2, 2, 2, 2] on 23x47, 17 channels,
// no bias.
// DW-5X5-ODD: output: tensor<1x17x23x24xf32>
// DW-5X5-ODD: check: passed
func.func @dw_5x5_odd(%x: tensor<1x17x23x47xf32>, %w: tensor<17x1x5x5xf32>) -> tensor<1x17x23x24xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 2>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>, groups = 17} : (tensor<1x17x23x47xf32>, tensor<17x1x5x5xf32>) -> tensor<1x17x23x24xf32>
  return %0 : tensor<1x17x23x24xf32>
}

// Batch of 2, depthwise 3x3 with dilation (2, 1) and padding [2, 1, 2, 1],
// 32 channels, a residual add and relu as the epilogue.
// DW-BATCH-RESIDUAL: output: tensor<2x32x30x40xf32>
// DW-BATCH-RESIDUAL: check: passed
func.func @dw_batch_residual(%x: tensor<2x32x30x40xf32>, %w: tensor<32x1x3x3xf32>, %b: tensor<32xf32>, %z: tensor<2x32x30x40xf32>) -> tensor<2x32x30x40xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 1, 2, 1>, dilations = array<i64: 2, 1>, groups = 32} : (tensor<2x32x30x40xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<2x32x30x40xf32>
  %1 = nas.add %0, %z : (tensor<2x32x30x40xf32>, tensor<2x32x30x40xf32>) -> tensor<2x32x30x40xf32>
  %2 = nas.relu %1 : tensor<2x32x30x40xf32> -> tensor<2x32x30x40xf32>
  return %2 : tensor<2x32x30x40xf32>
}

// Depthwise 3x3 with padding 1 on f64, 16 channels.
// DW-F64: output: tensor<1x16x24x24xf64>
// DW-F64: check: passed
func.func @dw_f64(%x: tensor<1x16x24x24xf64>, %w: tensor<16x1x3x3xf64>, %b: tensor<16xf64>) -> tensor<1x16x24x24xf64> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 16} : (tensor<1x16x24x24xf64>, tensor<16x1x3x3xf64>, tensor<16xf64>) -> tensor<1x16x24x24xf64>
  return %0 : tensor<1x16x24x24xf64>
}

// Depthwise with channel multiplier 2 (5 -> 10 channels), 5x5 stride 2
// padding 2: its input is the channel repetition, a linalg result, so it is
// not split.
// DW-MULTIPLIER: output: tensor<1x10x17x17xf32>
// DW-MULTIPLIER: check: passed
func.func @dw_multiplier(%x: tensor<1x5x33x33xf32>, %w: tensor<10x1x5x5xf32>, %b: tensor<10xf32>) -> tensor<1x10x17x17xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>, groups = 5} : (tensor<1x5x33x33xf32>, tensor<10x1x5x5xf32>, tensor<10xf32>) -> tensor<1x10x17x17xf32>
  return %0 : tensor<1x10x17x17xf32>
}

// Depthwise 1x1, stride (2, 3), padding [0, 2, 2, 1], batch 2: the left
// strip reads only padding, ahead of the input.
// DW-1X1-PADDING-STRIDE: output: tensor<2x12x34x9xf32>
// DW-1X1-PADDING-STRIDE: check: passed
func.func @dw_1x1_padding_stride(%x: tensor<2x12x65x23xf32>, %w: tensor<12x1x1x1xf32>, %b: tensor<12xf32>) -> tensor<2x12x34x9xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 3>, padding = array<i64: 0, 2, 2, 1>, dilations = array<i64: 1, 1>, groups = 12} : (tensor<2x12x65x23xf32>, tensor<12x1x1x1xf32>, tensor<12xf32>) -> tensor<2x12x34x9xf32>
  %1 = nas.relu %0 : tensor<2x12x34x9xf32> -> tensor<2x12x34x9xf32>
  return %1 : tensor<2x12x34x9xf32>
}

// Depthwise 1x1, stride 3, padding [0, 0, 5, 5]: the bottom and right strips
// start after the input, in the padding.
// DW-1X1-PADDING-AFTER: output: tensor<1x16x15x15xf32>
// DW-1X1-PADDING-AFTER: check: passed
func.func @dw_1x1_padding_after(%x: tensor<1x16x40x40xf32>, %w: tensor<16x1x1x1xf32>, %b: tensor<16xf32>) -> tensor<1x16x15x15xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 5, 5>, dilations = array<i64: 1, 1>, groups = 16} : (tensor<1x16x40x40xf32>, tensor<16x1x1x1xf32>, tensor<16xf32>) -> tensor<1x16x15x15xf32>
  return %0 : tensor<1x16x15x15xf32>
}

// Convolution 3x3, stride 2, padding 1, 3 -> 32 channels (a MobileNetV2
// stem), bias and clip; its left and right strips are a register block wide.
// CONV-STRIDE2: output: tensor<1x32x48x65xf32>
// CONV-STRIDE2: check: passed
func.func @conv_stride2(%x: tensor<1x3x96x129xf32>, %w: tensor<32x3x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x48x65xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x96x129xf32>, tensor<32x3x3x3xf32>, tensor<32xf32>) -> tensor<1x32x48x65xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x32x48x65xf32> -> tensor<1x32x48x65xf32>
  return %1 : tensor<1x32x48x65xf32>
}

// Convolution 2x2, stride 3 (windows skip input columns and rows), padding
// [1, 2, 2, 1], 5 -> 40 channels, relu.
// CONV-STRIDE-OVER-KERNEL: output: tensor<1x40x14x44xf32>
// CONV-STRIDE-OVER-KERNEL: check: passed
func.func @conv_stride_over_kernel(%x: tensor<1x5x40x130xf32>, %w: tensor<40x5x2x2xf32>, %b: tensor<40xf32>) -> tensor<1x40x14x44xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 3, 3>, padding = array<i64: 1, 2, 2, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x5x40x130xf32>, tensor<40x5x2x2xf32>, tensor<40xf32>) -> tensor<1x40x14x44xf32>
  %1 = nas.relu %0 : tensor<1x40x14x44xf32> -> tensor<1x40x14x44xf32>
  return %1 : tensor<1x40x14x44xf32>
}

// Convolution 3x3, stride 2, padding 4 on every side, more than the kernel,
// 6 -> 32 channels: the windows of the first output row and column lie
// wholly in the padding and give the bias.
// CONV-PADDING-OVER-KERNEL: output: tensor<1x32x33x83xf32>
// CONV-PADDING-OVER-KERNEL: check: passed
func.func @conv_padding_over_kernel(%x: tensor<1x6x60x160xf32>, %w: tensor<32x6x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x33x83xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 4, 4, 4, 4>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x6x60x160xf32>, tensor<32x6x3x3xf32>, tensor<32xf32>) -> tensor<1x32x33x83xf32>
  return %0 : tensor<1x32x33x83xf32>
}

// Grouped convolution, 2 groups of 8 -> 16 channels, 3x3, stride 2, padding
// 1: each group reads its channels of shared strips.
// CONV-GROUPED: output: tensor<1x32x20x80xf32>
// CONV-GROUPED: check: passed
func.func @conv_grouped(%x: tensor<1x16x40x160xf32>, %w: tensor<32x8x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x20x80xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 2} : (tensor<1x16x40x160xf32>, tensor<32x8x3x3xf32>, tensor<32xf32>) -> tensor<1x32x20x80xf32>
  return %0 : tensor<1x32x20x80xf32>
}

// A 7x7 stride-2 stem with padding 3, 3 -> 32 channels, bias and relu: 392
// multiply-adds per input element, so it is not split.
// CONV-STEM-7X7: output: tensor<1x32x32x48xf32>
// CONV-STEM-7X7: check: passed
func.func @conv_stem_7x7(%x: tensor<1x3x64x96xf32>, %w: tensor<32x3x7x7xf32>, %b: tensor<32xf32>) -> tensor<1x32x32x48xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x64x96xf32>, tensor<32x3x7x7xf32>, tensor<32xf32>) -> tensor<1x32x32x48xf32>
  %1 = nas.relu %0 : tensor<1x32x32x48xf32> -> tensor<1x32x32x48xf32>
  return %1 : tensor<1x32x32x48xf32>
}

// Max pooling 3x3, stride 2, padding 1, ceil_mode on 41x41, 24 channels
// (-inf padding).
// MAX-POOL-CEIL: output: tensor<1x24x21x21xf32>
// MAX-POOL-CEIL: check: passed
func.func @max_pool_ceil(%x: tensor<1x24x41x41xf32>) -> tensor<1x24x21x21xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = true} : tensor<1x24x41x41xf32> -> tensor<1x24x21x21xf32>
  return %0 : tensor<1x24x21x21xf32>
}

// Max pooling 3x2, dilation (2, 1), stride (1, 2), padding [1, 0, 2, 1] on
// 39x37, 20 channels.
// MAX-POOL-DILATED-ASYMMETRIC: output: tensor<1x20x38x19xf32>
// MAX-POOL-DILATED-ASYMMETRIC: check: passed
func.func @max_pool_dilated_asymmetric(%x: tensor<1x20x39x37xf32>) -> tensor<1x20x38x19xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 1, 2>, padding = array<i64: 1, 0, 2, 1>, dilations = array<i64: 2, 1>, ceil_mode = false} : tensor<1x20x39x37xf32> -> tensor<1x20x38x19xf32>
  return %0 : tensor<1x20x38x19xf32>
}

// Average pooling 3x3, stride 1, padding 1, count_include_pad false, 20
// channels on 31x31.
// AVG-POOL-EXCLUDE-PAD: output: tensor<1x20x31x31xf32>
// AVG-POOL-EXCLUDE-PAD: check: passed
func.func @avg_pool_exclude_pad(%x: tensor<1x20x31x31xf32>) -> tensor<1x20x31x31xf32> {
  %0 = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : tensor<1x20x31x31xf32> -> tensor<1x20x31x31xf32>
  return %0 : tensor<1x20x31x31xf32>
}

// Average pooling 5x5, stride 2, padding [2, 1, 1, 2], ceil_mode,
// count_include_pad, 17 channels on 65x67.
// AVG-POOL-INCLUDE-PAD-CEIL: output: tensor<1x17x33x34xf32>
// AVG-POOL-INCLUDE-PAD-CEIL: check: passed
func.func @avg_pool_include_pad_ceil(%x: tensor<1x17x65x67xf32>) -> tensor<1x17x33x34xf32> {
  %0 = nas.avg_pool2d %x {kernel = array<i64: 5, 5>, strides = array<i64: 2, 2>, padding = array<i64: 2, 1, 1, 2>, ceil_mode = true, count_include_pad = true} : tensor<1x17x65x67xf32> -> tensor<1x17x33x34xf32>
  return %0 : tensor<1x17x33x34xf32>
}

// Convolutions of 100 to 800 multiply-adds per input element, which are
// split on one thread only: 3x3 from 36 to 64 channels (576) with relu, and
// a 7x7 stride-2 stem of 3 to 20 channels (245) with asymmetric
// padding on odd sizes.
// CONV-ONE-THREAD-SPLIT: output: tensor<1x64x40x42xf32>
// CONV-ONE-THREAD-SPLIT: check: passed
func.func @conv_one_thread_split(%x: tensor<1x36x40x42xf32>, %w: tensor<64x36x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x40x42xf32> {
  %c = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x36x40x42xf32>, tensor<64x36x3x3xf32>, tensor<64xf32>) -> tensor<1x64x40x42xf32>
  %r = nas.relu %c : tensor<1x64x40x42xf32> -> tensor<1x64x40x42xf32>
  return %r : tensor<1x64x40x42xf32>
}

// STEM-ONE-THREAD-SPLIT: output: tensor<1x20x58x56xf32>
// STEM-ONE-THREAD-SPLIT: check: passed
func.func @stem_one_thread_split(%x: tensor<1x3x117x111xf32>, %w: tensor<20x3x7x7xf32>, %b: tensor<20xf32>) -> tensor<1x20x58x56xf32> {
  %c = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 3, 2, 2, 4>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x117x111xf32>, tensor<20x3x7x7xf32>, tensor<20xf32>) -> tensor<1x20x58x56xf32>
  return %c : tensor<1x20x58x56xf32>
}
