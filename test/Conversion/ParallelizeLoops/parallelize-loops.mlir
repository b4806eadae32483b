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

// -----

// An outer loop of fewer than 16 iterations whose body is a marked loop
// becomes one scf.parallel over both ranges, so that 7 rows by 4 column
// tiles give 2 threads 14 iterations each instead of 4 and 3 rows.
// CHECK-LABEL: func.func @collapsed
// CHECK: scf.parallel (%[[I:.*]], %[[J:.*]]) = (%c0, %c0) to (%c7, %c64) step (%c1, %c16) {
// CHECK-NOT: scf.for
// CHECK: memref.store %{{.*}}, %arg0[%[[I]], %[[J]]]
// CHECK: scf.reduce
func.func @collapsed(%out: memref<7x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c7 step %c1 {
    scf.for %j = %c0 to %c64 step %c16 {
      memref.store %v, %out[%i, %j] : memref<7x64xf32>
    } {nas.parallel}
  } {nas.parallel}
  return
}

// -----

// With 16 iterations or more, only the outer loop runs in parallel; the
// inner one stays sequential and loses its marker.
// CHECK-LABEL: func.func @many_iterations
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c16) step (%c1) {
// CHECK: scf.for %[[J:.*]] = %c0 to %c64 step %c16 {
func.func @many_iterations(%out: memref<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c16 step %c1 {
    scf.for %j = %c0 to %c64 step %c16 {
      memref.store %v, %out[%i, %j] : memref<16x64xf32>
    } {nas.parallel}
  } {nas.parallel}
  return
}

// -----

// A marked loop next to other ops in the outer body, such as a peeled last
// tile, is not collapsed.
// CHECK-LABEL: func.func @not_perfectly_nested
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c7) step (%c1) {
// CHECK: scf.for %[[J:.*]] = %c0 to %c48 step %c16 {
// CHECK: memref.store %{{.*}}, %arg0[%[[I]], %c48]
func.func @not_perfectly_nested(%out: memref<7x56xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c16 = arith.constant 16 : index
  %c48 = arith.constant 48 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c7 step %c1 {
    scf.for %j = %c0 to %c48 step %c16 {
      memref.store %v, %out[%i, %j] : memref<7x56xf32>
    } {nas.parallel}
    memref.store %v, %out[%i, %c48] : memref<7x56xf32>
  } {nas.parallel}
  return
}

// -----

// A marked loop whose bounds depend on the outer induction variable is not
// collapsed: scf.parallel needs a rectangular range.
// CHECK-LABEL: func.func @dependent_bounds
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c7) step (%c1) {
// CHECK: scf.for %{{.*}} = %c0 to %[[I]] step %c1 {
func.func @dependent_bounds(%out: memref<7x7xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %v = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c7 step %c1 {
    scf.for %j = %c0 to %i step %c1 {
      memref.store %v, %out[%i, %j] : memref<7x7xf32>
    } {nas.parallel}
  } {nas.parallel}
  return
}

// -----

// When the outer loop carries a value, neither loop runs in parallel.
// CHECK-LABEL: func.func @carried_outer
// CHECK-NOT: scf.parallel
// CHECK: scf.for {{.*}} iter_args
// CHECK: scf.for
func.func @carried_outer(%out: memref<7x64xf32>, %init: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %r = scf.for %i = %c0 to %c7 step %c1 iter_args(%acc = %init) -> (f32) {
    scf.for %j = %c0 to %c64 step %c16 {
      memref.store %acc, %out[%i, %j] : memref<7x64xf32>
    } {nas.parallel}
    %next = arith.addf %acc, %acc : f32
    scf.yield %next : f32
  } {nas.parallel}
  return %r : f32
}

// -----

// The border fill marker moves from the loop to the first op of the
// scf.parallel body, where convert-scf-to-openmp keeps it.
// CHECK-LABEL: func.func @border_fill
// CHECK: scf.parallel (%[[I:.*]]) = (%c0) to (%c8) step (%c1) {
// CHECK-NEXT: memref.store %{{.*}}, %arg0[%[[I]]] {nas.border_fill}
// CHECK-NEXT: memref.store %{{.*}}, %arg0[%[[I]]] : memref<8xf32>
// CHECK-NEXT: scf.reduce
// CHECK-NOT: nas.border_fill
func.func @border_fill(%out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %v = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    memref.store %v, %out[%i] : memref<8xf32>
    memref.store %v, %out[%i] : memref<8xf32>
  } {nas.border_fill, nas.parallel}
  return
}
