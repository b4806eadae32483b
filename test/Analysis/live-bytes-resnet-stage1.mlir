// RUN: nas-opt %s --nas-annotate-costs | FileCheck %s --check-prefix=NONE
// RUN: nas-opt %s --nas-annotate-costs=memory-reuse=elementwise | FileCheck %s --check-prefix=REUSE

// The last bottleneck of ResNet-50's first stage with batch normalization
// folded, fp32. %x (1x256x56x56) is the previous block's output and the
// residual. Sizes in elements (one 56x56 plane is 3,136):
//   X  = 256 * 3,136 = 802,816      C1, R1, C2, R2 = 64 * 3,136 = 200,704
//   C3, A, R3 = 256 * 3,136 = 802,816
// While conv3 runs, its input R2, its output C3 and the residual X are live:
//   (200,704 + 802,816 + 802,816) * 4 bytes = 1,806,336 * 4 = 7,225,344.
// This holds under both conventions.
//
// Live elements per op with memory-reuse=none (every op a new buffer):
//   conv1: X + C1 = 1,003,520            relu1: X + C1 + R1 = 1,204,224
//   conv2: X + R1 + C2 = 1,204,224       relu2: X + C2 + R2 = 1,204,224
//   conv3: X + R2 + C3 = 1,806,336       add:   X + C3 + A = 2,408,448
//   relu3: A + R3 = 1,605,632            peak 2,408,448 = 9,633,792 bytes
// With memory-reuse=elementwise, relu1 writes into C1, relu2 into C2, the
// add into C3 (its first operand, last read there) and relu3 into C3 too:
//   conv1: X + C1 = 1,003,520            relu1: X + C1 = 1,003,520
//   conv2: X + C1 + C2 = 1,204,224       relu2: X + C2 = 1,003,520
//   conv3: X + C2 + C3 = 1,806,336       add:   X + C3 = 1,605,632
//   relu3: C3 = 802,816                  peak 1,806,336 = 7,225,344 bytes

// NONE-LABEL: func.func @layer1_2
// NONE-SAME: nas.memory_reuse = "none", nas.peak_bytes = 9633792 : i64, nas.peak_elements = 2408448 : i64
// NONE: nas.live_bytes = 4014080 : i64
// NONE: nas.live_bytes = 4816896 : i64
// NONE: nas.live_bytes = 4816896 : i64
// NONE: nas.live_bytes = 4816896 : i64
// NONE: nas.conv2d
// NONE-SAME: nas.live_bytes = 7225344 : i64
// NONE: nas.add
// NONE-SAME: nas.live_bytes = 9633792 : i64
// NONE: nas.relu
// NONE-SAME: nas.live_bytes = 6422528 : i64

// REUSE-LABEL: func.func @layer1_2
// REUSE-SAME: nas.memory_reuse = "elementwise", nas.peak_bytes = 7225344 : i64, nas.peak_elements = 1806336 : i64
// REUSE: nas.live_bytes = 4014080 : i64
// REUSE: nas.live_bytes = 4014080 : i64
// REUSE: nas.live_bytes = 4816896 : i64
// REUSE: nas.live_bytes = 4014080 : i64
// REUSE: nas.conv2d
// REUSE-SAME: nas.live_bytes = 7225344 : i64
// REUSE: nas.add
// REUSE-SAME: nas.live_bytes = 6422528 : i64
// REUSE: nas.relu
// REUSE-SAME: nas.live_bytes = 3211264 : i64
func.func @layer1_2(%x: tensor<1x256x56x56xf32>,
                    %w1: tensor<64x256x1x1xf32>, %b1: tensor<64xf32>,
                    %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>,
                    %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>) -> tensor<1x256x56x56xf32> {
  %c1 = nas.conv2d %x, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r1 = nas.relu %c1 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c2 = nas.conv2d %r1, %w2, %b2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r2 = nas.relu %c2 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c3 = nas.conv2d %r2, %w3, %b3 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  %a = nas.add %c3, %x : (tensor<1x256x56x56xf32>, tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
  %r3 = nas.relu %a : tensor<1x256x56x56xf32> -> tensor<1x256x56x56xf32>
  return %r3 : tensor<1x256x56x56xf32>
}
