// Shapes and attributes of nas.conv2d: accepted configurations, whose
// output sizes are computed by hand from
//   out = (in + pad_before + pad_after - dilation * (kernel - 1) - 1) / stride + 1
// (integer division), and one case per rejected configuration.
// RUN: nas-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// Input 6, kernel 3, dilation 2, no padding: (6 - 2 * 2 - 1) / 1 + 1 = 2.
// CHECK-LABEL: func.func @dilation
// CHECK: nas.conv2d {{.*}} -> tensor<1x4x2x2xf32>
func.func @dilation(%x: tensor<1x3x6x6xf32>, %w: tensor<4x3x3x3xf32>)
    -> tensor<1x4x2x2xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 2, 2>, groups = 1}
      : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x2x2xf32>
  return %y : tensor<1x4x2x2xf32>
}

// -----

// Stride 3 larger than kernel 2 skips input rows: (8 - 2) / 3 + 1 = 3.
// CHECK-LABEL: func.func @stride_above_kernel
// CHECK: nas.conv2d {{.*}} -> tensor<1x4x3x3xf32>
func.func @stride_above_kernel(%x: tensor<1x3x8x8xf32>,
                               %w: tensor<4x3x2x2xf32>)
    -> tensor<1x4x3x3xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<4x3x2x2xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// Padding [top 1, left 0, bottom 0, right 2] on a 5x5 input, 3x3 kernel:
// height (5 + 1 + 0 - 3) + 1 = 4, width (5 + 0 + 2 - 3) + 1 = 5.
// CHECK-LABEL: func.func @asymmetric_padding
// CHECK: nas.conv2d {{.*}} -> tensor<1x4x4x5xf32>
func.func @asymmetric_padding(%x: tensor<1x3x5x5xf32>,
                              %w: tensor<4x3x3x3xf32>)
    -> tensor<1x4x4x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 0, 0, 2>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x5xf32>
  return %y : tensor<1x4x4x5xf32>
}

// -----

// Depthwise with channel multiplier 2: groups = c_in = 4, c_out = 8.
// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK: nas.conv2d {{.*}} groups = 4 : i64{{.*}} -> tensor<1x8x8x8xf32>
func.func @depthwise_multiplier(%x: tensor<1x4x8x8xf32>,
                                %w: tensor<8x1x3x3xf32>,
                                %b: tensor<8xf32>) -> tensor<1x8x8x8xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 4}
      : (tensor<1x4x8x8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>)
      -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

// Depthwise 3x3, stride 2, padding 1 on 1x256x112x112:
// (112 + 2 - 3) / 2 + 1 = 56.
// CHECK-LABEL: func.func @depthwise_stride2
// CHECK: nas.conv2d {{.*}} -> tensor<1x256x56x56xf32>
func.func @depthwise_stride2(%x: tensor<1x256x112x112xf32>,
                             %w: tensor<256x1x3x3xf32>)
    -> tensor<1x256x56x56xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 256}
      : (tensor<1x256x112x112xf32>, tensor<256x1x3x3xf32>)
      -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}

// -----

// Grouped: 8 input channels in 2 groups of 4, 6 filters in 2 groups of 3.
// CHECK-LABEL: func.func @grouped
// CHECK: nas.conv2d {{.*}} -> tensor<1x6x6x6xf32>
func.func @grouped(%x: tensor<1x8x8x8xf32>, %w: tensor<6x4x3x3xf32>)
    -> tensor<1x6x6x6xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x8x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return %y : tensor<1x6x6x6xf32>
}

// -----

// A 50x50 f64 image with a 3x3 kernel and no padding: 48x48.
// CHECK-LABEL: func.func @f64_image
// CHECK: nas.conv2d {{.*}} -> tensor<1x1x48x48xf64>
func.func @f64_image(%x: tensor<1x1x50x50xf64>, %w: tensor<1x1x3x3xf64>)
    -> tensor<1x1x48x48xf64> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>) -> tensor<1x1x48x48xf64>
  return %y : tensor<1x1x48x48xf64>
}

// -----

// A dynamic kernel size leaves the output size open in that dimension, and
// a dynamic input channel count skips the group checks.
// CHECK-LABEL: func.func @dynamic
// CHECK: nas.conv2d {{.*}} : (tensor<1x?x8x8xf32>, tensor<4x2x?x3xf32>) -> tensor<1x4x5x6xf32>
func.func @dynamic(%x: tensor<1x?x8x8xf32>, %w: tensor<4x2x?x3xf32>)
    -> tensor<1x4x5x6xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x?x8x8xf32>, tensor<4x2x?x3xf32>) -> tensor<1x4x5x6xf32>
  return %y : tensor<1x4x5x6xf32>
}

// -----

func.func @weight_element_type(%x: tensor<1x3x8x8xf32>,
                               %w: tensor<16x3x3x3xf16>) {
  // expected-error@+1 {{expected weight to have element type 'f32' like input, got 'f16'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf16>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @result_element_type(%x: tensor<1x3x8x8xf32>,
                               %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'bf16'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xbf16>
  return
}

// -----

func.func @input_rank(%x: tensor<3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected input of rank 4, got 'tensor<3x8x8xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<16x27xf32>) {
  // expected-error@+1 {{expected weight of rank 4, got 'tensor<16x27xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x27xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @strides_length(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected strides to have 2 values, got 1}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected all strides values to be >= 1, got [1, 0]}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 0>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @negative_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected all strides values to be >= 1, got [-1, 1]}}
  %y = nas.conv2d %x, %w {strides = array<i64: -1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @padding_length(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected padding to have 4 values, got 2}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @negative_padding(%x: tensor<1x3x8x8xf32>,
                            %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected all padding values to be >= 0, got [1, 1, -1, 1]}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, -1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x7x8xf32>
  return
}

// -----

func.func @dilations_length(%x: tensor<1x3x8x8xf32>,
                            %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected dilations to have 2 values, got 3}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @zero_dilation(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected all dilations values to be >= 1, got [0, 1]}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 0, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @zero_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected groups >= 1, got 0}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 0}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @negative_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected groups >= 1, got -3}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = -3}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @groups_not_dividing_input(%x: tensor<1x6x8x8xf32>,
                                     %w: tensor<8x1x3x3xf32>) {
  // expected-error@+1 {{expected input channels 6 to be divisible by groups 4}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 4}
      : (tensor<1x6x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  return
}

// -----

func.func @groups_not_dividing_output(%x: tensor<1x4x8x8xf32>,
                                      %w: tensor<3x2x3x3xf32>) {
  // expected-error@+1 {{expected output channels 3 (weight dimension 0) to be divisible by groups 2}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @groups_above_channels(%x: tensor<1x3x8x8xf32>,
                                 %w: tensor<6x1x3x3xf32>) {
  // expected-error@+1 {{expected input channels 3 to be divisible by groups 6}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 6}
      : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @weight_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<16x4x3x3xf32>) {
  // expected-error@+1 {{expected weight dimension 1 to be 3 (input channels 3 / groups 1), got 4}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x4x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @depthwise_weight_channels(%x: tensor<1x4x8x8xf32>,
                                     %w: tensor<4x4x3x3xf32>) {
  // expected-error@+1 {{expected weight dimension 1 to be 1 (input channels 4 / groups 4), got 4}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 4}
      : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @empty_kernel(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x0x3xf32>) {
  // expected-error@+1 {{expected a kernel of at least 1x1, got weight 'tensor<16x3x0x3xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x0x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @bias_size(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                     %b: tensor<15xf32>) {
  // expected-error@+1 {{expected bias of shape 16, got 'tensor<15xf32>'}}
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<15xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @bias_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                     %b: tensor<16x1x1xf32>) {
  // expected-error@+1 {{expected bias of shape 16, got 'tensor<16x1x1xf32>'}}
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16x1x1xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @kernel_above_input(%x: tensor<1x3x2x8xf32>,
                              %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected the dilated kernel height 3 (kernel 3, dilation 1) to be at most the padded input height 2 (input 2, padding 0 and 0)}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x2x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x1x6xf32>
  return
}

// -----

// Kernel 3 fits width 4, but dilation 2 spans 2 * (3 - 1) + 1 = 5.
func.func @dilated_kernel_above_input(%x: tensor<1x3x8x4xf32>,
                                      %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected the dilated kernel width 5 (kernel 3, dilation 2) to be at most the padded input width 4 (input 4, padding 0 and 0)}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 2>, groups = 1}
      : (tensor<1x3x8x4xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x1xf32>
  return
}

// -----

func.func @padding_overflow(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected the padded input height (8 + 9223372036854775807 + 0) to fit in 64 bits}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 9223372036854775807, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @input_size_overflow(%x: tensor<1x3x9223372036854775807x8xf32>,
                               %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected the padded input height (9223372036854775807 + 1 + 1) to fit in 64 bits}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x9223372036854775807x8xf32>, tensor<16x3x3x3xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @dilation_overflow(%x: tensor<1x3x8x8xf32>,
                             %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected the dilated kernel width (dilation 4611686018427387904 * (kernel 3 - 1) + 1) to fit in 64 bits}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 4611686018427387904>,
                          groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x1xf32>
  return
}

// -----

// Huge sizes that do not overflow are accepted:
// (9223372036854775806 - 1) / 2 + 1 = 4611686018427387903.
// CHECK-LABEL: func.func @huge_input
// CHECK: -> tensor<1x1x4611686018427387903x1xf32>
func.func @huge_input(%x: tensor<1x1x9223372036854775806x1xf32>,
                      %w: tensor<1x1x2x1xf32>)
    -> tensor<1x1x4611686018427387903x1xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x9223372036854775806x1xf32>, tensor<1x1x2x1xf32>)
      -> tensor<1x1x4611686018427387903x1xf32>
  return %y : tensor<1x1x4611686018427387903x1xf32>
}

// -----

func.func @result_size(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected result of shape 1x16x6x6 (inferred from the operands), got 'tensor<1x16x8x8xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @result_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected result of shape 1x16x8x8 (inferred from the operands), got 'tensor<1x3x8x8xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @result_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected result of shape 1x16x8x8 (inferred from the operands), got 'tensor<16x8x8xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<16x8x8xf32>
  return
}

// -----

// A dynamic result size is rejected where the operands determine it.
func.func @dynamic_result(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected result of shape 1x16x8x8 (inferred from the operands), got 'tensor<1x16x?x?xf32>'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x?x?xf32>
  return
}

// -----

func.func @missing_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{'nas.conv2d' op requires attribute 'groups'}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @missing_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{'nas.conv2d' op requires attribute 'strides'}}
  %y = nas.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @groups_type(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1.0 : f32}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @operand_type_count(%x: tensor<1x3x8x8xf32>,
                              %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{number of operands and types do not match: got 2 operands and 3 types}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @too_many_operands(%x: tensor<1x3x8x8xf32>,
                             %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{expected ':'}}
  %y = nas.conv2d %x, %w, %w, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16x3x3x3xf32>)
      -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @generic_too_many_operands(%x: tensor<1x3x8x8xf32>,
                                     %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{'nas.conv2d' op operand group starting at #2 requires 0 or 1 element, but found 2}}
  %y = "nas.conv2d"(%x, %w, %w, %w) <{strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}>
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16x3x3x3xf32>,
         tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}

// -----

func.func @unranked_input(%x: tensor<*xf32>, %w: tensor<16x3x3x3xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<*xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return
}
