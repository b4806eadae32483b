// A depthwise convolution whose result, after its elementwise epilogue,
// only a 1x1 convolution of stride 1 reads is computed with that
// convolution in one loop over the output rows. Each iteration writes one
// row of the depthwise result into a tensor.empty of one row and then
// computes the same row of the 1x1 convolution and its epilogue, so the
// depthwise result never exists whole. The pair is fused when the
// depthwise result is larger than an eighth of the L2 cache: 32 KiB of the
// 256 KiB that x86-64-v4 assumes. 12 x 12 x 64 floats are 36 KiB.
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize="cpu=x86-64-v4 mark-parallel-loops=true" | FileCheck %s
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize="cpu=x86-64-v4" | FileCheck %s --check-prefix=SERIAL

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// The row loop is the only loop that the threads share; the depthwise and
// the 1x1 convolutions inside it are vector code over one row: 12 columns
// by 16 channels, the 1x1 convolution in two vectors of 16 and 8 output
// channels, each with the residual add.
// CHECK-LABEL: func.func @fused
// CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x14x14x64xf32>
// CHECK-SAME: %[[RES:[a-z0-9]+]]: tensor<1x12x12x24xf32>
// CHECK-NOT: tensor<1x12x12x64xf32>
// CHECK: %[[OUT:.*]] = scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<1x12x12x24xf32>)
// CHECK: %[[BAND:.*]] = tensor.empty() : tensor<1x1x12x64xf32>
// CHECK: %[[DW:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[BAND]]) -> (tensor<1x1x12x64xf32>)
// CHECK: vector.transfer_read %[[X]]{{.*}} : tensor<1x14x14x64xf32>, vector<14x16xf32>
// CHECK: arith.minimumf {{.*}} : vector<12x16xf32>
// CHECK: vector.transfer_write {{.*}} : vector<12x16xf32>, tensor<1x1x12x64xf32>
// CHECK-NOT: nas.parallel
// CHECK: vector.transfer_read %[[DW]]{{.*}} : tensor<1x1x12x64xf32>, vector<12x1xf32>
// CHECK: vector.contract {{.*}} : vector<12x1xf32>, vector<1x16xf32> into vector<12x16xf32>
// CHECK: vector.transfer_read %[[RES]][%{{.*}}, %[[ROW]], %{{.*}}, %{{.*}}]{{.*}} vector<12x16xf32>
// CHECK: vector.contract {{.*}} : vector<12x1xf32>, vector<1x8xf32> into vector<12x8xf32>
// CHECK: vector.transfer_read %[[RES]][%{{.*}}, %[[ROW]], %{{.*}}, %{{.*}}]{{.*}} vector<12x8xf32>
// CHECK: tensor.insert_slice %{{.*}} into %[[ACC]][0, %[[ROW]], 0, 0] [1, 1, 12, 24]
// CHECK: } {nas.parallel}
// CHECK: return %[[OUT]]

// SERIAL-LABEL: func.func @fused
// SERIAL: tensor.empty() : tensor<1x1x12x64xf32>
// SERIAL-NOT: nas.parallel
// SERIAL: return

func.func @fused(%x: tensor<1x14x14x64xf32>, %dw: tensor<3x3x64xf32>, %db: tensor<64xf32>, %pw: tensor<1x1x64x24xf32>, %pb: tensor<24xf32>, %res: tensor<1x12x12x24xf32>) -> tensor<1x12x12x24xf32> {
  %zero = arith.constant 0.0 : f32
  %six = arith.constant 6.0 : f32
  %e0 = tensor.empty() : tensor<1x12x12x64xf32>
  %b0 = linalg.broadcast ins(%db : tensor<64xf32>) outs(%e0 : tensor<1x12x12x64xf32>) dimensions = [0, 1, 2]
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %dw : tensor<1x14x14x64xf32>, tensor<3x3x64xf32>) outs(%b0 : tensor<1x12x12x64xf32>) -> tensor<1x12x12x64xf32>
  %e1 = tensor.empty() : tensor<1x12x12x64xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%d : tensor<1x12x12x64xf32>) outs(%e1 : tensor<1x12x12x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.maximumf %in, %zero : f32
    %1 = arith.minimumf %0, %six : f32
    linalg.yield %1 : f32
  } -> tensor<1x12x12x64xf32>
  %e2 = tensor.empty() : tensor<1x12x12x24xf32>
  %b1 = linalg.broadcast ins(%pb : tensor<24xf32>) outs(%e2 : tensor<1x12x12x24xf32>) dimensions = [0, 1, 2]
  %p = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%r, %pw : tensor<1x12x12x64xf32>, tensor<1x1x64x24xf32>) outs(%b1 : tensor<1x12x12x24xf32>) -> tensor<1x12x12x24xf32>
  %e3 = tensor.empty() : tensor<1x12x12x24xf32>
  %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%p, %res : tensor<1x12x12x24xf32>, tensor<1x12x12x24xf32>) outs(%e3 : tensor<1x12x12x24xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %0 = arith.addf %in, %in_1 : f32
    linalg.yield %0 : f32
  } -> tensor<1x12x12x24xf32>
  return %s : tensor<1x12x12x24xf32>
}

// -----

// 8 x 8 x 64 floats are 16 KiB, which the L2 cache holds until the 1x1
// convolution reads them: the two convolutions stay apart.
// CHECK-LABEL: func.func @small
// CHECK: scf.for {{.*}} -> (tensor<1x8x8x64xf32>)
// CHECK: scf.for {{.*}} -> (tensor<1x8x8x24xf32>)
// CHECK-NOT: tensor<1x1x8x64xf32>
// CHECK: return
func.func @small(%x: tensor<1x10x10x64xf32>, %dw: tensor<3x3x64xf32>, %pw: tensor<1x1x64x24xf32>) -> tensor<1x8x8x24xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x8x8x64xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<1x8x8x64xf32>) -> tensor<1x8x8x64xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %dw : tensor<1x10x10x64xf32>, tensor<3x3x64xf32>) outs(%f0 : tensor<1x8x8x64xf32>) -> tensor<1x8x8x64xf32>
  %e1 = tensor.empty() : tensor<1x8x8x24xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x8x8x24xf32>) -> tensor<1x8x8x24xf32>
  %p = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%d, %pw : tensor<1x8x8x64xf32>, tensor<1x1x64x24xf32>) outs(%f1 : tensor<1x8x8x24xf32>) -> tensor<1x8x8x24xf32>
  return %p : tensor<1x8x8x24xf32>
}

// -----

// Without an epilogue on either side, with a batch of 2 and a stride-2
// depthwise convolution: the loops over the images and the rows are both
// marked, and each row reads the 3 input rows of its windows.
// CHECK-LABEL: func.func @batch_stride2
// CHECK: scf.for %[[N:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<2x12x12x16xf32>)
// CHECK: scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<2x12x12x16xf32>)
// CHECK: tensor.empty() : tensor<1x1x12x64xf32>
// CHECK: } {nas.parallel}
// CHECK: } {nas.parallel}
func.func @batch_stride2(%x: tensor<2x25x25x64xf32>, %dw: tensor<3x3x64xf32>, %pw: tensor<1x1x64x16xf32>) -> tensor<2x12x12x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<2x12x12x64xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<2x12x12x64xf32>) -> tensor<2x12x12x64xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %dw : tensor<2x25x25x64xf32>, tensor<3x3x64xf32>) outs(%f0 : tensor<2x12x12x64xf32>) -> tensor<2x12x12x64xf32>
  %e1 = tensor.empty() : tensor<2x12x12x16xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x12x12x16xf32>) -> tensor<2x12x12x16xf32>
  %p = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%d, %pw : tensor<2x12x12x64xf32>, tensor<1x1x64x16xf32>) outs(%f1 : tensor<2x12x12x16xf32>) -> tensor<2x12x12x16xf32>
  return %p : tensor<2x12x12x16xf32>
}

// -----

// The depthwise result is also returned, so it must exist whole: the two
// convolutions stay apart.
// CHECK-LABEL: func.func @two_users
// CHECK: scf.for {{.*}} -> (tensor<1x12x12x64xf32>)
// CHECK: scf.for {{.*}} -> (tensor<1x12x12x24xf32>)
// CHECK-NOT: tensor<1x1x12x64xf32>
// CHECK: return
func.func @two_users(%x: tensor<1x14x14x64xf32>, %dw: tensor<3x3x64xf32>, %pw: tensor<1x1x64x24xf32>) -> (tensor<1x12x12x24xf32>, tensor<1x12x12x64xf32>) {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x12x12x64xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<1x12x12x64xf32>) -> tensor<1x12x12x64xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %dw : tensor<1x14x14x64xf32>, tensor<3x3x64xf32>) outs(%f0 : tensor<1x12x12x64xf32>) -> tensor<1x12x12x64xf32>
  %e1 = tensor.empty() : tensor<1x12x12x24xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x12x12x24xf32>) -> tensor<1x12x12x24xf32>
  %p = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%d, %pw : tensor<1x12x12x64xf32>, tensor<1x1x64x24xf32>) outs(%f1 : tensor<1x12x12x24xf32>) -> tensor<1x12x12x24xf32>
  return %p, %d : tensor<1x12x12x24xf32>, tensor<1x12x12x64xf32>
}

// -----

// A 1x1 convolution of stride 2 reads every other row: not fused.
// CHECK-LABEL: func.func @strided_pointwise
// CHECK: scf.for {{.*}} -> (tensor<1x12x12x64xf32>)
// CHECK: scf.for {{.*}} -> (tensor<1x6x6x24xf32>)
// CHECK-NOT: tensor<1x1x12x64xf32>
// CHECK: return
func.func @strided_pointwise(%x: tensor<1x14x14x64xf32>, %dw: tensor<3x3x64xf32>, %pw: tensor<1x1x64x24xf32>) -> tensor<1x6x6x24xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x12x12x64xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<1x12x12x64xf32>) -> tensor<1x12x12x64xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %dw : tensor<1x14x14x64xf32>, tensor<3x3x64xf32>) outs(%f0 : tensor<1x12x12x64xf32>) -> tensor<1x12x12x64xf32>
  %e1 = tensor.empty() : tensor<1x6x6x24xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x6x6x24xf32>) -> tensor<1x6x6x24xf32>
  %p = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%d, %pw : tensor<1x12x12x64xf32>, tensor<1x1x64x24xf32>) outs(%f1 : tensor<1x6x6x24xf32>) -> tensor<1x6x6x24xf32>
  return %p : tensor<1x6x6x24xf32>
}
