// Blocks whose expansion needs a size that is dynamic stay unexpanded, and
// the pass reports each of them and fails.
// RUN: nas-opt %s --nas-expand-blocks -split-input-file -verify-diagnostics \
// RUN:   | FileCheck %s

// The block's result is static but its input is not, so the parts would
// produce a dynamic type.
func.func @static_result_dynamic_input(%x: tensor<1x64x?x?xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>)
    -> tensor<1x64x8x8xf32> {
  // expected-error@+1 {{'nas.bottleneck' op cannot be expanded: the expanded parts produce 'tensor<1x64x?x?xf32>' but the block's result type is 'tensor<1x64x8x8xf32>'; the input needs static sizes where the result has them}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x?x?xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return %0 : tensor<1x64x8x8xf32>
}

// -----

func.func @inverted_residual_static_result(%x: tensor<?x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>)
    -> tensor<1x16x8x8xf32> {
  // expected-error@+1 {{'nas.inverted_residual' op cannot be expanded: the expanded parts produce 'tensor<?x16x8x8xf32>' but the block's result type is 'tensor<1x16x8x8xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<?x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// The depthwise convolution has one group per channel, and neither its
// input nor its weight gives the channel count.
func.func @depthwise_groups_unknown(%x: tensor<1x?x8x8xf32>,
    %dw: tensor<?x1x3x3xf32>, %db: tensor<?xf32>,
    %pw: tensor<16x?x1x1xf32>, %pb: tensor<16xf32>)
    -> tensor<1x16x4x4xf32> {
  // expected-error@+1 {{'nas.inverted_residual' op cannot be expanded: the depthwise convolution needs a static number of groups, but both its input 'tensor<1x?x8x8xf32>' and depthwise_weight 'tensor<?x1x3x3xf32>' have a dynamic channel count}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 2}
      : (tensor<1x?x8x8xf32>, tensor<?x1x3x3xf32>, tensor<?xf32>,
         tensor<16x?x1x1xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}

// -----

// The depthwise weight gives the groups when the input channels are dynamic.
// CHECK-LABEL: func.func @depthwise_groups_from_weight
// CHECK-NEXT: nas.conv2d {{.*}} groups = 32 : i64{{.*}} : (tensor<1x?x8x8xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<1x32x4x4xf32>
// CHECK-NEXT: nas.clip
// CHECK-NEXT: nas.conv2d {{.*}} -> tensor<1x16x4x4xf32>
// CHECK-NEXT: return
func.func @depthwise_groups_from_weight(%x: tensor<1x?x8x8xf32>,
    %dw: tensor<32x1x3x3xf32>, %db: tensor<32xf32>,
    %pw: tensor<16x32x1x1xf32>, %pb: tensor<16xf32>)
    -> tensor<1x16x4x4xf32> {
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 2}
      : (tensor<1x?x8x8xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>,
         tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}
