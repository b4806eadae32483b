// ResNet-50 stem 7x7/2 3->64 224x224: fp32, batch 1, with bias and relu.
// MACs = 64 * 3 * 7 * 7 * 112 * 112 = 118,013,952.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x3x224x224xf32>, %w: tensor<64x3x7x7xf32>, %b: tensor<64xf32>) -> tensor<1x64x112x112xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 3, 3, 3, 3>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  %r = nas.relu %y : tensor<1x64x112x112xf32> -> tensor<1x64x112x112xf32>
  return %r : tensor<1x64x112x112xf32>
}
