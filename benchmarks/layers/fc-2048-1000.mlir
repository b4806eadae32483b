// FC 2048->1000: fp32, batch 1, with bias.
// MACs = 1000 * 2048 = 2,048,000.
// Written by `benchmarks/harness.py --write-layers`; edit LAYERS there.
func.func @layer(%x: tensor<1x2048xf32>, %w: tensor<1000x2048xf32>, %b: tensor<1000xf32>) -> tensor<1x1000xf32> {
  %y = nas.fully_connected %x, %w, %b : (tensor<1x2048xf32>, tensor<1000x2048xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
  return %y : tensor<1x1000xf32>
}
