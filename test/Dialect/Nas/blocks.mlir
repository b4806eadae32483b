// Valid and invalid configurations of nas.bottleneck and
// nas.inverted_residual. Spatial output sizes follow the 3x3 (bottleneck) or
// kernel_size (inverted residual) convolution with padding
// (kernel - 1) / 2: out = (in - 1) / stride + 1.
// RUN: nas-opt %s -split-input-file -verify-diagnostics | FileCheck %s

//===----------------------------------------------------------------------===//
// nas.bottleneck
//===----------------------------------------------------------------------===//

// ResNet-50 layer1.0 (projection, 64 -> 256) and layer1.1 (identity).
// CHECK-LABEL: func.func @resnet_layer1
// CHECK: nas.bottleneck {{.*}} projection({{.*}}) {{.*}} -> tensor<1x256x56x56xf32>
// CHECK: nas.bottleneck {{.*}} expand({{[^)]*}}) {groups = 1 : i64, stride = 1 : i64} {{.*}} -> tensor<1x256x56x56xf32>
func.func @resnet_layer1(%x: tensor<1x64x56x56xf32>,
                         %w1: tensor<64x64x1x1xf32>, %b64: tensor<64xf32>,
                         %w2: tensor<64x64x3x3xf32>,
                         %w3: tensor<256x64x1x1xf32>, %b256: tensor<256xf32>,
                         %wp: tensor<256x64x1x1xf32>,
                         %w4: tensor<64x256x1x1xf32>)
    -> tensor<1x256x56x56xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b64) conv(%w2, %b64)
      expand(%w3, %b256) projection(%wp, %b256) {stride = 1, groups = 1}
      : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<1x256x56x56xf32>
  %1 = nas.bottleneck %0 reduce(%w4, %b64) conv(%w2, %b64)
      expand(%w3, %b256) {stride = 1, groups = 1}
      : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>) -> tensor<1x256x56x56xf32>
  return %1 : tensor<1x256x56x56xf32>
}

// -----

// ResNeXt-style: stride 2 on an odd size, (7 - 1) / 2 + 1 = 4, and 32 groups
// of 4 channels in the 3x3 convolution.
// CHECK-LABEL: func.func @grouped_stride2
// CHECK: nas.bottleneck {{.*}} {groups = 32 : i64, stride = 2 : i64} {{.*}} -> tensor<1x256x4x4xf32>
func.func @grouped_stride2(%x: tensor<1x64x7x7xf32>,
                           %w1: tensor<128x64x1x1xf32>, %b1: tensor<128xf32>,
                           %w2: tensor<128x4x3x3xf32>,
                           %w3: tensor<256x128x1x1xf32>, %b3: tensor<256xf32>,
                           %wp: tensor<256x64x1x1xf32>)
    -> tensor<1x256x4x4xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b1) expand(%w3, %b3)
      projection(%wp, %b3) {stride = 2, groups = 32}
      : (tensor<1x64x7x7xf32>, tensor<128x64x1x1xf32>, tensor<128xf32>,
         tensor<128x4x3x3xf32>, tensor<128xf32>, tensor<256x128x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<1x256x4x4xf32>
  return %0 : tensor<1x256x4x4xf32>
}

// -----

// Dynamic batch and spatial sizes stay dynamic.
// CHECK-LABEL: func.func @bottleneck_dynamic
// CHECK: nas.bottleneck {{.*}} -> tensor<?x256x?x?xf32>
func.func @bottleneck_dynamic(%x: tensor<?x64x?x?xf32>,
                              %w1: tensor<64x64x1x1xf32>, %b64: tensor<64xf32>,
                              %w2: tensor<64x64x3x3xf32>,
                              %w3: tensor<256x64x1x1xf32>,
                              %b256: tensor<256xf32>,
                              %wp: tensor<256x64x1x1xf32>)
    -> tensor<?x256x?x?xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b64) conv(%w2, %b64)
      expand(%w3, %b256) projection(%wp, %b256) {stride = 2, groups = 1}
      : (tensor<?x64x?x?xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<?x256x?x?xf32>
  return %0 : tensor<?x256x?x?xf32>
}

// -----

func.func @bottleneck_element_type(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>, %h16: tensor<16xf16>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected conv_bias to have element type 'f32' like input, got 'f16'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %h16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf16>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_input_rank(%x: tensor<64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected input of rank 4, got 'tensor<64x8x8xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<64x8x8xf32>
  return
}

// -----

func.func @bottleneck_reduce_rank(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected reduce_weight of rank 4, got 'tensor<16x64xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_expand_rank(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected expand_weight of rank 4, got 'tensor<64x16xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_zero_stride(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected stride >= 1, got 0}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 0, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_zero_groups(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected groups >= 1, got 0}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 0}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_groups_not_dividing(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x3x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected bottleneck width 16 (reduce_weight dimension 0) to be divisible by groups 5}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 5}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x3x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_reduce_channels(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected reduce_weight of shape 16x64x1x1, got 'tensor<16x32x1x1xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_reduce_kernel(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x3x3xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected reduce_weight of shape 16x64x1x1, got 'tensor<16x64x3x3xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x3x3xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_reduce_bias(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected reduce_bias of shape 16, got 'tensor<64xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b64) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<64xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_conv_kernel(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x5x5xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected conv_weight of shape 16x16x3x3, got 'tensor<16x16x5x5xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x5x5xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_conv_group_channels(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected conv_weight of shape 16x4x3x3, got 'tensor<16x16x3x3xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 4}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_conv_bias(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>, %b8: tensor<8xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected conv_bias of shape 16, got 'tensor<8xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b8) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<8xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_expand_channels(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x32x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected expand_weight of shape 64x16x1x1, got 'tensor<64x32x1x1xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x32x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_expand_bias(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>) {
  // expected-error@+1 {{expected expand_bias of shape 64, got 'tensor<16xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b16)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<16xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

// The custom form always pairs the projection operands; the generic form
// can give one without the other.
func.func @bottleneck_projection_without_bias(%x: tensor<1x32x8x8xf32>,
    %w1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>,
    %wp: tensor<64x32x1x1xf32>) {
  // expected-error@+1 {{expected projection_weight and projection_bias together, got only projection_weight}}
  %0 = "nas.bottleneck"(%x, %w1, %b16, %w2, %b16, %w3, %b64, %wp)
      <{groups = 1 : i64, stride = 1 : i64,
        operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 1, 1, 0>}>
      : (tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>, tensor<64x32x1x1xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_projection_bias_only(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected projection_weight and projection_bias together, got only projection_bias}}
  %0 = "nas.bottleneck"(%x, %w1, %b16, %w2, %b16, %w3, %b64, %b64)
      <{groups = 1 : i64, stride = 1 : i64,
        operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 1, 0, 1>}>
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_projection_weight(%x: tensor<1x32x8x8xf32>,
    %w1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>,
    %wp: tensor<64x32x3x3xf32>) {
  // expected-error@+1 {{expected projection_weight of shape 64x32x1x1, got 'tensor<64x32x3x3xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      projection(%wp, %b64) {stride = 1, groups = 1}
      : (tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>, tensor<64x32x3x3xf32>, tensor<64xf32>)
      -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_projection_bias(%x: tensor<1x32x8x8xf32>,
    %w1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>,
    %wp: tensor<64x32x1x1xf32>) {
  // expected-error@+1 {{expected projection_bias of shape 64, got 'tensor<16xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      projection(%wp, %b16) {stride = 1, groups = 1}
      : (tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>, tensor<64x32x1x1xf32>, tensor<16xf32>)
      -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_missing_projection_channels(%x: tensor<1x32x8x8xf32>,
    %w1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected a projection shortcut, because the identity shortcut needs stride 1 and equal static channel counts, got stride 1 and 32 -> 64 channels}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_missing_projection_stride(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected a projection shortcut, because the identity shortcut needs stride 1 and equal static channel counts, got stride 2 and 64 -> 64 channels}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 2, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x4x4xf32>
  return
}

// -----

func.func @bottleneck_missing_projection_dynamic(%x: tensor<1x?x8x8xf32>,
    %w1: tensor<16x?x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected a projection shortcut, because the identity shortcut needs stride 1 and equal static channel counts, got stride 1 and ? -> 64 channels}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x?x8x8xf32>, tensor<16x?x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_empty_input(%x: tensor<1x64x0x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected the dilated kernel height 3 (kernel 3, dilation 1) to be at most the padded input height 2 (input 0, padding 1 and 1)}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x0x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x0x8xf32>
  return
}

// -----

func.func @bottleneck_result(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<128x16x1x1xf32>, %b128: tensor<128xf32>,
    %wp: tensor<128x64x1x1xf32>) {
  // expected-error@+1 {{expected result of shape 1x128x4x4 (inferred from the operands), got 'tensor<1x128x8x8xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16)
      expand(%w3, %b128) projection(%wp, %b128) {stride = 2, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<128x16x1x1xf32>,
         tensor<128xf32>, tensor<128x64x1x1xf32>, tensor<128xf32>)
      -> tensor<1x128x8x8xf32>
  return
}

// -----

func.func @bottleneck_dynamic_result(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected result of shape 1x64x8x8 (inferred from the operands), got 'tensor<1x64x?x?xf32>'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x?x?xf32>
  return
}

// -----

func.func @bottleneck_missing_stride(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w2: tensor<16x16x3x3xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{'nas.bottleneck' op requires attribute 'stride'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) conv(%w2, %b16) expand(%w3, %b64)
      {groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<64x16x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_missing_conv(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>, %b16: tensor<16xf32>,
    %w3: tensor<64x16x1x1xf32>, %b64: tensor<64xf32>) {
  // expected-error@+1 {{expected 'conv'}}
  %0 = nas.bottleneck %x reduce(%w1, %b16) expand(%w3, %b64)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>,
         tensor<64x16x1x1xf32>, tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return
}

// -----

func.func @bottleneck_reduce_without_bias(%x: tensor<1x64x8x8xf32>,
    %w1: tensor<16x64x1x1xf32>) {
  // expected-error@+1 {{expected ','}}
  %0 = nas.bottleneck %x reduce(%w1) conv(%w1, %w1) expand(%w1, %w1)
      {stride = 1, groups = 1} : (tensor<1x64x8x8xf32>) -> tensor<1x64x8x8xf32>
  return
}

//===----------------------------------------------------------------------===//
// nas.inverted_residual
//===----------------------------------------------------------------------===//

// -----

// MobileNetV2: ratio 1 without expansion (32 -> 16, no residual), ratio 6
// with residual (24 -> 24, stride 1), ratio 6 with stride 2 (no residual).
// CHECK-LABEL: func.func @mobilenet_v2
// CHECK: nas.inverted_residual {{.*}} -> tensor<1x16x112x112xf32>
// CHECK: nas.inverted_residual {{.*}} -> tensor<1x24x56x56xf32>
// CHECK: nas.inverted_residual {{.*}} -> tensor<1x32x28x28xf32>
func.func @mobilenet_v2(%x: tensor<1x32x112x112xf32>,
    %dw1: tensor<32x1x3x3xf32>, %b32: tensor<32xf32>,
    %pw1: tensor<16x32x1x1xf32>, %b16: tensor<16xf32>,
    %y: tensor<1x24x56x56xf32>,
    %ew: tensor<144x24x1x1xf32>, %b144: tensor<144xf32>,
    %dw2: tensor<144x1x3x3xf32>,
    %pw2: tensor<24x144x1x1xf32>, %b24: tensor<24xf32>,
    %pw3: tensor<32x144x1x1xf32>)
    -> (tensor<1x16x112x112xf32>, tensor<1x24x56x56xf32>,
        tensor<1x32x28x28xf32>) {
  %0 = nas.inverted_residual %x depthwise(%dw1, %b32) project(%pw1, %b16)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>,
         tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
  %1 = nas.inverted_residual %y expand(%ew, %b144) depthwise(%dw2, %b144)
      project(%pw2, %b24) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>,
         tensor<144x1x3x3xf32>, tensor<144xf32>, tensor<24x144x1x1xf32>,
         tensor<24xf32>) -> tensor<1x24x56x56xf32>
  %2 = nas.inverted_residual %1 expand(%ew, %b144) depthwise(%dw2, %b144)
      project(%pw3, %b32) {expand_ratio = 6, kernel_size = 3, stride = 2}
      : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>,
         tensor<144x1x3x3xf32>, tensor<144xf32>, tensor<32x144x1x1xf32>,
         tensor<32xf32>) -> tensor<1x32x28x28xf32>
  return %0, %1, %2
      : tensor<1x16x112x112xf32>, tensor<1x24x56x56xf32>,
        tensor<1x32x28x28xf32>
}

// -----

// Kernel 5 (padding 2) with stride 2 on 15: (15 - 1) / 2 + 1 = 8. Dynamic
// input channels are accepted with stride 2, because the block then has no
// residual connection.
// CHECK-LABEL: func.func @kernel5_dynamic_channels
// CHECK: nas.inverted_residual {{.*}} {expand_ratio = 3 : i64, kernel_size = 5 : i64, stride = 2 : i64} {{.*}} -> tensor<1x40x8x8xf32>
func.func @kernel5_dynamic_channels(%x: tensor<1x?x15x15xf32>,
    %ew: tensor<?x?x1x1xf32>, %eb: tensor<?xf32>,
    %dw: tensor<72x1x5x5xf32>, %db: tensor<72xf32>,
    %pw: tensor<40x72x1x1xf32>, %pb: tensor<40xf32>)
    -> tensor<1x40x8x8xf32> {
  %0 = nas.inverted_residual %x expand(%ew, %eb) depthwise(%dw, %db)
      project(%pw, %pb) {expand_ratio = 3, kernel_size = 5, stride = 2}
      : (tensor<1x?x15x15xf32>, tensor<?x?x1x1xf32>, tensor<?xf32>,
         tensor<72x1x5x5xf32>, tensor<72xf32>, tensor<40x72x1x1xf32>,
         tensor<40xf32>) -> tensor<1x40x8x8xf32>
  return %0 : tensor<1x40x8x8xf32>
}

// -----

func.func @ir_element_type(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xbf16>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected project_weight to have element type 'f32' like input, got 'bf16'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xbf16>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_input_rank(%x: tensor<16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected input of rank 4, got 'tensor<16x8x8xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<16x8x8xf32>
  return
}

// -----

func.func @ir_project_rank(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected project_weight of rank 4, got 'tensor<16x16xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_zero_ratio(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expand_ratio >= 1, got 0}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 0, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_even_kernel(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x4x4xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected an odd kernel_size >= 1, got 4}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 4, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x4x4xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_negative_kernel(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected an odd kernel_size >= 1, got -3}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = -3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_zero_stride(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected stride >= 1, got 0}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 0}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_expand_weight_only(%x: tensor<1x16x8x8xf32>,
    %ew: tensor<96x16x1x1xf32>,
    %dw: tensor<96x1x3x3xf32>, %db: tensor<96xf32>,
    %pw: tensor<16x96x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expand_weight and expand_bias together, got only expand_weight}}
  %0 = "nas.inverted_residual"(%x, %ew, %dw, %db, %pw, %pb)
      <{expand_ratio = 6 : i64, kernel_size = 3 : i64, stride = 1 : i64,
        operandSegmentSizes = array<i32: 1, 1, 0, 1, 1, 1, 1>}>
      : (tensor<1x16x8x8xf32>, tensor<96x16x1x1xf32>, tensor<96x1x3x3xf32>,
         tensor<96xf32>, tensor<16x96x1x1xf32>, tensor<16xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_expand_bias_only(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<96x1x3x3xf32>, %db: tensor<96xf32>,
    %pw: tensor<16x96x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expand_weight and expand_bias together, got only expand_bias}}
  %0 = "nas.inverted_residual"(%x, %db, %dw, %db, %pw, %pb)
      <{expand_ratio = 6 : i64, kernel_size = 3 : i64, stride = 1 : i64,
        operandSegmentSizes = array<i32: 1, 0, 1, 1, 1, 1, 1>}>
      : (tensor<1x16x8x8xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>,
         tensor<96xf32>, tensor<16x96x1x1xf32>, tensor<16xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_ratio6_without_expansion(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<96x1x3x3xf32>, %db: tensor<96xf32>,
    %pw: tensor<16x96x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expansion weights exactly when expand_ratio != 1, got expand_ratio 6 without expansion weights}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>,
         tensor<16x96x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_ratio1_with_expansion(%x: tensor<1x16x8x8xf32>,
    %ew: tensor<16x16x1x1xf32>, %b16: tensor<16xf32>,
    %dw: tensor<16x1x3x3xf32>, %pw: tensor<16x16x1x1xf32>) {
  // expected-error@+1 {{expected expansion weights exactly when expand_ratio != 1, got expand_ratio 1 with expansion weights}}
  %0 = nas.inverted_residual %x expand(%ew, %b16) depthwise(%dw, %b16)
      project(%pw, %b16) {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x16x1x1xf32>, tensor<16xf32>,
         tensor<16x1x3x3xf32>, tensor<16xf32>, tensor<16x16x1x1xf32>,
         tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_hidden_overflow(%x: tensor<1x4611686018427387904x1x1xf32>,
    %ew: tensor<1x1x1x1xf32>, %b1: tensor<1xf32>,
    %dw: tensor<1x1x3x3xf32>, %pw: tensor<1x1x1x1xf32>) {
  // expected-error@+1 {{expected the hidden channel count (input channels 4611686018427387904 * expand_ratio 4) to fit in 64 bits}}
  %0 = nas.inverted_residual %x expand(%ew, %b1) depthwise(%dw, %b1)
      project(%pw, %b1) {expand_ratio = 4, kernel_size = 3, stride = 2}
      : (tensor<1x4611686018427387904x1x1xf32>, tensor<1x1x1x1xf32>,
         tensor<1xf32>, tensor<1x1x3x3xf32>, tensor<1xf32>,
         tensor<1x1x1x1xf32>, tensor<1xf32>) -> tensor<1x1x1x1xf32>
  return
}

// -----

// Zero input channels give zero hidden channels, so the depthwise
// convolution would have zero groups.
func.func @ir_zero_channels(%x: tensor<1x0x8x8xf32>,
    %ew: tensor<0x0x1x1xf32>, %b0: tensor<0xf32>,
    %dw: tensor<0x1x3x3xf32>, %pw: tensor<0x0x1x1xf32>) {
  // expected-error@+1 {{expected at least one hidden channel, because the depthwise convolution has one group per hidden channel, got input 'tensor<1x0x8x8xf32>' and depthwise_weight 'tensor<0x1x3x3xf32>'}}
  %0 = nas.inverted_residual %x expand(%ew, %b0) depthwise(%dw, %b0)
      project(%pw, %b0) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x0x8x8xf32>, tensor<0x0x1x1xf32>, tensor<0xf32>,
         tensor<0x1x3x3xf32>, tensor<0xf32>, tensor<0x0x1x1xf32>,
         tensor<0xf32>) -> tensor<1x0x8x8xf32>
  return
}

// -----

// With dynamic input channels, the depthwise weight gives the hidden count.
func.func @ir_zero_hidden(%x: tensor<1x?x8x8xf32>,
    %ew: tensor<0x?x1x1xf32>, %b0: tensor<0xf32>,
    %dw: tensor<0x1x3x3xf32>, %pw: tensor<4x0x1x1xf32>,
    %pb: tensor<4xf32>) {
  // expected-error@+1 {{expected at least one hidden channel, because the depthwise convolution has one group per hidden channel, got input 'tensor<1x?x8x8xf32>' and depthwise_weight 'tensor<0x1x3x3xf32>'}}
  %0 = nas.inverted_residual %x expand(%ew, %b0) depthwise(%dw, %b0)
      project(%pw, %pb) {expand_ratio = 6, kernel_size = 3, stride = 2}
      : (tensor<1x?x8x8xf32>, tensor<0x?x1x1xf32>, tensor<0xf32>,
         tensor<0x1x3x3xf32>, tensor<0xf32>, tensor<4x0x1x1xf32>,
         tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

func.func @ir_expand_weight(%x: tensor<1x16x8x8xf32>,
    %ew: tensor<64x16x1x1xf32>, %b96: tensor<96xf32>,
    %dw: tensor<96x1x3x3xf32>,
    %pw: tensor<16x96x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expand_weight of shape 96x16x1x1, got 'tensor<64x16x1x1xf32>'}}
  %0 = nas.inverted_residual %x expand(%ew, %b96) depthwise(%dw, %b96)
      project(%pw, %pb) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<64x16x1x1xf32>, tensor<96xf32>,
         tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<16x96x1x1xf32>,
         tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_expand_bias(%x: tensor<1x16x8x8xf32>,
    %ew: tensor<96x16x1x1xf32>, %b96: tensor<96xf32>,
    %dw: tensor<96x1x3x3xf32>,
    %pw: tensor<16x96x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected expand_bias of shape 96, got 'tensor<16xf32>'}}
  %0 = nas.inverted_residual %x expand(%ew, %pb) depthwise(%dw, %b96)
      project(%pw, %pb) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<96x16x1x1xf32>, tensor<16xf32>,
         tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<16x96x1x1xf32>,
         tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_depthwise_kernel(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected depthwise_weight of shape 16x1x5x5, got 'tensor<16x1x3x3xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 5, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_depthwise_channels(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x16x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected depthwise_weight of shape 16x1x3x3, got 'tensor<16x16x3x3xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_depthwise_bias(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<8xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected depthwise_bias of shape 16, got 'tensor<8xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<8xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_project_channels(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x32x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected project_weight of shape 16x16x1x1, got 'tensor<16x32x1x1xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_project_bias(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<24x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected project_bias of shape 24, got 'tensor<16xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<24x16x1x1xf32>, tensor<16xf32>) -> tensor<1x24x8x8xf32>
  return
}

// -----

func.func @ir_dynamic_channels_stride1(%x: tensor<1x?x8x8xf32>,
    %dw: tensor<?x1x3x3xf32>, %db: tensor<?xf32>,
    %pw: tensor<16x?x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected static input channels and project_weight dimension 0 with stride 1, because their equality decides the residual connection, got ? and 16}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x?x8x8xf32>, tensor<?x1x3x3xf32>, tensor<?xf32>,
         tensor<16x?x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @ir_empty_input(%x: tensor<1x16x8x0xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected the dilated kernel width 3 (kernel 3, dilation 1) to be at most the padded input width 2 (input 0, padding 1 and 1)}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x0xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x0xf32>
  return
}

// -----

func.func @ir_result(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<24x16x1x1xf32>, %pb: tensor<24xf32>) {
  // expected-error@+1 {{expected result of shape 1x24x4x4 (inferred from the operands), got 'tensor<1x24x8x8xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 2}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<24x16x1x1xf32>, tensor<24xf32>) -> tensor<1x24x8x8xf32>
  return
}

// -----

func.func @ir_dynamic_result(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{expected result of shape 1x16x8x8 (inferred from the operands), got 'tensor<?x16x8x8xf32>'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<?x16x8x8xf32>
  return
}

// -----

func.func @ir_missing_kernel_size(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %db: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>, %pb: tensor<16xf32>) {
  // expected-error@+1 {{'nas.inverted_residual' op requires attribute 'kernel_size'}}
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return
}
