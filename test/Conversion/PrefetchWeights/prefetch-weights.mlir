// Weight buffers above half of the L1 data cache (16 KiB of the 32 KiB
// that x86-64-v4 assumes) get prefetches; the buffers here are 32 KiB,
// except where a case says otherwise.
// RUN: nas-opt %s -nas-prefetch-weights=cpu=x86-64-v4 -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-prefetch-weights="distance=4 cpu=x86-64-v4" -split-input-file | FileCheck %s --check-prefix=NEAR
// RUN: not nas-opt %s -nas-prefetch-weights="distance=0 cpu=x86-64-v4" -split-input-file 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not nas-opt %s -nas-prefetch-weights=cpu=no-such-cpu -split-input-file 2>&1 | FileCheck %s --check-prefix=ERROR

// The weight row read at input channel %c is prefetched 16 iterations
// (16 * step 2 = 32 channels) ahead, in two prefetches: the row of 32 f32
// spans two 64-byte lines, which start 16 elements apart. The broadcast
// input read, which is not 1-D, is not prefetched.
// CHECK-LABEL: func.func @kernel_step
// CHECK: scf.for %[[C:.*]] = %c0 to %c64 step %c2
// CHECK: %[[DISTANCE:.*]] = arith.constant 16 : index
// CHECK: %[[OFFSET:.*]] = arith.muli %c2, %[[DISTANCE]] : index
// CHECK: %[[AHEAD:.*]] = arith.addi %[[C]], %[[OFFSET]] : index
// CHECK: memref.prefetch %arg1[%c0, %c0, %[[AHEAD]], %c0], read, locality<3>, data : memref<1x1x256x32xf32>
// CHECK: %[[LINE:.*]] = arith.constant 16 : index
// CHECK: %[[SECOND:.*]] = arith.addi %c0, %[[LINE]] : index
// CHECK: memref.prefetch %arg1[%c0, %c0, %[[AHEAD]], %[[SECOND]]], read, locality<3>, data : memref<1x1x256x32xf32>
// CHECK-NOT: memref.prefetch
// CHECK: vector.transfer_read %arg1[%c0, %c0, %[[C]], %c0]
// CHECK-NOT: memref.prefetch
// NEAR: %[[DISTANCE:.*]] = arith.constant 4 : index
// ZERO: error: expected a prefetch distance >= 1, got 0
func.func @kernel_step(%input: memref<1x1x8x64xf32>, %weight: memref<1x1x256x32xf32>, %acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %c = %c0 to %c64 step %c2 iter_args(%a = %acc) -> (vector<32xf32>) {
    %row = vector.transfer_read %weight[%c0, %c0, %c, %c0], %zero {in_bounds = [true]} : memref<1x1x256x32xf32>, vector<32xf32>
    %x = vector.transfer_read %input[%c0, %c0, %c0, %c], %zero {in_bounds = [true, true]} : memref<1x1x8x64xf32>, vector<8x1xf32>
    %s = vector.extract %x[0, 0] : f32 from vector<8x1xf32>
    %b = vector.broadcast %s : f32 to vector<32xf32>
    %n = vector.fma %b, %row, %a : vector<32xf32>
    scf.yield %n : vector<32xf32>
  }
  return %r : vector<32xf32>
}

// -----

// A read along the loop's own index (the last one) streams contiguously
// and gets no prefetch.
// CHECK-LABEL: func.func @contiguous
// CHECK-NOT: memref.prefetch
func.func @contiguous(%m: memref<64xf32>, %acc: vector<16xf32>) -> vector<16xf32> {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %c64 step %c16 iter_args(%a = %acc) -> (vector<16xf32>) {
    %v = vector.transfer_read %m[%i], %zero {in_bounds = [true]} : memref<64xf32>, vector<16xf32>
    %n = arith.addf %a, %v : vector<16xf32>
    scf.yield %n : vector<16xf32>
  }
  return %r : vector<16xf32>
}

// -----

// A row of 8 f64 fills one 64-byte line and gets one prefetch.
// CHECK-LABEL: func.func @one_line
// CHECK-COUNT-1: memref.prefetch
// CHECK-NOT: memref.prefetch
func.func @one_line(%weight: memref<512x8xf64>, %acc: vector<8xf64>) -> vector<8xf64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f64
  %r = scf.for %k = %c0 to %c64 step %c1 iter_args(%a = %acc) -> (vector<8xf64>) {
    %row = vector.transfer_read %weight[%k, %c0], %zero {in_bounds = [true]} : memref<512x8xf64>, vector<8xf64>
    %n = arith.addf %a, %row : vector<8xf64>
    scf.yield %n : vector<8xf64>
  }
  return %r : vector<8xf64>
}

// -----

// An 8 KiB weight buffer stays in the L1 cache from one tile to the next:
// no prefetch.
// CHECK-LABEL: func.func @small_buffer
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @small_buffer(%weight: memref<64x32xf32>, %acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %k = %c0 to %c64 step %c1 iter_args(%a = %acc) -> (vector<32xf32>) {
    %row = vector.transfer_read %weight[%k, %c0], %zero {in_bounds = [true]} : memref<64x32xf32>, vector<32xf32>
    %n = arith.addf %a, %row : vector<32xf32>
    scf.yield %n : vector<32xf32>
  }
  return %r : vector<32xf32>
}

// -----

// The read is from an 8 KiB subview of a 64 KiB buffer: the size that
// counts is the buffer's, so the read is prefetched.
// CHECK-LABEL: func.func @view_of_large_buffer
// CHECK: %[[VIEW:.*]] = memref.subview
// CHECK: scf.for
// CHECK: memref.prefetch %[[VIEW]]
// CHECK: vector.transfer_read %[[VIEW]]
func.func @view_of_large_buffer(%weight: memref<512x32xf32>, %acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %view = memref.subview %weight[64, 0] [64, 32] [1, 1] : memref<512x32xf32> to memref<64x32xf32, strided<[32, 1], offset: 2048>>
  %r = scf.for %k = %c0 to %c64 step %c1 iter_args(%a = %acc) -> (vector<32xf32>) {
    %row = vector.transfer_read %view[%k, %c0], %zero {in_bounds = [true]} : memref<64x32xf32, strided<[32, 1], offset: 2048>>, vector<32xf32>
    %n = arith.addf %a, %row : vector<32xf32>
    scf.yield %n : vector<32xf32>
  }
  return %r : vector<32xf32>
}

// -----

// ERROR: error: unknown CPU 'no-such-cpu'
func.func @unknown_cpu() {
  return
}
