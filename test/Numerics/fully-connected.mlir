// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=fc_2d | FileCheck %s --check-prefix=FC-2D
// RUN: nas-run %s --check --repeat=1 --entry=fc_3d_input | FileCheck %s --check-prefix=FC-3D-INPUT
// RUN: nas-run %s --check --repeat=1 --entry=fc_1d_no_bias | FileCheck %s --check-prefix=FC-1D-NO-BIAS

// 2048 -> 10 with bias.
// FC-2D: output: tensor<1x10xf32>
// FC-2D: check: passed
func.func @fc_2d(%arg0: tensor<1x2048xf32>, %arg1: tensor<10x2048xf32>, %arg2: tensor<10xf32>) -> tensor<1x10xf32> {
  %1 = nas.fully_connected %arg0, %arg1, %arg2 : (tensor<1x2048xf32>, tensor<10x2048xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %1 : tensor<1x10xf32>
}

// Fully connected 3 -> 8 on a 5x10x3 input (50 rows).
// FC-3D-INPUT: output: tensor<5x10x8xf32>
// FC-3D-INPUT: check: passed
func.func @fc_3d_input(%arg0: tensor<5x10x3xf32>, %arg1: tensor<8x3xf32>, %arg2: tensor<8xf32>) -> tensor<5x10x8xf32> {
  %1 = nas.fully_connected %arg0, %arg1, %arg2 : (tensor<5x10x3xf32>, tensor<8x3xf32>, tensor<8xf32>) -> tensor<5x10x8xf32>
  return %1 : tensor<5x10x8xf32>
}

// A rank-1 input without bias: 13 -> 5.
// FC-1D-NO-BIAS: output: tensor<5xf32>
// FC-1D-NO-BIAS: check: passed
func.func @fc_1d_no_bias(%arg0: tensor<13xf32>, %arg1: tensor<5x13xf32>) -> tensor<5xf32> {
  %1 = nas.fully_connected %arg0, %arg1 : (tensor<13xf32>, tensor<5x13xf32>) -> tensor<5xf32>
  return %1 : tensor<5xf32>
}
