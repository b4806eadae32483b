func.func @dynamic_result(%x: tensor<2x3xf32>) -> tensor<?x3xf32> {
  %y = tensor.cast %x : tensor<2x3xf32> to tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}
