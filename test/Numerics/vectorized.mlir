// The vectorized kernels on edge shapes, compiled for three x86-64 levels
// and compared with the reference evaluator (max abs error / max
// |reference| <= 1e-4): SSE4.2 (x86-64-v2, 4 f32 lanes), AVX2 (x86-64-v3,
// 8 lanes) and AVX-512 (x86-64-v4, 16 lanes), each on hosts that have it.
// The shapes give partial register blocks in both the columns and the
// channels: odd channel counts (3, 5, 17, 19, 37), spatial sizes 7 and 13.
// DEFINE: %{run} = nas-run %s --check --repeat=1
// RUN: %{run} --cpu=x86-64-v2 --entry=conv_odd_relu | FileCheck %s --check-prefix=CONV-ODD-RELU
// RUN: %{run} --cpu=x86-64-v2 --entry=conv_strided_dilated | FileCheck %s --check-prefix=CONV-STRIDED-DILATED
// RUN: %{run} --cpu=x86-64-v2 --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED
// RUN: %{run} --cpu=x86-64-v2 --entry=depthwise_clip | FileCheck %s --check-prefix=DEPTHWISE-CLIP
// RUN: %{run} --cpu=x86-64-v2 --entry=depthwise_multiplier | FileCheck %s --check-prefix=DEPTHWISE-MULTIPLIER
// RUN: %{run} --cpu=x86-64-v2 --entry=residual_block | FileCheck %s --check-prefix=RESIDUAL-BLOCK
// RUN: %{run} --cpu=x86-64-v2 --entry=pooling | FileCheck %s --check-prefix=POOLING
// RUN: %{run} --cpu=x86-64-v2 --entry=fully_connected | FileCheck %s --check-prefix=FULLY-CONNECTED
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=conv_odd_relu | FileCheck %s --check-prefix=CONV-ODD-RELU %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=conv_strided_dilated | FileCheck %s --check-prefix=CONV-STRIDED-DILATED %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=depthwise_clip | FileCheck %s --check-prefix=DEPTHWISE-CLIP %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=depthwise_multiplier | FileCheck %s --check-prefix=DEPTHWISE-MULTIPLIER %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=residual_block | FileCheck %s --check-prefix=RESIDUAL-BLOCK %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=pooling | FileCheck %s --check-prefix=POOLING %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=fully_connected | FileCheck %s --check-prefix=FULLY-CONNECTED %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=conv_odd_relu | FileCheck %s --check-prefix=CONV-ODD-RELU %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=conv_strided_dilated | FileCheck %s --check-prefix=CONV-STRIDED-DILATED %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=conv_grouped | FileCheck %s --check-prefix=CONV-GROUPED %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=depthwise_clip | FileCheck %s --check-prefix=DEPTHWISE-CLIP %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=depthwise_multiplier | FileCheck %s --check-prefix=DEPTHWISE-MULTIPLIER %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=residual_block | FileCheck %s --check-prefix=RESIDUAL-BLOCK %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=pooling | FileCheck %s --check-prefix=POOLING %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=fully_connected | FileCheck %s --check-prefix=FULLY-CONNECTED %}

// 3 -> 17 channels on 13x13, 3x3 with padding 1, bias and relu fused into
// the tiles; then 17 -> 70 channels with a 1x1 kernel, so that 70 is 64
// plus a tile of 6 with AVX-512 (and 8 x 8 + 6, 4 x 16 + 6 with AVX2 and
// SSE).
// CONV-ODD-RELU: output: tensor<1x70x13x13xf32>
// CONV-ODD-RELU: check: passed
func.func @conv_odd_relu(%x: tensor<1x3x13x13xf32>, %w1: tensor<17x3x3x3xf32>, %b1: tensor<17xf32>, %w2: tensor<70x17x1x1xf32>, %b2: tensor<70xf32>) -> tensor<1x70x13x13xf32> {
  %0 = nas.conv2d %x, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x13x13xf32>, tensor<17x3x3x3xf32>, tensor<17xf32>) -> tensor<1x17x13x13xf32>
  %1 = nas.relu %0 : tensor<1x17x13x13xf32> -> tensor<1x17x13x13xf32>
  %2 = nas.conv2d %1, %w2, %b2 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x17x13x13xf32>, tensor<70x17x1x1xf32>, tensor<70xf32>) -> tensor<1x70x13x13xf32>
  return %2 : tensor<1x70x13x13xf32>
}

// 5 -> 19 channels on 13x7 with stride 2 and dilation (2, 1), padding
// [top 0, left 1, bottom 2, right 0]: (13 + 2 - 5) / 2 + 1 = 6 rows by
// (7 + 1 - 3) / 2 + 1 = 3 columns. Then a 1x1 kernel with stride 3 > 1 on
// those 6x3: 2 x 1 outputs, 19 -> 5 channels, from batch 2.
// CONV-STRIDED-DILATED: output: tensor<2x5x2x1xf32>
// CONV-STRIDED-DILATED: check: passed
func.func @conv_strided_dilated(%x: tensor<2x5x13x7xf32>, %w1: tensor<19x5x3x3xf32>, %w2: tensor<5x19x1x1xf32>) -> tensor<2x5x2x1xf32> {
  %0 = nas.conv2d %x, %w1 {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 2, 0>, dilations = array<i64: 2, 1>, groups = 1} : (tensor<2x5x13x7xf32>, tensor<19x5x3x3xf32>) -> tensor<2x19x6x3xf32>
  %1 = nas.conv2d %0, %w2 {strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x19x6x3xf32>, tensor<5x19x1x1xf32>) -> tensor<2x5x2x1xf32>
  return %1 : tensor<2x5x2x1xf32>
}

// 6 -> 9 channels in 3 groups of 2 -> 3, 3x3 with stride 2 and padding 1 on
// 13x13: one convolution per group on channel slices.
// CONV-GROUPED: output: tensor<1x9x7x7xf32>
// CONV-GROUPED: check: passed
func.func @conv_grouped(%x: tensor<1x6x13x13xf32>, %w: tensor<9x2x3x3xf32>, %b: tensor<9xf32>) -> tensor<1x9x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 3} : (tensor<1x6x13x13xf32>, tensor<9x2x3x3xf32>, tensor<9xf32>) -> tensor<1x9x7x7xf32>
  return %0 : tensor<1x9x7x7xf32>
}

// Depthwise 3x3 over 17 channels on 7x7 with padding 1, then clip to
// [0, 6] fused into the tiles; then depthwise with dilation 2 and
// padding 2.
// DEPTHWISE-CLIP: output: tensor<1x17x7x7xf32>
// DEPTHWISE-CLIP: check: passed
func.func @depthwise_clip(%x: tensor<1x17x7x7xf32>, %w1: tensor<17x1x3x3xf32>, %b1: tensor<17xf32>, %w2: tensor<17x1x3x3xf32>) -> tensor<1x17x7x7xf32> {
  %0 = nas.conv2d %x, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 17} : (tensor<1x17x7x7xf32>, tensor<17x1x3x3xf32>, tensor<17xf32>) -> tensor<1x17x7x7xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x17x7x7xf32> -> tensor<1x17x7x7xf32>
  %2 = nas.conv2d %1, %w2 {strides = array<i64: 1, 1>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 2, 2>, groups = 17} : (tensor<1x17x7x7xf32>, tensor<17x1x3x3xf32>) -> tensor<1x17x7x7xf32>
  return %2 : tensor<1x17x7x7xf32>
}

// Depthwise with channel multiplier 2: 5 -> 10 channels, 5x5 with stride 2
// and padding 2 on 13x13.
// DEPTHWISE-MULTIPLIER: output: tensor<1x10x7x7xf32>
// DEPTHWISE-MULTIPLIER: check: passed
func.func @depthwise_multiplier(%x: tensor<1x5x13x13xf32>, %w: tensor<10x1x5x5xf32>, %b: tensor<10xf32>) -> tensor<1x10x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>, groups = 5} : (tensor<1x5x13x13xf32>, tensor<10x1x5x5xf32>, tensor<10xf32>) -> tensor<1x10x7x7xf32>
  return %0 : tensor<1x10x7x7xf32>
}

// The 7x7 stride-2 stem of ResNet on 3 channels, then a 3x3 convolution
// with batch normalization, the residual add and relu fused into its tiles.
// RESIDUAL-BLOCK: output: tensor<1x17x7x7xf32>
// RESIDUAL-BLOCK: check: passed
func.func @residual_block(%x: tensor<1x3x13x13xf32>, %w0: tensor<17x3x7x7xf32>, %b0: tensor<17xf32>, %w: tensor<17x17x3x3xf32>, %scale: tensor<17xf32>, %bias: tensor<17xf32>, %mean: tensor<17xf32>, %variance: tensor<17xf32>) -> tensor<1x17x7x7xf32> {
  %0 = nas.conv2d %x, %w0, %b0 {strides = array<i64: 2, 2>, padding = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x13x13xf32>, tensor<17x3x7x7xf32>, tensor<17xf32>) -> tensor<1x17x7x7xf32>
  %1 = nas.conv2d %0, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x17x7x7xf32>, tensor<17x17x3x3xf32>) -> tensor<1x17x7x7xf32>
  %2 = nas.batch_norm %1, %scale, %bias, %mean, %variance {epsilon = 1.0e-05 : f32} : (tensor<1x17x7x7xf32>, tensor<17xf32>, tensor<17xf32>, tensor<17xf32>, tensor<17xf32>) -> tensor<1x17x7x7xf32>
  %3 = nas.add %2, %0 : (tensor<1x17x7x7xf32>, tensor<1x17x7x7xf32>) -> tensor<1x17x7x7xf32>
  %4 = nas.relu %3 : tensor<1x17x7x7xf32> -> tensor<1x17x7x7xf32>
  return %4 : tensor<1x17x7x7xf32>
}

// Max pooling 3x3, stride 2, padding 1 with ceil_mode on 13x13 (7x7 out),
// then average pooling 3x3, stride 2 without count_include_pad (4x4 out),
// over 17 channels.
// POOLING: output: tensor<1x17x4x4xf32>
// POOLING: check: passed
func.func @pooling(%x: tensor<1x17x13x13xf32>) -> tensor<1x17x4x4xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = true} : tensor<1x17x13x13xf32> -> tensor<1x17x7x7xf32>
  %1 = nas.avg_pool2d %0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : tensor<1x17x7x7xf32> -> tensor<1x17x4x4xf32>
  return %1 : tensor<1x17x4x4xf32>
}

// Fully connected 37 -> 19 on a batch of 3, then relu.
// FULLY-CONNECTED: output: tensor<3x19xf32>
// FULLY-CONNECTED: check: passed
func.func @fully_connected(%x: tensor<3x37xf32>, %w: tensor<19x37xf32>, %b: tensor<19xf32>) -> tensor<3x19xf32> {
  %0 = nas.fully_connected %x, %w, %b : (tensor<3x37xf32>, tensor<19x37xf32>, tensor<19xf32>) -> tensor<3x19xf32>
  %1 = nas.relu %0 : tensor<3x19xf32> -> tensor<3x19xf32>
  return %1 : tensor<3x19xf32>
}
