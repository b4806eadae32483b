// RUN: nas-opt %s --nas-annotate-costs | FileCheck %s
// RUN: nas-opt %s --nas-expand-blocks --nas-annotate-costs | FileCheck %s

// Two blocks of published networks (torchvision definitions, batch
// normalization folded into the convolutions, so every conv has a bias),
// each as a block op and as the primitives it stands for. Both RUN lines
// must give the same totals. One 56x56 plane has 3,136 elements.

// ResNet-50's first bottleneck: 1x64x56x56 -> 1x256x56x56, stride 1, with
// a projection shortcut.
//   MACs: reduce 1x1 64->64:    64 * 64 * 3,136      =  12,845,056
//         3x3 64->64:           64 * 64 * 9 * 3,136  = 115,605,504
//         expand 1x1 64->256:   256 * 64 * 3,136     =  51,380,224
//         projection 64->256:   256 * 64 * 3,136     =  51,380,224
//         total                                        231,211,008
//   conv weights: 4,096 + 36,864 + 16,384 + 16,384 = 73,728
//   biases: 64 + 64 + 256 + 256 = 640; params 74,368; 297,472 bytes
//   other ops: bias adds, relus, the add and the final relu, one per
//   element: 4 * 64 * 3,136 + 4 * 256 * 3,136 = 802,816 + 3,211,264
//   = 4,014,080
// CHECK-LABEL: func.func @resnet50_layer1_0
// CHECK-SAME: nas.total_macs = 231211008 : i64, nas.total_other_ops = 4014080 : i64, nas.total_params = 74368 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 297472 : i64
func.func @resnet50_layer1_0(%x: tensor<1x64x56x56xf32>,
    %w1: tensor<64x64x1x1xf32>, %b1: tensor<64xf32>,
    %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>,
    %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>,
    %wp: tensor<256x64x1x1xf32>, %bp: tensor<256xf32>) -> tensor<1x256x56x56xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) projection(%wp, %bp) {stride = 1, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}

// The same block written as primitives.
// CHECK-LABEL: func.func @resnet50_layer1_0_primitives
// CHECK-SAME: nas.total_macs = 231211008 : i64, nas.total_other_ops = 4014080 : i64, nas.total_params = 74368 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 297472 : i64
func.func @resnet50_layer1_0_primitives(%x: tensor<1x64x56x56xf32>,
    %w1: tensor<64x64x1x1xf32>, %b1: tensor<64xf32>,
    %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>,
    %w3: tensor<256x64x1x1xf32>, %b3: tensor<256xf32>,
    %wp: tensor<256x64x1x1xf32>, %bp: tensor<256xf32>) -> tensor<1x256x56x56xf32> {
  %c1 = nas.conv2d %x, %w1, %b1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r1 = nas.relu %c1 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c2 = nas.conv2d %r1, %w2, %b2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %r2 = nas.relu %c2 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c3 = nas.conv2d %r2, %w3, %b3 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  %p = nas.conv2d %x, %wp, %bp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>) -> tensor<1x256x56x56xf32>
  %a = nas.add %c3, %p : (tensor<1x256x56x56xf32>, tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
  %y = nas.relu %a : tensor<1x256x56x56xf32> -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}

// Without biases the parameters are the 73,728 conv weights alone, and the
// other ops lose the bias adds: 4,014,080 - 2 * 200,704 - 2 * 802,816
// = 2,007,040.
// CHECK-LABEL: func.func @resnet50_layer1_0_no_bias
// CHECK-SAME: nas.total_macs = 231211008 : i64, nas.total_other_ops = 2007040 : i64, nas.total_params = 73728 : i64
func.func @resnet50_layer1_0_no_bias(%x: tensor<1x64x56x56xf32>,
    %w1: tensor<64x64x1x1xf32>, %w2: tensor<64x64x3x3xf32>,
    %w3: tensor<256x64x1x1xf32>, %wp: tensor<256x64x1x1xf32>) -> tensor<1x256x56x56xf32> {
  %c1 = nas.conv2d %x, %w1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>) -> tensor<1x64x56x56xf32>
  %r1 = nas.relu %c1 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c2 = nas.conv2d %r1, %w2 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32>
  %r2 = nas.relu %c2 : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  %c3 = nas.conv2d %r2, %w3 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>) -> tensor<1x256x56x56xf32>
  %p = nas.conv2d %x, %wp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>) -> tensor<1x256x56x56xf32>
  %a = nas.add %c3, %p : (tensor<1x256x56x56xf32>, tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
  %y = nas.relu %a : tensor<1x256x56x56xf32> -> tensor<1x256x56x56xf32>
  return %y : tensor<1x256x56x56xf32>
}

// MobileNetV2 inverted residual 24 -> 144 -> 24, expand ratio 6, 3x3
// depthwise, stride 1, 56x56, with the residual add.
//   MACs: expand 1x1 24->144:   144 * 24 * 3,136 = 10,838,016
//         depthwise 3x3:        144 * 9 * 3,136  =  4,064,256
//         project 1x1 144->24:  24 * 144 * 3,136 = 10,838,016
//         total                                    25,740,288
//   conv weights: 3,456 + 1,296 + 3,456 = 8,208
//   biases: 144 + 144 + 24 = 312; params 8,520; 34,080 bytes
//   other ops: expand bias 451,584 + relu6 (min and max) 903,168
//            + depthwise bias 451,584 + relu6 903,168 + project bias 75,264
//            + residual add 75,264 = 2,860,032
// CHECK-LABEL: func.func @mobilenet_v2_features_3
// CHECK-SAME: nas.total_macs = 25740288 : i64, nas.total_other_ops = 2860032 : i64, nas.total_params = 8520 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 34080 : i64
func.func @mobilenet_v2_features_3(%x: tensor<1x24x56x56xf32>,
    %we: tensor<144x24x1x1xf32>, %be: tensor<144xf32>,
    %wd: tensor<144x1x3x3xf32>, %bd: tensor<144xf32>,
    %wp: tensor<24x144x1x1xf32>, %bp: tensor<24xf32>) -> tensor<1x24x56x56xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>, tensor<144x1x3x3xf32>, tensor<144xf32>, tensor<24x144x1x1xf32>, tensor<24xf32>) -> tensor<1x24x56x56xf32>
  return %y : tensor<1x24x56x56xf32>
}

// CHECK-LABEL: func.func @mobilenet_v2_features_3_primitives
// CHECK-SAME: nas.total_macs = 25740288 : i64, nas.total_other_ops = 2860032 : i64, nas.total_params = 8520 : i64, nas.total_statistics = 0 : i64, nas.total_weight_bytes = 34080 : i64
func.func @mobilenet_v2_features_3_primitives(%x: tensor<1x24x56x56xf32>,
    %we: tensor<144x24x1x1xf32>, %be: tensor<144xf32>,
    %wd: tensor<144x1x3x3xf32>, %bd: tensor<144xf32>,
    %wp: tensor<24x144x1x1xf32>, %bp: tensor<24xf32>) -> tensor<1x24x56x56xf32> {
  %e = nas.conv2d %x, %we, %be {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>) -> tensor<1x144x56x56xf32>
  %e6 = nas.clip %e {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32>
  %d = nas.conv2d %e6, %wd, %bd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 144} : (tensor<1x144x56x56xf32>, tensor<144x1x3x3xf32>, tensor<144xf32>) -> tensor<1x144x56x56xf32>
  %d6 = nas.clip %d {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32>
  %p = nas.conv2d %d6, %wp, %bp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x144x56x56xf32>, tensor<24x144x1x1xf32>, tensor<24xf32>) -> tensor<1x24x56x56xf32>
  %y = nas.add %x, %p : (tensor<1x24x56x56xf32>, tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32>
  return %y : tensor<1x24x56x56xf32>
}

// Without biases: params are the 8,208 conv weights; other ops lose the
// bias adds: 2,860,032 - 451,584 * 2 - 75,264 = 1,881,600.
// CHECK-LABEL: func.func @mobilenet_v2_features_3_no_bias
// CHECK-SAME: nas.total_macs = 25740288 : i64, nas.total_other_ops = 1881600 : i64, nas.total_params = 8208 : i64
func.func @mobilenet_v2_features_3_no_bias(%x: tensor<1x24x56x56xf32>,
    %we: tensor<144x24x1x1xf32>, %wd: tensor<144x1x3x3xf32>,
    %wp: tensor<24x144x1x1xf32>) -> tensor<1x24x56x56xf32> {
  %e = nas.conv2d %x, %we {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>) -> tensor<1x144x56x56xf32>
  %e6 = nas.clip %e {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32>
  %d = nas.conv2d %e6, %wd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 144} : (tensor<1x144x56x56xf32>, tensor<144x1x3x3xf32>) -> tensor<1x144x56x56xf32>
  %d6 = nas.clip %d {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x144x56x56xf32> -> tensor<1x144x56x56xf32>
  %p = nas.conv2d %d6, %wp {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x144x56x56xf32>, tensor<24x144x1x1xf32>) -> tensor<1x24x56x56xf32>
  %y = nas.add %x, %p : (tensor<1x24x56x56xf32>, tensor<1x24x56x56xf32>) -> tensor<1x24x56x56xf32>
  return %y : tensor<1x24x56x56xf32>
}
