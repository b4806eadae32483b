// RUN: nas-opt %s -nas-to-linalg=layout=nhwc -canonicalize -split-input-file | FileCheck %s

// A convolution with padding and bias computes on the input transposed to
// NHWC and the weight transposed from F x C x KH x KW to KH x KW x C x F;
// the result is transposed back to NCHW. H: (8 + 1 + 3 - 3) / 2 + 1 = 5;
// W with dilation 2 (window 5): (8 + 2 + 4 - 5) / 2 + 1 = 5.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[X]] : tensor<1x3x8x8xf32>) outs(%{{.*}} : tensor<1x8x8x3xf32>) permutation = [0, 2, 3, 1]
// CHECK: %[[PAD:.*]] = tensor.pad %[[XT]] low[0, 1, 2, 0] high[0, 3, 4, 0]
// CHECK: } : tensor<1x8x8x3xf32> to tensor<1x12x14x3xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<16xf32>) outs(%{{.*}} : tensor<1x5x5x16xf32>) dimensions = [0, 1, 2]
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<16x3x3x3xf32>) outs(%{{.*}} : tensor<3x3x3x16xf32>) permutation = [2, 3, 1, 0]
// CHECK: %[[Y:.*]] = linalg.conv_2d_nhwc_hwcf {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[WT]] : tensor<1x12x14x3xf32>, tensor<3x3x3x16xf32>) outs(%[[INIT]] : tensor<1x5x5x16xf32>)
// CHECK: %[[R:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x5x5x16xf32>) outs(%{{.*}} : tensor<1x16x5x5xf32>) permutation = [0, 3, 1, 2]
// CHECK: return %[[R]]
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                %b: tensor<16xf32>) -> tensor<1x16x5x5xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 1, 2, 3, 4>,
                              dilations = array<i64: 1, 2>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x5x5xf32>
  return %y : tensor<1x16x5x5xf32>
}

// -----

// A 1x1 convolution with stride 2 to at most 7 output columns reads a
// dense copy of the pixels it samples, every second row and column of the
// 13 x 13 input (7 x 7), and has stride 1 on it. Stride 3 along W with
// padding 1 on the left: (13 + 1 - 1) / 3 + 1 = 5 columns from the padded
// input. To 8 output columns, the convolution keeps its stride.
// CHECK-LABEL: func.func @pointwise_stride2
// CHECK: %[[XT:.*]] = linalg.transpose
// CHECK: %[[SAMPLED:.*]] = tensor.extract_slice %[[XT]][0, 0, 0, 0] [1, 7, 7, 16] [1, 2, 2, 1] : tensor<1x13x13x16xf32> to tensor<1x7x7x16xf32>
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[SAMPLED]] : tensor<1x7x7x16xf32>) outs(%{{.*}} : tensor<1x7x7x16xf32>)
// CHECK: linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[COPY]], %{{.*}} : tensor<1x7x7x16xf32>, tensor<1x1x16x8xf32>)
func.func @pointwise_stride2(%x: tensor<1x16x13x13xf32>, %w: tensor<8x16x1x1xf32>) -> tensor<1x8x7x7xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x13x13xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x7x7xf32>
  return %y : tensor<1x8x7x7xf32>
}

// -----

// CHECK-LABEL: func.func @pointwise_stride_1x3_padded
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 0, 0]
// CHECK: %[[SAMPLED:.*]] = tensor.extract_slice %[[PAD]][0, 0, 0, 0] [2, 13, 5, 16] [1, 1, 3, 1] : tensor<2x13x14x16xf32> to tensor<2x13x5x16xf32>
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[SAMPLED]] : tensor<2x13x5x16xf32>)
// CHECK: linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[COPY]], %{{.*}} : tensor<2x13x5x16xf32>, tensor<1x1x16x8xf32>)
func.func @pointwise_stride_1x3_padded(%x: tensor<2x16x13x13xf32>, %w: tensor<8x16x1x1xf32>) -> tensor<2x8x13x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 3>, padding = array<i64: 0, 1, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x16x13x13xf32>, tensor<8x16x1x1xf32>) -> tensor<2x8x13x5xf32>
  return %y : tensor<2x8x13x5xf32>
}

// -----

// CHECK-LABEL: func.func @pointwise_stride2_wide
// CHECK-NOT: linalg.copy
// CHECK: linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x16x16x16xf32>, tensor<1x1x16x8xf32>)
func.func @pointwise_stride2_wide(%x: tensor<1x16x16x16xf32>, %w: tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x16x16xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

// Between two convolutions and a relu, every transpose back to NCHW meets a
// transpose to NHWC, and canonicalization folds the pair: only the input's
// and the result's transposes (and the weights') remain.
// CHECK-LABEL: func.func @chain
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x4x6x6xf32>) {{.*}} permutation = [0, 2, 3, 1]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<8x4x1x1xf32>) {{.*}} permutation = [2, 3, 1, 0]
// CHECK: %[[C1:.*]] = linalg.conv_2d_nhwc_hwcf
// CHECK-NOT: linalg.transpose ins(%[[C1]]
// CHECK: %[[RELU:.*]] = linalg.generic {{.*}} ins(%[[C1]] : tensor<1x6x6x8xf32>)
// CHECK: arith.maximumf
// CHECK: linalg.transpose ins(%{{.*}} : tensor<4x8x1x1xf32>) {{.*}} permutation = [2, 3, 1, 0]
// CHECK: %[[C2:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[RELU]], %{{.*}} : tensor<1x6x6x8xf32>, tensor<1x1x8x4xf32>)
// CHECK: %[[R:.*]] = linalg.transpose ins(%[[C2]] : tensor<1x6x6x4xf32>) {{.*}} permutation = [0, 3, 1, 2]
// CHECK: return %[[R]]
func.func @chain(%x: tensor<1x4x6x6xf32>, %w1: tensor<8x4x1x1xf32>,
                 %w2: tensor<4x8x1x1xf32>) -> tensor<1x4x6x6xf32> {
  %a = nas.conv2d %x, %w1 {strides = array<i64: 1, 1>,
                           padding = array<i64: 0, 0, 0, 0>,
                           dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x4x6x6xf32>, tensor<8x4x1x1xf32>) -> tensor<1x8x6x6xf32>
  %r = nas.relu %a : tensor<1x8x6x6xf32> -> tensor<1x8x6x6xf32>
  %b = nas.conv2d %r, %w2 {strides = array<i64: 1, 1>,
                           padding = array<i64: 0, 0, 0, 0>,
                           dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x8x6x6xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x6x6xf32>
  return %b : tensor<1x4x6x6xf32>
}

// -----

// Depthwise: the F x 1 x KH x KW weight becomes KH x KW x F.
// CHECK-LABEL: func.func @depthwise
// CHECK-SAME: (%{{.*}}: tensor<1x5x7x7xf32>, %[[W:.*]]: tensor<5x1x3x3xf32>)
// CHECK: %[[C:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<5x1x3x3xf32> into tensor<5x3x3xf32>
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[C]] : tensor<5x3x3xf32>) outs(%{{.*}} : tensor<3x3x5xf32>) permutation = [1, 2, 0]
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc {{.*}} ins(%{{.*}}, %[[WT]] : tensor<1x9x9x5xf32>, tensor<3x3x5xf32>) outs(%{{.*}} : tensor<1x7x7x5xf32>)
func.func @depthwise(%x: tensor<1x5x7x7xf32>, %w: tensor<5x1x3x3xf32>)
    -> tensor<1x5x7x7xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 5}
      : (tensor<1x5x7x7xf32>, tensor<5x1x3x3xf32>) -> tensor<1x5x7x7xf32>
  return %y : tensor<1x5x7x7xf32>
}

// -----

// Channel multiplier 2: each of the 3 input channels is repeated twice
// (channel c * 2 + j reads channel c), then a depthwise convolution over the
// 6 channels follows.
// CHECK-DAG: #[[READ:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ID5:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK: %[[REP:.*]] = linalg.generic {indexing_maps = [#[[READ]], #[[ID5]]], {{.*}} ins(%{{.*}} : tensor<1x7x7x3xf32>) outs(%{{.*}} : tensor<1x7x7x3x2xf32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[REP]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x7x7x3x2xf32> into tensor<1x7x7x6xf32>
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc {{.*}} ins(%[[FLAT]], %{{.*}} : tensor<1x7x7x6xf32>, tensor<1x1x6xf32>)
func.func @depthwise_multiplier(%x: tensor<1x3x7x7xf32>,
                                %w: tensor<6x1x1x1xf32>)
    -> tensor<1x6x7x7xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 3}
      : (tensor<1x3x7x7xf32>, tensor<6x1x1x1xf32>) -> tensor<1x6x7x7xf32>
  return %y : tensor<1x6x7x7xf32>
}

// -----

// Two groups of 2 input and 3 output channels: one convolution per group on
// channel slices, inserted into the accumulator at output channels 0 and 3.
// CHECK-LABEL: func.func @grouped
// CHECK: %[[WT:.*]] = linalg.transpose ins(%{{.*}} : tensor<6x2x1x1xf32>) outs(%{{.*}} : tensor<1x1x2x6xf32>) permutation = [2, 3, 1, 0]
// CHECK: %[[X0:.*]] = tensor.extract_slice %[[XT:.*]][0, 0, 0, 0] [1, 5, 5, 2] [1, 1, 1, 1]
// CHECK: %[[W0:.*]] = tensor.extract_slice %[[WT]][0, 0, 0, 0] [1, 1, 2, 3] [1, 1, 1, 1]
// CHECK: %[[Y0:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[X0]], %[[W0]] : tensor<1x5x5x2xf32>, tensor<1x1x2x3xf32>)
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[Y0]] into %{{.*}}[0, 0, 0, 0] [1, 5, 5, 3] [1, 1, 1, 1]
// CHECK: %[[X1:.*]] = tensor.extract_slice %[[XT]][0, 0, 0, 2] [1, 5, 5, 2] [1, 1, 1, 1]
// CHECK: %[[W1:.*]] = tensor.extract_slice %[[WT]][0, 0, 0, 3] [1, 1, 2, 3] [1, 1, 1, 1]
// CHECK: %[[Y1:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[X1]], %[[W1]] : tensor<1x5x5x2xf32>, tensor<1x1x2x3xf32>)
// CHECK: tensor.insert_slice %[[Y1]] into %[[I0]][0, 0, 0, 3] [1, 5, 5, 3] [1, 1, 1, 1]
func.func @grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<6x2x1x1xf32>)
    -> tensor<1x6x5x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x4x5x5xf32>, tensor<6x2x1x1xf32>) -> tensor<1x6x5x5xf32>
  return %y : tensor<1x6x5x5xf32>
}

// -----

// Batch normalization reads its vectors at the channel, dimension 3 in NHWC.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @batch_norm
// CHECK: %[[XT:.*]] = linalg.transpose ins(%{{.*}} : tensor<1x3x4x5xf32>) outs(%{{.*}} : tensor<1x4x5x3xf32>) permutation = [0, 2, 3, 1]
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[CH]], #[[CH]], #[[ID]]]
// CHECK-SAME: ins(%[[XT]], {{.*}}) outs(%{{.*}} : tensor<1x4x5x3xf32>)
// CHECK: linalg.transpose ins(%[[Y]] : tensor<1x4x5x3xf32>) outs(%{{.*}} : tensor<1x3x4x5xf32>) permutation = [0, 3, 1, 2]
func.func @batch_norm(%x: tensor<1x3x4x5xf32>, %p: tensor<3xf32>)
    -> tensor<1x3x4x5xf32> {
  %y = nas.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32}
      : (tensor<1x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
         tensor<3xf32>) -> tensor<1x3x4x5xf32>
  return %y : tensor<1x3x4x5xf32>
}

// -----

// An add whose second operand broadcasts keeps that operand in its own
// layout: its map (d0, d1, d2, d3) -> (d1, 0, 0) of the NCHW iteration space
// becomes (d0, d1, d2, d3) -> (d3, 0, 0).
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[BC:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, 0, 0)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>, %[[Y:.*]]: tensor<3x1x1xf32>)
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[X]]
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[BC]], #[[ID]]]
// CHECK-SAME: ins(%[[XT]], %[[Y]] : tensor<2x4x5x3xf32>, tensor<3x1x1xf32>)
func.func @add_broadcast(%x: tensor<2x3x4x5xf32>, %y: tensor<3x1x1xf32>)
    -> tensor<2x3x4x5xf32> {
  %z = nas.add %x, %y : (tensor<2x3x4x5xf32>, tensor<3x1x1xf32>)
      -> tensor<2x3x4x5xf32>
  return %z : tensor<2x3x4x5xf32>
}

// -----

// Elementwise ops on tensors of another rank keep their layout.
// CHECK-LABEL: func.func @relu_2d
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic
func.func @relu_2d(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = nas.relu %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Max pooling pads H and W (dimensions 1 and 2 in NHWC) with -inf.
// CHECK-LABEL: func.func @max_pool
// CHECK: tensor.pad %{{.*}} low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: } : tensor<1x6x6x2xf32> to tensor<1x8x8x2xf32>
// CHECK: linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: -> tensor<1x3x3x2xf32>
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x3x3x2xf32>) outs(%{{.*}} : tensor<1x2x3x3xf32>) permutation = [0, 3, 1, 2]
func.func @max_pool(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Average pooling without count_include_pad on 5x5, kernel 3, stride 2,
// padding 1: the windows of output rows (and columns) 0, 1, 2 cover 2, 3, 2
// input rows. The divisors are read at H (d1) and W (d2).
// CHECK-DAG: #[[H:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-LABEL: func.func @avg_pool
// CHECK: %[[COUNTS:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<3xf32>
// CHECK: %[[SUM:.*]] = linalg.pooling_nhwc_sum
// CHECK-SAME: -> tensor<1x3x3x2xf32>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[H]], #[[W]], #{{.*}}]
// CHECK-SAME: ins(%[[SUM]], %[[COUNTS]], %[[COUNTS]] : tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
func.func @avg_pool(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x2x5x5xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Global average pooling is a sum pooling of the NHWC input over its whole
// 4 x 5 plane into 1 x 1 x 1 x 3, divided by 20. The 1 x 1 x 1 x 3 mean
// has the order of 1 x 3 x 1 x 1 and needs no transpose back.
// CHECK-LABEL: func.func @global_avg_pool
// CHECK-DAG: %[[COUNT:.*]] = arith.constant 2.000000e+01 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[XT:.*]] = linalg.transpose
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x1x1x3xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<4x5xf32>
// CHECK: %[[SUM:.*]] = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[XT]], %[[WINDOW]] : tensor<1x4x5x3xf32>, tensor<4x5xf32>) outs(%[[INIT]] : tensor<1x1x1x3xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x1x1x3xf32>)
// CHECK: arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK-NOT: linalg.transpose
// CHECK: tensor.collapse_shape {{.*}} : tensor<1x1x1x3xf32> into tensor<1x3xf32>
// CHECK: tensor.expand_shape {{.*}} : tensor<1x3xf32> into tensor<1x3x1x1xf32>
func.func @global_avg_pool(%x: tensor<1x3x4x5xf32>) -> tensor<1x3x1x1xf32> {
  %y = nas.global_avg_pool2d %x : tensor<1x3x4x5xf32> -> tensor<1x3x1x1xf32>
  return %y : tensor<1x3x1x1xf32>
}

// -----

// Fully connected: the 4 x 6 weight is transposed to 6 x 4 for a plain
// matmul.
// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<2x6xf32>, %[[W:.*]]: tensor<4x6xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]]
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<4x6xf32>) outs(%{{.*}} : tensor<6x4xf32>) permutation = [1, 0]
// CHECK: linalg.matmul ins(%[[X]], %[[WT]] : tensor<2x6xf32>, tensor<6x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
func.func @fully_connected(%x: tensor<2x6xf32>, %w: tensor<4x6xf32>,
                           %b: tensor<4xf32>) -> tensor<2x4xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<2x6xf32>, tensor<4x6xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Four groups of 4 input and 4 output channels, 3x3 with stride 2 and
// dilation 2 on 9x9 (output (9 - 5) / 2 + 1 = 3): one linalg.generic over (n, oh, ow, g, l, kh, kw, r) marked
// nas.rotated_group_conv. It reads channel l + r of the input with each
// group's 4 channels repeated twice (1x9x9x4x8) and the rotated weight
// wr[kh, kw, r, g, l] = w[4 g + l, (l + r) mod 4, kh, kw], which a
// generic with tensor.extract computes from the argument.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 * 2 + d5 * 2, d2 * 2 + d6 * 2, d3, d4 + d7)>
// CHECK-DAG: #[[WR:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7, d3, d4)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @grouped_rotated
// CHECK-SAME: (%{{.*}}: tensor<1x16x9x9xf32>, %[[W:.*]]: tensor<16x4x3x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[TWICE:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0], [1], [2], [3], [4, 5]] : tensor<1x9x9x4x2x4xf32> into tensor<1x9x9x4x8xf32>
// CHECK: %[[ROTATED:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3x3x4x4x4xf32>)
// CHECK: arith.remui
// CHECK: tensor.extract %[[W]]
// CHECK: %[[BIAS:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1]] output_shape [4, 4]
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[BIAS]] : tensor<4x4xf32>) outs(%{{.*}} : tensor<1x3x3x4x4xf32>) dimensions = [0, 1, 2]
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WR]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[TWICE]], %[[ROTATED]] : tensor<1x9x9x4x8xf32>, tensor<3x3x4x4x4xf32>) outs(%[[INIT]] : tensor<1x3x3x4x4xf32>)
// CHECK-SAME: nas.rotated_group_conv
// CHECK-NOT: linalg.conv_2d
func.func @grouped_rotated(%x: tensor<1x16x9x9xf32>, %w: tensor<16x4x3x3xf32>,
                           %b: tensor<16xf32>) -> tensor<1x16x3x3xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 2, 2>, groups = 4}
      : (tensor<1x16x9x9xf32>, tensor<16x4x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x3x3xf32>
  return %y : tensor<1x16x3x3xf32>
}

// -----

// Groups of 16 channels, or with fewer input than output channels, keep
// one convolution per group.
// CHECK-LABEL: func.func @grouped_wide
// CHECK-NOT: nas.rotated_group_conv
// CHECK-COUNT-2: linalg.conv_2d_nhwc_hwcf
// CHECK-LABEL: func.func @grouped_multiplier
// CHECK-NOT: nas.rotated_group_conv
// CHECK-COUNT-4: linalg.conv_2d_nhwc_hwcf
func.func @grouped_wide(%x: tensor<1x32x5x5xf32>, %w: tensor<32x16x1x1xf32>)
    -> tensor<1x32x5x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x32x5x5xf32>, tensor<32x16x1x1xf32>) -> tensor<1x32x5x5xf32>
  return %y : tensor<1x32x5x5xf32>
}
func.func @grouped_multiplier(%x: tensor<1x8x5x5xf32>, %w: tensor<16x2x1x1xf32>)
    -> tensor<1x16x5x5xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 4}
      : (tensor<1x8x5x5xf32>, tensor<16x2x1x1xf32>) -> tensor<1x16x5x5xf32>
  return %y : tensor<1x16x5x5xf32>
}
