// MobileNetV2 pw 144->24 56x56: fp32, batch 1, with bias.
// MACs = 24 * 144 * 1 * 1 * 56 * 56 = 10,838,016.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x144x56x56xf32>, %w: tensor<24x144x1x1xf32>, %b: tensor<24xf32>) -> tensor<1x24x56x56xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x144x56x56xf32>, tensor<24x144x1x1xf32>, tensor<24xf32>) -> tensor<1x24x56x56xf32>
  return %y : tensor<1x24x56x56xf32>
}
