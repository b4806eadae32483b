// A depthwise convolution computed with the 1x1 convolution that reads it,
// one output row at a time, against the reference evaluator (max abs error
// / max |reference| <= 1e-4). For x86-64-v3 (AVX2) and x86-64-v2 (SSE4.2),
// which assume a 256 KiB L2 cache, pairs whose depthwise result exceeds
// 32 KiB are fused; the FUSED checks show that every function here is. On
// the host CPU the limit is an eighth of its L2 cache, so only @large is
// sure to be fused there. Inverted residual blocks with and without
// expansion, stride 2, channels that are not a multiple of the vector
// width, a batch of 2 with a 5x5 window, dilation and asymmetric padding,
// and f64; on one thread and on two, which share the row loop. Two pairs
// that share an epilogue, of which only the first is fused.
// DEFINE: %{avx2} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v3
// DEFINE: %{sse} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --cpu=x86-64-v2
// DEFINE: %{host2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2
// RUN: nas-opt %s --nas-lower-to-llvm="boundary-layout=nhwc cpu=x86-64-v3" --mlir-disable-threading --mlir-print-ir-after=nas-tile-and-vectorize -o /dev/null 2>&1 | FileCheck %s --check-prefix=FUSED
// RUN: %{avx2} --entry=expand_residual | FileCheck %s --check-prefix=EXPAND-RESIDUAL
// RUN: %{avx2} --entry=expand_residual --threads=2 | FileCheck %s --check-prefix=EXPAND-RESIDUAL
// RUN: %{sse} --entry=expand_residual | FileCheck %s --check-prefix=EXPAND-RESIDUAL
// RUN: %{avx2} --entry=stride2 --threads=2 | FileCheck %s --check-prefix=STRIDE2
// RUN: %{sse} --entry=stride2 | FileCheck %s --check-prefix=STRIDE2
// RUN: %{avx2} --entry=odd_channels | FileCheck %s --check-prefix=ODD-CHANNELS
// RUN: %{avx2} --entry=odd_channels --threads=2 | FileCheck %s --check-prefix=ODD-CHANNELS
// RUN: %{sse} --entry=odd_channels | FileCheck %s --check-prefix=ODD-CHANNELS
// RUN: %{avx2} --entry=batch2_dilated --threads=2 | FileCheck %s --check-prefix=BATCH2-DILATED
// RUN: %{sse} --entry=batch2_dilated | FileCheck %s --check-prefix=BATCH2-DILATED
// RUN: %{avx2} --entry=f64 | FileCheck %s --check-prefix=F64
// RUN: %{sse} --entry=f64 --threads=2 | FileCheck %s --check-prefix=F64
// RUN: %{avx2} --entry=two_depthwise_added | FileCheck %s --check-prefix=TWO-DEPTHWISE-ADDED
// RUN: %{avx2} --entry=shared_add --threads=2 | FileCheck %s --check-prefix=SHARED-ADD
// RUN: %{host2t} --entry=large | FileCheck %s --check-prefix=LARGE
// RUN: %{host2t} --entry=large --threads=1 | FileCheck %s --check-prefix=LARGE

// FUSED-LABEL: func.func @expand_residual
// FUSED: tensor.empty() : tensor<1x1x12x96xf32>
// FUSED-LABEL: func.func @stride2
// FUSED: tensor.empty() : tensor<1x1x13x96xf32>
// FUSED-LABEL: func.func @odd_channels
// FUSED: tensor.empty() : tensor<1x1x15x37xf32>
// FUSED-LABEL: func.func @batch2_dilated
// FUSED: tensor.empty() : tensor<1x1x9x40xf32>
// FUSED-LABEL: func.func @f64
// FUSED: tensor.empty() : tensor<1x1x12x32xf64>
// FUSED-LABEL: func.func @large
// FUSED: tensor.empty() : tensor<1x1x40x48xf32>
// FUSED-LABEL: func.func @two_depthwise_added
// FUSED-COUNT-1: tensor.empty() : tensor<1x1x16x64xf32>
// FUSED-NOT: tensor.empty() : tensor<1x1x16x64xf32>
// FUSED-LABEL: func.func @shared_add
// FUSED-COUNT-1: tensor.empty() : tensor<1x1x16x64xf32>
// FUSED-NOT: tensor.empty() : tensor<1x1x16x64xf32>

// Expand 16 -> 96, depthwise 3x3 on 12x12 (54 KiB), project 96 -> 16, with
// the residual add in the fused loop.
// EXPAND-RESIDUAL: output: tensor<1x16x12x12xf32>
// EXPAND-RESIDUAL: check: passed
func.func @expand_residual(%x: tensor<1x16x12x12xf32>, %we: tensor<96x16x1x1xf32>, %be: tensor<96xf32>, %wd: tensor<96x1x3x3xf32>, %bd: tensor<96xf32>, %wp: tensor<16x96x1x1xf32>, %bp: tensor<16xf32>) -> tensor<1x16x12x12xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x16x12x12xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<16x96x1x1xf32>, tensor<16xf32>) -> tensor<1x16x12x12xf32>
  return %y : tensor<1x16x12x12xf32>
}

// Expand 16 -> 96 on 25x25, depthwise 3x3 stride 2 to 13x13 (63 KiB),
// project 96 -> 24: each row of the pair reads 3 rows of the expansion.
// STRIDE2: output: tensor<1x24x13x13xf32>
// STRIDE2: check: passed
func.func @stride2(%x: tensor<1x16x25x25xf32>, %we: tensor<96x16x1x1xf32>, %be: tensor<96xf32>, %wd: tensor<96x1x3x3xf32>, %bd: tensor<96xf32>, %wp: tensor<24x96x1x1xf32>, %bp: tensor<24xf32>) -> tensor<1x24x13x13xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 2} : (tensor<1x16x25x25xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<24x96x1x1xf32>, tensor<24xf32>) -> tensor<1x24x13x13xf32>
  return %y : tensor<1x24x13x13xf32>
}

// 37 channels on 16x15 (35 KiB) without expansion, 37 -> 11 channels:
// partial vectors on both convolutions.
// ODD-CHANNELS: output: tensor<1x11x16x15xf32>
// ODD-CHANNELS: check: passed
func.func @odd_channels(%x: tensor<1x37x16x15xf32>, %wd: tensor<37x1x3x3xf32>, %bd: tensor<37xf32>, %wp: tensor<11x37x1x1xf32>, %bp: tensor<11xf32>) -> tensor<1x11x16x15xf32> {
  %y = nas.inverted_residual %x depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 1, kernel_size = 3, stride = 1} : (tensor<1x37x16x15xf32>, tensor<37x1x3x3xf32>, tensor<37xf32>, tensor<11x37x1x1xf32>, tensor<11xf32>) -> tensor<1x11x16x15xf32>
  return %y : tensor<1x11x16x15xf32>
}

// Batch of 2, 40 channels, a 5x5 window with dilation (2, 1) and padding
// (top 3, left 1, bottom 5, right 3) on 13x9: 2 x 13 x 9 x 40 outputs
// (37 KiB). Relu after both convolutions, 40 -> 20 channels.
// BATCH2-DILATED: output: tensor<2x20x13x9xf32>
// BATCH2-DILATED: check: passed
func.func @batch2_dilated(%x: tensor<2x40x13x9xf32>, %wd: tensor<40x1x5x5xf32>, %bd: tensor<40xf32>, %wp: tensor<20x40x1x1xf32>, %bp: tensor<20xf32>) -> tensor<2x20x13x9xf32> {
  %d = nas.conv2d %x, %wd, %bd {strides = array<i64: 1, 1>, padding = array<i64: 3, 1, 5, 3>, dilations = array<i64: 2, 1>, groups = 40} : (tensor<2x40x13x9xf32>, tensor<40x1x5x5xf32>, tensor<40xf32>) -> tensor<2x40x13x9xf32>
  %r = nas.relu %d : tensor<2x40x13x9xf32> -> tensor<2x40x13x9xf32>
  %p = nas.conv2d %r, %wp, %bp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x40x13x9xf32>, tensor<20x40x1x1xf32>, tensor<20xf32>) -> tensor<2x20x13x9xf32>
  %q = nas.relu %p : tensor<2x20x13x9xf32> -> tensor<2x20x13x9xf32>
  return %q : tensor<2x20x13x9xf32>
}

// f64, 32 channels on 12x12 (36 KiB), 32 -> 8 channels.
// F64: output: tensor<1x8x12x12xf64>
// F64: check: passed
func.func @f64(%x: tensor<1x32x12x12xf64>, %wd: tensor<32x1x3x3xf64>, %bd: tensor<32xf64>, %wp: tensor<8x32x1x1xf64>, %bp: tensor<8xf64>) -> tensor<1x8x12x12xf64> {
  %y = nas.inverted_residual %x depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 1, kernel_size = 3, stride = 1} : (tensor<1x32x12x12xf64>, tensor<32x1x3x3xf64>, tensor<32xf64>, tensor<8x32x1x1xf64>, tensor<8xf64>) -> tensor<1x8x12x12xf64>
  return %y : tensor<1x8x12x12xf64>
}

// Expand 8 -> 48 on 40x40: 300 KiB of depthwise result, above an eighth of
// the L2 cache of CPUs with up to 2 MiB of it.
// LARGE: output: tensor<1x8x40x40xf32>
// LARGE: check: passed
func.func @large(%x: tensor<1x8x40x40xf32>, %we: tensor<48x8x1x1xf32>, %be: tensor<48xf32>, %wd: tensor<48x1x3x3xf32>, %bd: tensor<48xf32>, %wp: tensor<8x48x1x1xf32>, %bp: tensor<8xf32>) -> tensor<1x8x40x40xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x8x40x40xf32>, tensor<48x8x1x1xf32>, tensor<48xf32>, tensor<48x1x3x3xf32>, tensor<48xf32>, tensor<8x48x1x1xf32>, tensor<8xf32>) -> tensor<1x8x40x40xf32>
  return %y : tensor<1x8x40x40xf32>
}

// Two depthwise results added and fed to a 1x1 convolution: the add is the
// epilogue of both, and only the first pair can take it. The second
// depthwise convolution stays whole, and the fused row loop reads its rows.
// TWO-DEPTHWISE-ADDED: output: tensor<1x32x16x16xf32>
// TWO-DEPTHWISE-ADDED: check: passed
func.func @two_depthwise_added(%x: tensor<1x64x16x16xf32>, %w1: tensor<64x1x3x3xf32>, %b1: tensor<64xf32>, %w2: tensor<64x1x3x3xf32>, %b2: tensor<64xf32>, %wp: tensor<32x64x1x1xf32>, %bp: tensor<32xf32>) -> tensor<1x32x16x16xf32> {
  %r = nas.relu %x : tensor<1x64x16x16xf32> -> tensor<1x64x16x16xf32>
  %d1 = nas.conv2d %r, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 64} : (tensor<1x64x16x16xf32>, tensor<64x1x3x3xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  %d2 = nas.conv2d %r, %w2, %b2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 64} : (tensor<1x64x16x16xf32>, tensor<64x1x3x3xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  %s = nas.add %d1, %d2 : (tensor<1x64x16x16xf32>, tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %p = nas.conv2d %s, %wp, %bp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x16x16xf32>, tensor<32x64x1x1xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
  return %p : tensor<1x32x16x16xf32>
}

// The add after the first pair's 1x1 convolution is also the epilogue of a
// second depthwise convolution, which then feeds another 1x1 convolution.
// The first pair takes the add, and the second depthwise convolution stays
// whole.
// SHARED-ADD: output: tensor<1x32x16x16xf32>
// SHARED-ADD: check: passed
func.func @shared_add(%x: tensor<1x64x16x16xf32>, %w1: tensor<64x1x3x3xf32>, %b1: tensor<64xf32>, %wp1: tensor<64x64x1x1xf32>, %bp1: tensor<64xf32>, %w2: tensor<64x1x3x3xf32>, %b2: tensor<64xf32>, %wp2: tensor<32x64x1x1xf32>, %bp2: tensor<32xf32>) -> tensor<1x32x16x16xf32> {
  %r1 = nas.relu %x : tensor<1x64x16x16xf32> -> tensor<1x64x16x16xf32>
  %d1 = nas.conv2d %r1, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 64} : (tensor<1x64x16x16xf32>, tensor<64x1x3x3xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  %p1 = nas.conv2d %d1, %wp1, %bp1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x16x16xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  %r2 = nas.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x64x16x16xf32> -> tensor<1x64x16x16xf32>
  %d2 = nas.conv2d %r2, %w2, %b2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 64} : (tensor<1x64x16x16xf32>, tensor<64x1x3x3xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  %s = nas.add %p1, %d2 : (tensor<1x64x16x16xf32>, tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
  %p2 = nas.conv2d %s, %wp2, %bp2 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x16x16xf32>, tensor<32x64x1x1xf32>, tensor<32xf32>) -> tensor<1x32x16x16xf32>
  %q = nas.relu %p2 : tensor<1x32x16x16xf32> -> tensor<1x32x16x16xf32>
  return %q : tensor<1x32x16x16xf32>
}
