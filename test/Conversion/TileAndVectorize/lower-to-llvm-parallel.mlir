// With parallel=true, nas-lower-to-llvm distributes the tile loops with
// OpenMP: the rows of the convolution's output become an omp.wsloop in an
// omp.parallel region.
// RUN: nas-opt %s --nas-lower-to-llvm="cpu=x86-64-v4 parallel=true" | FileCheck %s
// RUN: nas-opt %s --nas-lower-to-llvm="cpu=x86-64-v4" | FileCheck %s --check-prefix=SERIAL

// In the loop nest, each input element is loaded right before the FMA
// that uses it (nas-sink-loads), not all of them before the first FMA.
// CHECK-LABEL: llvm.func @conv
// CHECK: omp.parallel {
// CHECK: omp.wsloop {
// CHECK: omp.loop_nest
// CHECK: llvm.load {{.*}} -> vector<1xf32>
// CHECK-NOT: llvm.load {{.*}} -> vector<1xf32>
// CHECK: llvm.intr.fmuladd
// CHECK: llvm.load {{.*}} -> vector<1xf32>
// CHECK-NOT: llvm.load {{.*}} -> vector<1xf32>
// CHECK: llvm.intr.fmuladd
// SERIAL-NOT: omp.
func.func @conv(%x: tensor<1x16x14x14xf32>, %w: tensor<64x16x3x3xf32>)
    -> tensor<1x64x14x14xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x16x14x14xf32>, tensor<64x16x3x3xf32>) -> tensor<1x64x14x14xf32>
  return %y : tensor<1x64x14x14xf32>
}

// Two layers: the distributed loops of both run in one omp.parallel region,
// one omp.wsloop after the other (nas-merge-parallel-regions).
// CHECK-LABEL: llvm.func @two_layers
// CHECK: omp.parallel {
// CHECK: omp.wsloop {
// CHECK: omp.wsloop {
// CHECK: omp.terminator
// CHECK-NOT: omp.parallel
// CHECK: llvm.return
func.func @two_layers(%x: tensor<1x16x14x14xf32>, %w: tensor<64x16x3x3xf32>,
                      %w2: tensor<32x64x1x1xf32>) -> tensor<1x32x14x14xf32> {
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x16x14x14xf32>, tensor<64x16x3x3xf32>) -> tensor<1x64x14x14xf32>
  %r = nas.relu %y : tensor<1x64x14x14xf32> -> tensor<1x64x14x14xf32>
  %z = nas.conv2d %r, %w2 {strides = array<i64: 1, 1>,
                           padding = array<i64: 0, 0, 0, 0>,
                           dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x64x14x14xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x14x14xf32>
  return %z : tensor<1x32x14x14xf32>
}
