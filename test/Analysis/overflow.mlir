// RUN: nas-opt %s -split-input-file -verify-diagnostics --nas-annotate-costs
// RUN: not nas-opt %s -split-input-file --nas-annotate-costs 2>&1 | FileCheck %s
// RUN: not nas-opt %s -split-input-file --nas-cost-report 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK: error: 'nas.fully_connected' op cannot count MACs: the count overflows 64 bits
// REPORT: error: 'nas.fully_connected' op cannot count MACs: the count overflows 64 bits
// REPORT-NOT: cost report for @macs_of_function

// Counts are unsigned 64-bit (maximum 18,446,744,073,709,551,615); a count
// that does not fit is an error naming the op, never a wrapped number. The
// attributes are signed 64-bit (maximum 9,223,372,036,854,775,807).

// MACs of one op: 4e9 rows * 4e9 outputs * 4e9 inputs = 6.4e28.
func.func @macs_of_one_op(%x: tensor<4000000000x4000000000xi8>, %w: tensor<4000000000x4000000000xi8>) -> tensor<4000000000x4000000000xi8> {
  // expected-error@+1 {{'nas.fully_connected' op cannot count MACs: the count overflows 64 bits}}
  %y = nas.fully_connected %x, %w : (tensor<4000000000x4000000000xi8>, tensor<4000000000x4000000000xi8>) -> tensor<4000000000x4000000000xi8>
  return %y : tensor<4000000000x4000000000xi8>
}

// -----

// MACs of the function: two uses of one weight, each 1 * 4e9 * 3e9 = 1.2e19
// MACs; the sum 2.4e19 overflows. The shared i8 weight (1.2e19 bytes) counts
// once.
func.func @macs_of_function(%x: tensor<1x3000000000xi8>, %w: tensor<4000000000x3000000000xi8>) -> (tensor<1x4000000000xi8>, tensor<1x4000000000xi8>) {
  %y = nas.fully_connected %x, %w : (tensor<1x3000000000xi8>, tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8>
  // expected-error@+1 {{'nas.fully_connected' op cannot count the function's total MACs: the sum overflows 64 bits}}
  %z = nas.fully_connected %x, %w : (tensor<1x3000000000xi8>, tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8>
  return %y, %z : tensor<1x4000000000xi8>, tensor<1x4000000000xi8>
}

// -----

// Bytes of a tensor: 4e9 * 4e9 = 1.6e19 elements fit, but 6.4e19 f32 bytes
// do not.
func.func @weight_bytes(%x: tensor<1x4000000000xf32>, %w: tensor<4000000000x4000000000xf32>) -> tensor<1x4000000000xf32> {
  // expected-error@+1 {{'nas.fully_connected' op cannot count the bytes of operand #1: the count overflows 64 bits}}
  %y = nas.fully_connected %x, %w : (tensor<1x4000000000xf32>, tensor<4000000000x4000000000xf32>) -> tensor<1x4000000000xf32>
  return %y : tensor<1x4000000000xf32>
}

// -----

// Live bytes: the input and the result of a relu, 1e19 i8 elements each,
// are live together: 2e19 bytes.
func.func @live_bytes(%x: tensor<4000000000x2500000000xi8>) -> tensor<4000000000x2500000000xi8> {
  // expected-error@+1 {{'nas.relu' op cannot count the live activation bytes while the op runs: the sum overflows 64 bits}}
  %y = nas.relu %x : tensor<4000000000x2500000000xi8> -> tensor<4000000000x2500000000xi8>
  return %y : tensor<4000000000x2500000000xi8>
}

// -----

// A pooling window of 4e9 * 4e9 = 1.6e19 elements fits in uint64_t but not
// in the int64_t the per-element count takes.
func.func @pooling_window(%x: tensor<1x1x4000000000x4000000000xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error@+1 {{'nas.max_pool2d' op cannot count the cost: the pooling window overflows 64 bits}}
  %y = nas.max_pool2d %x {kernel = array<i64: 4000000000, 4000000000>, strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x1x4000000000x4000000000xf32> -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}

// -----

func.func @global_pooling_window(%x: tensor<1x1x4000000000x4000000000xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error@+1 {{'nas.global_avg_pool2d' op cannot count the cost: the pooling window overflows 64 bits}}
  %y = nas.global_avg_pool2d %x : tensor<1x1x4000000000x4000000000xf32> -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}

// -----

// 1 * 4e9 * 3e9 = 1.2e19 MACs fit in uint64_t but not in an i64 attribute;
// the function total is the same number.
// expected-error@+1 {{'func.func' op cannot set nas.total_macs to 12000000000000000000: the value exceeds the largest signed 64-bit integer 9223372036854775807}}
func.func @attribute_range(%x: tensor<1x3000000000xi8>, %w: tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8> {
  // expected-error@+1 {{'nas.fully_connected' op cannot set nas.macs to 12000000000000000000: the value exceeds the largest signed 64-bit integer 9223372036854775807}}
  %y = nas.fully_connected %x, %w : (tensor<1x3000000000xi8>, tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8>
  return %y : tensor<1x4000000000xi8>
}
