// Shapes and attributes of nas.max_pool2d, nas.avg_pool2d and
// nas.global_avg_pool2d. Output sizes are computed by hand with
//   span = in + pad_before + pad_after - dilation * (kernel - 1) - 1
//   out = span / stride + 1, or ceil(span / stride) + 1 with ceil_mode,
// and with ceil_mode the last window is dropped when it would start at or
// after in + pad_before (in the trailing padding), as in PyTorch and ONNX.
// RUN: nas-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// ResNet stem: (112 + 1 + 1 - 3) / 2 + 1 = 56.
// CHECK-LABEL: func.func @resnet_stem
// CHECK: nas.max_pool2d {{.*}} -> tensor<1x64x56x56xf32>
func.func @resnet_stem(%x: tensor<1x64x112x112xf32>)
    -> tensor<1x64x56x56xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}

// -----

// Height: span 56 - 3 = 53, floor 53 / 2 + 1 = 27, ceil_mode 28 (the last
// window starts at 54 < 56). Width: the same without ceil_mode would be 27.
// CHECK-LABEL: func.func @ceil_mode
// CHECK: nas.max_pool2d {{.*}} -> tensor<1x8x28x28xf32>
// CHECK: nas.max_pool2d {{.*}} -> tensor<1x8x27x27xf32>
func.func @ceil_mode(%x: tensor<1x8x56x56xf32>)
    -> (tensor<1x8x28x28xf32>, tensor<1x8x27x27xf32>) {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x8x56x56xf32> -> tensor<1x8x28x28xf32>
  %1 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x56x56xf32> -> tensor<1x8x27x27xf32>
  return %0, %1 : tensor<1x8x28x28xf32>, tensor<1x8x27x27xf32>
}

// -----

// Input 5, kernel 2, stride 2, padding 1 and 1: span 5 + 2 - 1 - 1 = 5,
// ceil(5 / 2) + 1 = 4, but window 4 would start at 3 * 2 = 6 >= 5 + 1, in
// the bottom padding, so it is dropped: 3. The width has no trailing padding
// (padding 1 and 0): span 4, 4 / 2 + 1 = 3 exactly.
// CHECK-LABEL: func.func @ceil_mode_drops_last_window
// CHECK: nas.max_pool2d {{.*}} -> tensor<1x8x3x3xf32>
// CHECK: nas.avg_pool2d {{.*}} -> tensor<1x8x3x3xf32>
func.func @ceil_mode_drops_last_window(%x: tensor<1x8x5x5xf32>)
    -> (tensor<1x8x3x3xf32>, tensor<1x8x3x3xf32>) {
  %0 = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x8x5x5xf32> -> tensor<1x8x3x3xf32>
  %1 = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 0>, ceil_mode = true,
                          count_include_pad = true}
      : tensor<1x8x5x5xf32> -> tensor<1x8x3x3xf32>
  return %0, %1 : tensor<1x8x3x3xf32>, tensor<1x8x3x3xf32>
}

// -----

// Stride 3 above kernel 2 on 7: span 5, floor 5 / 3 + 1 = 2, ceil_mode 3
// (the last window starts at 6 < 7).
// CHECK-LABEL: func.func @stride_above_kernel
// CHECK: nas.avg_pool2d {{.*}} -> tensor<1x8x2x2xf32>
// CHECK: nas.avg_pool2d {{.*}} -> tensor<1x8x3x3xf32>
func.func @stride_above_kernel(%x: tensor<1x8x7x7xf32>)
    -> (tensor<1x8x2x2xf32>, tensor<1x8x3x3xf32>) {
  %0 = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x8x7x7xf32> -> tensor<1x8x2x2xf32>
  %1 = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = true,
                          count_include_pad = false}
      : tensor<1x8x7x7xf32> -> tensor<1x8x3x3xf32>
  return %0, %1 : tensor<1x8x2x2xf32>, tensor<1x8x3x3xf32>
}

// -----

// Dilation 2 with kernel 3 spans 5 rows: 8 - 5 + 1 = 4. The width uses
// padding 2 and 1 with dilation 1: (8 + 3 - 3) / 1 + 1 = 9.
// CHECK-LABEL: func.func @dilation
// CHECK: nas.max_pool2d {{.*}} -> tensor<1x8x4x9xf32>
func.func @dilation(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x4x9xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 2, 0, 1>,
                          dilations = array<i64: 2, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x9xf32>
  return %y : tensor<1x8x4x9xf32>
}

// -----

// Dynamic input sizes stay dynamic in the result.
// CHECK-LABEL: func.func @dynamic
// CHECK: nas.max_pool2d {{.*}} : tensor<?x8x?x9xf32> -> tensor<?x8x?x5xf32>
// CHECK: nas.global_avg_pool2d {{.*}} : tensor<?x8x?x5xf32> -> tensor<?x8x1x1xf32>
func.func @dynamic(%x: tensor<?x8x?x9xf32>) -> tensor<?x8x1x1xf32> {
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<?x8x?x9xf32> -> tensor<?x8x?x5xf32>
  %1 = nas.global_avg_pool2d %0 : tensor<?x8x?x5xf32> -> tensor<?x8x1x1xf32>
  return %1 : tensor<?x8x1x1xf32>
}

// -----

func.func @element_type(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'f16'}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf16>
  return
}

// -----

func.func @input_rank(%x: tensor<8x8x8xf32>) {
  // expected-error@+1 {{expected input of rank 4, got 'tensor<8x8x8xf32>'}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<8x8x8xf32> -> tensor<8x4x4xf32>
  return
}

// -----

func.func @kernel_length(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected kernel to have 2 values, got 1}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @zero_kernel(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected all kernel values to be >= 1, got [2, 0]}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 0>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @zero_stride(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected all strides values to be >= 1, got [0, 2]}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 0, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @padding_length(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected padding to have 4 values, got 2}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @zero_dilation(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected all dilations values to be >= 1, got [1, 0]}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 0>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @padding_equal_to_kernel(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected each padding to be smaller than the kernel, got padding [0, 0, 2, 0] for kernel [2, 2]}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 2, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x5x4xf32>
  return
}

// -----

func.func @padding_above_kernel(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected each padding to be smaller than the kernel, got padding [0, 3, 0, 0] for kernel [3, 1]}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 1>, strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 3, 0, 0>, ceil_mode = false,
                          count_include_pad = true}
      : tensor<1x8x8x8xf32> -> tensor<1x8x6x11xf32>
  return
}

// -----

func.func @window_above_input(%x: tensor<1x8x8x2xf32>) {
  // expected-error@+1 {{expected the dilated kernel width 3 (kernel 3, dilation 1) to be at most the padded input width 2 (input 2, padding 0 and 0)}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 1, 3>, strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x8x8x2xf32> -> tensor<1x8x8x1xf32>
  return
}

// -----

func.func @dilated_window_above_input(%x: tensor<1x8x4x8xf32>) {
  // expected-error@+1 {{expected the dilated kernel height 7 (kernel 3, dilation 3) to be at most the padded input height 6 (input 4, padding 1 and 1)}}
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 0, 1, 0>,
                          dilations = array<i64: 3, 1>, ceil_mode = false}
      : tensor<1x8x4x8xf32> -> tensor<1x8x1x6xf32>
  return
}

// -----

func.func @padding_overflow(%x: tensor<1x8x9223372036854775807x8xf32>) {
  // expected-error@+1 {{expected the padded input height (9223372036854775807 + 1 + 0) to fit in 64 bits}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x9223372036854775807x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @dilation_overflow(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected the dilated kernel height (dilation 9223372036854775807 * (kernel 2 - 1) + 1) to fit in 64 bits}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 9223372036854775807, 1>,
                          ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

// Huge sizes that fit in 64 bits are accepted. Height: the span is
// 9223372036854775807 - 1, ceil(span / 2) + 1 = 4611686018427387904.
// CHECK-LABEL: func.func @huge_ceil_mode
// CHECK: -> tensor<1x1x4611686018427387904x1xf32>
func.func @huge_ceil_mode(%x: tensor<1x1x9223372036854775807x1xf32>)
    -> tensor<1x1x4611686018427387904x1xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 1, 1>, strides = array<i64: 2, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x1x9223372036854775807x1xf32>
      -> tensor<1x1x4611686018427387904x1xf32>
  return %y : tensor<1x1x4611686018427387904x1xf32>
}

// -----

// Without the dropped window the height would be 4.
func.func @ceil_mode_kept_window(%x: tensor<1x8x5x5xf32>) {
  // expected-error@+1 {{expected result of shape 1x8x3x3 (inferred from the operands), got 'tensor<1x8x4x3xf32>'}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x8x5x5xf32> -> tensor<1x8x4x3xf32>
  return
}

// -----

func.func @avg_result_size(%x: tensor<1x8x7x7xf32>) {
  // expected-error@+1 {{expected result of shape 1x8x2x2 (inferred from the operands), got 'tensor<1x8x3x3xf32>'}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x8x7x7xf32> -> tensor<1x8x3x3xf32>
  return
}

// -----

func.func @dynamic_result(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8x4x4 (inferred from the operands), got 'tensor<1x8x?x4xf32>'}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x?x4xf32>
  return
}

// -----

func.func @missing_ceil_mode(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{'nas.max_pool2d' op requires attribute 'ceil_mode'}}
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @missing_count_include_pad(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{'nas.avg_pool2d' op requires attribute 'count_include_pad'}}
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = false}
      : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @global_element_type(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected result to have element type 'f32' like input, got 'f64'}}
  %y = nas.global_avg_pool2d %x : tensor<1x8x8x8xf32> -> tensor<1x8x1x1xf64>
  return
}

// -----

func.func @global_input_rank(%x: tensor<1x8x64xf32>) {
  // expected-error@+1 {{expected input of rank 4, got 'tensor<1x8x64xf32>'}}
  %y = nas.global_avg_pool2d %x : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  return
}

// -----

func.func @global_result(%x: tensor<1x8x8x8xf32>) {
  // expected-error@+1 {{expected result of shape 1x8x1x1 (inferred from the operands), got 'tensor<1x8xf32>'}}
  %y = nas.global_avg_pool2d %x : tensor<1x8x8x8xf32> -> tensor<1x8xf32>
  return
}

// -----

// A third window would start at 2 * 4611686018427387905, beyond int64: it
// lies in no input and is dropped. Height: span 9223372036854775806,
// ceil(span / 4611686018427387905) + 1 = 3, minus the dropped window = 2.
// CHECK-LABEL: func.func @ceil_mode_start_overflow
// CHECK: -> tensor<1x1x2x1xf32>
func.func @ceil_mode_start_overflow(%x: tensor<1x1x9223372036854775807x1xf32>)
    -> tensor<1x1x2x1xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 1, 1>,
                          strides = array<i64: 4611686018427387905, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x1x9223372036854775807x1xf32> -> tensor<1x1x2x1xf32>
  return %y : tensor<1x1x2x1xf32>
}
