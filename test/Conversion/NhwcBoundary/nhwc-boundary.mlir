// RUN: nas-opt %s -split-input-file -nas-nhwc-boundary | FileCheck %s
// RUN: nas-opt %s -split-input-file -nas-nhwc-boundary -nas-expand-blocks -nas-to-linalg=layout=nhwc -canonicalize | FileCheck %s --check-prefix=LOWERED

// The activation argument becomes N x H x W x C, transposed back to NCHW
// for its user; the weight and the bias keep their types; the result is
// transposed to NHWC before the return.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>) -> tensor<1x4x4x16xf32>
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[X]] : tensor<1x8x8x3xf32>) outs(%{{.*}} : tensor<1x3x8x8xf32>) permutation = [0, 3, 1, 2]
// CHECK: %[[Y:.*]] = nas.conv2d %[[XT]], %[[W]], %[[B]]
// CHECK: %[[YT:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x16x4x4xf32>) outs(%{{.*}} : tensor<1x4x4x16xf32>) permutation = [0, 2, 3, 1]
// CHECK: return %[[YT]] : tensor<1x4x4x16xf32>
// After nas-to-linalg, every transpose of the activations has folded away:
// the convolution reads the padded argument and its result is returned.
// Only the weight's transpose to KH x KW x C x F is left.
// LOWERED-LABEL: func.func @conv
// LOWERED-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %{{.*}}: tensor<16xf32>) -> tensor<1x4x4x16xf32>
// LOWERED: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// LOWERED: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<16x3x3x3xf32>) {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: linalg.transpose
// LOWERED: %[[Y:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[PAD]], %[[WT]] : tensor<1x10x10x3xf32>, tensor<3x3x3x16xf32>)
// LOWERED-NOT: linalg.transpose
// LOWERED: return %[[Y]] : tensor<1x4x4x16xf32>
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                %b: tensor<16xf32>) -> tensor<1x16x4x4xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x4x4xf32>
  return %y : tensor<1x16x4x4xf32>
}

// -----

// Depthwise: the C x 1 x KH x KW weight is a weight like any convolution
// weight.
// CHECK-LABEL: func.func @depthwise
// CHECK-SAME: (%{{.*}}: tensor<1x7x7x5xf32>, %{{.*}}: tensor<5x1x3x3xf32>) -> tensor<1x7x7x5xf32>
// LOWERED-LABEL: func.func @depthwise
// LOWERED-SAME: (%[[X:.*]]: tensor<1x7x7x5xf32>, %[[W:.*]]: tensor<5x1x3x3xf32>) -> tensor<1x7x7x5xf32>
// LOWERED: %[[PAD:.*]] = tensor.pad %[[X]]
// LOWERED: %[[C:.*]] = tensor.collapse_shape %[[W]]
// LOWERED: %[[WT:.*]] = linalg.transpose ins(%[[C]] : tensor<5x3x3xf32>) {{.*}} permutation = [1, 2, 0]
// LOWERED-NOT: linalg.transpose
// LOWERED: %[[Y:.*]] = linalg.depthwise_conv_2d_nhwc_hwc {{.*}} ins(%[[PAD]], %[[WT]]
// LOWERED-NOT: linalg.transpose
// LOWERED: return %[[Y]] : tensor<1x7x7x5xf32>
func.func @depthwise(%x: tensor<1x5x7x7xf32>, %w: tensor<5x1x3x3xf32>)
    -> tensor<1x5x7x7xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 5}
      : (tensor<1x5x7x7xf32>, tensor<5x1x3x3xf32>) -> tensor<1x5x7x7xf32>
  return %y : tensor<1x5x7x7xf32>
}

// -----

// Pooling: max pooling 3x3 / 2 of 9 x 9 gives (9 - 3) / 2 + 1 = 4, global
// average pooling gives N x C x 1 x 1, also a 4-D result. The lowered
// global average pooling sums the whole 9 x 9 plane into N x 1 x 1 x C and
// reshapes the mean to N x C x 1 x 1, so the transpose of its result (of
// N * C elements) remains.
// CHECK-LABEL: func.func @pooling
// CHECK-SAME: (%{{.*}}: tensor<1x9x9x6xf32>) -> (tensor<1x4x4x6xf32>, tensor<1x1x1x6xf32>)
// LOWERED-LABEL: func.func @pooling
// LOWERED-SAME: (%[[X:.*]]: tensor<1x9x9x6xf32>) -> (tensor<1x4x4x6xf32>, tensor<1x1x1x6xf32>)
// LOWERED-NOT: linalg.transpose
// LOWERED: %[[M:.*]] = linalg.pooling_nhwc_max {{.*}} ins(%[[X]], %{{.*}} : tensor<1x9x9x6xf32>, tensor<3x3xf32>)
// LOWERED-NOT: linalg.transpose
// LOWERED: linalg.pooling_nhwc_sum {{.*}} ins(%[[X]], %{{.*}} : tensor<1x9x9x6xf32>, tensor<9x9xf32>) outs(%{{.*}} : tensor<1x1x1x6xf32>)
// LOWERED: %[[E:.*]] = tensor.expand_shape
// LOWERED: %[[G:.*]] = linalg.transpose ins(%[[E]] : tensor<1x6x1x1xf32>) {{.*}} permutation = [0, 2, 3, 1]
// LOWERED-NEXT: return %[[M]], %[[G]]
func.func @pooling(%x: tensor<1x6x9x9xf32>)
    -> (tensor<1x6x4x4xf32>, tensor<1x6x1x1xf32>) {
  %m = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x6x9x9xf32> -> tensor<1x6x4x4xf32>
  %g = nas.global_avg_pool2d %x : tensor<1x6x9x9xf32> -> tensor<1x6x1x1xf32>
  return %m, %g : tensor<1x6x4x4xf32>, tensor<1x6x1x1xf32>
}

// -----

// An add of two activation arguments: both become NHWC, and the add runs
// on them directly.
// CHECK-LABEL: func.func @add
// CHECK-SAME: (%[[A:.*]]: tensor<2x5x7x3xf32>, %[[B:.*]]: tensor<2x5x7x3xf32>) -> tensor<2x5x7x3xf32>
// CHECK-DAG: %[[AT:.*]] = linalg.transpose ins(%[[A]] : {{.*}}) {{.*}} permutation = [0, 3, 1, 2]
// CHECK-DAG: %[[BT:.*]] = linalg.transpose ins(%[[B]] : {{.*}}) {{.*}} permutation = [0, 3, 1, 2]
// CHECK: nas.add %[[AT]], %[[BT]]
// LOWERED-LABEL: func.func @add
// LOWERED-SAME: (%[[A:.*]]: tensor<2x5x7x3xf32>, %[[B:.*]]: tensor<2x5x7x3xf32>) -> tensor<2x5x7x3xf32>
// LOWERED-NOT: linalg.transpose
// LOWERED: %[[S:.*]] = linalg.generic {{.*}} ins(%[[A]], %[[B]] : tensor<2x5x7x3xf32>, tensor<2x5x7x3xf32>)
// LOWERED-NOT: linalg.transpose
// LOWERED: return %[[S]]
func.func @add(%a: tensor<2x3x5x7xf32>, %b: tensor<2x3x5x7xf32>)
    -> tensor<2x3x5x7xf32> {
  %s = nas.add %a, %b : (tensor<2x3x5x7xf32>, tensor<2x3x5x7xf32>)
      -> tensor<2x3x5x7xf32>
  return %s : tensor<2x3x5x7xf32>
}

// -----

// A convolution, flatten and fully connected layer: the 2-D result keeps
// its type. flatten reads the N x C x H x W order, so after lowering one
// transpose of the convolution's output back to NCHW remains, inside the
// function.
// CHECK-LABEL: func.func @conv_fc
// CHECK-SAME: (%{{.*}}: tensor<1x4x4x2xf32>, %{{.*}}: tensor<3x2x1x1xf32>, %{{.*}}: tensor<10x48xf32>, %{{.*}}: tensor<10xf32>) -> tensor<1x10xf32>
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
// CHECK-NOT: linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK: return %{{.*}} : tensor<1x10xf32>
// LOWERED-LABEL: func.func @conv_fc
// LOWERED-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>, %[[W:.*]]: tensor<3x2x1x1xf32>, %{{.*}}: tensor<10x48xf32>, %{{.*}}: tensor<10xf32>) -> tensor<1x10xf32>
// LOWERED: linalg.transpose ins(%[[W]]
// LOWERED: %[[Y:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[X]],
// LOWERED: %[[YT:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x4x4x3xf32>) {{.*}} permutation = [0, 3, 1, 2]
// LOWERED: tensor.collapse_shape %[[YT]]
func.func @conv_fc(%x: tensor<1x2x4x4xf32>, %w: tensor<3x2x1x1xf32>,
                   %fw: tensor<10x48xf32>, %fb: tensor<10xf32>)
    -> tensor<1x10xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %f = nas.flatten %y {axis = 1} : tensor<1x3x4x4xf32> -> tensor<1x48xf32>
  %z = nas.fully_connected %f, %fw, %fb
      : (tensor<1x48xf32>, tensor<10x48xf32>, tensor<10xf32>)
      -> tensor<1x10xf32>
  return %z : tensor<1x10xf32>
}

// -----

// A 4-D argument that is the weight of one convolution and its input is
// a weight: it keeps its type. The result is still an activation.
// CHECK-LABEL: func.func @weight_also_input
// CHECK-SAME: (%[[W:.*]]: tensor<2x2x1x1xf32>) -> tensor<2x1x1x2xf32>
// CHECK-NEXT: nas.conv2d %[[W]], %[[W]]
func.func @weight_also_input(%w: tensor<2x2x1x1xf32>)
    -> tensor<2x2x1x1xf32> {
  %y = nas.conv2d %w, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<2x2x1x1xf32>, tensor<2x2x1x1xf32>) -> tensor<2x2x1x1xf32>
  return %y : tensor<2x2x1x1xf32>
}

// -----

// The 4-D weights of blocks are weights too, since nas-expand-blocks turns
// them into convolution weights.
// CHECK-LABEL: func.func @inverted_residual
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>, %{{.*}}: tensor<8x4x1x1xf32>, %{{.*}}: tensor<8xf32>, %{{.*}}: tensor<8x1x3x3xf32>, %{{.*}}: tensor<8xf32>, %{{.*}}: tensor<4x8x1x1xf32>, %{{.*}}: tensor<4xf32>) -> tensor<1x8x8x4xf32>
// CHECK-COUNT-2: linalg.transpose
// CHECK-NOT: linalg.transpose
// After block expansion and lowering, only the three weights are
// transposed: the 1x1 weights to 1 x 1 x C x F, the depthwise weight to
// 3 x 3 x C.
// LOWERED-LABEL: func.func @inverted_residual
// LOWERED-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>, %[[EW:[^:]*]]: tensor<8x4x1x1xf32>, %{{.*}}, %{{.*}}, %{{.*}}, %[[PW:[^:]*]]: tensor<4x8x1x1xf32>
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%[[EW]] : tensor<8x4x1x1xf32>) {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%{{.*}} : tensor<8x3x3xf32>) {{.*}} permutation = [1, 2, 0]
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%[[PW]] : tensor<4x8x1x1xf32>) {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: linalg.transpose
// LOWERED: return
func.func @inverted_residual(%x: tensor<1x4x8x8xf32>,
    %ew: tensor<8x4x1x1xf32>, %eb: tensor<8xf32>,
    %dw: tensor<8x1x3x3xf32>, %db: tensor<8xf32>,
    %pw: tensor<4x8x1x1xf32>, %pb: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %y = nas.inverted_residual %x expand(%ew, %eb) depthwise(%dw, %db)
      project(%pw, %pb) {expand_ratio = 2, kernel_size = 3, stride = 1}
      : (tensor<1x4x8x8xf32>, tensor<8x4x1x1xf32>, tensor<8xf32>,
         tensor<8x1x3x3xf32>, tensor<8xf32>, tensor<4x8x1x1xf32>,
         tensor<4xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @bottleneck
// CHECK-SAME: (%{{.*}}: tensor<1x4x4x8xf32>, %{{.*}}: tensor<2x8x1x1xf32>, %{{.*}}: tensor<2xf32>, %{{.*}}: tensor<2x2x3x3xf32>, %{{.*}}: tensor<8x2x1x1xf32>, %{{.*}}: tensor<8xf32>) -> tensor<1x4x4x8xf32>
// LOWERED-LABEL: func.func @bottleneck
// LOWERED-SAME: (%{{.*}}: tensor<1x4x4x8xf32>, %[[W1:[^:]*]]: tensor<2x8x1x1xf32>, %{{.*}}, %[[W2:[^:]*]]: tensor<2x2x3x3xf32>, %[[W3:[^:]*]]: tensor<8x2x1x1xf32>
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%[[W1]] : {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%[[W2]] : {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: permutation = [0, {{[23]}}
// LOWERED: linalg.transpose ins(%[[W3]] : {{.*}} permutation = [2, 3, 1, 0]
// LOWERED-NOT: linalg.transpose
// LOWERED: return
func.func @bottleneck(%x: tensor<1x8x4x4xf32>, %w1: tensor<2x8x1x1xf32>,
                      %b2: tensor<2xf32>, %w2: tensor<2x2x3x3xf32>,
                      %w3: tensor<8x2x1x1xf32>, %b8: tensor<8xf32>)
    -> tensor<1x8x4x4xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b2) conv(%w2, %b2) expand(%w3, %b8)
      {stride = 1, groups = 1}
      : (tensor<1x8x4x4xf32>, tensor<2x8x1x1xf32>, tensor<2xf32>,
         tensor<2x2x3x3xf32>, tensor<2xf32>, tensor<8x2x1x1xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// An argument returned as it is: the two transposes compose to the
// identity, and the lowered function returns its argument.
// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%{{.*}}: tensor<1x3x4x2xf32>) -> tensor<1x3x4x2xf32>
// LOWERED-LABEL: func.func @identity
// LOWERED-SAME: (%[[X:.*]]: tensor<1x3x4x2xf32>) -> tensor<1x3x4x2xf32>
// LOWERED-NEXT: return %[[X]]
func.func @identity(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  return %x : tensor<1x2x3x4xf32>
}

// -----

// Tensors of other ranks keep their types, and a function without 4-D
// tensors is unchanged.
// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: (%{{.*}}: tensor<2x8xf32>, %{{.*}}: tensor<3x8xf32>, %{{.*}}: tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NOT: linalg.transpose
func.func @fully_connected(%x: tensor<2x8xf32>, %w: tensor<3x8xf32>,
                           %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = nas.fully_connected %x, %w, %b
      : (tensor<2x8xf32>, tensor<3x8xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
