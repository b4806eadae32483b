// RUN: not nas-opt %s --nas-annotate-costs 2>&1 | FileCheck %s
// RUN: not nas-opt %s --nas-cost-report 2>&1 | FileCheck %s

// A dynamic size is an error with a non-zero exit status, never a number.
// CHECK: error: 'nas.conv2d' op cannot compute the cost: input has type 'tensor<1x3x?x?xf32>' with dynamic dimensions
// CHECK-NOT: nas.total_macs
// CHECK-NOT: cost report for
func.func @dynamic_spatial_sizes(%x: tensor<1x3x?x?xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x?x?xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32>
  return %y : tensor<1x16x?x?xf32>
}
