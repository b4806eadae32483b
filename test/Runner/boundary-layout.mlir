// nas-run --boundary-layout=nhwc passes the activation arguments as
// N x H x W x C copies of the same N x C x H x W values and reads the NHWC
// results in N x C x H x W order, so every printed value, the checksum and
// the check against the reference evaluator equal those of the default
// layout. Only the latency line may differ.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nas-run %s --entry=conv_stride_pad --check --repeat=1 --print-values | grep -v latency > %t/conv.nchw
// RUN: nas-run %s --entry=conv_stride_pad --check --repeat=1 --print-values --boundary-layout=nhwc | grep -v latency > %t/conv.nhwc
// RUN: diff %t/conv.nchw %t/conv.nhwc
// RUN: FileCheck %s --check-prefix=CONV --input-file=%t/conv.nhwc
// RUN: nas-run %s --entry=depthwise --check --repeat=1 --print-values | grep -v latency > %t/depthwise.nchw
// RUN: nas-run %s --entry=depthwise --check --repeat=1 --print-values --boundary-layout=nhwc | grep -v latency > %t/depthwise.nhwc
// RUN: diff %t/depthwise.nchw %t/depthwise.nhwc
// RUN: FileCheck %s --check-prefix=DEPTHWISE --input-file=%t/depthwise.nhwc
// RUN: nas-run %s --entry=residual --check --repeat=1 --print-values | grep -v latency > %t/residual.nchw
// RUN: nas-run %s --entry=residual --check --repeat=1 --print-values --boundary-layout=nhwc | grep -v latency > %t/residual.nhwc
// RUN: diff %t/residual.nchw %t/residual.nhwc
// RUN: FileCheck %s --check-prefix=RESIDUAL --input-file=%t/residual.nhwc
// Without weight packing, and with two threads.
// RUN: nas-run %s --entry=residual --check --repeat=1 --print-values --boundary-layout=nhwc --prepack-weights=false | grep -v latency > %t/residual.unpacked
// RUN: diff %t/residual.nchw %t/residual.unpacked
// RUN: nas-run %s --entry=residual --check --repeat=1 --print-values --boundary-layout=nhwc --threads=2 | grep -v latency > %t/residual.threads
// RUN: diff %t/residual.nchw %t/residual.threads
// RUN: nas-run %s --entry=conv_fc --check --repeat=1 --print-values | grep -v latency > %t/conv_fc.nchw
// RUN: nas-run %s --entry=conv_fc --check --repeat=1 --print-values --boundary-layout=nhwc | grep -v latency > %t/conv_fc.nhwc
// RUN: diff %t/conv_fc.nchw %t/conv_fc.nhwc
// RUN: FileCheck %s --check-prefix=CONV-FC --input-file=%t/conv_fc.nhwc
// RUN: nas-run %s --entry=returned_argument --check --repeat=2 --print-values | grep -v latency > %t/returned.nchw
// RUN: nas-run %s --entry=returned_argument --check --repeat=2 --print-values --boundary-layout=nhwc | grep -v latency > %t/returned.nhwc
// RUN: diff %t/returned.nchw %t/returned.nhwc
// RUN: FileCheck %s --check-prefix=RETURNED --input-file=%t/returned.nhwc

// 3x3, stride 2, padding 1, 3 -> 8 channels on 9 x 11: H = (9 + 2 - 3) / 2
// + 1 = 5, W = (11 + 2 - 3) / 2 + 1 = 6.
// CONV: output: tensor<1x8x5x6xf32>
// CONV: checksum:
// CONV: check: passed
func.func @conv_stride_pad(%x: tensor<1x3x9x11xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x5x6xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x9x11xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x5x6xf32>
  return %y : tensor<1x8x5x6xf32>
}

// A MobileNetV2 depthwise layer: 3x3 depthwise convolution, padding 1,
// then relu6, on 6 channels of 10 x 7.
// DEPTHWISE: output: tensor<1x6x10x7xf32>
// DEPTHWISE: check: passed
func.func @depthwise(%x: tensor<1x6x10x7xf32>, %w: tensor<6x1x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x10x7xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 6} : (tensor<1x6x10x7xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<1x6x10x7xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x6x10x7xf32> -> tensor<1x6x10x7xf32>
  return %r : tensor<1x6x10x7xf32>
}

// A residual add of a second activation argument after a 1x1 convolution,
// then relu; batch 2.
// RESIDUAL: output: tensor<2x4x5x3xf32>
// RESIDUAL: check: passed
func.func @residual(%x: tensor<2x6x5x3xf32>, %w: tensor<4x6x1x1xf32>, %skip: tensor<2x4x5x3xf32>) -> tensor<2x4x5x3xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x6x5x3xf32>, tensor<4x6x1x1xf32>) -> tensor<2x4x5x3xf32>
  %s = nas.add %y, %skip : (tensor<2x4x5x3xf32>, tensor<2x4x5x3xf32>) -> tensor<2x4x5x3xf32>
  %r = nas.relu %s : tensor<2x4x5x3xf32> -> tensor<2x4x5x3xf32>
  return %r : tensor<2x4x5x3xf32>
}

// A 4-D and a 2-D result: the convolution's output and a fully connected
// layer on it, flattened.
// CONV-FC: output: tensor<1x2x3x4xf32>
// CONV-FC: output: tensor<1x5xf32>
// CONV-FC: check: passed
func.func @conv_fc(%x: tensor<1x3x3x4xf32>, %w: tensor<2x3x1x1xf32>, %fw: tensor<5x24xf32>, %fb: tensor<5xf32>) -> (tensor<1x2x3x4xf32>, tensor<1x5xf32>) {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x3x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x3x4xf32>
  %f = nas.flatten %y {axis = 1} : tensor<1x2x3x4xf32> -> tensor<1x24xf32>
  %z = nas.fully_connected %f, %fw, %fb : (tensor<1x24xf32>, tensor<5x24xf32>, tensor<5xf32>) -> tensor<1x5xf32>
  return %y, %z : tensor<1x2x3x4xf32>, tensor<1x5xf32>
}

// An argument returned as it is: the compiled function returns the NHWC
// copy that nas-run passed, which nas-run reads but does not free.
// RETURNED: output: tensor<1x2x3x4xf32>
// RETURNED: output: tensor<1x2x3x4xf32>
// RETURNED: check: passed
func.func @returned_argument(%x: tensor<1x2x3x4xf32>, %y: tensor<1x2x3x4xf32>) -> (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) {
  %r = nas.relu %y : tensor<1x2x3x4xf32> -> tensor<1x2x3x4xf32>
  return %x, %r : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>
}
