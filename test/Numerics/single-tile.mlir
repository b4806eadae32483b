// Kernels whose whole output fits in one register block, so that the
// tiling makes a loop of one iteration: a 1x1 convolution on one row with
// relu, a 3x3 convolution with bias and a residual add, a depthwise
// convolution, a max pooling to 1 x 1, a global average pooling of 16
// channels, and a fully connected layer of batch 1 with relu. Against the
// reference evaluator (max abs error / max |reference| <= 1e-4), for the
// host CPU on one and two threads (every kernel distributed), and for AVX2
// (x86-64-v3) and SSE4.2 (x86-64-v2).
// DEFINE: %{host} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// DEFINE: %{host2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --min-parallel-iterations=1
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --cpu=x86-64-v3
// DEFINE: %{sse} = nas-run %s --check --repeat=1 --cpu=x86-64-v2
// RUN: %{host} --entry=pointwise_row | FileCheck %s --check-prefix=POINTWISE-ROW
// RUN: %{host2t} --entry=pointwise_row | FileCheck %s --check-prefix=POINTWISE-ROW
// RUN: %{avx2} --entry=pointwise_row | FileCheck %s --check-prefix=POINTWISE-ROW
// RUN: %{sse} --entry=pointwise_row | FileCheck %s --check-prefix=POINTWISE-ROW
// RUN: %{host} --entry=conv3x3_residual | FileCheck %s --check-prefix=CONV3X3-RESIDUAL
// RUN: %{host2t} --entry=conv3x3_residual | FileCheck %s --check-prefix=CONV3X3-RESIDUAL
// RUN: %{avx2} --entry=conv3x3_residual | FileCheck %s --check-prefix=CONV3X3-RESIDUAL
// RUN: %{host} --entry=depthwise | FileCheck %s --check-prefix=DEPTHWISE
// RUN: %{host2t} --entry=depthwise | FileCheck %s --check-prefix=DEPTHWISE
// RUN: %{sse} --entry=depthwise | FileCheck %s --check-prefix=DEPTHWISE
// RUN: %{host} --entry=max_pool | FileCheck %s --check-prefix=MAX-POOL
// RUN: %{host2t} --entry=max_pool | FileCheck %s --check-prefix=MAX-POOL
// RUN: %{host} --entry=global_avg_pool | FileCheck %s --check-prefix=GLOBAL-AVG-POOL
// RUN: %{host2t} --entry=global_avg_pool | FileCheck %s --check-prefix=GLOBAL-AVG-POOL
// RUN: %{host} --entry=fully_connected | FileCheck %s --check-prefix=FULLY-CONNECTED
// RUN: %{sse} --entry=fully_connected | FileCheck %s --check-prefix=FULLY-CONNECTED
// The 1x1 convolution is vector code: one FMA of 16 lanes per output
// pixel in the loop over the input channels, and the relu on vectors.
// RUN: nas-run %s --entry=pointwise_row --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v4 --print-ir 2>&1 >/dev/null | FileCheck %s --check-prefix=IR
// IR-COUNT-12: llvm.intr.fmuladd({{.*}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// IR: llvm.intr.maximum({{.*}}) : (vector<16xf32>, vector<16xf32>) -> vector<16xf32>

// 1x1 1000 -> 16 on 1 x 12, with relu.
// POINTWISE-ROW: output: tensor<1x16x1x12xf32>
// POINTWISE-ROW: check: passed
func.func @pointwise_row(%x: tensor<1x1000x1x12xf32>, %w: tensor<16x1000x1x1xf32>, %b: tensor<16xf32>) -> tensor<1x16x1x12xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x1000x1x12xf32>, tensor<16x1000x1x1xf32>, tensor<16xf32>) -> tensor<1x16x1x12xf32>
  %1 = nas.relu %0 : tensor<1x16x1x12xf32> -> tensor<1x16x1x12xf32>
  return %1 : tensor<1x16x1x12xf32>
}

// 3x3 with padding 1, 37 -> 5 channels on 1 x 3, bias, plus a residual.
// CONV3X3-RESIDUAL: output: tensor<1x5x1x3xf32>
// CONV3X3-RESIDUAL: check: passed
func.func @conv3x3_residual(%x: tensor<1x37x1x3xf32>, %w: tensor<5x37x3x3xf32>, %b: tensor<5xf32>, %r: tensor<1x5x1x3xf32>) -> tensor<1x5x1x3xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x37x1x3xf32>, tensor<5x37x3x3xf32>, tensor<5xf32>) -> tensor<1x5x1x3xf32>
  %1 = nas.add %0, %r : (tensor<1x5x1x3xf32>, tensor<1x5x1x3xf32>) -> tensor<1x5x1x3xf32>
  return %1 : tensor<1x5x1x3xf32>
}

// 3x3 depthwise with padding 1 on 1 x 5, 16 channels, with relu6.
// DEPTHWISE: output: tensor<1x16x1x5xf32>
// DEPTHWISE: check: passed
func.func @depthwise(%x: tensor<1x16x1x5xf32>, %w: tensor<16x1x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x1x5xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 16} : (tensor<1x16x1x5xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x1x5xf32>
  %1 = nas.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x16x1x5xf32> -> tensor<1x16x1x5xf32>
  return %1 : tensor<1x16x1x5xf32>
}

// 3x3 max pooling with stride 2 of 3 x 3 to 1 x 1, 13 channels.
// MAX-POOL: output: tensor<1x13x1x1xf32>
// MAX-POOL: check: passed
func.func @max_pool(%x: tensor<1x13x3x3xf32>) -> tensor<1x13x1x1xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x13x3x3xf32> -> tensor<1x13x1x1xf32>
  return %0 : tensor<1x13x1x1xf32>
}

// Global average pooling of 16 channels on 4 x 6.
// GLOBAL-AVG-POOL: output: tensor<1x16x1x1xf32>
// GLOBAL-AVG-POOL: check: passed
func.func @global_avg_pool(%x: tensor<1x16x4x6xf32>) -> tensor<1x16x1x1xf32> {
  %0 = nas.global_avg_pool2d %x : tensor<1x16x4x6xf32> -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// Fully connected 300 -> 16 on a batch of 1, with relu.
// FULLY-CONNECTED: output: tensor<1x16xf32>
// FULLY-CONNECTED: check: passed
func.func @fully_connected(%x: tensor<1x300xf32>, %w: tensor<16x300xf32>, %b: tensor<16xf32>) -> tensor<1x16xf32> {
  %0 = nas.fully_connected %x, %w, %b : (tensor<1x300xf32>, tensor<16x300xf32>, tensor<16xf32>) -> tensor<1x16xf32>
  %1 = nas.relu %0 : tensor<1x16xf32> -> tensor<1x16xf32>
  return %1 : tensor<1x16xf32>
}
