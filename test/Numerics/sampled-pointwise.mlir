// Strided 1x1 convolutions to at most 7 output columns, which read a dense
// copy of the pixels they sample: stride 2 with bias, relu and a residual
// add, stride 3 along the columns only with padding, a batch of 2 with odd
// channel counts, and f64. Against the reference evaluator (max abs error /
// max |reference| <= 1e-4), for the host CPU on one and two threads (every
// kernel distributed), and for AVX2 (x86-64-v3).
// DEFINE: %{host} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{host2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --min-parallel-iterations=1
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --cpu=x86-64-v3
// RUN: %{host} --entry=stride2_residual | FileCheck %s --check-prefix=STRIDE2-RESIDUAL
// RUN: %{host2t} --entry=stride2_residual | FileCheck %s --check-prefix=STRIDE2-RESIDUAL
// RUN: %{avx2} --entry=stride2_residual | FileCheck %s --check-prefix=STRIDE2-RESIDUAL
// RUN: %{host} --entry=stride_1x3_padded | FileCheck %s --check-prefix=STRIDE-1X3-PADDED
// RUN: %{host2t} --entry=stride_1x3_padded | FileCheck %s --check-prefix=STRIDE-1X3-PADDED
// RUN: %{avx2} --entry=stride_1x3_padded | FileCheck %s --check-prefix=STRIDE-1X3-PADDED
// RUN: %{host} --entry=batch2_odd | FileCheck %s --check-prefix=BATCH2-ODD
// RUN: %{host2t} --entry=batch2_odd | FileCheck %s --check-prefix=BATCH2-ODD
// RUN: %{host} --entry=f64 | FileCheck %s --check-prefix=F64

// 1x1 512 -> 256, stride 2, 14 x 14 to 7 x 7, bias, then relu of the sum
// with a second input.
// STRIDE2-RESIDUAL: output: tensor<1x256x7x7xf32>
// STRIDE2-RESIDUAL: check: passed
func.func @stride2_residual(%x: tensor<1x512x14x14xf32>, %w: tensor<256x512x1x1xf32>, %b: tensor<256xf32>, %r: tensor<1x256x7x7xf32>) -> tensor<1x256x7x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x512x14x14xf32>, tensor<256x512x1x1xf32>, tensor<256xf32>) -> tensor<1x256x7x7xf32>
  %1 = nas.add %0, %r : (tensor<1x256x7x7xf32>, tensor<1x256x7x7xf32>) -> tensor<1x256x7x7xf32>
  %2 = nas.relu %1 : tensor<1x256x7x7xf32> -> tensor<1x256x7x7xf32>
  return %2 : tensor<1x256x7x7xf32>
}

// Stride 1 x 3 with padding 1 on the left and 2 on the right of 17 x 17:
// (17 + 3 - 1) / 3 + 1 = 7 columns, 17 rows.
// STRIDE-1X3-PADDED: output: tensor<1x40x17x7xf32>
// STRIDE-1X3-PADDED: check: passed
func.func @stride_1x3_padded(%x: tensor<1x24x17x17xf32>, %w: tensor<40x24x1x1xf32>, %b: tensor<40xf32>) -> tensor<1x40x17x7xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 3>, padding = array<i64: 0, 1, 0, 2>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x17x17xf32>, tensor<40x24x1x1xf32>, tensor<40xf32>) -> tensor<1x40x17x7xf32>
  return %0 : tensor<1x40x17x7xf32>
}

// A batch of 2, 37 -> 45 channels, stride 2 on 11 x 13: 6 x 7.
// BATCH2-ODD: output: tensor<2x45x6x7xf32>
// BATCH2-ODD: check: passed
func.func @batch2_odd(%x: tensor<2x37x11x13xf32>, %w: tensor<45x37x1x1xf32>) -> tensor<2x45x6x7xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x37x11x13xf32>, tensor<45x37x1x1xf32>) -> tensor<2x45x6x7xf32>
  return %0 : tensor<2x45x6x7xf32>
}

// f64, 64 -> 32, stride 2 on 10 x 10: 5 x 5.
// F64: output: tensor<1x32x5x5xf64>
// F64: check: passed
func.func @f64(%x: tensor<1x64x10x10xf64>, %w: tensor<32x64x1x1xf64>, %b: tensor<32xf64>) -> tensor<1x32x5x5xf64> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x10x10xf64>, tensor<32x64x1x1xf64>, tensor<32xf64>) -> tensor<1x32x5x5xf64>
  return %0 : tensor<1x32x5x5xf64>
}
