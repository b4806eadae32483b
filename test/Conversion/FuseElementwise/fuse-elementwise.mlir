// RUN: nas-opt %s -nas-fuse-elementwise -split-input-file | FileCheck %s

// A chain of elementwise ops (bias add, then relu) becomes one
// linalg.generic.
// CHECK-LABEL: func.func @elementwise_chain
// CHECK: linalg.generic
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK-NOT: linalg.generic
// CHECK: return
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @elementwise_chain(%x: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %r = arith.addf %a, %c : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%s : tensor<4x8xf32>) outs(%e2 : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// The reshapes around the matmul of a fully connected layer on a rank-3
// input stay: the matmul keeps its name, so the tiling and the weight
// packing recognize it. Upstream linalg-fuse-elementwise-ops would fold
// both into a 3-D linalg.generic.
// CHECK-LABEL: func.func @rank3_fully_connected
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : tensor<4x6x16xf32> into tensor<24x16xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<24x16xf32>, tensor<16x8xf32>)
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [4, 6, 8] : tensor<24x8xf32> into tensor<4x6x8xf32>
// CHECK-NOT: linalg.generic
func.func @rank3_fully_connected(%x: tensor<4x6x16xf32>, %w: tensor<16x8xf32>) -> tensor<4x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %rows = tensor.collapse_shape %x [[0, 1], [2]] : tensor<4x6x16xf32> into tensor<24x16xf32>
  %e = tensor.empty() : tensor<24x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<24x8xf32>) -> tensor<24x8xf32>
  %y = linalg.matmul ins(%rows, %w : tensor<24x16xf32>, tensor<16x8xf32>)
      outs(%init : tensor<24x8xf32>) -> tensor<24x8xf32>
  %out = tensor.expand_shape %y [[0, 1], [2]] output_shape [4, 6, 8] : tensor<24x8xf32> into tensor<4x6x8xf32>
  return %out : tensor<4x6x8xf32>
}

// -----

// A reshape next to an op whose loops are all parallel still folds into
// it: the relu runs on the expanded shape and the reshape moves to its
// input.
// CHECK-LABEL: func.func @reshape_into_elementwise
// CHECK: tensor.expand_shape %arg0 {{\[}}[0, 1], [2]] output_shape [4, 6, 8]
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<4x6x8xf32>) outs(%{{.*}} : tensor<4x6x8xf32>)
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @reshape_into_elementwise(%x: tensor<24x8xf32>) -> tensor<4x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<24x8xf32>
  %y = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<24x8xf32>) outs(%e : tensor<24x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<24x8xf32>
  %out = tensor.expand_shape %y [[0, 1], [2]] output_shape [4, 6, 8] : tensor<24x8xf32> into tensor<4x6x8xf32>
  return %out : tensor<4x6x8xf32>
}
