// 2^62 * 4 elements of 4 bytes are 2^66 bytes, more than 64 bits can count.
func.func @huge(%x: tensor<4611686018427387904x4xf32>)
    -> tensor<4611686018427387904x4xf32> {
  %y = nas.relu %x : tensor<4611686018427387904x4xf32>
      -> tensor<4611686018427387904x4xf32>
  return %y : tensor<4611686018427387904x4xf32>
}
