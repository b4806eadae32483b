// RUN: nas-opt %s -nas-prepack-weights -split-input-file -verify-diagnostics | FileCheck %s

// The weight transpose of the convolution moves into @conv_pack_weights,
// which writes it to a global; @conv reads the global. The input's
// transpose stays: it reads the activation, not a weight.
// CHECK: memref.global "private" @conv_packed_weight_0 : memref<3x3x4x8xf32> = uninitialized {alignment = 64 : i64}
// CHECK-LABEL: func.func @conv
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: linalg.transpose ins(%arg0 : tensor<1x4x6x6xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: %[[BUFFER:.*]] = memref.get_global @conv_packed_weight_0 : memref<3x3x4x8xf32>
// CHECK: %[[WEIGHT:.*]] = bufferization.to_tensor %[[BUFFER]] restrict : memref<3x3x4x8xf32> to tensor<3x3x4x8xf32>
// CHECK: linalg.conv_2d_nhwc_hwcf {{.*}} ins(%{{.*}}, %[[WEIGHT]] : tensor<1x6x6x4xf32>, tensor<3x3x4x8xf32>)
// CHECK-LABEL: func.func @conv_pack_weights
// CHECK-SAME: (%{{.*}}: tensor<1x4x6x6xf32>, %[[W:.*]]: tensor<8x4x3x3xf32>) attributes {llvm.emit_c_interface}
// CHECK: %[[PACKED:.*]] = linalg.transpose ins(%[[W]] : tensor<8x4x3x3xf32>) outs(%{{.*}} : tensor<3x3x4x8xf32>) permutation = [2, 3, 1, 0]
// CHECK: %[[TARGET:.*]] = memref.get_global @conv_packed_weight_0 : memref<3x3x4x8xf32>
// CHECK: bufferization.materialize_in_destination %[[PACKED]] in restrict writable %[[TARGET]]
// CHECK-NEXT: return
func.func @conv(%x: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x4x4x8xf32> attributes {llvm.emit_c_interface} {
  %e = tensor.empty() : tensor<1x6x6x4xf32>
  %xt = linalg.transpose ins(%x : tensor<1x4x6x6xf32>) outs(%e : tensor<1x6x6x4xf32>) permutation = [0, 2, 3, 1]
  %we = tensor.empty() : tensor<3x3x4x8xf32>
  %wt = linalg.transpose ins(%w : tensor<8x4x3x3xf32>) outs(%we : tensor<3x3x4x8xf32>) permutation = [2, 3, 1, 0]
  %zero = arith.constant 0.0 : f32
  %oe = tensor.empty() : tensor<1x4x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%xt, %wt : tensor<1x6x6x4xf32>, tensor<3x3x4x8xf32>)
      outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// A depthwise weight collapsed before its transpose, a grouped weight read
// through slices and the right operand of a matmul move, with their
// reshapes. A transpose of an argument whose result is also returned stays.
// CHECK-DAG: memref.global "private" @mixed_packed_weight_0 : memref<3x3x4xf32>
// CHECK-DAG: memref.global "private" @mixed_packed_weight_1 : memref<1x1x2x4xf32>
// CHECK-DAG: memref.global "private" @mixed_packed_weight_2 : memref<2x7xf32>
// CHECK-LABEL: func.func @mixed
// CHECK-NOT: tensor.collapse_shape
// CHECK: memref.get_global @mixed_packed_weight_0 : memref<3x3x4xf32>
// CHECK: memref.get_global @mixed_packed_weight_1 : memref<1x1x2x4xf32>
// CHECK: tensor.extract_slice
// CHECK: tensor.extract_slice
// CHECK: %[[KEPT:.*]] = linalg.transpose ins(%arg3 : tensor<5x7xf32>)
// CHECK: %[[RIGHT:.*]] = memref.get_global @mixed_packed_weight_2 : memref<2x7xf32>
// CHECK: %[[RIGHT_TENSOR:.*]] = bufferization.to_tensor %[[RIGHT]]
// CHECK: linalg.matmul ins(%{{.*}}, %[[RIGHT_TENSOR]] : tensor<3x2xf32>, tensor<2x7xf32>)
// CHECK: return %{{.*}}, %[[KEPT]]
// CHECK-LABEL: func.func @mixed_pack_weights
// CHECK: tensor.collapse_shape %arg1
// CHECK: linalg.transpose
// CHECK: bufferization.materialize_in_destination
// CHECK: linalg.transpose ins(%arg2 : tensor<4x2x1x1xf32>)
// CHECK: bufferization.materialize_in_destination
// CHECK: linalg.transpose ins(%arg5 : tensor<7x2xf32>)
// CHECK: bufferization.materialize_in_destination
// CHECK-NOT: linalg.transpose
// CHECK: return
func.func @mixed(%x: tensor<1x6x6x4xf32>, %dw: tensor<4x1x3x3xf32>, %gw: tensor<4x2x1x1xf32>, %kept: tensor<5x7xf32>, %a: tensor<3x2xf32>, %right: tensor<7x2xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x6x6x2xf32>, tensor<3x7xf32>, tensor<7x5xf32>) {
  %zero = arith.constant 0.0 : f32
  %c = tensor.collapse_shape %dw [[0, 1], [2], [3]] : tensor<4x1x3x3xf32> into tensor<4x3x3xf32>
  %de = tensor.empty() : tensor<3x3x4xf32>
  %dt = linalg.transpose ins(%c : tensor<4x3x3xf32>) outs(%de : tensor<3x3x4xf32>) permutation = [1, 2, 0]
  %oe = tensor.empty() : tensor<1x4x4x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %dt : tensor<1x6x6x4xf32>, tensor<3x3x4xf32>)
      outs(%init : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %ge = tensor.empty() : tensor<1x1x2x4xf32>
  %gt = linalg.transpose ins(%gw : tensor<4x2x1x1xf32>) outs(%ge : tensor<1x1x2x4xf32>) permutation = [2, 3, 1, 0]
  %g0 = tensor.extract_slice %gt[0, 0, 0, 0] [1, 1, 2, 2] [1, 1, 1, 1] : tensor<1x1x2x4xf32> to tensor<1x1x2x2xf32>
  %x0 = tensor.extract_slice %x[0, 0, 0, 0] [1, 6, 6, 2] [1, 1, 1, 1] : tensor<1x6x6x4xf32> to tensor<1x6x6x2xf32>
  %ge0 = tensor.empty() : tensor<1x6x6x2xf32>
  %gi = linalg.fill ins(%zero : f32) outs(%ge0 : tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
  %g = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x0, %g0 : tensor<1x6x6x2xf32>, tensor<1x1x2x2xf32>)
      outs(%gi : tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
  %ke = tensor.empty() : tensor<7x5xf32>
  %kt = linalg.transpose ins(%kept : tensor<5x7xf32>) outs(%ke : tensor<7x5xf32>) permutation = [1, 0]
  %re = tensor.empty() : tensor<2x7xf32>
  %rt = linalg.transpose ins(%right : tensor<7x2xf32>) outs(%re : tensor<2x7xf32>) permutation = [1, 0]
  %me = tensor.empty() : tensor<3x7xf32>
  %mi = linalg.fill ins(%zero : f32) outs(%me : tensor<3x7xf32>) -> tensor<3x7xf32>
  %m = linalg.matmul ins(%a, %rt : tensor<3x2xf32>, tensor<2x7xf32>) outs(%mi : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %d, %g, %m, %kt : tensor<1x4x4x4xf32>, tensor<1x6x6x2xf32>, tensor<3x7xf32>, tensor<7x5xf32>
}

// -----

// Canonicalization moves the collapse of a depthwise weight F x 1 x KH x KW
// behind its transpose, into the init and the result: the transpose and
// the collapse of its result move, and the global has the transposed shape.
// CHECK-LABEL: func.func @depthwise_canonical
// CHECK: %[[BUFFER:.*]] = memref.get_global @depthwise_canonical_packed_weight_0 : memref<3x3x4x1xf32>
// CHECK: %[[PACKED:.*]] = bufferization.to_tensor %[[BUFFER]]
// CHECK: %[[FILTER:.*]] = tensor.collapse_shape %[[PACKED]] {{\[}}[0], [1], [2, 3]]
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc {{.*}} ins(%{{.*}}, %[[FILTER]] : tensor<1x6x6x4xf32>, tensor<3x3x4xf32>)
// CHECK-LABEL: func.func @depthwise_canonical_pack_weights
// CHECK: tensor.expand_shape
// CHECK: linalg.transpose ins(%arg1 : tensor<4x1x3x3xf32>)
// CHECK: bufferization.materialize_in_destination
func.func @depthwise_canonical(%x: tensor<1x6x6x4xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x3x4xf32>
  %ex = tensor.expand_shape %e [[0], [1], [2, 3]] output_shape [3, 3, 4, 1] : tensor<3x3x4xf32> into tensor<3x3x4x1xf32>
  %t = linalg.transpose ins(%w : tensor<4x1x3x3xf32>) outs(%ex : tensor<3x3x4x1xf32>) permutation = [2, 3, 0, 1]
  %c = tensor.collapse_shape %t [[0], [1], [2, 3]] : tensor<3x3x4x1xf32> into tensor<3x3x4xf32>
  %oe = tensor.empty() : tensor<1x4x4x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %d = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %c : tensor<1x6x6x4xf32>, tensor<3x3x4xf32>)
      outs(%init : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %d : tensor<1x4x4x4xf32>
}

// -----

// 64 output channels make rows of 256 bytes: the global gets 16 more f32
// per row (rows 320 bytes apart), and both functions use the leading 64.
// CHECK: memref.global "private" @padded_packed_weight_0 : memref<1x1x8x80xf32> = uninitialized
// CHECK-LABEL: func.func @padded
// CHECK: %[[GLOBAL:.*]] = memref.get_global @padded_packed_weight_0 : memref<1x1x8x80xf32>
// CHECK: %[[VIEW:.*]] = memref.subview %[[GLOBAL]][0, 0, 0, 0] [1, 1, 8, 64] [1, 1, 1, 1] : memref<1x1x8x80xf32> to memref<1x1x8x64xf32, strided<[640, 640, 80, 1]>>
// CHECK: bufferization.to_tensor %[[VIEW]] restrict : memref<1x1x8x64xf32, strided<[640, 640, 80, 1]>> to tensor<1x1x8x64xf32>
// CHECK-LABEL: func.func @padded_pack_weights
// CHECK: %[[TARGET:.*]] = memref.subview %{{.*}}[0, 0, 0, 0] [1, 1, 8, 64] [1, 1, 1, 1]
// CHECK: bufferization.materialize_in_destination %{{.*}} in restrict writable %[[TARGET]]
func.func @padded(%x: tensor<1x4x4x8xf32>, %w: tensor<64x8x1x1xf32>) -> tensor<1x4x4x64xf32> {
  %zero = arith.constant 0.0 : f32
  %we = tensor.empty() : tensor<1x1x8x64xf32>
  %wt = linalg.transpose ins(%w : tensor<64x8x1x1xf32>) outs(%we : tensor<1x1x8x64xf32>) permutation = [2, 3, 1, 0]
  %oe = tensor.empty() : tensor<1x4x4x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x64xf32>) -> tensor<1x4x4x64xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wt : tensor<1x4x4x8xf32>, tensor<1x1x8x64xf32>)
      outs(%init : tensor<1x4x4x64xf32>) -> tensor<1x4x4x64xf32>
  return %y : tensor<1x4x4x64xf32>
}

// -----

// A function without weight transposes gets an empty pack function.
// CHECK-LABEL: func.func @no_weights
// CHECK-LABEL: func.func @no_weights_pack_weights(%{{.*}}: tensor<4xf32>)
// CHECK-NEXT: return
func.func @no_weights(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// @callee is public but called by @caller, whose pack function would not
// fill @callee's globals: @callee keeps its weight transpose and gets an
// empty pack function.
// CHECK-NOT: memref.global
// CHECK-LABEL: func.func @caller
// CHECK: call @callee
// CHECK-LABEL: func.func @caller_pack_weights
// CHECK-NEXT: return
// CHECK-LABEL: func.func @callee
// CHECK: linalg.transpose ins(%arg1 : tensor<8x4x1x1xf32>)
// CHECK: linalg.conv_2d_nhwc_hwcf
// CHECK-LABEL: func.func @callee_pack_weights
// CHECK-NEXT: return
func.func @caller(%x: tensor<1x4x4x4xf32>, %w: tensor<8x4x1x1xf32>) -> tensor<1x4x4x8xf32> {
  %y = func.call @callee(%x, %w) : (tensor<1x4x4x4xf32>, tensor<8x4x1x1xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}
func.func @callee(%x: tensor<1x4x4x4xf32>, %w: tensor<8x4x1x1xf32>) -> tensor<1x4x4x8xf32> {
  %we = tensor.empty() : tensor<1x1x4x8xf32>
  %wt = linalg.transpose ins(%w : tensor<8x4x1x1xf32>) outs(%we : tensor<1x1x4x8xf32>) permutation = [2, 3, 1, 0]
  %zero = arith.constant 0.0 : f32
  %oe = tensor.empty() : tensor<1x4x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wt : tensor<1x4x4x4xf32>, tensor<1x1x4x8xf32>)
      outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// expected-error@+1 {{cannot create the weight packing function 'taken_pack_weights': the name is taken; rename that function, or turn weight prepacking off}}
func.func @taken(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
func.func private @taken_pack_weights(%x: tensor<4xf32>)

// -----

// An argument that is both the activation and the weight of a matrix
// product is not packed: @self_weight must read its value of every call.
// The pack function is empty.
// CHECK-NOT: memref.global
// CHECK-LABEL: func.func @self_weight
// CHECK: %[[T:.*]] = linalg.transpose ins(%arg0 : tensor<16x16xf32>)
// CHECK: linalg.matmul ins(%arg0, %[[T]] :
// CHECK-LABEL: func.func @self_weight_pack_weights
// CHECK-NEXT: return
func.func @self_weight(%x: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %e = tensor.empty() : tensor<16x16xf32>
  %t = linalg.transpose ins(%x : tensor<16x16xf32>) outs(%e : tensor<16x16xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %oe = tensor.empty() : tensor<16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%oe : tensor<16x16xf32>) -> tensor<16x16xf32>
  %y = linalg.matmul ins(%x, %t : tensor<16x16xf32>, tensor<16x16xf32>)
      outs(%init : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %y : tensor<16x16xf32>
}
