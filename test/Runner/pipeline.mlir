// nas-lower-to-llvm turns linalg on tensors into the LLVM dialect only: the
// function returns a memref descriptor, intermediate buffers are freed, and
// chains of elementwise linalg.generic ops become one loop nest.
// RUN: nas-opt %s --nas-lower-to-llvm | FileCheck %s \
// RUN:   --implicit-check-not=linalg. --implicit-check-not=memref. \
// RUN:   --implicit-check-not=tensor. --implicit-check-not=scf. \
// RUN:   --implicit-check-not=affine. --implicit-check-not=unrealized_conversion_cast

// The two generics fuse, so the only buffer is the returned one.
// CHECK-LABEL: llvm.func @fused(
// CHECK-SAME: -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.call @malloc
// CHECK-NOT: llvm.call @malloc
// CHECK-NOT: llvm.call @free
// CHECK: llvm.fmul
// CHECK: llvm.fadd
// CHECK: llvm.return
#map = affine_map<(d0) -> (d0)>
func.func @fused(%x: tensor<16xf32>) -> tensor<16xf32> {
  %e = tensor.empty() : tensor<16xf32>
  %doubled = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<16xf32>) outs(%e : tensor<16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.mulf %in, %in : f32
    linalg.yield %m : f32
  } -> tensor<16xf32>
  %r = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%doubled, %x : tensor<16xf32>, tensor<16xf32>) outs(%e : tensor<16xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<16xf32>
  return %r : tensor<16xf32>
}

// The intermediate 16-element buffer cannot hold the 4x16 result, so it is
// allocated separately and freed before the return.
// CHECK-LABEL: llvm.func @intermediate(
// CHECK: llvm.call @malloc
// CHECK: llvm.call @malloc
// CHECK: llvm.call @free
// CHECK: llvm.return
func.func @intermediate(%x: tensor<16xf32>) -> tensor<4x16xf32> {
  %e = tensor.empty() : tensor<16xf32>
  %doubled = linalg.add ins(%x, %x : tensor<16xf32>, tensor<16xf32>) outs(%e : tensor<16xf32>) -> tensor<16xf32>
  %e2 = tensor.empty() : tensor<4x16xf32>
  %r = linalg.broadcast ins(%doubled : tensor<16xf32>) outs(%e2 : tensor<4x16xf32>) dimensions = [0]
  return %r : tensor<4x16xf32>
}

// nas ops, blocks included, are expanded and lowered by the same pipeline.
// CHECK-LABEL: llvm.func @nas_ops(
// CHECK: llvm.intr.maximum
// CHECK: llvm.return
// CHECK-LABEL: llvm.func @_mlir_ciface_nas_ops(
func.func @nas_ops(%x: tensor<1x4x5x5xf32>, %w1: tensor<2x4x1x1xf32>, %b1: tensor<2xf32>, %w2: tensor<2x2x3x3xf32>, %b2: tensor<2xf32>, %w3: tensor<4x2x1x1xf32>, %b3: tensor<4xf32>) -> tensor<1x4x5x5xf32> attributes {llvm.emit_c_interface} {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) {stride = 1, groups = 1} : (tensor<1x4x5x5xf32>, tensor<2x4x1x1xf32>, tensor<2xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>, tensor<4x2x1x1xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}
