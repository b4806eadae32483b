// RUN: nas-opt %s --nas-annotate-costs | FileCheck %s
// RUN: nas-opt %s --nas-expand-blocks --nas-annotate-costs | FileCheck %s
// RUN: nas-opt %s --nas-expand-blocks --nas-annotate-costs | FileCheck %s --check-prefix=EXPANDED

// A block costs what its expansion by nas-expand-blocks costs: the same MACs,
// other ops and parameters, checked against numbers computed by hand. Every
// conv has a bias; a relu is 1 op per element, a relu6 2 (min and max), an
// add 1, a bias add 1.

// Bottleneck without projection, stride 1: 1x16x8x8, width 4, 16 out.
// 64 positions.
//   MACs: 4 * 16 * 64 + 4 * 4 * 9 * 64 + 16 * 4 * 64
//         = 4,096 + 9,216 + 4,096 = 17,408
//   other: bias + relu at 4x64 twice (4 * 256) + bias, add, relu at 16x64
//          (3 * 1,024) = 1,024 + 3,072 = 4,096
//   params: (64 + 4) + (144 + 4) + (64 + 16) = 296
// CHECK-LABEL: func.func @bottleneck_identity
// CHECK-SAME: nas.total_macs = 17408 : i64, nas.total_other_ops = 4096 : i64, nas.total_params = 296 : i64
// CHECK-SAME: nas.total_weight_bytes = 1184 : i64
// EXPANDED-LABEL: func.func @bottleneck_identity
// EXPANDED-COUNT-3: nas.conv2d
// EXPANDED-NOT: nas.conv2d
// EXPANDED: nas.add
func.func @bottleneck_identity(%x: tensor<1x16x8x8xf32>,
    %w1: tensor<4x16x1x1xf32>, %b1: tensor<4xf32>,
    %w2: tensor<4x4x3x3xf32>, %b2: tensor<4xf32>,
    %w3: tensor<16x4x1x1xf32>, %b3: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) {stride = 1, groups = 1} : (tensor<1x16x8x8xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}

// Bottleneck with projection, stride 2: 1x8x8x8 -> 1x16x4x4, width 4. The
// stride is on the 3x3 conv (64 -> 16 positions) and the projection.
//   MACs: reduce 4 * 8 * 64 = 2,048; 3x3 4 * 4 * 9 * 16 = 2,304;
//         expand 16 * 4 * 16 = 1,024; projection 16 * 8 * 16 = 2,048;
//         total 7,424
//   other: reduce bias + relu 2 * 256; 3x3 bias + relu 2 * 64; expand bias,
//          projection bias, add, relu 4 * 256: 512 + 128 + 1,024 = 1,664
//   params: (32 + 4) + (144 + 4) + (64 + 16) + (128 + 16) = 408
// CHECK-LABEL: func.func @bottleneck_projection_stride2
// CHECK-SAME: nas.total_macs = 7424 : i64, nas.total_other_ops = 1664 : i64, nas.total_params = 408 : i64
func.func @bottleneck_projection_stride2(%x: tensor<1x8x8x8xf32>,
    %w1: tensor<4x8x1x1xf32>, %b1: tensor<4xf32>,
    %w2: tensor<4x4x3x3xf32>, %b2: tensor<4xf32>,
    %w3: tensor<16x4x1x1xf32>, %b3: tensor<16xf32>,
    %wp: tensor<16x8x1x1xf32>, %bp: tensor<16xf32>) -> tensor<1x16x4x4xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) projection(%wp, %bp) {stride = 2, groups = 1} : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>, tensor<16x8x1x1xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
  return %y : tensor<1x16x4x4xf32>
}

// ResNeXt bottleneck, groups 32: 1x64x4x4, width 64 (2 channels per
// group), 64 out, no projection. 16 positions.
//   MACs: 64 * 64 * 16 + 64 * 2 * 9 * 16 + 64 * 64 * 16
//         = 65,536 + 18,432 + 65,536 = 149,504
//   other: 7 ops per element of a 64x16 tensor: 7 * 1,024 = 7,168
//   params: (4,096 + 64) + (1,152 + 64) + (4,096 + 64) = 9,536
// CHECK-LABEL: func.func @bottleneck_groups32
// CHECK-SAME: nas.total_macs = 149504 : i64, nas.total_other_ops = 7168 : i64, nas.total_params = 9536 : i64
// EXPANDED-LABEL: func.func @bottleneck_groups32
// EXPANDED: nas.conv2d {{.*}}nas.kind = "pointwise_conv"
// EXPANDED: nas.conv2d {{.*}}nas.kind = "grouped_conv", {{.*}}nas.macs = 18432 : i64
func.func @bottleneck_groups32(%x: tensor<1x64x4x4xf32>,
    %w1: tensor<64x64x1x1xf32>, %b1: tensor<64xf32>,
    %w2: tensor<64x2x3x3xf32>, %b2: tensor<64xf32>,
    %w3: tensor<64x64x1x1xf32>, %b3: tensor<64xf32>) -> tensor<1x64x4x4xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) {stride = 1, groups = 32} : (tensor<1x64x4x4xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>, tensor<64x2x3x3xf32>, tensor<64xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<1x64x4x4xf32>
  return %y : tensor<1x64x4x4xf32>
}

// Inverted residual, expand ratio 1 (no expansion conv), stride 1, 8 -> 8,
// with residual. 1x8x6x6, 36 positions.
//   MACs: depthwise 8 * 9 * 36 = 2,592; project 8 * 8 * 36 = 2,304;
//         total 4,896
//   other: depthwise bias 288 + relu6 576 + project bias 288 + add 288
//          = 1,440
//   params: (72 + 8) + (64 + 8) = 152
// CHECK-LABEL: func.func @inverted_residual_ratio1
// CHECK-SAME: nas.total_macs = 4896 : i64, nas.total_other_ops = 1440 : i64, nas.total_params = 152 : i64
func.func @inverted_residual_ratio1(%x: tensor<1x8x6x6xf32>,
    %wd: tensor<8x1x3x3xf32>, %bd: tensor<8xf32>,
    %wp: tensor<8x8x1x1xf32>, %bp: tensor<8xf32>) -> tensor<1x8x6x6xf32> {
  %y = nas.inverted_residual %x depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 1, kernel_size = 3, stride = 1} : (tensor<1x8x6x6xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>, tensor<8x8x1x1xf32>, tensor<8xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// Inverted residual, expand ratio 6, stride 2 (so no residual): 1x4x8x8 ->
// 1x8x4x4, hidden 24. The expansion runs on 64 positions, the rest on 16.
//   MACs: expand 24 * 4 * 64 = 6,144; depthwise 24 * 9 * 16 = 3,456;
//         project 8 * 24 * 16 = 3,072; total 12,672
//   other: expand bias 1,536 + relu6 3,072 + depthwise bias 384 + relu6 768
//          + project bias 128 = 5,888
//   params: (96 + 24) + (216 + 24) + (192 + 8) = 560
// CHECK-LABEL: func.func @inverted_residual_stride2
// CHECK-SAME: nas.total_macs = 12672 : i64, nas.total_other_ops = 5888 : i64, nas.total_params = 560 : i64
// EXPANDED-LABEL: func.func @inverted_residual_stride2
// EXPANDED-NOT: nas.add
// EXPANDED: return
func.func @inverted_residual_stride2(%x: tensor<1x4x8x8xf32>,
    %we: tensor<24x4x1x1xf32>, %be: tensor<24xf32>,
    %wd: tensor<24x1x3x3xf32>, %bd: tensor<24xf32>,
    %wp: tensor<8x24x1x1xf32>, %bp: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 2} : (tensor<1x4x8x8xf32>, tensor<24x4x1x1xf32>, tensor<24xf32>, tensor<24x1x3x3xf32>, tensor<24xf32>, tensor<8x24x1x1xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// Inverted residual, expand ratio 6, kernel 5 (pad 2), stride 1, 4 -> 4,
// with residual. 1x4x6x6, hidden 24, 36 positions.
//   MACs: expand 24 * 4 * 36 = 3,456; depthwise 24 * 25 * 36 = 21,600;
//         project 4 * 24 * 36 = 3,456; total 28,512
//   other: expand bias 864 + relu6 1,728 + depthwise bias 864 + relu6 1,728
//          + project bias 144 + add 144 = 5,472
//   params: (96 + 24) + (600 + 24) + (96 + 4) = 844
// CHECK-LABEL: func.func @inverted_residual_kernel5
// CHECK-SAME: nas.total_macs = 28512 : i64, nas.total_other_ops = 5472 : i64, nas.total_params = 844 : i64
// EXPANDED-LABEL: func.func @inverted_residual_kernel5
// EXPANDED: nas.add
func.func @inverted_residual_kernel5(%x: tensor<1x4x6x6xf32>,
    %we: tensor<24x4x1x1xf32>, %be: tensor<24xf32>,
    %wd: tensor<24x1x5x5xf32>, %bd: tensor<24xf32>,
    %wp: tensor<4x24x1x1xf32>, %bp: tensor<4xf32>) -> tensor<1x4x6x6xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 5, stride = 1} : (tensor<1x4x6x6xf32>, tensor<24x4x1x1xf32>, tensor<24xf32>, tensor<24x1x5x5xf32>, tensor<24xf32>, tensor<4x24x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  return %y : tensor<1x4x6x6xf32>
}

// Inverted residual, expand ratio 6, stride 1, 4 -> 8: the channel counts
// differ, so no residual. 1x4x6x6, hidden 24, 36 positions.
//   MACs: expand 3,456; depthwise 24 * 9 * 36 = 7,776;
//         project 8 * 24 * 36 = 6,912; total 18,144
//   other: 864 + 1,728 + 864 + 1,728 + project bias 288 = 5,472
//   params: (96 + 24) + (216 + 24) + (192 + 8) = 560
// CHECK-LABEL: func.func @inverted_residual_no_residual
// CHECK-SAME: nas.total_macs = 18144 : i64, nas.total_other_ops = 5472 : i64, nas.total_params = 560 : i64
func.func @inverted_residual_no_residual(%x: tensor<1x4x6x6xf32>,
    %we: tensor<24x4x1x1xf32>, %be: tensor<24xf32>,
    %wd: tensor<24x1x3x3xf32>, %bd: tensor<24xf32>,
    %wp: tensor<8x24x1x1xf32>, %bp: tensor<8xf32>) -> tensor<1x8x6x6xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1} : (tensor<1x4x6x6xf32>, tensor<24x4x1x1xf32>, tensor<24xf32>, tensor<24x1x3x3xf32>, tensor<24xf32>, tensor<8x24x1x1xf32>, tensor<8xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// A batch of 2 doubles MACs and other ops; parameters are unchanged.
//   MACs: 2 * 4,896 = 9,792; other: 2 * 1,440 = 2,880; params 152
// CHECK-LABEL: func.func @inverted_residual_batch2
// CHECK-SAME: nas.total_macs = 9792 : i64, nas.total_other_ops = 2880 : i64, nas.total_params = 152 : i64
func.func @inverted_residual_batch2(%x: tensor<2x8x6x6xf32>,
    %wd: tensor<8x1x3x3xf32>, %bd: tensor<8xf32>,
    %wp: tensor<8x8x1x1xf32>, %bp: tensor<8xf32>) -> tensor<2x8x6x6xf32> {
  %y = nas.inverted_residual %x depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 1, kernel_size = 3, stride = 1} : (tensor<2x8x6x6xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>, tensor<8x8x1x1xf32>, tensor<8xf32>) -> tensor<2x8x6x6xf32>
  return %y : tensor<2x8x6x6xf32>
}
