// Convolutions whose register block spans several output rows: rows of at
// most 14 outputs, whose weight panel does not fit in half of the L1 cache,
// with the channel tiles outermost and an odd row count, so that the last
// row tile is peeled, or with the rows outermost. Against the
// reference evaluator (max abs error / max |reference| <= 1e-4), with one
// thread for the host CPU, two threads for SSE4.2 (x86-64-v2) with every
// kernel distributed, and AVX2 (x86-64-v3).
// DEFINE: %{host} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{sse2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --min-parallel-iterations=1 --cpu=x86-64-v2
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v3
// RUN: %{host} --entry=pointwise_residual | FileCheck %s --check-prefix=POINTWISE-RESIDUAL
// RUN: %{sse2t} --entry=pointwise_residual | FileCheck %s --check-prefix=POINTWISE-RESIDUAL
// RUN: %{avx2} --entry=pointwise_residual | FileCheck %s --check-prefix=POINTWISE-RESIDUAL
// RUN: %{host} --entry=conv3x3_5x5 | FileCheck %s --check-prefix=CONV3X3-5X5
// RUN: %{sse2t} --entry=conv3x3_5x5 | FileCheck %s --check-prefix=CONV3X3-5X5
// RUN: %{avx2} --entry=conv3x3_5x5 | FileCheck %s --check-prefix=CONV3X3-5X5
// RUN: %{host} --entry=stride2 | FileCheck %s --check-prefix=STRIDE2
// RUN: %{sse2t} --entry=stride2 | FileCheck %s --check-prefix=STRIDE2
// RUN: %{avx2} --entry=stride2 | FileCheck %s --check-prefix=STRIDE2
// RUN: %{host} --entry=stride2_odd_rows | FileCheck %s --check-prefix=STRIDE2-ODD-ROWS
// RUN: %{sse2t} --entry=stride2_odd_rows | FileCheck %s --check-prefix=STRIDE2-ODD-ROWS
// RUN: %{avx2} --entry=stride2_odd_rows | FileCheck %s --check-prefix=STRIDE2-ODD-ROWS
// RUN: %{host} --entry=stride_rows_only | FileCheck %s --check-prefix=STRIDE-ROWS-ONLY
// RUN: %{sse2t} --entry=stride_rows_only | FileCheck %s --check-prefix=STRIDE-ROWS-ONLY
// RUN: %{avx2} --entry=stride_rows_only | FileCheck %s --check-prefix=STRIDE-ROWS-ONLY
// RUN: %{host} --entry=dilated_asymmetric | FileCheck %s --check-prefix=DILATED-ASYMMETRIC
// RUN: %{sse2t} --entry=dilated_asymmetric | FileCheck %s --check-prefix=DILATED-ASYMMETRIC
// RUN: %{avx2} --entry=dilated_asymmetric | FileCheck %s --check-prefix=DILATED-ASYMMETRIC
// RUN: %{host} --entry=grouped | FileCheck %s --check-prefix=GROUPED
// RUN: %{sse2t} --entry=grouped | FileCheck %s --check-prefix=GROUPED
// RUN: %{host} --entry=batch2 | FileCheck %s --check-prefix=BATCH2
// RUN: %{sse2t} --entry=batch2 | FileCheck %s --check-prefix=BATCH2
// RUN: %{host} --entry=pointwise_f64 | FileCheck %s --check-prefix=POINTWISE-F64
// RUN: %{sse2t} --entry=pointwise_f64 | FileCheck %s --check-prefix=POINTWISE-F64
// RUN: %{host} --entry=all_rows_one_tile | FileCheck %s --check-prefix=ALL-ROWS-ONE-TILE
// RUN: %{sse2t} --entry=all_rows_one_tile | FileCheck %s --check-prefix=ALL-ROWS-ONE-TILE
// RUN: %{avx2} --entry=all_rows_one_tile | FileCheck %s --check-prefix=ALL-ROWS-ONE-TILE

// 1x1, 1024 -> 160 channels on 7x7, bias, residual add and relu. With
// AVX-512, the 5 channel tiles of 32 are the outermost loop, and each
// computes blocks of 2 rows by 7 columns and a peeled last row.
// POINTWISE-RESIDUAL: output: tensor<1x160x7x7xf32>
// POINTWISE-RESIDUAL: check: passed
func.func @pointwise_residual(%x: tensor<1x1024x7x7xf32>, %w: tensor<160x1024x1x1xf32>, %b: tensor<160xf32>, %r: tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x1024x7x7xf32>, tensor<160x1024x1x1xf32>, tensor<160xf32>) -> tensor<1x160x7x7xf32>
  %1 = nas.add %0, %r : (tensor<1x160x7x7xf32>, tensor<1x160x7x7xf32>) -> tensor<1x160x7x7xf32>
  %2 = nas.relu %1 : tensor<1x160x7x7xf32> -> tensor<1x160x7x7xf32>
  return %2 : tensor<1x160x7x7xf32>
}

// 3x3, padding 1, 64 -> 48 channels on 5x5 (3 vectors of 16 with
// AVX-512): one vector of channels by all 25 outputs.
// CONV3X3-5X5: output: tensor<1x48x5x5xf32>
// CONV3X3-5X5: check: passed
func.func @conv3x3_5x5(%x: tensor<1x64x5x5xf32>, %w: tensor<48x64x3x3xf32>, %b: tensor<48xf32>) -> tensor<1x48x5x5xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x5x5xf32>, tensor<48x64x3x3xf32>, tensor<48xf32>) -> tensor<1x48x5x5xf32>
  return %0 : tensor<1x48x5x5xf32>
}

// 3x3, stride 2, padding 1, 64 -> 16 channels on 8x8: 4 x 4 outputs, in
// blocks of 2 rows of 4 outputs: each row of a block reads its own input
// row, 2 rows below the previous one.
// STRIDE2: output: tensor<1x16x4x4xf32>
// STRIDE2: check: passed
func.func @stride2(%x: tensor<1x64x8x8xf32>, %w: tensor<16x64x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x4x4xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x8x8xf32>, tensor<16x64x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}

// 3x3, stride 2, padding 1, 256 -> 128 channels on 13x13: 7 x 7 outputs.
// With AVX-512, the 4 channel tiles of 32 are the outermost loop (the
// weight takes 1.2 MB), and each computes blocks of 2 rows of 7 outputs
// and a peeled last row.
// STRIDE2-ODD-ROWS: output: tensor<1x128x7x7xf32>
// STRIDE2-ODD-ROWS: check: passed
func.func @stride2_odd_rows(%x: tensor<1x256x13x13xf32>, %w: tensor<128x256x3x3xf32>, %b: tensor<128xf32>) -> tensor<1x128x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x256x13x13xf32>, tensor<128x256x3x3xf32>, tensor<128xf32>) -> tensor<1x128x7x7xf32>
  %1 = nas.relu %0 : tensor<1x128x7x7xf32> -> tensor<1x128x7x7xf32>
  return %1 : tensor<1x128x7x7xf32>
}

// 3x3 with stride 2 along the rows only, padding 1, 64 -> 32 channels on
// 10x7: 5 x 7 outputs.
// STRIDE-ROWS-ONLY: output: tensor<1x32x5x7xf32>
// STRIDE-ROWS-ONLY: check: passed
func.func @stride_rows_only(%x: tensor<1x64x10x7xf32>, %w: tensor<32x64x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x5x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x10x7xf32>, tensor<32x64x3x3xf32>, tensor<32xf32>) -> tensor<1x32x5x7xf32>
  return %0 : tensor<1x32x5x7xf32>
}

// 3x3, dilation 2, padding [2, 1, 3, 0] (top, left, bottom, right),
// 64 -> 24 channels on 6x6: 7 x 3 outputs.
// DILATED-ASYMMETRIC: output: tensor<1x24x7x3xf32>
// DILATED-ASYMMETRIC: check: passed
func.func @dilated_asymmetric(%x: tensor<1x64x6x6xf32>, %w: tensor<24x64x3x3xf32>, %b: tensor<24xf32>) -> tensor<1x24x7x3xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 2, 1, 3, 0>, dilations = array<i64: 2, 2>, groups = 1} : (tensor<1x64x6x6xf32>, tensor<24x64x3x3xf32>, tensor<24xf32>) -> tensor<1x24x7x3xf32>
  %1 = nas.relu %0 : tensor<1x24x7x3xf32> -> tensor<1x24x7x3xf32>
  return %1 : tensor<1x24x7x3xf32>
}

// 3x3, padding 1, 2 groups of 64 -> 32 channels on 6x6.
// GROUPED: output: tensor<1x64x6x6xf32>
// GROUPED: check: passed
func.func @grouped(%x: tensor<1x128x6x6xf32>, %w: tensor<64x64x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x6x6xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 2} : (tensor<1x128x6x6xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x6x6xf32>
  return %0 : tensor<1x64x6x6xf32>
}

// 1x1, 512 -> 32 channels on 2 images of 6x6.
// BATCH2: output: tensor<2x32x6x6xf32>
// BATCH2: check: passed
func.func @batch2(%x: tensor<2x512x6x6xf32>, %w: tensor<32x512x1x1xf32>) -> tensor<2x32x6x6xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x512x6x6xf32>, tensor<32x512x1x1xf32>) -> tensor<2x32x6x6xf32>
  return %0 : tensor<2x32x6x6xf32>
}

// 1x1, 512 -> 16 channels on 6x6 in f64 (8 lanes with AVX-512).
// POINTWISE-F64: output: tensor<1x16x6x6xf64>
// POINTWISE-F64: check: passed
func.func @pointwise_f64(%x: tensor<1x512x6x6xf64>, %w: tensor<16x512x1x1xf64>, %b: tensor<16xf64>) -> tensor<1x16x6x6xf64> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x512x6x6xf64>, tensor<16x512x1x1xf64>, tensor<16xf64>) -> tensor<1x16x6x6xf64>
  return %0 : tensor<1x16x6x6xf64>
}

// 1x1, 512 -> 16 channels on 9 x 3: a block of all 9 rows would be the
// whole output, so the rows split into 3 tiles of 3.
// ALL-ROWS-ONE-TILE: output: tensor<1x16x9x3xf32>
// ALL-ROWS-ONE-TILE: check: passed
func.func @all_rows_one_tile(%x: tensor<1x512x9x3xf32>, %w: tensor<16x512x1x1xf32>, %b: tensor<16xf32>) -> tensor<1x16x9x3xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x512x9x3xf32>, tensor<16x512x1x1xf32>, tensor<16xf32>) -> tensor<1x16x9x3xf32>
  return %0 : tensor<1x16x9x3xf32>
}
