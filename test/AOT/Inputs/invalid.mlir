// Functions that nas-compile rejects, each selected with --entry.

func.func @dynamic_argument(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  return %x : tensor<?x3xf32>
}

func.func @dynamic_result(%x: tensor<2x3xf32>) -> tensor<?x3xf32> {
  %r = tensor.cast %x : tensor<2x3xf32> to tensor<?x3xf32>
  return %r : tensor<?x3xf32>
}

func.func @integer_argument(%x: tensor<4xi8>) -> tensor<4xf32> {
  %r = arith.sitofp %x : tensor<4xi8> to tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func @no_results(%x: tensor<4xf32>) {
  return
}

func.func private @declared(%x: tensor<4xf32>) -> tensor<4xf32>

// linalg.softmax has no lowering in nas-lower-to-llvm.
func.func @softmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %init = tensor.empty() : tensor<2x5xf32>
  %r = linalg.softmax dimension(1) ins(%x : tensor<2x5xf32>) outs(%init : tensor<2x5xf32>) -> tensor<2x5xf32>
  return %r : tensor<2x5xf32>
}

// Calls a function that no library provides: an object file is written,
// but linking a shared library fails.
func.func @calls_declared(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = func.call @declared(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
