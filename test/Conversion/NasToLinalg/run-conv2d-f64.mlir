// Lowers a 3x3 convolution of a 50x50 f64 image to LLVM and runs it. With
// every input element 1, every weight 0.5 and bias 0.25, each of the 48x48
// outputs is 9 * 0.5 + 0.25 = 4.75; the pattern below matches only a list
// of 4.75s.
//
// RUN: nas-opt %s -pass-pipeline="builtin.module(nas-to-linalg, \
// RUN:   one-shot-bufferize{bufferize-function-boundaries}, \
// RUN:   buffer-deallocation-pipeline, convert-linalg-to-loops, \
// RUN:   convert-scf-to-cf, expand-strided-metadata, lower-affine, \
// RUN:   convert-to-llvm, reconcile-unrealized-casts)" \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:     -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils \
// RUN: | FileCheck %s

func.func private @printMemrefF64(tensor<*xf64>)

func.func @main() {
  %x = arith.constant dense<1.0> : tensor<1x1x50x50xf64>
  %w = arith.constant dense<0.5> : tensor<1x1x3x3xf64>
  %b = arith.constant dense<0.25> : tensor<1xf64>
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
                              padding = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x1x50x50xf64>, tensor<1x1x3x3xf64>, tensor<1xf64>)
      -> tensor<1x1x48x48xf64>
  %flat = tensor.collapse_shape %y [[0, 1, 2, 3]]
      : tensor<1x1x48x48xf64> into tensor<2304xf64>
  %u = tensor.cast %flat : tensor<2304xf64> to tensor<*xf64>
  call @printMemrefF64(%u) : (tensor<*xf64>) -> ()
  return
}
// CHECK: sizes = [2304]
// CHECK-NEXT: {{^\[4.75(, 4.75)*\]$}}
