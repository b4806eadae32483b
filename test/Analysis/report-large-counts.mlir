// RUN: nas-opt %s --nas-cost-report -o /dev/null | FileCheck %s
// RUN: nas-opt %s --nas-cost-report="json=- table=false" -o /dev/null | FileCheck %s --check-prefix=JSON

// The report prints the full unsigned 64-bit range, which the i64
// attributes of nas-annotate-costs cannot hold (see overflow.mlir).
// Fully connected 3e9 -> 4e9 on one i8 row:
//   MACs and params 4e9 * 3e9 = 1.2e19 (one byte each)
//   activation bytes 4e9; live bytes 3e9 + 4e9 = 7e9
// CHECK: fully_connected_0  fully_connected  1x3000000000 -> 1x4000000000  12,000,000,000,000,000,000  12,000,000,000,000,000,000  12,000,000,000,000,000,000     4,000,000,000  7,000,000,000
// CHECK: MACs 12,000,000,000,000,000,000
// JSON: "macs": 12000000000000000000,
// JSON: "params": 12000000000000000000,
// JSON: "live_bytes": 7000000000,
func.func @large(%x: tensor<1x3000000000xi8>, %w: tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8> {
  %y = nas.fully_connected %x, %w : (tensor<1x3000000000xi8>, tensor<4000000000x3000000000xi8>) -> tensor<1x4000000000xi8>
  return %y : tensor<1x4000000000xi8>
}
