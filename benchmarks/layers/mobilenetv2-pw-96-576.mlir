// MobileNetV2 pw 96->576 14x14: fp32, batch 1, with bias and ReLU6 (clip 0, 6).
// MACs = 576 * 96 * 1 * 1 * 14 * 14 = 10,838,016.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x96x14x14xf32>, %w: tensor<576x96x1x1xf32>, %b: tensor<576xf32>) -> tensor<1x576x14x14xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x96x14x14xf32>, tensor<576x96x1x1xf32>, tensor<576xf32>) -> tensor<1x576x14x14xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x576x14x14xf32> -> tensor<1x576x14x14xf32>
  return %r : tensor<1x576x14x14xf32>
}
