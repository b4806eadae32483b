// MobileNetV2 dw 3x3 32ch 112x112: fp32, batch 1, with bias and ReLU6 (clip 0, 6).
// MACs = 32 * 1 * 3 * 3 * 112 * 112 = 3,612,672.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x32x112x112xf32>, %w: tensor<32x1x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x112x112xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 32} : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<1x32x112x112xf32>
  %r = nas.clip %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x32x112x112xf32> -> tensor<1x32x112x112xf32>
  return %r : tensor<1x32x112x112xf32>
}
