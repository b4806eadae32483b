// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=batch_norm_4d | FileCheck %s --check-prefix=BATCH-NORM-4D
// RUN: nas-run %s --check --repeat=1 --entry=batch_norm_2d | FileCheck %s --check-prefix=BATCH-NORM-2D
// RUN: nas-run %s --check --repeat=1 --entry=relu_clip | FileCheck %s --check-prefix=RELU-CLIP
// RUN: nas-run %s --check --repeat=1 --entry=add_same_shape | FileCheck %s --check-prefix=ADD-SAME-SHAPE
// RUN: nas-run %s --check --repeat=1 --entry=add_channel_broadcast | FileCheck %s --check-prefix=ADD-CHANNEL-BROADCAST
// RUN: nas-run %s --check --repeat=1 --entry=add_both_broadcast | FileCheck %s --check-prefix=ADD-BOTH-BROADCAST
// RUN: nas-run %s --check --repeat=1 --entry=add_rank_broadcast | FileCheck %s --check-prefix=ADD-RANK-BROADCAST
// RUN: nas-run %s --check --repeat=1 --entry=add_scalar_like | FileCheck %s --check-prefix=ADD-SCALAR-LIKE

// Batch norm on 1x5x7x7.
// BATCH-NORM-4D: output: tensor<1x5x7x7xf32>
// BATCH-NORM-4D: check: passed
func.func @batch_norm_4d(%arg0: tensor<1x5x7x7xf32>, %arg1: tensor<5xf32>, %arg2: tensor<5xf32>, %arg3: tensor<5xf32>, %arg4: tensor<5xf32>) -> tensor<1x5x7x7xf32> {
  %1 = nas.batch_norm %arg0, %arg1, %arg2, %arg3, %arg4 {epsilon = 1.0e-05 : f32} : (tensor<1x5x7x7xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<1x5x7x7xf32>
  return %1 : tensor<1x5x7x7xf32>
}

// Batch norm on a 3x5 input (channels in dimension 1), epsilon 0.1.
// BATCH-NORM-2D: output: tensor<3x5xf32>
// BATCH-NORM-2D: check: passed
func.func @batch_norm_2d(%arg0: tensor<3x5xf32>, %arg1: tensor<5xf32>, %arg2: tensor<5xf32>, %arg3: tensor<5xf32>, %arg4: tensor<5xf32>) -> tensor<3x5xf32> {
  %1 = nas.batch_norm %arg0, %arg1, %arg2, %arg3, %arg4 {epsilon = 1.0e-01 : f32} : (tensor<3x5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %1 : tensor<3x5xf32>
}

// relu, then clip to [-0.25, 0.5], then relu6 on 2x3x5x7.
// RELU-CLIP: output: tensor<2x3x5x7xf32>
// RELU-CLIP: check: passed
func.func @relu_clip(%arg0: tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32> {
  %1 = nas.relu %arg0 : tensor<2x3x5x7xf32> -> tensor<2x3x5x7xf32>
  %2 = nas.clip %1 {min = -2.5e-01 : f32, max = 5.0e-01 : f32} : tensor<2x3x5x7xf32> -> tensor<2x3x5x7xf32>
  %3 = nas.clip %2 {min = 0.0 : f32, max = 6.0 : f32} : tensor<2x3x5x7xf32> -> tensor<2x3x5x7xf32>
  return %3 : tensor<2x3x5x7xf32>
}

// Add of two 1x5x7x7 tensors.
// ADD-SAME-SHAPE: output: tensor<1x5x7x7xf32>
// ADD-SAME-SHAPE: check: passed
func.func @add_same_shape(%arg0: tensor<1x5x7x7xf32>, %arg1: tensor<1x5x7x7xf32>) -> tensor<1x5x7x7xf32> {
  %1 = nas.add %arg0, %arg1 : (tensor<1x5x7x7xf32>, tensor<1x5x7x7xf32>) -> tensor<1x5x7x7xf32>
  return %1 : tensor<1x5x7x7xf32>
}

// 1x5x7x7 + 1x5x1x1.
// ADD-CHANNEL-BROADCAST: output: tensor<1x5x7x7xf32>
// ADD-CHANNEL-BROADCAST: check: passed
func.func @add_channel_broadcast(%arg0: tensor<1x5x7x7xf32>, %arg1: tensor<1x5x1x1xf32>) -> tensor<1x5x7x7xf32> {
  %1 = nas.add %arg0, %arg1 : (tensor<1x5x7x7xf32>, tensor<1x5x1x1xf32>) -> tensor<1x5x7x7xf32>
  return %1 : tensor<1x5x7x7xf32>
}

// 3x1 + 1x4 gives 3x4: both operands broadcast.
// ADD-BOTH-BROADCAST: output: tensor<3x4xf32>
// ADD-BOTH-BROADCAST: check: passed
func.func @add_both_broadcast(%arg0: tensor<3x1xf32>, %arg1: tensor<1x4xf32>) -> tensor<3x4xf32> {
  %1 = nas.add %arg0, %arg1 : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  return %1 : tensor<3x4xf32>
}

// 7 + 2x3x7: the shorter shape is padded with leading 1s.
// ADD-RANK-BROADCAST: output: tensor<2x3x7xf32>
// ADD-RANK-BROADCAST: check: passed
func.func @add_rank_broadcast(%arg0: tensor<7xf32>, %arg1: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {
  %1 = nas.add %arg0, %arg1 : (tensor<7xf32>, tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  return %1 : tensor<2x3x7xf32>
}

// 2x3x5 + 1.
// ADD-SCALAR-LIKE: output: tensor<2x3x5xf32>
// ADD-SCALAR-LIKE: check: passed
func.func @add_scalar_like(%arg0: tensor<2x3x5xf32>, %arg1: tensor<1xf32>) -> tensor<2x3x5xf32> {
  %1 = nas.add %arg0, %arg1 : (tensor<2x3x5xf32>, tensor<1xf32>) -> tensor<2x3x5xf32>
  return %1 : tensor<2x3x5xf32>
}
