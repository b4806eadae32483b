// smoke 3x3 8->8 8x8: fp32, batch 1, with bias and relu.
// MACs = 8 * 8 * 3 * 3 * 8 * 8 = 36,864.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x8x8xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %r = nas.relu %y : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}
