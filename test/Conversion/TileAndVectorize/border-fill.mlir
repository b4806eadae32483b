// A pad of a tile loop's result that the threads share (nas.parallel) has
// its border filled by a loop over the padded rows, marked nas.parallel
// too: a top or bottom row is filled whole, every other row at its left and
// right columns, with vector writes of the padding value. The fill runs
// before the producer and is marked nas.border_fill; the producer's result
// is then inserted into the filled tensor. The threads split the border as
// they split the producer's rows. Borders under 16,384 elements, and pads
// of loops that one thread runs, are filled by one linalg.fill per side.
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize="cpu=x86-64-v4 mark-parallel-loops=true" | FileCheck %s
// RUN: nas-opt %s -split-input-file -nas-tile-and-vectorize="cpu=x86-64-v4" | FileCheck %s --check-prefix=SERIAL

// 40 x 40 padded by 1 on each side, 128 channels: (42 * 42 - 40 * 40) * 128
// = 20,992 border elements. A whole row (42 * 128 = 5,376 elements) is
// written a column at a time, the left and right columns with one vector
// each.
// CHECK-LABEL: func.func @rows_and_columns
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C41:.*]] = arith.constant 41 : index
// CHECK-DAG: %[[C42:.*]] = arith.constant 42 : index
// CHECK-DAG: %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<1x1x1x128xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x42x42x128xf32>
// CHECK: %[[FILLED:.*]] = scf.for %[[ROW:.*]] = %[[C0]] to %[[C42]] step %[[C1]] iter_args(%[[T:.*]] = %[[EMPTY]])
// CHECK: %[[TOP:.*]] = arith.cmpi ult, %[[ROW]], %[[C1]] : index
// CHECK: %[[BOTTOM:.*]] = arith.cmpi uge, %[[ROW]], %[[C41]] : index
// CHECK: %[[OUTSIDE:.*]] = arith.ori %[[TOP]], %[[BOTTOM]] : i1
// CHECK: scf.if %[[OUTSIDE]]
// CHECK: scf.for %[[COL:.*]] = %[[C0]] to %[[C42]] step %[[C1]]
// CHECK: vector.transfer_write %[[ZEROS]], %{{.*}}[%[[C0]], %[[ROW]], %[[COL]], %[[C0]]] {in_bounds = [true, true, true, true]} : vector<1x1x1x128xf32>, tensor<1x42x42x128xf32>
// CHECK: } else {
// CHECK: %[[LEFT:.*]] = vector.transfer_write %[[ZEROS]], %[[T]][%[[C0]], %[[ROW]], %[[C0]], %[[C0]]] {in_bounds = [true, true, true, true]} : vector<1x1x1x128xf32>, tensor<1x42x42x128xf32>
// CHECK: vector.transfer_write %[[ZEROS]], %[[LEFT]][%[[C0]], %[[ROW]], %[[C41]], %[[C0]]] {in_bounds = [true, true, true, true]} : vector<1x1x1x128xf32>, tensor<1x42x42x128xf32>
// CHECK: } {nas.border_fill, nas.parallel}
// CHECK: %[[CONV:.*]] = scf.for
// CHECK: } {nas.parallel}
// CHECK: %[[INSERTED:.*]] = tensor.insert_slice %[[CONV]] into %[[FILLED]][0, 1, 1, 0] [1, 40, 40, 128] [1, 1, 1, 1]
// CHECK: return %[[INSERTED]]
// SERIAL-LABEL: func.func @rows_and_columns
// SERIAL-NOT: nas.parallel
// SERIAL-COUNT-4: linalg.fill
// SERIAL-NOT: scf.if
// SERIAL: return

func.func @rows_and_columns(%x: tensor<1x40x40x16xf32>, %w: tensor<1x1x16x128xf32>) -> tensor<1x42x42x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x40x40x128xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x40x40x16xf32>, tensor<1x1x16x128xf32>) outs(%f : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %p = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x40x40x128xf32> to tensor<1x42x42x128xf32>
  return %p : tensor<1x42x42x128xf32>
}

// -----

// Padding of the columns only, 2 left and 1 right, with the lowest float,
// on a batch of 2: 40 * 3 * 112 * 2 = 26,880 border elements. Every row
// writes its left columns with one vector of 2 x 1 x 2 x 112 and its right
// column with one of 2 x 1 x 1 x 112, without scf.if.
// CHECK-LABEL: func.func @columns_only
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C42:.*]] = arith.constant 42 : index
// CHECK-DAG: %[[LEFT:.*]] = arith.constant dense<-3.40282347E+38> : vector<2x1x2x112xf32>
// CHECK-DAG: %[[RIGHT:.*]] = arith.constant dense<-3.40282347E+38> : vector<2x1x1x112xf32>
// CHECK: scf.for %[[ROW:.*]] = %[[C0]] to %{{.*}} step
// CHECK-NOT: scf.if
// CHECK: %[[W:.*]] = vector.transfer_write %[[LEFT]], %{{.*}}[%[[C0]], %[[ROW]], %[[C0]], %[[C0]]]
// CHECK: vector.transfer_write %[[RIGHT]], %[[W]][%[[C0]], %[[ROW]], %[[C42]], %[[C0]]]
// CHECK: } {nas.border_fill, nas.parallel}
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 2, 0] [2, 40, 40, 112] [1, 1, 1, 1]

func.func @columns_only(%x: tensor<2x40x40x16xf32>, %w: tensor<1x1x16x112xf32>) -> tensor<2x40x43x112xf32> {
  %zero = arith.constant 0.0 : f32
  %lowest = arith.constant -3.40282347E+38 : f32
  %e = tensor.empty() : tensor<2x40x40x112xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x40x40x112xf32>) -> tensor<2x40x40x112xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x40x40x16xf32>, tensor<1x1x16x112xf32>) outs(%f : tensor<2x40x40x112xf32>) -> tensor<2x40x40x112xf32>
  %p = tensor.pad %c low[0, 0, 2, 0] high[0, 0, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %lowest : f32
  } : tensor<2x40x40x112xf32> to tensor<2x40x43x112xf32>
  return %p : tensor<2x40x43x112xf32>
}

// -----

// 96 channels: (42 * 42 - 40 * 40) * 96 = 15,744 border elements, under
// 16,384, filled by one linalg.fill per side even though the producer's
// rows are distributed.
// CHECK-LABEL: func.func @small_border
// CHECK: } {nas.parallel}
// CHECK: linalg.fill {{.*}} -> tensor<1x1x42x96xf32>
// CHECK: linalg.fill {{.*}} -> tensor<1x1x42x96xf32>
// CHECK: linalg.fill {{.*}} -> tensor<1x42x1x96xf32>
// CHECK: linalg.fill {{.*}} -> tensor<1x42x1x96xf32>
// CHECK-NOT: nas.parallel
// CHECK: return

func.func @small_border(%x: tensor<1x40x40x16xf32>, %w: tensor<1x1x16x96xf32>) -> tensor<1x42x42x96xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x40x40x96xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x96xf32>) -> tensor<1x40x40x96xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x40x40x16xf32>, tensor<1x1x16x96xf32>) outs(%f : tensor<1x40x40x96xf32>) -> tensor<1x40x40x96xf32>
  %p = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x40x40x96xf32> to tensor<1x42x42x96xf32>
  return %p : tensor<1x42x42x96xf32>
}

// -----

// A batch of 5 by 1000 channels: a column of the border (5,000 elements)
// exceeds 4,096, so each column is written one image at a time, in vectors
// of 256 channels and a last one of 232.
// CHECK-LABEL: func.func @wide_channels
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[C768:.*]] = arith.constant 768 : index
// CHECK: scf.for %[[ROW:.*]] = %[[C0]] to %{{.*}} step
// CHECK: scf.if
// CHECK: scf.for %[[COL:.*]] = %[[C0]] to %{{.*}} step
// CHECK: scf.for %[[IMAGE:.*]] = %[[C0]] to %[[C5]] step
// CHECK: scf.for %[[CH:.*]] = %[[C0]] to %[[C768]] step %[[C256]]
// CHECK: vector.transfer_write %{{.*}}[%[[IMAGE]], %[[ROW]], %[[COL]], %[[CH]]] {{.*}} : vector<1x1x1x256xf32>, tensor<5x8x8x1000xf32>
// CHECK: vector.transfer_write %{{.*}}[%[[IMAGE]], %[[ROW]], %[[COL]], %[[C768]]] {{.*}} : vector<1x1x1x232xf32>, tensor<5x8x8x1000xf32>
// CHECK: } else {
// CHECK: } {nas.parallel}
func.func @wide_channels(%x: tensor<5x6x6x8xf32>, %w: tensor<1x1x8x1000xf32>) -> tensor<5x8x8x1000xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<5x6x6x1000xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<5x6x6x1000xf32>) -> tensor<5x6x6x1000xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<5x6x6x8xf32>, tensor<1x1x8x1000xf32>) outs(%f : tensor<5x6x6x1000xf32>) -> tensor<5x6x6x1000xf32>
  %p = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<5x6x6x1000xf32> to tensor<5x8x8x1000xf32>
  return %p : tensor<5x8x8x1000xf32>
}

// -----

// A padding value computed after the producer (from a function argument)
// keeps the fill after the producer, without nas.border_fill: the fill
// then fills the tensor the producer's result was inserted into.
// CHECK-LABEL: func.func @value_after_producer
// CHECK: %[[CONV:.*]] = scf.for
// CHECK: } {nas.parallel}
// CHECK: %[[VALUE:.*]] = arith.addf
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x42x42x128xf32>
// CHECK: %[[INSERTED:.*]] = tensor.insert_slice %[[CONV]] into %[[EMPTY]][0, 1, 1, 0] [1, 40, 40, 128] [1, 1, 1, 1]
// CHECK: scf.for %{{.*}} iter_args(%{{.*}} = %[[INSERTED]])
// CHECK: vector.broadcast %[[VALUE]]
// CHECK-NOT: nas.border_fill
// CHECK: } {nas.parallel}
// CHECK-NOT: nas.border_fill
// CHECK: return

func.func @value_after_producer(%x: tensor<1x40x40x16xf32>, %w: tensor<1x1x16x128xf32>, %v: f32) -> tensor<1x42x42x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x40x40x128xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x40x40x16xf32>, tensor<1x1x16x128xf32>) outs(%f : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %value = arith.addf %v, %v : f32
  %p = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %value : f32
  } : tensor<1x40x40x128xf32> to tensor<1x42x42x128xf32>
  return %p : tensor<1x42x42x128xf32>
}

// -----

// A constant padding value defined in the pad's region is copied before
// the producer, and the fill runs there.
// CHECK-LABEL: func.func @constant_in_region
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : vector<1x1x1x128xf32>
// CHECK: %[[FILLED:.*]] = scf.for
// CHECK: vector.transfer_write %[[ONE]]
// CHECK: } {nas.border_fill, nas.parallel}
// CHECK: %[[CONV:.*]] = scf.for
// CHECK: } {nas.parallel}
// CHECK: tensor.insert_slice %[[CONV]] into %[[FILLED]][0, 1, 1, 0] [1, 40, 40, 128] [1, 1, 1, 1]

func.func @constant_in_region(%x: tensor<1x40x40x16xf32>, %w: tensor<1x1x16x128xf32>) -> tensor<1x42x42x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x40x40x128xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x40x40x16xf32>, tensor<1x1x16x128xf32>) outs(%f : tensor<1x40x40x128xf32>) -> tensor<1x40x40x128xf32>
  %p = tensor.pad %c low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    %one = arith.constant 1.0 : f32
    tensor.yield %one : f32
  } : tensor<1x40x40x128xf32> to tensor<1x42x42x128xf32>
  return %p : tensor<1x42x42x128xf32>
}
