// MobileNetV2 dw 3x3 960ch 7x7: fp32, batch 1, with bias and ReLU6 (clip 0, 6).
// MACs = 960 * 1 * 3 * 3 * 7 * 7 = 423,360.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x960x7x7xf32>, %w: tensor<960x1x3x3xf32>, %b: tensor<960xf32>) -> tensor<1x960x7x7xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 960} : (tensor<1x960x7x7xf32>, tensor<960x1x3x3xf32>, tensor<960xf32>) -> tensor<1x960x7x7xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x960x7x7xf32> -> tensor<1x960x7x7xf32>
  return %r : tensor<1x960x7x7xf32>
}
