// Runs lowered elementwise ops on small constant inputs. The expected values
// come from Inputs/expected_values.py, which rounds every batch_norm step to
// float32 as the compiled code does.
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

// Channel 0: (x - 2.5) / sqrt(1.25 + 1e-5) * 2 + 0.25, so x = 1 gives
// -1.5 / 1.11804 * 2 + 0.25 = -2.43327. Channel 1: (x - 0) / sqrt(4 + 1e-5)
// * 0.5 - 1, close to x / 4 - 1.
func.func @batch_norm() {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]],
                              [[-1.0, 0.0], [1.0, 2.0]]]]>
      : tensor<1x2x2x2xf32>
  %scale = arith.constant dense<[2.0, 0.5]> : tensor<2xf32>
  %bias = arith.constant dense<[0.25, -1.0]> : tensor<2xf32>
  %mean = arith.constant dense<[2.5, 0.0]> : tensor<2xf32>
  %variance = arith.constant dense<[1.25, 4.0]> : tensor<2xf32>
  %y = nas.batch_norm %x, %scale, %bias, %mean, %variance
      {epsilon = 1.0e-5 : f32}
      : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>,
         tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %flat = tensor.collapse_shape %y [[0, 1, 2, 3]]
      : tensor<1x2x2x2xf32> into tensor<8xf32>
  %u = tensor.cast %flat : tensor<8xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: sizes = [8]
// CHECK-NEXT: [-2.43327, -0.644424, 1.14442, 2.93327, -1.25, -1, -0.75, -0.500001]

// 2x3x1 + 1x4 broadcasts both operands to 2x3x4: lhs[i][j][0] + rhs[0][k].
func.func @add_broadcast() {
  %lhs = arith.constant dense<[[[1.0], [2.0], [3.0]], [[4.0], [5.0], [6.0]]]>
      : tensor<2x3x1xf32>
  %rhs = arith.constant dense<[[10.0, 20.0, 30.0, 40.0]]> : tensor<1x4xf32>
  %y = nas.add %lhs, %rhs : (tensor<2x3x1xf32>, tensor<1x4xf32>)
      -> tensor<2x3x4xf32>
  %flat = tensor.collapse_shape %y [[0, 1, 2]]
      : tensor<2x3x4xf32> into tensor<24xf32>
  %u = tensor.cast %flat : tensor<24xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: sizes = [24]
// CHECK-NEXT: [11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43, 14, 24, 34, 44, 15, 25, 35, 45, 16, 26, 36, 46]

// Clip to [-1, 6], then relu.
func.func @clip_relu() {
  %x = arith.constant dense<[-3.0, -0.5, 0.0, 2.5, 6.0, 7.25]> : tensor<6xf32>
  %c = nas.clip %x {min = -1.0 : f32, max = 6.0 : f32}
      : tensor<6xf32> -> tensor<6xf32>
  %r = nas.relu %c : tensor<6xf32> -> tensor<6xf32>
  %u = tensor.cast %c : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %v = tensor.cast %r : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%v) : (tensor<*xf32>) -> ()
  return
}
// CHECK: sizes = [6]
// CHECK-NEXT: [-1, -0.5, 0, 2.5, 6, 6]
// CHECK: sizes = [6]
// CHECK-NEXT: [0, 0, 0, 2.5, 6, 6]

func.func @main() {
  call @batch_norm() : () -> ()
  call @add_broadcast() : () -> ()
  call @clip_relu() : () -> ()
  return
}
