// Convolutions whose tiles leave out the multiply-adds on zero padding
// (nas-tile-and-vectorize skip-padding-taps), against the reference
// evaluator: kernel rows skipped at the top and bottom, kernel columns
// trimmed at the left and right edges, and outputs whose windows lie wholly
// in the padding. Each function runs with one thread for the host CPU, with
// two threads for SSE4.2 (x86-64-v2) and with one for AVX2 (x86-64-v3), in
// NHWC; a few also in NCHW.
// DEFINE: %{host} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{sse2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --cpu=x86-64-v2
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v3
// DEFINE: %{nchw} = nas-run %s --check --repeat=1
// RUN: %{host} --entry=rows_14 | FileCheck %s --check-prefix=ROWS-14
// RUN: %{sse2t} --entry=rows_14 | FileCheck %s --check-prefix=ROWS-14
// RUN: %{avx2} --entry=rows_14 | FileCheck %s --check-prefix=ROWS-14
// RUN: %{nchw} --entry=rows_14 | FileCheck %s --check-prefix=ROWS-14
// RUN: %{host} --entry=beyond_reach | FileCheck %s --check-prefix=BEYOND-REACH
// RUN: %{sse2t} --entry=beyond_reach | FileCheck %s --check-prefix=BEYOND-REACH
// RUN: %{avx2} --entry=beyond_reach | FileCheck %s --check-prefix=BEYOND-REACH
// RUN: %{host} --entry=asymmetric_5x5 | FileCheck %s --check-prefix=ASYMMETRIC-5X5
// RUN: %{sse2t} --entry=asymmetric_5x5 | FileCheck %s --check-prefix=ASYMMETRIC-5X5
// RUN: %{avx2} --entry=asymmetric_5x5 | FileCheck %s --check-prefix=ASYMMETRIC-5X5
// RUN: %{host} --entry=dilated | FileCheck %s --check-prefix=DILATED
// RUN: %{sse2t} --entry=dilated | FileCheck %s --check-prefix=DILATED
// RUN: %{avx2} --entry=dilated | FileCheck %s --check-prefix=DILATED
// RUN: %{host} --entry=rows_7_blocks | FileCheck %s --check-prefix=ROWS-7-BLOCKS
// RUN: %{sse2t} --entry=rows_7_blocks | FileCheck %s --check-prefix=ROWS-7-BLOCKS
// RUN: %{avx2} --entry=rows_7_blocks | FileCheck %s --check-prefix=ROWS-7-BLOCKS
// RUN: %{host} --entry=strided | FileCheck %s --check-prefix=STRIDED
// RUN: %{sse2t} --entry=strided | FileCheck %s --check-prefix=STRIDED
// RUN: %{avx2} --entry=strided | FileCheck %s --check-prefix=STRIDED
// RUN: %{nchw} --entry=strided | FileCheck %s --check-prefix=STRIDED
// RUN: %{host} --entry=chain_batch2 | FileCheck %s --check-prefix=CHAIN-BATCH2
// RUN: %{sse2t} --entry=chain_batch2 | FileCheck %s --check-prefix=CHAIN-BATCH2
// RUN: %{avx2} --entry=chain_batch2 | FileCheck %s --check-prefix=CHAIN-BATCH2
// RUN: %{nchw} --entry=chain_batch2 | FileCheck %s --check-prefix=CHAIN-BATCH2

// 3x3, padding 1, 24 -> 40 channels on 14x14, relu: rows of one tile.
// ROWS-14: output: tensor<1x40x14x14xf32>
// ROWS-14: check: passed
func.func @rows_14(%x: tensor<1x24x14x14xf32>, %w: tensor<40x24x3x3xf32>, %b: tensor<40xf32>) -> tensor<1x40x14x14xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x14x14xf32>, tensor<40x24x3x3xf32>, tensor<40xf32>) -> tensor<1x40x14x14xf32>
  %1 = nas.relu %0 : tensor<1x40x14x14xf32> -> tensor<1x40x14x14xf32>
  return %1 : tensor<1x40x14x14xf32>
}

// 3x3, padding 3 on a 5x7 input: the outer two output rows and columns
// read padding only and equal the bias.
// BEYOND-REACH: output: tensor<1x16x9x11xf32>
// BEYOND-REACH: check: passed
func.func @beyond_reach(%x: tensor<1x8x5x7xf32>, %w: tensor<16x8x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x9x11xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x5x7xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x9x11xf32>
  return %0 : tensor<1x16x9x11xf32>
}

// 5x5, padding [top 0, left 2, bottom 3, right 1], 12 -> 32 channels on
// 29x29: several column tiles per row, the last one partial.
// ASYMMETRIC-5X5: output: tensor<1x32x28x28xf32>
// ASYMMETRIC-5X5: check: passed
func.func @asymmetric_5x5(%x: tensor<1x12x29x29xf32>, %w: tensor<32x12x5x5xf32>, %b: tensor<32xf32>) -> tensor<1x32x28x28xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 2, 3, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x12x29x29xf32>, tensor<32x12x5x5xf32>, tensor<32xf32>) -> tensor<1x32x28x28xf32>
  return %0 : tensor<1x32x28x28xf32>
}

// 3x3, dilation 2, padding 2, 8 -> 48 channels on 20x20, clip.
// DILATED: output: tensor<1x48x20x20xf32>
// DILATED: check: passed
func.func @dilated(%x: tensor<1x8x20x20xf32>, %w: tensor<48x8x3x3xf32>, %b: tensor<48xf32>) -> tensor<1x48x20x20xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 2, 2, 2>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x8x20x20xf32>, tensor<48x8x3x3xf32>, tensor<48xf32>) -> tensor<1x48x20x20xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x48x20x20xf32> -> tensor<1x48x20x20xf32>
  return %1 : tensor<1x48x20x20xf32>
}

// 3x3, padding 1, 128 -> 64 channels on 7x7: blocks of several rows,
// whose kernel rows run while one of their rows reads the source.
// ROWS-7-BLOCKS: output: tensor<1x64x7x7xf32>
// ROWS-7-BLOCKS: check: passed
func.func @rows_7_blocks(%x: tensor<1x128x7x7xf32>, %w: tensor<64x128x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x128x7x7xf32>, tensor<64x128x3x3xf32>, tensor<64xf32>) -> tensor<1x64x7x7xf32>
  %1 = nas.relu %0 : tensor<1x64x7x7xf32> -> tensor<1x64x7x7xf32>
  return %1 : tensor<1x64x7x7xf32>
}

// 3x3, stride 2, padding [top 1, left 2, bottom 0, right 2], 16 -> 32
// channels on 29x29: one contraction per pixel, those on padded columns
// left out.
// STRIDED: output: tensor<1x32x14x16xf32>
// STRIDED: check: passed
func.func @strided(%x: tensor<1x16x29x29xf32>, %w: tensor<32x16x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x14x16xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 0, 2>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x29x29xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<1x32x14x16xf32>
  %1 = nas.relu %0 : tensor<1x32x14x16xf32> -> tensor<1x32x14x16xf32>
  return %1 : tensor<1x32x14x16xf32>
}

// Two 3x3 layers, batch 2, on 15x17: the second reads the padded buffer
// that the first writes.
// CHAIN-BATCH2: output: tensor<2x24x15x17xf32>
// CHAIN-BATCH2: check: passed
func.func @chain_batch2(%x: tensor<2x16x15x17xf32>, %w0: tensor<32x16x3x3xf32>, %b0: tensor<32xf32>, %w1: tensor<24x32x3x3xf32>, %b1: tensor<24xf32>) -> tensor<2x24x15x17xf32> {
  %0 = nas.conv2d %x, %w0, %b0 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x16x15x17xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<2x32x15x17xf32>
  %1 = nas.relu %0 : tensor<2x32x15x17xf32> -> tensor<2x32x15x17xf32>
  %2 = nas.conv2d %1, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x32x15x17xf32>, tensor<24x32x3x3xf32>, tensor<24xf32>) -> tensor<2x24x15x17xf32>
  return %2 : tensor<2x24x15x17xf32>
}
