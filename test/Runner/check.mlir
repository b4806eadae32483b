// --check and --tolerance: the relative error of a 64-channel 3x3
// convolution (576-term f32 sums against double sums rounded once) is
// nonzero but far below the default tolerance of 1e-4.
// RUN: nas-run %s --repeat=1 --check --entry=conv64 | FileCheck %s --check-prefix=PASSED
// RUN: nas-run %s --repeat=1 --check --entry=conv64 --tolerance=1e-4 | FileCheck %s --check-prefix=PASSED
// RUN: not nas-run %s --repeat=1 --check --entry=conv64 --tolerance=0 | FileCheck %s --check-prefix=FAILED
// RUN: nas-run %s --repeat=1 --check --entry=conv64 --tolerance=0; test $? -eq 1

// PASSED: output: tensor<1x64x8x8xf32>
// PASSED-NEXT: checksum: {{.*}}
// PASSED-NEXT: median latency: {{.*}} ms (1 runs)
// PASSED-NEXT: max abs error: {{[1-9]\.[0-9]{3}e-0[5-9]}}
// PASSED-NEXT: max rel error: {{[1-9]\.[0-9]{3}e-0[6-9]}}
// PASSED-NEXT: check: passed

// FAILED: max rel error: {{[1-9]\.[0-9]{3}e-0[6-9]}}
// FAILED-NEXT: check: FAILED (tolerance 0)
func.func @conv64(%x: tensor<1x64x8x8xf32>, %w: tensor<64x64x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x8x8xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x64x8x8xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x8x8xf32>
  return %y : tensor<1x64x8x8xf32>
}

// A negative variance makes every output NaN in both implementations; a NaN
// fails the check whatever the tolerance.
// RUN: not nas-run %s --repeat=1 --check --entry=nan --tolerance=1e30 | FileCheck %s --check-prefix=NAN
// NAN: max abs error: nan
// NAN-NEXT: max rel error: nan
// NAN-NEXT: check: FAILED (tolerance 1e+30)
func.func @nan(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %scale = arith.constant dense<1.0> : tensor<2xf32>
  %bias = arith.constant dense<0.0> : tensor<2xf32>
  %mean = arith.constant dense<0.0> : tensor<2xf32>
  %var = arith.constant dense<-2.0> : tensor<2xf32>
  %y = nas.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 0.0 : f32} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}
