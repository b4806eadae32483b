// Blocks lower after nas-expand-blocks: a ResNet bottleneck with projection
// and a MobileNetV2 inverted residual go through block expansion,
// nas-to-linalg and the upstream pipeline down to the LLVM dialect.
//
// RUN: nas-opt %s -pass-pipeline="builtin.module(nas-expand-blocks, \
// RUN:   nas-to-linalg)" | FileCheck %s --check-prefix=LINALG
// RUN: nas-opt %s -pass-pipeline="builtin.module(nas-expand-blocks, \
// RUN:   nas-to-linalg, one-shot-bufferize{bufferize-function-boundaries}, \
// RUN:   buffer-deallocation-pipeline, convert-linalg-to-loops, \
// RUN:   convert-scf-to-cf, expand-strided-metadata, lower-affine, \
// RUN:   convert-to-llvm, reconcile-unrealized-casts)" \
// RUN: | FileCheck %s --check-prefix=LLVM

// LINALG-LABEL: func.func @bottleneck
// LINALG-NOT: nas.
// LINALG-COUNT-4: linalg.conv_2d_nchw_fchw
// LINALG-NOT: nas.
// LINALG: return
func.func @bottleneck(%x: tensor<1x8x6x6xf32>, %w1: tensor<4x8x1x1xf32>,
                      %b1: tensor<4xf32>, %w2: tensor<4x4x3x3xf32>,
                      %b2: tensor<4xf32>, %w3: tensor<16x4x1x1xf32>,
                      %b3: tensor<16xf32>, %wp: tensor<16x8x1x1xf32>,
                      %bp: tensor<16xf32>) -> tensor<1x16x3x3xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
      projection(%wp, %bp) {stride = 2, groups = 1}
      : (tensor<1x8x6x6xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>,
         tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>,
         tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>)
      -> tensor<1x16x3x3xf32>
  return %y : tensor<1x16x3x3xf32>
}

// LINALG-LABEL: func.func @inverted_residual
// LINALG-NOT: nas.
// LINALG: linalg.conv_2d_nchw_fchw
// LINALG: linalg.conv_2d_ngchw_gfchw
// LINALG: linalg.conv_2d_nchw_fchw
// LINALG-NOT: nas.
// LINALG: return
func.func @inverted_residual(%x: tensor<1x4x5x5xf32>,
                             %we: tensor<24x4x1x1xf32>, %be: tensor<24xf32>,
                             %wd: tensor<24x1x3x3xf32>, %bd: tensor<24xf32>,
                             %wp: tensor<4x24x1x1xf32>, %bp: tensor<4xf32>)
    -> tensor<1x4x5x5xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd)
      project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x4x5x5xf32>, tensor<24x4x1x1xf32>, tensor<24xf32>,
         tensor<24x1x3x3xf32>, tensor<24xf32>, tensor<4x24x1x1xf32>,
         tensor<4xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// LLVM-NOT: {{(nas|linalg|tensor|bufferization)\.}}
// LLVM: llvm.func @bottleneck
// LLVM-NOT: {{(nas|linalg|tensor|bufferization)\.}}
// LLVM: llvm.func @inverted_residual
// LLVM-NOT: {{(nas|linalg|tensor|bufferization)\.}}
