// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=depthwise_256x112 | FileCheck %s --check-prefix=DEPTHWISE-256X112

// Depthwise 3x3, stride 2, padding 1 on 1x256x112x112 gives 1x256x56x56
// (7,225,344 MACs).
// DEPTHWISE-256X112: output: tensor<1x256x56x56xf32>
// DEPTHWISE-256X112: check: passed
func.func @depthwise_256x112(%arg0: tensor<1x256x112x112xf32>, %arg1: tensor<256x1x3x3xf32>, %arg2: tensor<256xf32>) -> tensor<1x256x56x56xf32> {
  %1 = nas.conv2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 256} : (tensor<1x256x112x112xf32>, tensor<256x1x3x3xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  return %1 : tensor<1x256x56x56xf32>
}
