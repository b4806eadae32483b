// nas-tile-and-vectorize rewrites each pad as an insert of the source into
// an empty tensor and one fill per padded side, on the border slab of that
// side only. A source that is a function argument is first copied by a
// linalg.copy, tiled into rows and vectorized, which bufferization then
// lets write into the padded buffer.
// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=x86-64-v4 -split-input-file | FileCheck %s

// Padding [top 1, left 2, bottom 0, right 3] of a 1x4x5x8 tensor: 1x5x10x8.
// The copy of the argument takes one vector of 5 x 8 elements per row: the
// padded buffer stores a row's 5 pixels contiguously, as the channels are
// not padded, but not two rows.
// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x8xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[COPY_INIT:.*]] = tensor.empty() : tensor<1x4x5x8xf32>
// CHECK: %[[COPY:.*]] = scf.for %{{.*}} = %c0 to %c4 step %c1 iter_args(%{{.*}} = %[[COPY_INIT]])
// CHECK-NOT: scf.for
// CHECK: %[[ROW:.*]] = vector.transfer_read %{{.*}} : tensor<1x1x40xf32>, vector<40xf32>
// CHECK: vector.transfer_write %[[ROW]]
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x5x10x8xf32>
// CHECK: %[[IN:.*]] = tensor.insert_slice %[[COPY]] into %[[EMPTY]][0, 1, 2, 0] [1, 4, 5, 8] [1, 1, 1, 1]
// CHECK: %[[TOP:.*]] = tensor.extract_slice %[[IN]][0, 0, 0, 0] [1, 1, 10, 8] [1, 1, 1, 1]
// CHECK: %[[TOP_FILLED:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[TOP]] : tensor<1x1x10x8xf32>)
// CHECK: %[[S1:.*]] = tensor.insert_slice %[[TOP_FILLED]] into %[[IN]][0, 0, 0, 0] [1, 1, 10, 8] [1, 1, 1, 1]
// CHECK: %[[LEFT:.*]] = tensor.extract_slice %[[S1]][0, 0, 0, 0] [1, 5, 2, 8] [1, 1, 1, 1]
// CHECK: %[[LEFT_FILLED:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[LEFT]] : tensor<1x5x2x8xf32>)
// CHECK: %[[S2:.*]] = tensor.insert_slice %[[LEFT_FILLED]] into %[[S1]][0, 0, 0, 0] [1, 5, 2, 8] [1, 1, 1, 1]
// CHECK: %[[RIGHT:.*]] = tensor.extract_slice %[[S2]][0, 0, 7, 0] [1, 5, 3, 8] [1, 1, 1, 1]
// CHECK: %[[RIGHT_FILLED:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[RIGHT]] : tensor<1x5x3x8xf32>)
// CHECK: %[[S3:.*]] = tensor.insert_slice %[[RIGHT_FILLED]] into %[[S2]][0, 0, 7, 0] [1, 5, 3, 8] [1, 1, 1, 1]
// CHECK-NOT: tensor.pad
// CHECK: return %[[S3]]
func.func @pad(%x: tensor<1x4x5x8xf32>) -> tensor<1x5x10x8xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 2, 0] high[0, 0, 3, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x5x8xf32> to tensor<1x5x10x8xf32>
  return %p : tensor<1x5x10x8xf32>
}

// -----

// A pad whose value depends on the position keeps linalg's decomposition:
// a tensor.generate of every element, then the insert of the source.
// CHECK-LABEL: func.func @pad_index_value
// CHECK: tensor.generate
// CHECK: arith.sitofp
// CHECK: tensor.insert_slice %arg0 into %{{.*}}[1] [4] [1]
// CHECK-NOT: tensor.pad
func.func @pad_index_value(%x: tensor<4xf32>) -> tensor<6xf32> {
  %p = tensor.pad %x low[1] high[1] {
  ^bb0(%i: index):
    %c = arith.index_cast %i : index to i32
    %f = arith.sitofp %c : i32 to f32
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return %p : tensor<6xf32>
}
