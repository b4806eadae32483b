// RUN: nas-opt %s -nas-parallelize-loops -split-input-file | FileCheck %s --implicit-check-not=nas.parallel

// A marked loop without loop-carried values becomes scf.parallel with the
// same bounds and body; the unmarked inner loop stays.
// CHECK-LABEL: func.func @marked
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c8) step (%c2) {
// CHECK: scf.for %[[J:.*]] = %c0 to %c4 step %c1 {
// CHECK: memref.store %{{.*}}, %arg0[%[[I]], %[[J]]]
// CHECK: scf.reduce
func.func @marked(%out: memref<8x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c8 step %c2 {
    scf.for %j = %c0 to %c4 step %c1 {
      memref.store %v, %out[%i, %j] : memref<8x4xf32>
    }
  } {nas.parallel}
  return
}

// -----

// A marked loop that carries a value stays sequential, without the marker.
// CHECK-LABEL: func.func @carried
// CHECK-NOT: scf.parallel
// CHECK: scf.for {{.*}} iter_args
func.func @carried(%init: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c1 iter_args(%acc = %init) -> (f32) {
    %next = arith.addf %acc, %acc : f32
    scf.yield %next : f32
  } {nas.parallel}
  return %r : f32
}

// -----

// An unmarked loop stays sequential.
// CHECK-LABEL: func.func @unmarked
// CHECK-NOT: scf.parallel
// CHECK: scf.for
func.func @unmarked(%out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    memref.store %v, %out[%i] : memref<8xf32>
  }
  return
}
