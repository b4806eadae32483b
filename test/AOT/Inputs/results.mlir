// Functions whose results exercise the copy and free steps of the C entry
// point. Each is compiled on its own with nas-compile --entry.

// Two results that share one buffer: both are copied, the buffer is freed
// once.
func.func @shared_result(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %r = nas.relu %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %r, %r : tensor<2x3xf32>, tensor<2x3xf32>
}

// An input returned unchanged, a constant and a rank-0 tensor, in f64.
func.func @input_constant_scalar(%x: tensor<2x3xf64>, %s: tensor<f64>) -> (tensor<2x3xf64>, tensor<2xf64>, tensor<f64>) {
  %c = arith.constant dense<[1.5, -2.5]> : tensor<2xf64>
  return %x, %c, %s : tensor<2x3xf64>, tensor<2xf64>, tensor<f64>
}

// An in-place update of an input, which must not reach the caller's buffer.
func.func @insert_into_input(%x: tensor<4xf32>) -> tensor<4xf32> {
  %v = arith.constant 5.0 : f32
  %i = arith.constant 1 : index
  %r = tensor.insert %v into %x[%i] : tensor<4xf32>
  return %r : tensor<4xf32>
}

// No arguments: the header's input table has one unnamed entry, and the
// entry point accepts a null input array.
func.func @no_arguments() -> tensor<2xf32> {
  %c = arith.constant dense<[0.5, -1.0]> : tensor<2xf32>
  return %c : tensor<2xf32>
}

// A copy into every other column of a rank-3 buffer: the memref.copy has a
// target with inner stride 2, which lowers to a call of memrefCopy that
// copies element by element.
func.func @strided_copy(%a: tensor<2x3x4xf32>, %b: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  %r = tensor.insert_slice %a into %b[0, 0, 1] [2, 3, 4] [1, 1, 2] : tensor<2x3x4xf32> into tensor<2x3x8xf32>
  return %r : tensor<2x3x8xf32>
}
