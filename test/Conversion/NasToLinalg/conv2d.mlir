// RUN: nas-opt %s -nas-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @bias_padding
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x16x8x8xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<16xf32>) outs(%[[EMPTY]] : tensor<1x16x8x8xf32>) dimensions = [0, 2, 3]
// CHECK: %[[Y:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[W]] : tensor<1x3x10x10xf32>, tensor<16x3x3x3xf32>) outs(%[[INIT]] : tensor<1x16x8x8xf32>)
// CHECK: return %[[Y]]
// CHECK-NOT: nas.
func.func @bias_padding(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                        %b: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}

// -----

// Without padding there is no tensor.pad; without bias the accumulator is
// filled with zeros.
// CHECK-LABEL: func.func @no_bias_no_padding
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x6x6xf32>, %[[W:.*]]: tensor<8x4x3x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x8x4x4xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x8x4x4xf32>)
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<2x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%[[INIT]] : tensor<2x8x4x4xf32>)
func.func @no_bias_no_padding(%x: tensor<2x4x6x6xf32>,
                              %w: tensor<8x4x3x3xf32>) -> tensor<2x8x4x4xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<2x4x6x6xf32>, tensor<8x4x3x3xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

// Padding [top, left, bottom, right] = [1, 0, 2, 1] pads the height by 1
// before and 2 after and the width by 1 after: 4x5 -> 7x6. Output:
// (7 - 3) / 2 + 1 = 3 by (6 - 3) / 2 + 1 = 2.
// CHECK-LABEL: func.func @asymmetric_padding_stride_2
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 2, 1]
// CHECK: } : tensor<1x1x4x5xf32> to tensor<1x1x7x6xf32>
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: -> tensor<1x2x3x2xf32>
func.func @asymmetric_padding_stride_2(%x: tensor<1x1x4x5xf32>,
                                       %w: tensor<2x1x3x3xf32>)
    -> tensor<1x2x3x2xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 0, 2, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x4x5xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x3x2xf32>
  return %y : tensor<1x2x3x2xf32>
}

// -----

// Different dilations and strides per dimension keep their order
// [height, width]. Height: (9 - 2*2 - 1) / 1 + 1 = 5; width:
// (9 - 3*2 - 1) / 2 + 1 = 2.
// CHECK-LABEL: func.func @dilation_and_stride_per_dimension
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<[2, 3]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
// CHECK-SAME: -> tensor<1x1x5x2xf32>
func.func @dilation_and_stride_per_dimension(%x: tensor<1x1x9x9xf32>,
                                             %w: tensor<1x1x3x3xf32>)
    -> tensor<1x1x5x2xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 2, 3>, groups = 1}
      : (tensor<1x1x9x9xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x2xf32>
  return %y : tensor<1x1x5x2xf32>
}

// -----

// Stride 3 with a 1x1 kernel skips two of every three rows and columns:
// 8x8 -> 3x3. The named op reads rows 0, 3 and 6 of the unpadded input and
// never row 7.
// CHECK-LABEL: func.func @stride_greater_than_kernel
// CHECK-NOT: tensor.pad
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x2x8x8xf32>, tensor<4x2x1x1xf32>)
// CHECK-SAME: -> tensor<1x4x3x3xf32>
func.func @stride_greater_than_kernel(%x: tensor<1x2x8x8xf32>,
                                      %w: tensor<4x2x1x1xf32>)
    -> tensor<1x4x3x3xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 3, 3>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x2x8x8xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// Groups = 2: channels 8 -> 2 x 4, filters 6 -> 2 x 3.
// CHECK-LABEL: func.func @grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x5x5xf32>, %[[W:.*]]: tensor<6x4x3x3xf32>, %[[B:.*]]: tensor<6xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<6xf32>) outs(%{{.*}} : tensor<1x6x5x5xf32>) dimensions = [0, 2, 3]
// CHECK: %[[GX:.*]] = tensor.expand_shape %[[PAD]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 4, 7, 7] : tensor<1x8x7x7xf32> into tensor<1x2x4x7x7xf32>
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 3, 4, 3, 3] : tensor<6x4x3x3xf32> into tensor<2x3x4x3x3xf32>
// CHECK: %[[GINIT:.*]] = tensor.expand_shape %[[INIT]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 3, 5, 5] : tensor<1x6x5x5xf32> into tensor<1x2x3x5x5xf32>
// CHECK: %[[GY:.*]] = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%[[GX]], %[[GW]] : tensor<1x2x4x7x7xf32>, tensor<2x3x4x3x3xf32>) outs(%[[GINIT]] : tensor<1x2x3x5x5xf32>)
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[GY]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x2x3x5x5xf32> into tensor<1x6x5x5xf32>
// CHECK: return %[[Y]]
func.func @grouped(%x: tensor<1x8x5x5xf32>, %w: tensor<6x4x3x3xf32>,
                   %b: tensor<6xf32>) -> tensor<1x6x5x5xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x8x5x5xf32>, tensor<6x4x3x3xf32>, tensor<6xf32>)
      -> tensor<1x6x5x5xf32>
  return %y : tensor<1x6x5x5xf32>
}

// -----

// Depthwise with channel multiplier 2: groups = channels = 3, six filters of
// one input channel each, two per group.
// CHECK-LABEL: func.func @depthwise_multiplier_2
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 3, 1, 10, 10] : tensor<1x3x10x10xf32> into tensor<1x3x1x10x10xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2], [3], [4]] output_shape [3, 2, 1, 3, 3] : tensor<6x1x3x3xf32> into tensor<3x2x1x3x3xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 3, 2, 4, 4] : tensor<1x6x4x4xf32> into tensor<1x3x2x4x4xf32>
// CHECK: linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: -> tensor<1x3x2x4x4xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x3x2x4x4xf32> into tensor<1x6x4x4xf32>
func.func @depthwise_multiplier_2(%x: tensor<1x3x8x8xf32>,
                                  %w: tensor<6x1x3x3xf32>)
    -> tensor<1x6x4x4xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 3}
      : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x4x4xf32>
  return %y : tensor<1x6x4x4xf32>
}

// -----

// Depthwise without multiplier (groups = channels = filters).
// CHECK-LABEL: func.func @depthwise
// CHECK: linalg.conv_2d_ngchw_gfchw
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x4x1x7x7xf32>, tensor<4x1x1x3x3xf32>) outs(%{{.*}} : tensor<1x4x1x5x5xf32>)
func.func @depthwise(%x: tensor<1x4x7x7xf32>, %w: tensor<4x1x3x3xf32>,
                     %b: tensor<4xf32>) -> tensor<1x4x5x5xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 4}
      : (tensor<1x4x7x7xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>)
      -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// -----

// f64 lowers like f32: a 50x50 image, 3x3 kernel, no padding -> 48x48.
// CHECK-LABEL: func.func @f64_50x50
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: linalg.fill ins(%[[ZERO]] : f64) outs(%{{.*}} : tensor<1x1x48x48xf64>)
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>) outs(%{{.*}} : tensor<1x1x48x48xf64>)
func.func @f64_50x50(%x: tensor<1x1x50x50xf64>, %w: tensor<1x1x3x3xf64>)
    -> tensor<1x1x48x48xf64> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>) -> tensor<1x1x48x48xf64>
  return %y : tensor<1x1x48x48xf64>
}
