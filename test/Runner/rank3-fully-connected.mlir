// A fully connected layer on a rank-3 input runs as a tiled, vectorized
// matmul with a packed weight, like one on a rank-2 input, and matches the
// reference evaluator, on 1 and 2 threads.

// RUN: nas-run %s --repeat=1 --check | FileCheck %s
// RUN: nas-run %s --repeat=1 --check --threads=2 --min-parallel-iterations=1 | FileCheck %s
// RUN: nas-opt %s --nas-lower-to-llvm="prepack-weights=true" -mlir-disable-threading -mlir-print-ir-after=nas-tile-and-vectorize -o /dev/null 2>&1 | FileCheck %s --check-prefix=TILED

// CHECK: output: tensor<2x5x40xf32>
// CHECK: check: passed

// The relu stays a loop of its own on the rank-3 result: the reshape
// between it and the matmul keeps it out of the matmul's tiles.
// TILED-LABEL: func.func @rank3_fully_connected(
// TILED: memref.get_global @rank3_fully_connected_packed_weight_0
// TILED-NOT: linalg.generic
// TILED: vector.contract
// TILED: tensor.expand_shape
// TILED: linalg.generic
// TILED-LABEL: func.func @rank3_fully_connected_pack_weights
func.func @rank3_fully_connected(%x: tensor<2x5x24xf32>, %w: tensor<40x24xf32>, %b: tensor<40xf32>) -> tensor<2x5x40xf32> {
  %y = nas.fully_connected %x, %w, %b : (tensor<2x5x24xf32>, tensor<40x24xf32>, tensor<40xf32>) -> tensor<2x5x40xf32>
  %r = nas.relu %y : tensor<2x5x40xf32> -> tensor<2x5x40xf32>
  return %r : tensor<2x5x40xf32>
}
