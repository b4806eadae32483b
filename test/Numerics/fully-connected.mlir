// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=fc_2d | FileCheck %s --check-prefix=FC-2D
// RUN: nas-run %s --check --repeat=1 --entry=fc_3d_input | FileCheck %s --check-prefix=FC-3D-INPUT
// RUN: nas-run %s --check --repeat=1 --entry=fc_1d_no_bias | FileCheck %s --check-prefix=FC-1D-NO-BIAS
// The reduction loops of these layers have few accumulators and run as
// several interleaved chains: with an odd number of steps (a remainder
// loop), a partial tile of columns, each instruction set, and two threads.
// RUN: nas-run %s --check --repeat=1 --entry=fc_odd_reduction | FileCheck %s --check-prefix=FC-ODD-REDUCTION
// RUN: nas-run %s --check --repeat=1 --entry=fc_odd_reduction --cpu=x86-64-v3 | FileCheck %s --check-prefix=FC-ODD-REDUCTION
// RUN: nas-run %s --check --repeat=1 --entry=fc_odd_reduction --cpu=x86-64-v2 | FileCheck %s --check-prefix=FC-ODD-REDUCTION
// RUN: nas-run %s --check --repeat=1 --entry=fc_odd_reduction --threads=2 --min-parallel-iterations=1 | FileCheck %s --check-prefix=FC-ODD-REDUCTION
// RUN: nas-run %s --check --repeat=1 --entry=fc_wide --threads=2 | FileCheck %s --check-prefix=FC-WIDE
// RUN: nas-run %s --check --repeat=1 --entry=fc_wide --cpu=x86-64-v3 | FileCheck %s --check-prefix=FC-WIDE

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

// 203 -> 37 with bias: 25 steps of 8 chains and 3 more, and a last tile
// of 5 columns.
// FC-ODD-REDUCTION: output: tensor<1x37xf32>
// FC-ODD-REDUCTION: check: passed
func.func @fc_odd_reduction(%arg0: tensor<1x203xf32>, %arg1: tensor<37x203xf32>, %arg2: tensor<37xf32>) -> tensor<1x37xf32> {
  %1 = nas.fully_connected %arg0, %arg1, %arg2 : (tensor<1x203xf32>, tensor<37x203xf32>, tensor<37xf32>) -> tensor<1x37xf32>
  return %1 : tensor<1x37xf32>
}

// 1280 -> 1000 with bias, as in MobileNetV2.
// FC-WIDE: output: tensor<1x1000xf32>
// FC-WIDE: check: passed
func.func @fc_wide(%arg0: tensor<1x1280xf32>, %arg1: tensor<1000x1280xf32>, %arg2: tensor<1000xf32>) -> tensor<1x1000xf32> {
  %1 = nas.fully_connected %arg0, %arg1, %arg2 : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
  return %1 : tensor<1x1000xf32>
}
