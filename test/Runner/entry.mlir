// The entry is the first public function unless --entry names another, and
// only the entry (with the functions it calls) is compiled: @unlowerable
// does not stop @first from running.
// RUN: nas-run %s --repeat=1 --print-values | FileCheck %s --check-prefix=FIRST
// RUN: nas-run %s --repeat=1 --print-values --entry=caller | FileCheck %s --check-prefix=CALLER
// RUN: not nas-run %s --repeat=1 --entry=unlowerable 2>&1 | FileCheck %s --check-prefix=UNLOWERABLE

// FIRST: output: tensor<2xf32>
// FIRST-NEXT: values: [1.000000e+00, 2.000000e+00]
func.func private @helper() -> tensor<2xf32> {
  %c = arith.constant dense<[3.0, 4.0]> : tensor<2xf32>
  return %c : tensor<2xf32>
}

func.func @first() -> tensor<2xf32> {
  %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %c : tensor<2xf32>
}

// CALLER: values: [3.000000e+00, 4.000000e+00]
func.func @caller() -> tensor<2xf32> {
  %r = func.call @helper() : () -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// UNLOWERABLE: error: 'linalg.softmax' was not lowered to the LLVM dialect
func.func @unlowerable(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %y = linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
