// ResNet-50 1x1 256->64 56x56: fp32, batch 1, with bias and relu.
// MACs = 64 * 256 * 1 * 1 * 56 * 56 = 51,380,224.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x256x56x56xf32>, %w: tensor<64x256x1x1xf32>, %b: tensor<64xf32>) -> tensor<1x64x56x56xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r = nas.relu %y : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  return %r : tensor<1x64x56x56xf32>
}
