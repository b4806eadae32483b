// In nas-lower-to-llvm, the buffers between the layers of a function share
// one arena, allocated once per call; the returned buffer keeps its own
// allocation. The results stay those of the reference evaluator.
// RUN: nas-opt %s --nas-lower-to-llvm --mlir-print-ir-after=nas-plan-buffers -o /dev/null 2>&1 | FileCheck %s
// RUN: nas-run %s --check --repeat=1 | FileCheck %s --check-prefix=NUMERICS

// CHECK-LABEL: func.func @three_layers(
// CHECK:         %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<{{[0-9]+}}xi8>
// CHECK-NOT:     memref.alloc()
// CHECK:         memref.view %[[ARENA]]
// CHECK-NOT:     memref.alloc()
// CHECK:         memref.view %[[ARENA]]
// CHECK:         %[[RESULT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x8x16x16xf32>
// CHECK-NOT:     memref.alloc()
// CHECK:         memref.dealloc %[[ARENA]]
// CHECK-NOT:     memref.dealloc
// CHECK:         return %[[RESULT]]
// NUMERICS: output: tensor<1x8x16x16xf32>
// NUMERICS: check: passed
func.func @three_layers(%x: tensor<1x8x16x16xf32>, %w1: tensor<16x8x1x1xf32>, %w2: tensor<16x16x3x3xf32>, %w3: tensor<8x16x1x1xf32>) -> tensor<1x8x16x16xf32> {
  %0 = nas.conv2d %x, %w1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x16x16xf32>, tensor<16x8x1x1xf32>) -> tensor<1x16x16x16xf32>
  %1 = nas.relu %0 : tensor<1x16x16x16xf32> -> tensor<1x16x16x16xf32>
  %2 = nas.conv2d %1, %w2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x16x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x16x16xf32>
  %3 = nas.relu %2 : tensor<1x16x16x16xf32> -> tensor<1x16x16x16xf32>
  %4 = nas.conv2d %3, %w3 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x16x16xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x16x16xf32>
  return %4 : tensor<1x8x16x16xf32>
}
