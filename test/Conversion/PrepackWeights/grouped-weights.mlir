// RUN: nas-opt %s -nas-to-linalg=layout=nhwc -canonicalize -nas-prepack-weights | FileCheck %s

// The rotated weight of a grouped convolution with 2 groups of 4 channels,
// wr[kh, kw, r, g, l] = w[4 g + l, (l + r) mod 4, kh, kw], is gathered by a
// linalg.generic from the weight argument. It moves into the pack
// function with the constants its body uses, like a transpose:
// KH x KW x W x G x W = 3 x 3 x 4 x 2 x 4 elements.
// CHECK: memref.global "private" @grouped_packed_weight_0 : memref<3x3x4x2x4xf32>
// CHECK-LABEL: func.func @grouped(
// CHECK-NOT: tensor.extract
// CHECK: %[[GLOBAL:.*]] = memref.get_global @grouped_packed_weight_0
// CHECK: %[[WEIGHT:.*]] = bufferization.to_tensor %[[GLOBAL]]
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[WEIGHT]] : tensor<1x6x6x2x8xf32>, tensor<3x3x4x2x4xf32>)
// CHECK-SAME: nas.rotated_group_conv
// CHECK-LABEL: func.func @grouped_pack_weights
// CHECK: %[[GATHER:.*]] = linalg.generic
// CHECK: tensor.extract %arg1
// CHECK: bufferization.materialize_in_destination %[[GATHER]]
func.func @grouped(%x: tensor<1x8x6x6xf32>, %w: tensor<8x4x3x3xf32>)
    -> tensor<1x8x4x4xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 2}
      : (tensor<1x8x6x6xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}
