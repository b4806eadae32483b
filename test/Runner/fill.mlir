// The role and range of every argument, decided by the nas operand it feeds.
// He-uniform bounds sqrt(6 / fan_in): fan-in 3*3*3 = 27 gives 0.471405,
// 1*3*3 = 9 (depthwise) gives 0.816497, 2048 gives 0.0541266 and 64 gives
// 0.306186, and 16*1*1 = 16 (expansion) gives 0.612372.
// RUN: nas-run %s --print-fill --reference-only | FileCheck %s

// CHECK: argument #0: tensor<1x3x8x8xf32> input uniform [-1, 1)
// CHECK-NEXT: argument #1: tensor<16x3x3x3xf32> weight uniform [-0.471405, 0.471405)
// CHECK-NEXT: argument #2: tensor<16xf32> bias uniform [-0.1, 0.1)
// CHECK-NEXT: argument #3: tensor<16xf32> batch norm scale uniform [0.5, 1.5)
// CHECK-NEXT: argument #4: tensor<16xf32> batch norm bias uniform [-0.1, 0.1)
// CHECK-NEXT: argument #5: tensor<16xf32> batch norm mean uniform [-0.1, 0.1)
// CHECK-NEXT: argument #6: tensor<16xf32> batch norm variance uniform [0.5, 1.5)
// CHECK-NEXT: argument #7: tensor<16x1x3x3xf32> weight uniform [-0.816497, 0.816497)
// CHECK-NEXT: argument #8: tensor<10x2048xf32> weight uniform [-0.0541266, 0.0541266)
// CHECK-NEXT: argument #9: tensor<10xf32> bias uniform [-0.1, 0.1)
// CHECK-NEXT: argument #10: tensor<1x2048xf32> input uniform [-1, 1)
// CHECK-NEXT: argument #11: tensor<64x16x1x1xf32> weight uniform [-0.612372, 0.612372)
// CHECK-NEXT: argument #12: tensor<64xf32> bias uniform [-0.1, 0.1)
// CHECK-NEXT: argument #13: tensor<64x1x3x3xf32> weight uniform [-0.816497, 0.816497)
// CHECK-NEXT: argument #14: tensor<16x64x1x1xf32> weight uniform [-0.306186, 0.306186)
// CHECK-NEXT: output: tensor<1x16x4x4xf32>
// CHECK-NEXT: output: tensor<1x10xf32>
func.func @roles(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>,
                 %scale: tensor<16xf32>, %shift: tensor<16xf32>, %mean: tensor<16xf32>, %var: tensor<16xf32>,
                 %dw: tensor<16x1x3x3xf32>, %fcw: tensor<10x2048xf32>, %fcb: tensor<10xf32>,
                 %features: tensor<1x2048xf32>, %ew: tensor<64x16x1x1xf32>, %eb: tensor<64xf32>,
                 %dw2: tensor<64x1x3x3xf32>, %pw: tensor<16x64x1x1xf32>)
    -> (tensor<1x16x4x4xf32>, tensor<1x10xf32>) {
  %c = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %n = nas.batch_norm %c, %scale, %shift, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %d = nas.conv2d %n, %dw {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 16} : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x4x4xf32>
  %r = nas.inverted_residual %d expand(%ew, %eb) depthwise(%dw2, %eb) project(%pw, %b) {expand_ratio = 4, kernel_size = 3, stride = 1} : (tensor<1x16x4x4xf32>, tensor<64x16x1x1xf32>, tensor<64xf32>, tensor<64x1x3x3xf32>, tensor<64xf32>, tensor<16x64x1x1xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  %y = nas.fully_connected %features, %fcw, %fcb : (tensor<1x2048xf32>, tensor<10x2048xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %r, %y : tensor<1x16x4x4xf32>, tensor<1x10xf32>
}
