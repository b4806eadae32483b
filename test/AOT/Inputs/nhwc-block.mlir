// A 3x3 convolution with padding 1, a residual add of a second activation
// input, relu, and a fully connected layer on the flattened result. Both
// the 4-D relu output and the 2-D logits are results. The sizes N, C, H, W
// differ from each other, so a wrong permutation changes the result.
func.func @block(%x: tensor<2x3x5x7xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>, %skip: tensor<2x4x5x7xf32>, %fc_weight: tensor<6x140xf32>, %fc_bias: tensor<6xf32>) -> (tensor<2x4x5x7xf32>, tensor<2x6xf32>) {
  %conv = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x3x5x7xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x7xf32>
  %sum = nas.add %conv, %skip : (tensor<2x4x5x7xf32>, tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %relu = nas.relu %sum : tensor<2x4x5x7xf32> -> tensor<2x4x5x7xf32>
  %flat = nas.flatten %relu {axis = 1} : tensor<2x4x5x7xf32> -> tensor<2x140xf32>
  %fc = nas.fully_connected %flat, %fc_weight, %fc_bias : (tensor<2x140xf32>, tensor<6x140xf32>, tensor<6xf32>) -> tensor<2x6xf32>
  return %relu, %fc : tensor<2x4x5x7xf32>, tensor<2x6xf32>
}
