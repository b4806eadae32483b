// Entries that the NHWC boundary layout does not apply to: the lowering
// keeps the NCHW signature of a private function and of a function that is
// called in the module.
func.func private @private_relu(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %y = nas.relu %x : tensor<1x2x3x4xf32> -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

func.func @recursive_relu(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %y = call @recursive_relu(%x) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}
