// Tensors with a zero dimension: the reference evaluator and the compiled
// code agree, and neither divides by the zero size.
// RUN: nas-run %s --reference-only --print-values --entry=fully_connected_no_features | FileCheck %s --check-prefix=FC
// RUN: nas-run %s --repeat=1 --check --print-values --entry=fully_connected_no_features | FileCheck %s --check-prefixes=FC,CHECKED
// RUN: nas-run %s --reference-only --print-values --entry=batch_norm_no_batch | FileCheck %s --check-prefix=BN-BATCH
// RUN: nas-run %s --repeat=1 --check --print-values --entry=batch_norm_no_batch | FileCheck %s --check-prefixes=BN-BATCH,CHECKED
// RUN: nas-run %s --reference-only --print-values --entry=batch_norm_no_channels | FileCheck %s --check-prefix=BN-CHANNELS
// RUN: nas-run %s --repeat=1 --check --print-values --entry=batch_norm_no_channels | FileCheck %s --check-prefixes=BN-CHANNELS,CHECKED

// With c_in = 0 each output is the bias alone: 2 rows of [1, 2, 3], sum 12.
// FC: output: tensor<2x3xf32>
// FC-NEXT: values: [1.000000e+00, 2.000000e+00, 3.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00]
// FC-NEXT: checksum: 1.200000e+01
func.func @fully_connected_no_features() -> tensor<2x3xf32> {
  %x = arith.constant dense<> : tensor<2x0xf32>
  %w = arith.constant dense<> : tensor<3x0xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %y = nas.fully_connected %x, %w, %b
      : (tensor<2x0xf32>, tensor<3x0xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// BN-BATCH: output: tensor<0x3xf32>
// BN-BATCH-NEXT: values: []
// BN-BATCH-NEXT: checksum: 0.000000e+00
func.func @batch_norm_no_batch(%x: tensor<0x3xf32>, %s: tensor<3xf32>,
    %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>)
    -> tensor<0x3xf32> {
  %y = nas.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-05 : f32}
      : (tensor<0x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>,
         tensor<3xf32>) -> tensor<0x3xf32>
  return %y : tensor<0x3xf32>
}

// BN-CHANNELS: output: tensor<2x0x4xf32>
// BN-CHANNELS-NEXT: values: []
// BN-CHANNELS-NEXT: checksum: 0.000000e+00
func.func @batch_norm_no_channels(%x: tensor<2x0x4xf32>, %s: tensor<0xf32>,
    %b: tensor<0xf32>, %m: tensor<0xf32>, %v: tensor<0xf32>)
    -> tensor<2x0x4xf32> {
  %y = nas.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-05 : f32}
      : (tensor<2x0x4xf32>, tensor<0xf32>, tensor<0xf32>, tensor<0xf32>,
         tensor<0xf32>) -> tensor<2x0x4xf32>
  return %y : tensor<2x0x4xf32>
}

// CHECKED: max abs error: 0.000e+00
// CHECKED-NEXT: max rel error: 0.000e+00
// CHECKED-NEXT: check: passed
