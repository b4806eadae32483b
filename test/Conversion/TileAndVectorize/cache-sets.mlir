// The pixels of a register block read their inputs in lockstep, so a block
// keeps at most l1Ways - 1 of their lines in one set of the L1 cache.
// x86-64-v4 has no cache sizes of its own: CpuTarget's defaults apply, a
// 32 KiB 8-way L1 with 64-byte lines, 64 sets, so lines 4 KiB apart share a
// set and a block has at most 7 of them.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s --implicit-check-not=nas.

// 1024 channels: the 14 pixels of a row are 4 KiB apart, all in one set,
// so the block takes 7 of them.
// CHECK-LABEL: func.func @same_set
// CHECK: scf.for %{{.*}} = %c0 to %c14 step %c7
// CHECK: scf.for %{{.*}} = %c0 to %c1024 step %c1 iter_args({{.*}}) -> (vector<7x32xf32>)
// CHECK: vector.contract {{.*}} : vector<7x1xf32>, vector<1x32xf32> into vector<7x32xf32>
func.func @same_set(%x: tensor<1x1x14x1024xf32>, %w: tensor<1x1x1024x64xf32>,
                    %init: tensor<1x1x14x64xf32>) -> tensor<1x1x14x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x14x1024xf32>, tensor<1x1x1024x64xf32>)
      outs(%init : tensor<1x1x14x64xf32>) -> tensor<1x1x14x64xf32>
  return %c : tensor<1x1x14x64xf32>
}

// -----

// 1008 channels: the pixels are 4032 bytes apart, in 14 different sets, so
// the block takes the whole row.
// CHECK-LABEL: func.func @different_sets
// CHECK-NOT: step %c7
// CHECK: scf.for %{{.*}} = %c0 to %c1008 step %c1 iter_args({{.*}}) -> (vector<14x32xf32>)
func.func @different_sets(%x: tensor<1x1x14x1008xf32>, %w: tensor<1x1x1008x64xf32>,
                          %init: tensor<1x1x14x64xf32>) -> tensor<1x1x14x64xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x14x1008xf32>, tensor<1x1x1008x64xf32>)
      outs(%init : tensor<1x1x14x64xf32>) -> tensor<1x1x14x64xf32>
  return %c : tensor<1x1x14x64xf32>
}

// -----

// 512 channels with stride 2: the pixels are 4 KiB apart, 7 per block.
// CHECK-LABEL: func.func @stride_two
// CHECK: scf.for %{{.*}} = %c0 to %c14 step %c7
// CHECK: -> (vector<7x16xf32>)
func.func @stride_two(%x: tensor<1x1x28x512xf32>, %w: tensor<1x1x512x16xf32>,
                      %init: tensor<1x1x14x16xf32>) -> tensor<1x1x14x16xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w : tensor<1x1x28x512xf32>, tensor<1x1x512x16xf32>)
      outs(%init : tensor<1x1x14x16xf32>) -> tensor<1x1x14x16xf32>
  return %c : tensor<1x1x14x16xf32>
}

// -----

// 512 channels on 4 x 4: the pixels of a row are 2 KiB apart and the rows
// 8 KiB, so pixels 0 and 2 of every row share a set, and 1 and 3 another.
// The whole output would put 8 lines in each; 2 rows put 4.
// CHECK-LABEL: func.func @two_sets
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c2
// CHECK: -> (vector<4x16xf32>, vector<4x16xf32>)
func.func @two_sets(%x: tensor<1x4x4x512xf32>, %w: tensor<1x1x512x16xf32>,
                    %init: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x4x512xf32>, tensor<1x1x512x16xf32>)
      outs(%init : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %c : tensor<1x4x4x16xf32>
}

// -----

// The rows of a matmul's left operand with K = 1024 are 4 KiB apart: 12
// rows become 2 blocks of 6 (balanced), not one of 12.
// CHECK-LABEL: func.func @matmul_rows
// CHECK: scf.for %{{.*}} = %c0 to %c12 step %c6
// CHECK: -> (vector<6x16xf32>, vector<6x16xf32>)
func.func @matmul_rows(%a: tensor<12x1024xf32>, %b: tensor<1024x16xf32>,
                       %init: tensor<12x16xf32>) -> tensor<12x16xf32> {
  %y = linalg.matmul ins(%a, %b : tensor<12x1024xf32>, tensor<1024x16xf32>)
      outs(%init : tensor<12x16xf32>) -> tensor<12x16xf32>
  return %y : tensor<12x16xf32>
}
