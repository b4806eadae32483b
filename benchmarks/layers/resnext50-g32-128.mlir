// ResNeXt-50 3x3 128->128 g32 56x56: fp32, batch 1, with bias and relu.
// MACs = 128 * 4 * 3 * 3 * 56 * 56 = 14,450,688.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x128x56x56xf32>, %w: tensor<128x4x3x3xf32>, %b: tensor<128xf32>) -> tensor<1x128x56x56xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 32} : (tensor<1x128x56x56xf32>, tensor<128x4x3x3xf32>, tensor<128xf32>) -> tensor<1x128x56x56xf32>
  %r = nas.relu %y : tensor<1x128x56x56xf32> -> tensor<1x128x56x56xf32>
  return %r : tensor<1x128x56x56xf32>
}
