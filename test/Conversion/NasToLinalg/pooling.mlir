// RUN: nas-opt %s -nas-to-linalg -split-input-file | FileCheck %s

// Padding uses -inf, the accumulator starts at -inf, and the window operand
// only carries the kernel shape.
// CHECK-LABEL: func.func @max_pool_padding
// CHECK-SAME: (%[[X:.*]]: tensor<1x64x112x112xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[NEG_INF]] : f32
// CHECK: } : tensor<1x64x112x112xf32> to tensor<1x64x114x114xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x64x56x56xf32>
// CHECK: %[[INIT_VALUE:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[INIT_VALUE]] : f32) outs(%[[EMPTY]] : tensor<1x64x56x56xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[Y:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x64x114x114xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x64x56x56xf32>)
// CHECK: return %[[Y]]
func.func @max_pool_padding(%x: tensor<1x64x112x112xf32>)
    -> tensor<1x64x56x56xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = false}
      : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}

// -----

// ceil_mode on 6x6, kernel 3, stride 2, padding 1: the output is 4x4 and its
// last window reads padded rows 6-8, so the bottom and right padding grow
// from 1 to (4 - 1) * 2 + 3 - 6 - 1 = 2.
// CHECK-LABEL: func.func @max_pool_ceil_mode
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 2, 2]
// CHECK: } : tensor<1x1x6x6xf32> to tensor<1x1x9x9xf32>
// CHECK: linalg.pooling_nchw_max
// CHECK-SAME: -> tensor<1x1x4x4xf32>
func.func @max_pool_ceil_mode(%x: tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// ceil_mode without padding: 5x5, kernel 2, stride 2 -> 3x3; the last
// window needs one row and column of -inf after the input.
// CHECK-LABEL: func.func @max_pool_ceil_mode_no_padding
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: } : tensor<1x2x5x5xf32> to tensor<1x2x6x6xf32>
func.func @max_pool_ceil_mode_no_padding(%x: tensor<1x2x5x5xf32>)
    -> tensor<1x2x3x3xf32> {
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, ceil_mode = true}
      : tensor<1x2x5x5xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Dilation and asymmetric padding with a result that ceil_mode does not
// change: no extra padding, no tensor.pad at all without padding.
// CHECK-LABEL: func.func @max_pool_dilation
// CHECK-NOT: tensor.pad
// CHECK: linalg.pooling_nchw_max {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x1x7x7xf32>, tensor<2x2xf32>)
// CHECK-SAME: -> tensor<1x1x5x6xf32>
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 1] high[0, 0, 1, 0]
// CHECK: linalg.pooling_nchw_max
// CHECK-SAME: -> tensor<1x1x6x7xf32>
func.func @max_pool_dilation(%x: tensor<1x1x7x7xf32>)
    -> (tensor<1x1x5x6xf32>, tensor<1x1x6x7xf32>) {
  %y = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 2, 1>, ceil_mode = true}
      : tensor<1x1x7x7xf32> -> tensor<1x1x5x6xf32>
  %z = nas.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>,
                          padding = array<i64: 0, 1, 1, 0>,
                          dilations = array<i64: 2, 1>, ceil_mode = false}
      : tensor<1x1x7x7xf32> -> tensor<1x1x6x7xf32>
  return %y, %z : tensor<1x1x5x6xf32>, tensor<1x1x6x7xf32>
}

// -----

// count_include_pad without ceil_mode overhang: every window divides by
// 3 x 3 = 9, a scalar.
// CHECK-LABEL: func.func @avg_pool_count_include_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[WINDOW]] : tensor<1x2x7x7xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x2x3x3xf32>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x2x3x3xf32>
// CHECK: %[[NINE:.*]] = arith.constant 9.000000e+00 : f32
// CHECK: %[[Y:.*]] = linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x2x3x3xf32>) outs(%[[EMPTY]] : tensor<1x2x3x3xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[MEAN:.*]] = arith.divf %[[S]], %[[NINE]] : f32
// CHECK: linalg.yield %[[MEAN]] : f32
// CHECK: return %[[Y]]
func.func @avg_pool_count_include_pad(%x: tensor<1x2x5x5xf32>)
    -> tensor<1x2x3x3xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>, ceil_mode = false,
                          count_include_pad = true}
      : tensor<1x2x5x5xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Without count_include_pad, border windows divide by their elements inside
// the input. Height 5 and width 6 with kernel 3, stride 2, padding 1: the
// windows [-1, 2), [1, 4), [3, 6) hold 2, 3, 2 of the rows 0-4 and 2, 3, 3
// of the columns 0-5.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[H:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @avg_pool_exclude_pad
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum
// CHECK: %[[HC:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<3xf32>
// CHECK: %[[WC:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[H]], #[[W]], #[[ID]]]
// CHECK-SAME: ins(%[[SUM]], %[[HC]], %[[WC]] : tensor<1x1x3x3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %[[CH:.*]]: f32, %[[CW:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[COUNT:.*]] = arith.mulf %[[CH]], %[[CW]] : f32
// CHECK: %[[MEAN:.*]] = arith.divf %[[S]], %[[COUNT]] : f32
// CHECK: linalg.yield %[[MEAN]] : f32
func.func @avg_pool_exclude_pad(%x: tensor<1x1x5x6xf32>)
    -> tensor<1x1x3x3xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>, ceil_mode = false,
                          count_include_pad = false}
      : tensor<1x1x5x6xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// ceil_mode with count_include_pad on 6x6, kernel 3, stride 2, padding 1:
// the windows start at -1, 1, 3, 5 and the explicit padding ends at 7, so
// the counts are 3, 3, 3 and 7 - 5 = 2. The extra ceil_mode padding row 7
// is summed as zero but not counted.
// CHECK-LABEL: func.func @avg_pool_ceil_mode_count_include_pad
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 2, 2]
// CHECK: linalg.pooling_nchw_sum
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<1x1x9x9xf32>, tensor<3x3xf32>)
// CHECK: arith.constant dense<[3.000000e+00, 3.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK: arith.constant dense<[3.000000e+00, 3.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK: linalg.generic
func.func @avg_pool_ceil_mode_count_include_pad(%x: tensor<1x1x6x6xf32>)
    -> tensor<1x1x4x4xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>, ceil_mode = true,
                          count_include_pad = true}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Same without count_include_pad: rows [-1, 2), [1, 4), [3, 6), [5, 8)
// hold 2, 3, 3, 1 input rows.
// CHECK-LABEL: func.func @avg_pool_ceil_mode_exclude_pad
// CHECK: arith.constant dense<[2.000000e+00, 3.000000e+00, 3.000000e+00, 1.000000e+00]> : tensor<4xf32>
// CHECK: arith.constant dense<[2.000000e+00, 3.000000e+00, 3.000000e+00, 1.000000e+00]> : tensor<4xf32>
func.func @avg_pool_ceil_mode_exclude_pad(%x: tensor<1x1x6x6xf32>)
    -> tensor<1x1x4x4xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                          padding = array<i64: 1, 1, 1, 1>, ceil_mode = true,
                          count_include_pad = false}
      : tensor<1x1x6x6xf32> -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Asymmetric padding with count_include_pad: padding [top, left, bottom,
// right] = [1, 0, 0, 1], kernel 2, stride 1 on 3x3 -> 3x3. Each window
// lies inside the padded input, so all divisors are 2 x 2 = 4.
// CHECK-LABEL: func.func @avg_pool_asymmetric_padding
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 0] high[0, 0, 0, 1]
// CHECK: arith.constant 4.000000e+00 : f32
// CHECK-NOT: arith.constant dense
func.func @avg_pool_asymmetric_padding(%x: tensor<1x1x3x3xf32>)
    -> tensor<1x1x3x3xf32> {
  %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>,
                          padding = array<i64: 1, 0, 0, 1>, ceil_mode = false,
                          count_include_pad = true}
      : tensor<1x1x3x3xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_pool
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x7x7xf64>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f64) outs(%{{.*}} : tensor<2x8xf64>)
// CHECK: %[[SUM:.*]] = linalg.reduce ins(%[[X]] : tensor<2x8x7x7xf64>) outs(%[[INIT]] : tensor<2x8xf64>) dimensions = [2, 3]
// CHECK: arith.addf
// CHECK: %[[COUNT:.*]] = arith.constant 4.900000e+01 : f64
// CHECK: %[[MEAN:.*]] = linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<2x8xf64>)
// CHECK: arith.divf %{{.*}}, %[[COUNT]] : f64
// CHECK: %[[Y:.*]] = tensor.expand_shape %[[MEAN]] {{\[\[}}0], [1, 2, 3]] output_shape [2, 8, 1, 1] : tensor<2x8xf64> into tensor<2x8x1x1xf64>
// CHECK: return %[[Y]]
func.func @global_avg_pool(%x: tensor<2x8x7x7xf64>) -> tensor<2x8x1x1xf64> {
  %y = nas.global_avg_pool2d %x : tensor<2x8x7x7xf64> -> tensor<2x8x1x1xf64>
  return %y : tensor<2x8x1x1xf64>
}
