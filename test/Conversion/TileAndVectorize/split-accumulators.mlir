// Reduction loops with fewer than 8 accumulator registers run as several
// copies of their body, each with accumulators of its own, summed pairwise
// after the loop. With AVX-512 (16 lanes), one vector<16xf32> is one chain.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --implicit-check-not=nas.

// One row by 16 columns: 1 chain, 8 copies over the 512 steps, the 7 zero
// accumulators from one constant, and 7 additions.
// CHECK-LABEL: func.func @one_chain
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<16xf32>
// CHECK: %[[SUMS:.*]]:8 = scf.for %[[IV:.*]] = %c0 to %{{.*}} step %c8 iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]])
// CHECK-COUNT-8: vector.contract {{.*}} : vector<1xf32>, vector<1x16xf32> into vector<16xf32>
// CHECK: scf.yield
// CHECK: %[[S01:.*]] = arith.addf %[[SUMS]]#0, %[[SUMS]]#1 : vector<16xf32>
// CHECK: %[[S23:.*]] = arith.addf %[[SUMS]]#2, %[[SUMS]]#3 : vector<16xf32>
// CHECK: %[[S45:.*]] = arith.addf %[[SUMS]]#4, %[[SUMS]]#5 : vector<16xf32>
// CHECK: %[[S67:.*]] = arith.addf %[[SUMS]]#6, %[[SUMS]]#7 : vector<16xf32>
// CHECK: %[[S03:.*]] = arith.addf %[[S01]], %[[S23]] : vector<16xf32>
// CHECK: %[[S47:.*]] = arith.addf %[[S45]], %[[S67]] : vector<16xf32>
// CHECK: %[[SUM:.*]] = arith.addf %[[S03]], %[[S47]] : vector<16xf32>
// CHECK-NOT: scf.for
// CHECK: vector.transfer_write %[[SUM]]
func.func @one_chain(%a: tensor<1x512xf32>, %b: tensor<512x16xf32>,
                     %init: tensor<1x16xf32>) -> tensor<1x16xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<1x512xf32>, tensor<512x16xf32>)
      outs(%init : tensor<1x16xf32>) -> tensor<1x16xf32>
  return %y : tensor<1x16xf32>
}

// -----

// 203 steps: 25 steps of 8 copies, then 3 steps of the loop from the sum.
// CHECK-LABEL: func.func @remainder
// CHECK: %[[SUMS:.*]]:8 = scf.for %{{.*}} = %c0 to %c200 step %c8
// CHECK-COUNT-7: arith.addf
// CHECK: %[[REST:.*]] = scf.for %{{.*}} = %c200 to %c203 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<16xf32>)
// CHECK: vector.contract
// CHECK: vector.transfer_write %[[REST]]
func.func @remainder(%a: tensor<1x203xf32>, %b: tensor<203x16xf32>,
                     %init: tensor<1x16xf32>) -> tensor<1x16xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<1x203xf32>, tensor<203x16xf32>)
      outs(%init : tensor<1x16xf32>) -> tensor<1x16xf32>
  return %y : tensor<1x16xf32>
}

// -----

// 8 rows by 16 columns: 8 chains, the loop stays.
// CHECK-LABEL: func.func @enough_chains
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<8x16xf32>)
// CHECK-NOT: arith.addf
func.func @enough_chains(%a: tensor<8x64xf32>, %b: tensor<64x16xf32>,
                         %init: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<8x64xf32>, tensor<64x16xf32>)
      outs(%init : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %y : tensor<8x16xf32>
}

// -----

// 3 steps: at most half of them per copy, so no copies.
// CHECK-LABEL: func.func @short_reduction
// CHECK: scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %{{.*}}) -> (vector<16xf32>)
// CHECK-NOT: arith.addf
func.func @short_reduction(%a: tensor<1x3xf32>, %b: tensor<3x16xf32>,
                           %init: tensor<1x16xf32>) -> tensor<1x16xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<1x3xf32>, tensor<3x16xf32>)
      outs(%init : tensor<1x16xf32>) -> tensor<1x16xf32>
  return %y : tensor<1x16xf32>
}
