// A convolution, relu and fully connected layer, with ONNX-style names on
// the arguments and results.
func.func @conv_relu_fc(%input: tensor<1x3x8x8xf32> {nas.name = "input"}, %conv_weight: tensor<4x3x3x3xf32> {nas.name = "conv.weight"}, %conv_bias: tensor<4xf32> {nas.name = "conv.bias"}, %fc_weight: tensor<10x256xf32> {nas.name = "fc.weight"}, %fc_bias: tensor<10xf32> {nas.name = "fc.bias"}) -> (tensor<1x10xf32> {nas.name = "logits"}) {
  %conv = nas.conv2d %input, %conv_weight, %conv_bias {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %relu = nas.relu %conv : tensor<1x4x8x8xf32> -> tensor<1x4x8x8xf32>
  %flat = nas.flatten %relu {axis = 1} : tensor<1x4x8x8xf32> -> tensor<1x256xf32>
  %fc = nas.fully_connected %flat, %fc_weight, %fc_bias : (tensor<1x256xf32>, tensor<10x256xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %fc : tensor<1x10xf32>
}
