// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s

// An unpacked weight that is returned, not sliced by convolution tiles,
// becomes a transpose of the blocks next to each other, a reshape that
// merges them and a slice of the 20 channels.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: linalg.unpack
// CHECK: %[[SIDE:.*]] = linalg.transpose ins(%arg0 : tensor<2x1x1x4x16xf32>) outs(%{{.*}} : tensor<1x1x4x2x16xf32>) permutation = [1, 2, 3, 0, 4]
// CHECK: %[[MERGED:.*]] = tensor.collapse_shape %[[SIDE]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x1x4x2x16xf32> into tensor<1x1x4x32xf32>
// CHECK: %[[WEIGHT:.*]] = tensor.extract_slice %[[MERGED]][0, 0, 0, 0] [1, 1, 4, 20] [1, 1, 1, 1]
// CHECK: return %[[WEIGHT]]
func.func @kept(%blocked: tensor<2x1x1x4x16xf32>) -> tensor<1x1x4x20xf32> {
  %e = tensor.empty() : tensor<1x1x4x20xf32>
  %w = linalg.unpack %blocked outer_dims_perm = [3, 0, 1, 2] inner_dims_pos = [3] inner_tiles = [16] into %e : tensor<2x1x1x4x16xf32> -> tensor<1x1x4x20xf32>
  return %w : tensor<1x1x4x20xf32>
}

// -----

// An unpack with another layout is not a blocked weight and stays.
// CHECK-LABEL: func.func @other_layout
// CHECK: linalg.unpack
func.func @other_layout(%blocked: tensor<1x1x4x2x16xf32>) -> tensor<1x1x4x20xf32> {
  %e = tensor.empty() : tensor<1x1x4x20xf32>
  %w = linalg.unpack %blocked inner_dims_pos = [3] inner_tiles = [16] into %e : tensor<1x1x4x2x16xf32> -> tensor<1x1x4x20xf32>
  return %w : tensor<1x1x4x20xf32>
}
