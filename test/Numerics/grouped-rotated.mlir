// Grouped convolutions whose groups have 2, 4 or 8 input and output
// channels, which the NHWC lowering computes with in-register channel
// rotations, on edge shapes, against the reference evaluator: group counts
// that leave a partial vector of groups, strides, dilations, asymmetric
// padding, a 1x1 and a non-square kernel, batch 2, f64, and NHWC
// arguments. Each runs for SSE4.2, AVX2 and AVX-512 (on hosts that have
// them).
// DEFINE: %{run} = nas-run %s --check --repeat=1
// RUN: %{run} --cpu=x86-64-v2 --entry=width4_relu | FileCheck %s
// RUN: %{run} --cpu=x86-64-v2 --entry=width2_strided_dilated | FileCheck %s
// RUN: %{run} --cpu=x86-64-v2 --entry=width8_batch2 | FileCheck %s
// RUN: %{run} --cpu=x86-64-v2 --entry=width4_f64 | FileCheck %s
// RUN: %{run} --cpu=x86-64-v2 --entry=width4_1x1_stride2 | FileCheck %s
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width4_relu | FileCheck %s %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width2_strided_dilated | FileCheck %s %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width8_batch2 | FileCheck %s %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width4_f64 | FileCheck %s %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width4_1x1_stride2 | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width4_relu | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width2_strided_dilated | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width8_batch2 | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width4_f64 | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width4_1x1_stride2 | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width4_relu --boundary-layout=nhwc | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width2_strided_dilated --boundary-layout=nhwc | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width8_batch2 --boundary-layout=nhwc --threads=2 | FileCheck %s %}
// RUN: %{run} --cpu=x86-64-v2 --entry=width4_clip_residual | FileCheck %s
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=width4_clip_residual | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width4_clip_residual | FileCheck %s %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=width8_no_bias_clip --threads=2 --min-parallel-iterations=1 | FileCheck %s %}

// CHECK: check: passed

// 6 groups of 4: 24 channels, a vector of 4 groups and a partial one of 2
// with AVX-512. 3x3, padding 1, on 11x13, then relu.
func.func @width4_relu(%x: tensor<1x24x11x13xf32>, %w: tensor<24x4x3x3xf32>, %b: tensor<24xf32>) -> tensor<1x24x11x13xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 6} : (tensor<1x24x11x13xf32>, tensor<24x4x3x3xf32>, tensor<24xf32>) -> tensor<1x24x11x13xf32>
  %r = nas.relu %y : tensor<1x24x11x13xf32> -> tensor<1x24x11x13xf32>
  return %r : tensor<1x24x11x13xf32>
}

// 5 groups of 2, 3x3 with stride 2, dilation 2 and padding [top 0, left 1,
// bottom 2, right 3] on 17x15: output (17 + 2 - 5) / 2 + 1 = 8 by
// (15 + 4 - 5) / 2 + 1 = 8.
func.func @width2_strided_dilated(%x: tensor<1x10x17x15xf32>, %w: tensor<10x2x3x3xf32>, %b: tensor<10xf32>) -> tensor<1x10x8x8xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 2, 3>, dilations = array<i64: 2, 2>, groups = 5} : (tensor<1x10x17x15xf32>, tensor<10x2x3x3xf32>, tensor<10xf32>) -> tensor<1x10x8x8xf32>
  return %y : tensor<1x10x8x8xf32>
}

// 4 groups of 8, batch 2, 3x3, padding 1, on 9x9.
func.func @width8_batch2(%x: tensor<2x32x9x9xf32>, %w: tensor<32x8x3x3xf32>, %b: tensor<32xf32>) -> tensor<2x32x9x9xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 4} : (tensor<2x32x9x9xf32>, tensor<32x8x3x3xf32>, tensor<32xf32>) -> tensor<2x32x9x9xf32>
  return %y : tensor<2x32x9x9xf32>
}

// f64, 4 groups of 4, a 3x5 kernel with padding [1, 2, 1, 2] on 7x7.
func.func @width4_f64(%x: tensor<1x16x7x7xf64>, %w: tensor<16x4x3x5xf64>, %b: tensor<16xf64>) -> tensor<1x16x7x7xf64> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 2, 1, 2>, dilations = array<i64: 1, 1>, groups = 4} : (tensor<1x16x7x7xf64>, tensor<16x4x3x5xf64>, tensor<16xf64>) -> tensor<1x16x7x7xf64>
  return %y : tensor<1x16x7x7xf64>
}

// 8 groups of 4, 1x1 with stride 2 on 9x9: output 5x5.
func.func @width4_1x1_stride2(%x: tensor<1x32x9x9xf32>, %w: tensor<32x4x1x1xf32>, %b: tensor<32xf32>) -> tensor<1x32x5x5xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 8} : (tensor<1x32x9x9xf32>, tensor<32x4x1x1xf32>, tensor<32xf32>) -> tensor<1x32x5x5xf32>
  return %y : tensor<1x32x5x5xf32>
}

// 9 groups of 4 with a bias, a residual add and a clip to [0, 6] after the
// convolution: the epilogue of each tile reads the residual, adds it and
// clips with constants from outside its body.
func.func @width4_clip_residual(%x: tensor<1x36x9x7xf32>, %w: tensor<36x4x3x3xf32>, %b: tensor<36xf32>, %s: tensor<1x36x9x7xf32>) -> tensor<1x36x9x7xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 9} : (tensor<1x36x9x7xf32>, tensor<36x4x3x3xf32>, tensor<36xf32>) -> tensor<1x36x9x7xf32>
  %a = nas.add %y, %s : (tensor<1x36x9x7xf32>, tensor<1x36x9x7xf32>) -> tensor<1x36x9x7xf32>
  %r = nas.clip %a {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x36x9x7xf32> -> tensor<1x36x9x7xf32>
  return %r : tensor<1x36x9x7xf32>
}

// 3 groups of 8 without a bias (the accumulators start from a fill), then
// a clip, on 2 threads.
func.func @width8_no_bias_clip(%x: tensor<1x24x6x10xf32>, %w: tensor<24x8x3x3xf32>) -> tensor<1x24x4x8xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 3} : (tensor<1x24x6x10xf32>, tensor<24x8x3x3xf32>) -> tensor<1x24x4x8xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x24x4x8xf32> -> tensor<1x24x4x8xf32>
  return %r : tensor<1x24x4x8xf32>
}
