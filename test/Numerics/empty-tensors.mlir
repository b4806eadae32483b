// Ops on tensors with a dimension of size 0 compile and run: the tiling
// leaves them alone, a pad of an empty tensor becomes an empty tensor, and
// the (empty) results match the reference evaluator.
// DEFINE: %{run} = nas-run %s --check --repeat=1
// RUN: %{run} --entry=relu_batch0 | FileCheck %s
// RUN: %{run} --entry=conv_batch0 | FileCheck %s
// RUN: %{run} --entry=conv_padded_batch0 | FileCheck %s
// RUN: %{run} --entry=grouped_batch0 | FileCheck %s
// RUN: %{run} --entry=conv_no_channels | FileCheck %s
// RUN: %{run} --entry=conv_padded_batch0 --boundary-layout=nhwc | FileCheck %s
// RUN: %{run} --entry=grouped_batch0 --boundary-layout=nhwc | FileCheck %s
// RUN: %{run} --entry=conv_no_channels --boundary-layout=nhwc | FileCheck %s

// CHECK: check: passed

func.func @relu_batch0(%x: tensor<0x2x2x2xf32>) -> tensor<0x2x2x2xf32> {
  %y = nas.relu %x : tensor<0x2x2x2xf32> -> tensor<0x2x2x2xf32>
  return %y : tensor<0x2x2x2xf32>
}

func.func @conv_batch0(%x: tensor<0x8x5x5xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<0x8x3x3xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<0x8x5x5xf32>, tensor<8x8x3x3xf32>) -> tensor<0x8x3x3xf32>
  return %y : tensor<0x8x3x3xf32>
}

func.func @conv_padded_batch0(%x: tensor<0x8x5x5xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<0x8x5x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<0x8x5x5xf32>, tensor<8x8x3x3xf32>) -> tensor<0x8x5x5xf32>
  return %y : tensor<0x8x5x5xf32>
}

// 2 groups of 4 channels: the rotated grouped form.
func.func @grouped_batch0(%x: tensor<0x8x5x5xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<0x8x3x3xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2} : (tensor<0x8x5x5xf32>, tensor<8x4x3x3xf32>) -> tensor<0x8x3x3xf32>
  return %y : tensor<0x8x3x3xf32>
}

// No input channels: every output element is 0.
func.func @conv_no_channels(%x: tensor<1x0x5x5xf32>, %w: tensor<4x0x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x0x5x5xf32>, tensor<4x0x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}
