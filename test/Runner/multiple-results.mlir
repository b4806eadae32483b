// Several results, one of them the argument itself and one a constant: the
// caller receives and frees a buffer per result. The checksum is
// 2 * sum(%a) + 1.5 + 2.5 = 3.704919e+00 (Inputs/fill_reference.py).
// RUN: nas-run %s --repeat=2 | FileCheck %s

// CHECK: output: tensor<4x8xf32>
// CHECK-NEXT: output: tensor<2xf32>
// CHECK-NEXT: output: tensor<4x8xf32>
// CHECK-NEXT: checksum: 3.704919e+00
// CHECK-NEXT: median latency: {{.*}} ms (2 runs)
func.func @results(%a: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<2xf32>, tensor<4x8xf32>) {
  %c = arith.constant dense<[1.5, 2.5]> : tensor<2xf32>
  return %a, %c, %a : tensor<4x8xf32>, tensor<2xf32>, tensor<4x8xf32>
}

// A computed buffer returned twice: both results are read before the buffer
// is freed, so they match the reference evaluator.
// RUN: nas-run %s --entry=same_buffer --repeat=3 --check | FileCheck %s --check-prefix=SAME
// SAME: output: tensor<64x64xf32>
// SAME-NEXT: output: tensor<64x64xf32>
// SAME: check: passed
func.func @same_buffer(%a: tensor<64x64xf32>) -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %r = nas.relu %a : tensor<64x64xf32> -> tensor<64x64xf32>
  return %r, %r : tensor<64x64xf32>, tensor<64x64xf32>
}
