// MobileNetV2 dw 3x3/2 144ch 56x56: fp32, batch 1, with bias and ReLU6 (clip 0, 6).
// MACs = 144 * 1 * 3 * 3 * 28 * 28 = 1,016,064.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x144x56x56xf32>, %w: tensor<144x1x3x3xf32>, %b: tensor<144xf32>) -> tensor<1x144x28x28xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 144} : (tensor<1x144x56x56xf32>, tensor<144x1x3x3xf32>, tensor<144xf32>) -> tensor<1x144x28x28xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x144x28x28xf32> -> tensor<1x144x28x28xf32>
  return %r : tensor<1x144x28x28xf32>
}
