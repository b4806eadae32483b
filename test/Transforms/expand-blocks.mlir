// nas-expand-blocks rewrites each block into its primitives, with each
// part located at "<block name>/<part>". The second run parses and verifies
// the expanded IR again.
// RUN: nas-opt %s --nas-expand-blocks -mlir-print-debuginfo -mlir-print-local-scope | FileCheck %s
// RUN: nas-opt %s --nas-expand-blocks | nas-opt | FileCheck %s --check-prefix=REPARSED

// REPARSED-NOT: nas.bottleneck
// REPARSED-NOT: nas.inverted_residual

// ResNet-50 layer1.0: projection shortcut, stride 1.
// CHECK-LABEL: func.func @bottleneck_projection
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x64x56x56xf32> {{.*}}, %[[W1:[^:]*]]: tensor<64x64x1x1xf32> {{.*}}, %[[B1:[^:]*]]: tensor<64xf32> {{.*}}, %[[W2:[^:]*]]: tensor<64x64x3x3xf32> {{.*}}, %[[B2:[^:]*]]: tensor<64xf32> {{.*}}, %[[W3:[^:]*]]: tensor<256x64x1x1xf32> {{.*}}, %[[B3:[^:]*]]: tensor<256xf32> {{.*}}, %[[WP:[^:]*]]: tensor<256x64x1x1xf32> {{.*}}, %[[BP:[^:]*]]: tensor<256xf32> {{.*}})
// CHECK-NEXT: %[[C1:.*]] = nas.conv2d %[[X]], %[[W1]], %[[B1]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32> loc("layer1.0/conv1")
// CHECK-NEXT: %[[R1:.*]] = nas.relu %[[C1]] : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32> loc("layer1.0/relu1")
// CHECK-NEXT: %[[C2:.*]] = nas.conv2d %[[R1]], %[[W2]], %[[B2]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32> loc("layer1.0/conv2")
// CHECK-NEXT: %[[R2:.*]] = nas.relu %[[C2]] : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32> loc("layer1.0/relu2")
// CHECK-NEXT: %[[C3:.*]] = nas.conv2d %[[R2]], %[[W3]], %[[B3]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32> loc("layer1.0/conv3")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d %[[X]], %[[WP]], %[[BP]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32> loc("layer1.0/downsample")
// CHECK-NEXT: %[[S:.*]] = nas.add %[[C3]], %[[P]] : (tensor<1x256x56x56xf32>, tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32> loc("layer1.0/add")
// CHECK-NEXT: %[[Y:.*]] = nas.relu %[[S]] : tensor<1x256x56x56xf32> -> tensor<1x256x56x56xf32> loc("layer1.0/relu3")
// CHECK-NEXT: return %[[Y]]
func.func @bottleneck_projection(%x: tensor<1x64x56x56xf32>,
    %w1: tensor<64x64x1x1xf32>, %b1: tensor<64xf32>,
    %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>,
    %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>,
    %wp: tensor<256x64x1x1xf32>, %bp: tensor<256xf32>)
    -> tensor<1x256x56x56xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
      projection(%wp, %bp) {stride = 1, groups = 1}
      : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<1x256x56x56xf32> loc("layer1.0")
  return %0 : tensor<1x256x56x56xf32>
}

// ResNet-50 layer1.1: identity shortcut. The parts keep the child location
// of the block's name.
// CHECK-LABEL: func.func @bottleneck_identity
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x256x56x56xf32> {{.*}}, %[[W1:[^:]*]]: tensor<64x256x1x1xf32> {{.*}}, %[[B1:[^:]*]]: tensor<64xf32> {{.*}}, %[[W2:[^:]*]]: tensor<64x64x3x3xf32> {{.*}}, %[[W3:[^:]*]]: tensor<256x64x1x1xf32> {{.*}}, %[[B3:[^:]*]]: tensor<256xf32> {{.*}})
// CHECK-NEXT: %[[C1:.*]] = nas.conv2d %[[X]], %[[W1]], %[[B1]] {{.*}} -> tensor<1x64x56x56xf32> loc("layer1.1/conv1"("resnet.py":105:8))
// CHECK-NEXT: %[[R1:.*]] = nas.relu %[[C1]] {{.*}} loc("layer1.1/relu1"("resnet.py":105:8))
// CHECK-NEXT: %[[C2:.*]] = nas.conv2d %[[R1]], %[[W2]], %[[B1]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} {{.*}} loc("layer1.1/conv2"("resnet.py":105:8))
// CHECK-NEXT: %[[R2:.*]] = nas.relu %[[C2]] {{.*}} loc("layer1.1/relu2"("resnet.py":105:8))
// CHECK-NEXT: %[[C3:.*]] = nas.conv2d %[[R2]], %[[W3]], %[[B3]] {{.*}} -> tensor<1x256x56x56xf32> loc("layer1.1/conv3"("resnet.py":105:8))
// CHECK-NEXT: %[[S:.*]] = nas.add %[[C3]], %[[X]] : (tensor<1x256x56x56xf32>, tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32> loc("layer1.1/add"("resnet.py":105:8))
// CHECK-NEXT: %[[Y:.*]] = nas.relu %[[S]] {{.*}} loc("layer1.1/relu3"("resnet.py":105:8))
// CHECK-NEXT: return %[[Y]]
func.func @bottleneck_identity(%x: tensor<1x256x56x56xf32>,
    %w1: tensor<64x256x1x1xf32>, %b1: tensor<64xf32>,
    %w2: tensor<64x64x3x3xf32>,
    %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>)
    -> tensor<1x256x56x56xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b1) expand(%w3, %b3)
      {stride = 1, groups = 1}
      : (tensor<1x256x56x56xf32>, tensor<64x256x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>) -> tensor<1x256x56x56xf32>
      loc("layer1.1"("resnet.py":105:8))
  return %0 : tensor<1x256x56x56xf32>
}

// Stride 2 and 32 groups go to the 3x3 convolution; the projection takes
// the stride too: (7 - 1) / 2 + 1 = 4.
// CHECK-LABEL: func.func @bottleneck_stride2_groups
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x64x7x7xf32> {{.*}}, %[[W1:[^:]*]]: tensor<128x64x1x1xf32> {{.*}}, %[[B1:[^:]*]]: tensor<128xf32> {{.*}}, %[[W2:[^:]*]]: tensor<128x4x3x3xf32> {{.*}}, %[[W3:[^:]*]]: tensor<256x128x1x1xf32> {{.*}}, %[[B3:[^:]*]]: tensor<256xf32> {{.*}}, %[[WP:[^:]*]]: tensor<256x64x1x1xf32> {{.*}})
// CHECK-NEXT: %[[C1:.*]] = nas.conv2d %[[X]], %[[W1]], %[[B1]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x64x7x7xf32>, tensor<128x64x1x1xf32>, tensor<128xf32>) -> tensor<1x128x7x7xf32> loc("stage2/block0/conv1")
// CHECK-NEXT: %[[R1:.*]] = nas.relu %[[C1]] : tensor<1x128x7x7xf32> -> tensor<1x128x7x7xf32> loc("stage2/block0/relu1")
// CHECK-NEXT: %[[C2:.*]] = nas.conv2d %[[R1]], %[[W2]], %[[B1]] {dilations = array<i64: 1, 1>, groups = 32 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x128x7x7xf32>, tensor<128x4x3x3xf32>, tensor<128xf32>) -> tensor<1x128x4x4xf32> loc("stage2/block0/conv2")
// CHECK-NEXT: %[[R2:.*]] = nas.relu %[[C2]] : tensor<1x128x4x4xf32> -> tensor<1x128x4x4xf32> loc("stage2/block0/relu2")
// CHECK-NEXT: %[[C3:.*]] = nas.conv2d %[[R2]], %[[W3]], %[[B3]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x128x4x4xf32>, tensor<256x128x1x1xf32>, tensor<256xf32>) -> tensor<1x256x4x4xf32> loc("stage2/block0/conv3")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d %[[X]], %[[WP]], %[[B3]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x64x7x7xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x4x4xf32> loc("stage2/block0/downsample")
// CHECK-NEXT: %[[S:.*]] = nas.add %[[C3]], %[[P]] : (tensor<1x256x4x4xf32>, tensor<1x256x4x4xf32>) -> tensor<1x256x4x4xf32> loc("stage2/block0/add")
// CHECK-NEXT: %[[Y:.*]] = nas.relu %[[S]] : tensor<1x256x4x4xf32> -> tensor<1x256x4x4xf32> loc("stage2/block0/relu3")
// CHECK-NEXT: return %[[Y]]
func.func @bottleneck_stride2_groups(%x: tensor<1x64x7x7xf32>,
    %w1: tensor<128x64x1x1xf32>, %b1: tensor<128xf32>,
    %w2: tensor<128x4x3x3xf32>,
    %w3: tensor<256x128x1x1xf32>, %b3: tensor<256xf32>,
    %wp: tensor<256x64x1x1xf32>) -> tensor<1x256x4x4xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b1) expand(%w3, %b3)
      projection(%wp, %b3) {stride = 2, groups = 32}
      : (tensor<1x64x7x7xf32>, tensor<128x64x1x1xf32>, tensor<128xf32>,
         tensor<128x4x3x3xf32>, tensor<128xf32>, tensor<256x128x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<1x256x4x4xf32> loc("stage2/block0")
  return %0 : tensor<1x256x4x4xf32>
}

// A block without a name gives each part its own name, with the block's
// location as child. Dynamic batch and spatial sizes stay dynamic in every
// part.
// CHECK-LABEL: func.func @bottleneck_unnamed_dynamic
// CHECK-NEXT: nas.conv2d {{.*}} -> tensor<?x64x?x?xf32> loc("conv1"("{{.*}}expand-blocks.mlir":[[LINE:[0-9]+]]:8))
// CHECK-NEXT: nas.relu {{.*}} loc("relu1"("{{.*}}expand-blocks.mlir":[[LINE]]:8))
// CHECK-NEXT: nas.conv2d {{.*}} -> tensor<?x64x?x?xf32> loc("conv2"("{{.*}}expand-blocks.mlir":[[LINE]]:8))
// CHECK-NEXT: nas.relu {{.*}} loc("relu2"(
// CHECK-NEXT: nas.conv2d {{.*}} -> tensor<?x256x?x?xf32> loc("conv3"(
// CHECK-NEXT: nas.conv2d {{.*}} -> tensor<?x256x?x?xf32> loc("downsample"(
// CHECK-NEXT: nas.add {{.*}} : (tensor<?x256x?x?xf32>, tensor<?x256x?x?xf32>) -> tensor<?x256x?x?xf32> loc("add"(
// CHECK-NEXT: nas.relu {{.*}} : tensor<?x256x?x?xf32> -> tensor<?x256x?x?xf32> loc("relu3"("{{.*}}expand-blocks.mlir":[[LINE]]:8))
func.func @bottleneck_unnamed_dynamic(%x: tensor<?x64x?x?xf32>,
    %w1: tensor<64x64x1x1xf32>, %b64: tensor<64xf32>,
    %w2: tensor<64x64x3x3xf32>,
    %w3: tensor<256x64x1x1xf32>, %b256: tensor<256xf32>,
    %wp: tensor<256x64x1x1xf32>) -> tensor<?x256x?x?xf32> {
  %0 = nas.bottleneck %x reduce(%w1, %b64) conv(%w2, %b64)
      expand(%w3, %b256) projection(%wp, %b256) {stride = 2, groups = 1}
      : (tensor<?x64x?x?xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
         tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
         tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
      -> tensor<?x256x?x?xf32>
  return %0 : tensor<?x256x?x?xf32>
}

// MobileNetV2 features.1: expand_ratio 1 has no expansion, and 32 -> 16
// channels has no residual.
// CHECK-LABEL: func.func @inverted_residual_ratio1
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x32x112x112xf32> {{.*}}, %[[DW:[^:]*]]: tensor<32x1x3x3xf32> {{.*}}, %[[DB:[^:]*]]: tensor<32xf32> {{.*}}, %[[PW:[^:]*]]: tensor<16x32x1x1xf32> {{.*}}, %[[PB:[^:]*]]: tensor<16xf32> {{.*}})
// CHECK-NEXT: %[[D:.*]] = nas.conv2d %[[X]], %[[DW]], %[[DB]] {dilations = array<i64: 1, 1>, groups = 32 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<1x32x112x112xf32> loc("features.1/depthwise")
// CHECK-NEXT: %[[R:.*]] = nas.clip %[[D]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x32x112x112xf32> -> tensor<1x32x112x112xf32> loc("features.1/depthwise_relu6")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d %[[R]], %[[PW]], %[[PB]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x32x112x112xf32>, tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32> loc("features.1/project")
// CHECK-NEXT: return %[[P]]
func.func @inverted_residual_ratio1(%x: tensor<1x32x112x112xf32>,
    %dw: tensor<32x1x3x3xf32>, %db: tensor<32xf32>,
    %pw: tensor<16x32x1x1xf32>, %pb: tensor<16xf32>)
    -> tensor<1x16x112x112xf32> {
  %0 = nas.inverted_residual %x depthwise(%dw, %db) project(%pw, %pb)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x32x112x112xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>,
         tensor<16x32x1x1xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
      loc("features.1")
  return %0 : tensor<1x16x112x112xf32>
}

// MobileNetV2 features.3: 24 -> 144 -> 24, stride 1, residual.
// CHECK-LABEL: func.func @inverted_residual_ratio6
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x24x56x56xf32> {{.*}}, %[[EW:[^:]*]]: tensor<144x24x1x1xf32> {{.*}}, %[[EB:[^:]*]]: tensor<144xf32> {{.*}}, %[[DW:[^:]*]]: tensor<144x1x3x3xf32> {{.*}}, %[[DB:[^:]*]]: tensor<144xf32> {{.*}}, %[[PW:[^:]*]]: tensor<24x144x1x1xf32> {{.*}}, %[[PB:[^:]*]]: tensor<24xf32> {{.*}})
// CHECK-NEXT: %[[E:.*]] = nas.conv2d %[[X]], %[[EW]], %[[EB]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>) -> tensor<1x144x56x56xf32> loc("features.3/expand")
// CHECK-NEXT: %[[ER:.*]] = nas.clip %[[E]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32> loc("features.3/expand_relu6")
// CHECK-NEXT: %[[D:.*]] = nas.conv2d %[[ER]], %[[DW]], %[[DB]] {dilations = array<i64: 1, 1>, groups = 144 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x144x56x56xf32>, tensor<144x1x3x3xf32>, tensor<144xf32>) -> tensor<1x144x56x56xf32> loc("features.3/depthwise")
// CHECK-NEXT: %[[DR:.*]] = nas.clip %[[D]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32> loc("features.3/depthwise_relu6")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d %[[DR]], %[[PW]], %[[PB]] {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x144x56x56xf32>, tensor<24x144x1x1xf32>, tensor<24xf32>) -> tensor<1x24x56x56xf32> loc("features.3/project")
// CHECK-NEXT: %[[Y:.*]] = nas.add %[[X]], %[[P]] : (tensor<1x24x56x56xf32>, tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32> loc("features.3/add")
// CHECK-NEXT: return %[[Y]]
func.func @inverted_residual_ratio6(%x: tensor<1x24x56x56xf32>,
    %ew: tensor<144x24x1x1xf32>, %eb: tensor<144xf32>,
    %dw: tensor<144x1x3x3xf32>, %db: tensor<144xf32>,
    %pw: tensor<24x144x1x1xf32>, %pb: tensor<24xf32>)
    -> tensor<1x24x56x56xf32> {
  %0 = nas.inverted_residual %x expand(%ew, %eb) depthwise(%dw, %db)
      project(%pw, %pb) {expand_ratio = 6, kernel_size = 3, stride = 1}
      : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>,
         tensor<144x1x3x3xf32>, tensor<144xf32>, tensor<24x144x1x1xf32>,
         tensor<24xf32>) -> tensor<1x24x56x56xf32> loc("features.3")
  return %0 : tensor<1x24x56x56xf32>
}

// Kernel 5 (padding 2), stride 2: (15 - 1) / 2 + 1 = 8, no residual.
// CHECK-LABEL: func.func @inverted_residual_kernel5_stride2
// CHECK-NEXT: nas.conv2d {{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x24x15x15xf32>, tensor<72x24x1x1xf32>, tensor<72xf32>) -> tensor<1x72x15x15xf32> loc("b/expand")
// CHECK-NEXT: nas.clip {{.*}} loc("b/expand_relu6")
// CHECK-NEXT: nas.conv2d {{.*}} {dilations = array<i64: 1, 1>, groups = 72 : i64, padding = array<i64: 2, 2, 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x72x15x15xf32>, tensor<72x1x5x5xf32>, tensor<72xf32>) -> tensor<1x72x8x8xf32> loc("b/depthwise")
// CHECK-NEXT: nas.clip {{.*}} loc("b/depthwise_relu6")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d {{.*}} : (tensor<1x72x8x8xf32>, tensor<40x72x1x1xf32>, tensor<40xf32>) -> tensor<1x40x8x8xf32> loc("b/project")
// CHECK-NEXT: return %[[P]]
func.func @inverted_residual_kernel5_stride2(%x: tensor<1x24x15x15xf32>,
    %ew: tensor<72x24x1x1xf32>, %eb: tensor<72xf32>,
    %dw: tensor<72x1x5x5xf32>, %db: tensor<72xf32>,
    %pw: tensor<40x72x1x1xf32>, %pb: tensor<40xf32>)
    -> tensor<1x40x8x8xf32> {
  %0 = nas.inverted_residual %x expand(%ew, %eb) depthwise(%dw, %db)
      project(%pw, %pb) {expand_ratio = 3, kernel_size = 5, stride = 2}
      : (tensor<1x24x15x15xf32>, tensor<72x24x1x1xf32>, tensor<72xf32>,
         tensor<72x1x5x5xf32>, tensor<72xf32>, tensor<40x72x1x1xf32>,
         tensor<40xf32>) -> tensor<1x40x8x8xf32> loc("b")
  return %0 : tensor<1x40x8x8xf32>
}

// Kernel 5 with stride 1 and a residual, without expansion.
// CHECK-LABEL: func.func @inverted_residual_kernel5_residual
// CHECK-SAME: (%[[X:[^:]*]]: tensor<1x40x8x8xf32>
// CHECK-NEXT: nas.conv2d {{.*}} {dilations = array<i64: 1, 1>, groups = 40 : i64, padding = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x40x8x8xf32>, tensor<40x1x5x5xf32>, tensor<40xf32>) -> tensor<1x40x8x8xf32> loc("c/depthwise")
// CHECK-NEXT: nas.clip {{.*}} loc("c/depthwise_relu6")
// CHECK-NEXT: %[[P:.*]] = nas.conv2d {{.*}} -> tensor<1x40x8x8xf32> loc("c/project")
// CHECK-NEXT: %[[Y:.*]] = nas.add %[[X]], %[[P]] {{.*}} loc("c/add")
// CHECK-NEXT: return %[[Y]]
func.func @inverted_residual_kernel5_residual(%x: tensor<1x40x8x8xf32>,
    %dw: tensor<40x1x5x5xf32>, %b40: tensor<40xf32>,
    %pw: tensor<40x40x1x1xf32>) -> tensor<1x40x8x8xf32> {
  %0 = nas.inverted_residual %x depthwise(%dw, %b40) project(%pw, %b40)
      {expand_ratio = 1, kernel_size = 5, stride = 1}
      : (tensor<1x40x8x8xf32>, tensor<40x1x5x5xf32>, tensor<40xf32>,
         tensor<40x40x1x1xf32>, tensor<40xf32>) -> tensor<1x40x8x8xf32>
      loc("c")
  return %0 : tensor<1x40x8x8xf32>
}

// With stride 2, the input channels may be dynamic: the depthwise groups
// come from the expansion's result.
// CHECK-LABEL: func.func @inverted_residual_dynamic_channels
// CHECK-NEXT: nas.conv2d {{.*}} : (tensor<1x?x8x8xf32>, tensor<48x?x1x1xf32>, tensor<48xf32>) -> tensor<1x48x8x8xf32> loc("d/expand")
// CHECK-NEXT: nas.clip
// CHECK-NEXT: nas.conv2d {{.*}} groups = 48 : i64{{.*}} -> tensor<1x48x4x4xf32> loc("d/depthwise")
func.func @inverted_residual_dynamic_channels(%x: tensor<1x?x8x8xf32>,
    %ew: tensor<48x?x1x1xf32>, %b48: tensor<48xf32>,
    %dw: tensor<48x1x3x3xf32>,
    %pw: tensor<16x48x1x1xf32>, %pb: tensor<16xf32>)
    -> tensor<1x16x4x4xf32> {
  %0 = nas.inverted_residual %x expand(%ew, %b48) depthwise(%dw, %b48)
      project(%pw, %pb) {expand_ratio = 6, kernel_size = 3, stride = 2}
      : (tensor<1x?x8x8xf32>, tensor<48x?x1x1xf32>, tensor<48xf32>,
         tensor<48x1x3x3xf32>, tensor<48xf32>, tensor<16x48x1x1xf32>,
         tensor<16xf32>) -> tensor<1x16x4x4xf32> loc("d")
  return %0 : tensor<1x16x4x4xf32>
}

// Blocks in sequence all expand, and primitives are left as they are.
// CHECK-LABEL: func.func @chain
// CHECK-NOT: nas.bottleneck
// CHECK-NOT: nas.inverted_residual
// CHECK: nas.global_avg_pool2d
// CHECK-SAME: loc("pool")
// CHECK-NEXT: return
func.func @chain(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %b16: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>) -> tensor<1x16x1x1xf32> {
  %0 = nas.inverted_residual %x depthwise(%dw, %b16) project(%pw, %b16)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
      loc("first")
  %1 = nas.inverted_residual %0 depthwise(%dw, %b16) project(%pw, %b16)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
      loc("second")
  %2 = nas.global_avg_pool2d %1 : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
      loc("pool")
  return %2 : tensor<1x16x1x1xf32>
}

// Unused ops stay: the pass rewrites blocks and nothing else.
// CHECK-LABEL: func.func @unused_results
// CHECK-NEXT: nas.relu {{.*}} loc("unused_relu")
// CHECK-NEXT: nas.conv2d {{.*}} loc("unused_block/depthwise")
// CHECK-NEXT: nas.clip {{.*}} loc("unused_block/depthwise_relu6")
// CHECK-NEXT: nas.conv2d {{.*}} loc("unused_block/project")
// CHECK-NEXT: nas.add {{.*}} loc("unused_block/add")
// CHECK-NEXT: return
func.func @unused_results(%x: tensor<1x16x8x8xf32>,
    %dw: tensor<16x1x3x3xf32>, %b16: tensor<16xf32>,
    %pw: tensor<16x16x1x1xf32>) -> tensor<1x16x8x8xf32> {
  %0 = nas.relu %x : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
      loc("unused_relu")
  %1 = nas.inverted_residual %x depthwise(%dw, %b16) project(%pw, %b16)
      {expand_ratio = 1, kernel_size = 3, stride = 1}
      : (tensor<1x16x8x8xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>,
         tensor<16x16x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
      loc("unused_block")
  return %x : tensor<1x16x8x8xf32>
}
