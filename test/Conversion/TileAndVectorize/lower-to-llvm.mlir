// nas-lower-to-llvm turns each primitive kind into vector arithmetic in the
// LLVM dialect, with vectors as wide as the register block.
// RUN: nas-opt %s --nas-lower-to-llvm=cpu=x86-64-v4 -split-input-file | FileCheck %s --check-prefixes=CHECK,AVX512
// RUN: nas-opt %s --nas-lower-to-llvm=cpu=x86-64-v2 -split-input-file | FileCheck %s --check-prefixes=CHECK,SSE

// Convolution, 64 output channels: one FMA per block pixel on 2 vectors of
// channels (32 for AVX-512, 8 for SSE).
// CHECK-LABEL: llvm.func @conv
// AVX512: llvm.intr.fmuladd({{.*}}) : (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>
// SSE: llvm.intr.fmuladd({{.*}}) : (vector<8xf32>, vector<8xf32>, vector<8xf32>) -> vector<8xf32>
// CHECK: llvm.intr.maximum({{.*}}) : (vector<{{[0-9]+}}xf32>, vector<{{[0-9]+}}xf32>) -> vector<{{[0-9]+}}xf32>
func.func @conv(%x: tensor<1x16x14x14xf32>, %w: tensor<64x16x3x3xf32>,
                %b: tensor<64xf32>) -> tensor<1x64x14x14xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x16x14x14xf32>, tensor<64x16x3x3xf32>, tensor<64xf32>)
      -> tensor<1x64x14x14xf32>
  %r = nas.relu %y : tensor<1x64x14x14xf32> -> tensor<1x64x14x14xf32>
  return %r : tensor<1x64x14x14xf32>
}

// -----

// Depthwise convolution: FMAs on one vector of channels.
// CHECK-LABEL: llvm.func @depthwise
// AVX512: llvm.intr.fmuladd({{.*}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// SSE: llvm.intr.fmuladd({{.*}}) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
func.func @depthwise(%x: tensor<1x32x14x14xf32>, %w: tensor<32x1x3x3xf32>)
    -> tensor<1x32x14x14xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 32}
      : (tensor<1x32x14x14xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x14x14xf32>
  return %y : tensor<1x32x14x14xf32>
}

// -----

// Max pooling: maximum on one vector of channels.
// CHECK-LABEL: llvm.func @max_pool
// AVX512: llvm.intr.maximum({{.*}}) : (vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// SSE: llvm.intr.maximum({{.*}}) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
func.func @max_pool(%x: tensor<1x32x14x14xf32>) -> tensor<1x32x7x7xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x32x14x14xf32> -> tensor<1x32x7x7xf32>
  return %y : tensor<1x32x7x7xf32>
}

// -----

// Fully connected with 64 outputs: FMAs on the broadcast input element and
// 2 vectors of weights. The 16 KiB weight panel of 2 AVX-512 vectors fits
// in half of the L1 cache, the 32 KiB of 4 does not.
// CHECK-LABEL: llvm.func @fully_connected
// AVX512: llvm.intr.fmuladd({{.*}}) : (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>
// SSE: llvm.intr.fmuladd({{.*}}) : (vector<8xf32>, vector<8xf32>, vector<8xf32>) -> vector<8xf32>
func.func @fully_connected(%x: tensor<1x128xf32>, %w: tensor<64x128xf32>,
                           %b: tensor<64xf32>) -> tensor<1x64xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<1x128xf32>, tensor<64x128xf32>, tensor<64xf32>) -> tensor<1x64xf32>
  return %y : tensor<1x64xf32>
}
