// RUN: nas-opt %s -nas-to-linalg -split-input-file -verify-diagnostics

func.func @conv_f16(%x: tensor<1x3x8x8xf16>, %w: tensor<4x3x3x3xf16>)
    -> tensor<1x4x6x6xf16> {
  // expected-error@+1 {{'nas.conv2d' op has operand #0 of element type 'f16', expected f32 or f64 for the lowering to linalg}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x8x8xf16>, tensor<4x3x3x3xf16>) -> tensor<1x4x6x6xf16>
  return %y : tensor<1x4x6x6xf16>
}

// -----

func.func @relu_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  // expected-error@+1 {{'nas.relu' op has operand #0 of element type 'bf16', expected f32 or f64 for the lowering to linalg}}
  %y = nas.relu %x : tensor<4xbf16> -> tensor<4xbf16>
  return %y : tensor<4xbf16>
}

// -----

func.func @fully_connected_i8(%x: tensor<2x4xi8>, %w: tensor<3x4xi8>)
    -> tensor<2x3xi8> {
  // expected-error@+1 {{'nas.fully_connected' op has operand #0 of element type 'i8', expected f32 or f64 for the lowering to linalg}}
  %y = nas.fully_connected %x, %w
      : (tensor<2x4xi8>, tensor<3x4xi8>) -> tensor<2x3xi8>
  return %y : tensor<2x3xi8>
}

// -----

func.func @conv_dynamic(%x: tensor<1x3x?x?xf32>, %w: tensor<4x3x3x3xf32>)
    -> tensor<1x4x?x?xf32> {
  // expected-error@+1 {{'nas.conv2d' op has operand #0 of dynamic shape 'tensor<1x3x?x?xf32>', expected static shapes for the lowering to linalg}}
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x?x?xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x?x?xf32>
  return %y : tensor<1x4x?x?xf32>
}

// -----

func.func @add_dynamic_batch(%a: tensor<?x8xf32>, %b: tensor<8xf32>)
    -> tensor<?x8xf32> {
  // expected-error@+1 {{'nas.add' op has operand #0 of dynamic shape 'tensor<?x8xf32>', expected static shapes for the lowering to linalg}}
  %y = nas.add %a, %b : (tensor<?x8xf32>, tensor<8xf32>) -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}

// -----

// Every unsupported op is reported, not only the first.
func.func @several(%x: tensor<4xf16>, %y: tensor<4xf32>)
    -> (tensor<4xf16>, tensor<4xf32>, tensor<4xf16>) {
  // expected-error@+1 {{'nas.relu' op has operand #0 of element type 'f16'}}
  %a = nas.relu %x : tensor<4xf16> -> tensor<4xf16>
  %b = nas.relu %y : tensor<4xf32> -> tensor<4xf32>
  // expected-error@+1 {{'nas.clip' op has operand #0 of element type 'f16'}}
  %c = nas.clip %x {min = 0.0 : f32, max = 6.0 : f32}
      : tensor<4xf16> -> tensor<4xf16>
  return %a, %b, %c : tensor<4xf16>, tensor<4xf32>, tensor<4xf16>
}

// -----

func.func @bottleneck(%x: tensor<1x64x8x8xf32>, %w1: tensor<64x64x1x1xf32>,
                      %b1: tensor<64xf32>, %w2: tensor<64x64x3x3xf32>,
                      %b2: tensor<64xf32>, %w3: tensor<64x64x1x1xf32>,
                      %b3: tensor<64xf32>) -> tensor<1x64x8x8xf32> {
  // expected-error@+1 {{'nas.bottleneck' op is a block, which nas-to-linalg does not lower: run nas-expand-blocks first}}
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
      {stride = 1, groups = 1}
      : (tensor<1x64x8x8xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<64x64x1x1xf32>,
         tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return %y : tensor<1x64x8x8xf32>
}

// -----

func.func @inverted_residual(%x: tensor<1x16x8x8xf32>,
                             %wd: tensor<16x1x3x3xf32>, %bd: tensor<16xf32>,
                             %wp: tensor<16x16x1x1xf32>, %bp: tensor<16xf32>)
    -> tensor<1x16x8x8xf32> {
  // expected-error@+1 {{'nas.inverted_residual' op is a block, which nas-to-linalg does not lower: run nas-expand-blocks first}}
  %y = nas.inverted_residual %x depthwise(%wd, %bd) project(%wp, %bp)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}
