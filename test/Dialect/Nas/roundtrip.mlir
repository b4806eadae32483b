// Every nas op in its custom form, with each optional operand present and
// absent. The second run goes through the generic form.
// RUN: nas-opt %s | nas-opt | FileCheck %s
// RUN: nas-opt %s --mlir-print-op-generic | nas-opt | FileCheck %s

// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<1x2048xf32>, %[[W:.*]]: tensor<1000x2048xf32>, %[[B:.*]]: tensor<1000xf32>, %[[X3:.*]]: tensor<5x10x3xf32>, %[[W3:.*]]: tensor<8x3xf32>)
// CHECK: nas.fully_connected %[[X]], %[[W]], %[[B]] : (tensor<1x2048xf32>, tensor<1000x2048xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
// CHECK: nas.fully_connected %[[X3]], %[[W3]] : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<5x10x8xf32>
func.func @fully_connected(%x: tensor<1x2048xf32>, %w: tensor<1000x2048xf32>,
                           %b: tensor<1000xf32>, %x3: tensor<5x10x3xf32>,
                           %w3: tensor<8x3xf32>)
    -> (tensor<1x1000xf32>, tensor<5x10x8xf32>) {
  %0 = nas.fully_connected %x, %w, %b
      : (tensor<1x2048xf32>, tensor<1000x2048xf32>, tensor<1000xf32>)
      -> tensor<1x1000xf32>
  %1 = nas.fully_connected %x3, %w3
      : (tensor<5x10x3xf32>, tensor<8x3xf32>) -> tensor<5x10x8xf32>
  return %0, %1 : tensor<1x1000xf32>, tensor<5x10x8xf32>
}

// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x224x224xf32>, %[[W:.*]]: tensor<64x3x7x7xf32>, %[[B:.*]]: tensor<64xf32>, %[[DW:.*]]: tensor<128x1x3x3xf32>)
// CHECK: %[[Y:.*]] = nas.conv2d %[[X]], %[[W]], %[[B]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
// CHECK: nas.conv2d %[[Y]], %[[DW]] {dilations = array<i64: 2, 1>, groups = 64 : i64, padding = array<i64: 0, 1, 2, 1>, strides = array<i64: 1, 2>} : (tensor<1x64x112x112xf32>, tensor<128x1x3x3xf32>) -> tensor<1x128x110x56xf32>
func.func @conv2d(%x: tensor<1x3x224x224xf32>, %w: tensor<64x3x7x7xf32>,
                  %b: tensor<64xf32>, %dw: tensor<128x1x3x3xf32>)
    -> tensor<1x128x110x56xf32> {
  // (224 + 3 + 3 - 7) / 2 + 1 = 112.
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                              padding = array<i64: 3, 3, 3, 3>,
                              dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>)
      -> tensor<1x64x112x112xf32>
  // Depthwise with channel multiplier 2, no bias.
  // Height: (112 + 0 + 2 - 2 * (3 - 1) - 1) / 1 + 1 = 110.
  // Width: (112 + 1 + 1 - (3 - 1) - 1) / 2 + 1 = 56.
  %1 = nas.conv2d %0, %dw {strides = array<i64: 1, 2>,
                           padding = array<i64: 0, 1, 2, 1>,
                           dilations = array<i64: 2, 1>, groups = 64}
      : (tensor<1x64x112x112xf32>, tensor<128x1x3x3xf32>)
      -> tensor<1x128x110x56xf32>
  return %1 : tensor<1x128x110x56xf32>
}

// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[S:.*]]: tensor<8xf32>, %[[M:.*]]: tensor<8xf32>, %[[V:.*]]: tensor<8xf32>, %[[Z:.*]]: tensor<8x1x1xf32>)
// CHECK: %[[BN:.*]] = nas.batch_norm %[[X]], %[[S]], %[[S]], %[[M]], %[[V]] {epsilon = 9.99999974E-6 : f32} : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
// CHECK: %[[R:.*]] = nas.relu %[[BN]] : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
// CHECK: %[[C:.*]] = nas.clip %[[R]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
// CHECK: nas.add %[[C]], %[[Z]] : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @elementwise(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>,
                       %m: tensor<8xf32>, %v: tensor<8xf32>,
                       %z: tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %0 = nas.batch_norm %x, %s, %s, %m, %v {epsilon = 1.0e-05 : f32}
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %1 = nas.relu %0 : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %2 = nas.clip %1 {min = 0.0 : f32, max = 6.0 : f32}
      : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %3 = nas.add %2, %z : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>)
      -> tensor<1x8x4x4xf32>
  return %3 : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @pooling
// CHECK-SAME: (%[[X:.*]]: tensor<1x64x112x112xf32>)
// CHECK: %[[MP:.*]] = nas.max_pool2d %[[X]] {ceil_mode = false, dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
// CHECK: %[[AP:.*]] = nas.avg_pool2d %[[MP]] {ceil_mode = true, count_include_pad = false, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x64x56x56xf32> -> tensor<1x64x28x28xf32>
// CHECK: nas.global_avg_pool2d %[[AP]] : tensor<1x64x28x28xf32> -> tensor<1x64x1x1xf32>
func.func @pooling(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x1x1xf32> {
  // (112 + 1 + 1 - 3) / 2 + 1 = 56.
  %0 = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  // (56 - 3) / 2 + 1 = 27, rounded up to 28 by ceil_mode.
  %1 = nas.avg_pool2d %0 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>, ceil_mode = true,
                          count_include_pad = false}
      : tensor<1x64x56x56xf32> -> tensor<1x64x28x28xf32>
  %2 = nas.global_avg_pool2d %1
      : tensor<1x64x28x28xf32> -> tensor<1x64x1x1xf32>
  return %2 : tensor<1x64x1x1xf32>
}

// CHECK-LABEL: func.func @shapes
// CHECK-SAME: (%[[X:.*]]: tensor<1x2048x1x1xf32>)
// CHECK: %[[F:.*]] = nas.flatten %[[X]] {axis = 1 : i64} : tensor<1x2048x1x1xf32> -> tensor<1x2048xf32>
// CHECK: nas.reshape %[[F]] : tensor<1x2048xf32> -> tensor<2x32x32xf32>
func.func @shapes(%x: tensor<1x2048x1x1xf32>) -> tensor<2x32x32xf32> {
  %0 = nas.flatten %x {axis = 1} : tensor<1x2048x1x1xf32> -> tensor<1x2048xf32>
  %1 = nas.reshape %0 : tensor<1x2048xf32> -> tensor<2x32x32xf32>
  return %1 : tensor<2x32x32xf32>
}

// CHECK-LABEL: func.func @bottleneck
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x64x56x56xf32>, %[[W1:[^:]*]]: tensor<64x64x1x1xf32>, %[[B1:[^:]*]]: tensor<64xf32>, %[[W2:[^:]*]]: tensor<64x64x3x3xf32>, %[[B2:[^:]*]]: tensor<64xf32>, %[[W3:[^:]*]]: tensor<256x64x1x1xf32>, %[[B3:[^:]*]]: tensor<256xf32>, %[[WP:[^:]*]]: tensor<256x64x1x1xf32>, %[[BP:[^:]*]]: tensor<256xf32>, %[[W4:[^:]*]]: tensor<64x256x1x1xf32>)
// CHECK: %[[Y:.*]] = nas.bottleneck %[[X]] reduce(%[[W1]], %[[B1]]) conv(%[[W2]], %[[B2]]) expand(%[[W3]], %[[B3]]) projection(%[[WP]], %[[BP]]) {groups = 1 : i64, stride = 1 : i64} : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
// CHECK: nas.bottleneck %[[Y]] reduce(%[[W4]], %[[B1]]) conv(%[[W2]], %[[B2]]) expand(%[[W3]], %[[B3]]) {groups = 1 : i64, stride = 1 : i64} : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
func.func @bottleneck(%x: tensor<1x64x56x56xf32>,
                      %w1: tensor<64x64x1x1xf32>, %b1: tensor<64xf32>,
                      %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>,
                      %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>,
                      %wp: tensor<256x64x1x1xf32>, %bp: tensor<256xf32>,
                      %w4: tensor<64x256x1x1xf32>)
    -> tensor<1x256x56x56xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
      projection(%wp, %bp) {stride = 1, groups = 1}
      : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<1x256x56x56xf32>
  %1 = nas.bottleneck %0 reduce(%w4, %b1) conv(%w2, %b2) expand(%w3, %b3)
      {stride = 1, groups = 1}
      : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>) -> tensor<1x256x56x56xf32>
  return %1 : tensor<1x256x56x56xf32>
}

// CHECK-LABEL: func.func @inverted_residual
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x32x112x112xf32>, %[[DW1:[^:]*]]: tensor<32x1x3x3xf32>, %[[DB1:[^:]*]]: tensor<32xf32>, %[[PW1:[^:]*]]: tensor<16x32x1x1xf32>, %[[PB1:[^:]*]]: tensor<16xf32>, %[[EW:[^:]*]]: tensor<96x16x1x1xf32>, %[[EB:[^:]*]]: tensor<96xf32>, %[[DW2:[^:]*]]: tensor<96x1x3x3xf32>, %[[DB2:[^:]*]]: tensor<96xf32>, %[[PW2:[^:]*]]: tensor<24x96x1x1xf32>, %[[PB2:[^:]*]]: tensor<24xf32>)
// CHECK: %[[Y:.*]] = nas.inverted_residual %[[X]] depthwise(%[[DW1]], %[[DB1]]) project(%[[PW1]], %[[PB1]]) {expand_ratio = 1 : i64, kernel_size = 3 : i64, stride = 1 : i64} : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
// CHECK: nas.inverted_residual %[[Y]] expand(%[[EW]], %[[EB]]) depthwise(%[[DW2]], %[[DB2]]) project(%[[PW2]], %[[PB2]]) {expand_ratio = 6 : i64, kernel_size = 3 : i64, stride = 2 : i64} : (tensor<1x16x112x112xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<24x96x1x1xf32>, tensor<24xf32>) -> tensor<1x24x56x56xf32>
func.func @inverted_residual(%x: tensor<1x32x112x112xf32>,
    %dw1: tensor<32x1x3x3xf32>, %db1: tensor<32xf32>,
    %pw1: tensor<16x32x1x1xf32>, %pb1: tensor<16xf32>,
    %ew: tensor<96x16x1x1xf32>, %eb: tensor<96xf32>,
    %dw2: tensor<96x1x3x3xf32>, %db2: tensor<96xf32>,
    %pw2: tensor<24x96x1x1xf32>, %pb2: tensor<24xf32>)
    -> tensor<1x24x56x56xf32> {
  // The first two blocks of MobileNetV2.
  %0 = nas.inverted_residual %x depthwise(%dw1, %db1) project(%pw1, %pb1)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>,
         tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
  %1 = nas.inverted_residual %0 expand(%ew, %eb) depthwise(%dw2, %db2)
      project(%pw2, %pb2) {expand_ratio = 6, kernel_size = 3, stride = 2}
      : (tensor<1x16x112x112xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>,
         tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<24x96x1x1xf32>,
         tensor<24xf32>) -> tensor<1x24x56x56xf32>
  return %1 : tensor<1x24x56x56xf32>
}

// Dynamic sizes that the operands leave open stay dynamic.
// CHECK-LABEL: func.func @dynamic
// CHECK: nas.conv2d %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<?x3x?x8xf32>, tensor<16x3x3x3xf32>) -> tensor<?x16x?x8xf32>
// CHECK: nas.add %{{.*}}, %{{.*}} : (tensor<?x16x?x8xf32>, tensor<1x16x5x1xf32>) -> tensor<1x16x5x8xf32>
func.func @dynamic(%x: tensor<?x3x?x8xf32>, %w: tensor<16x3x3x3xf32>,
                   %z: tensor<1x16x5x1xf32>) -> tensor<1x16x5x8xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, groups = 1}
      : (tensor<?x3x?x8xf32>, tensor<16x3x3x3xf32>) -> tensor<?x16x?x8xf32>
  // ? against 5 infers 5; ? against 1 infers ?, which the result may refine.
  %1 = nas.add %0, %z : (tensor<?x16x?x8xf32>, tensor<1x16x5x1xf32>)
      -> tensor<1x16x5x8xf32>
  return %1 : tensor<1x16x5x8xf32>
}
