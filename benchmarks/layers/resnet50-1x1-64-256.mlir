// ResNet-50 1x1 64->256 56x56: fp32, batch 1, with bias.
// MACs = 256 * 64 * 1 * 1 * 56 * 56 = 51,380,224.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x64x56x56xf32>, %w: tensor<256x64x1x1xf32>, %b: tensor<256xf32>) -> tensor<1x256x56x56xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}
