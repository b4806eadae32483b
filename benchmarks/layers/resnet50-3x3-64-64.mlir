// ResNet-50 3x3 64->64 56x56: fp32, batch 1, with bias and relu.
// MACs = 64 * 64 * 3 * 3 * 56 * 56 = 115,605,504.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x56x56xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r = nas.relu %y : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  return %r : tensor<1x64x56x56xf32>
}
