// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=bottleneck_grouped | FileCheck %s --check-prefix=BOTTLENECK-GROUPED

// Grouped 3x3 (width 8, groups 4) with stride 2 and projection, batch 2.
// BOTTLENECK-GROUPED: output: tensor<2x12x5x5xf32>
// BOTTLENECK-GROUPED: check: passed
func.func @bottleneck_grouped(%arg0: tensor<2x6x9x9xf32>, %arg1: tensor<8x6x1x1xf32>, %arg2: tensor<8xf32>, %arg3: tensor<8x2x3x3xf32>, %arg4: tensor<8xf32>, %arg5: tensor<12x8x1x1xf32>, %arg6: tensor<12xf32>, %arg7: tensor<12x6x1x1xf32>, %arg8: tensor<12xf32>) -> tensor<2x12x5x5xf32> {
  %1 = nas.bottleneck %arg0 reduce(%arg1, %arg2) conv(%arg3, %arg4) expand(%arg5, %arg6) projection(%arg7, %arg8) {stride = 2, groups = 4} : (tensor<2x6x9x9xf32>, tensor<8x6x1x1xf32>, tensor<8xf32>, tensor<8x2x3x3xf32>, tensor<8xf32>, tensor<12x8x1x1xf32>, tensor<12xf32>, tensor<12x6x1x1xf32>, tensor<12xf32>) -> tensor<2x12x5x5xf32>
  return %1 : tensor<2x12x5x5xf32>
}
