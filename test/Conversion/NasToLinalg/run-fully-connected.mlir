// Runs a lowered fully connected layer on a 2x2x3 input (four rows of three
// features) with a 4x3 weight and a bias. The expected values come from
// Inputs/expected_values.py; row 0 by hand: [1, 2, 3] gives
// 1 - 3 + 0.5 = -1.5, 2 + 2 + 0 = 4, 3 - 1 = 2 and 1 + 2 + 3 + 2 = 8.
//
// RUN: nas-opt %s -pass-pipeline="builtin.module(nas-to-linalg, \
// RUN:   one-shot-bufferize{bufferize-function-boundaries}, \
// RUN:   buffer-deallocation-pipeline, convert-linalg-to-loops, \
// RUN:   convert-scf-to-cf, expand-strided-metadata, lower-affine, \
// RUN:   convert-to-llvm, reconcile-unrealized-casts)" \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:     -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %x = arith.constant dense<[[[1.0, 2.0, 3.0], [-1.0, 0.0, 1.0]],
                             [[0.5, 0.5, 2.0], [4.0, -2.0, 0.0]]]>
      : tensor<2x2x3xf32>
  %w = arith.constant dense<[[1.0, 0.0, -1.0], [2.0, 1.0, 0.0],
                             [0.0, 0.0, 1.0], [1.0, 1.0, 1.0]]>
      : tensor<4x3xf32>
  %b = arith.constant dense<[0.5, 0.0, -1.0, 2.0]> : tensor<4xf32>
  %y = nas.fully_connected %x, %w, %b
      : (tensor<2x2x3xf32>, tensor<4x3xf32>, tensor<4xf32>)
      -> tensor<2x2x4xf32>
  %flat = tensor.collapse_shape %y [[0, 1, 2]]
      : tensor<2x2x4xf32> into tensor<16xf32>
  %u = tensor.cast %flat : tensor<16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: sizes = [16]
// CHECK-NEXT: [-1.5, 4, 2, 8, -1.5, -2, 0, 2, -1, 1.5, 1, 5, 4.5, 6, -1, 4]
