// RUN: nas-opt %s -nas-plan-buffers -split-input-file | FileCheck %s

// A chain of three layers, freed at the end as the deallocation pipeline
// leaves them. %a is dead once %b is computed, so %c takes its place: the
// arena holds two 4 KiB buffers, not three.
// CHECK-LABEL: func.func @chain(
// CHECK:         %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
// CHECK:         %[[OA:.*]] = arith.constant 0 : index
// CHECK:         %[[A:.*]] = memref.view %[[ARENA]][%[[OA]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK:         %[[OB:.*]] = arith.constant 4096 : index
// CHECK:         %[[B:.*]] = memref.view %[[ARENA]][%[[OB]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK:         linalg.copy ins(%[[A]] : memref<1024xf32>) outs(%[[B]] : memref<1024xf32>)
// CHECK:         %[[OC:.*]] = arith.constant 0 : index
// CHECK:         %[[C:.*]] = memref.view %[[ARENA]][%[[OC]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK:         linalg.copy ins(%[[B]] : memref<1024xf32>) outs(%[[C]] : memref<1024xf32>)
// CHECK:         linalg.copy ins(%[[C]] : memref<1024xf32>) outs(%{{.*}} : memref<1024xf32>)
// CHECK-NOT:     memref.dealloc %[[A]]
// CHECK-NOT:     memref.dealloc %[[B]]
// CHECK-NOT:     memref.dealloc %[[C]]
// CHECK:         memref.dealloc %[[ARENA]] : memref<8192xi8>
// CHECK-NEXT:    return
func.func @chain(%x: f32, %out: memref<1024xf32>) {
  %a = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  %b = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
  linalg.copy ins(%a : memref<1024xf32>) outs(%b : memref<1024xf32>)
  %c = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
  linalg.copy ins(%b : memref<1024xf32>) outs(%c : memref<1024xf32>)
  linalg.copy ins(%c : memref<1024xf32>) outs(%out : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

// -----

// Largest first: the 400-byte buffer goes at 0 and the 100-byte one at
// 448, the next multiple of 64. The 64-byte buffer aligned to 128 would
// overlap the second at 512, so it goes at 640, after both. The arena takes
// the largest alignment.
// CHECK-LABEL: func.func @sizes_and_alignment(
// CHECK:         memref.alloc() {alignment = 128 : i64} : memref<704xi8>
// CHECK:         arith.constant 448 : index
// CHECK:         memref.view {{.*}} to memref<25xf32>
// CHECK:         arith.constant 0 : index
// CHECK:         memref.view {{.*}} to memref<100xf32>
// CHECK:         arith.constant 640 : index
// CHECK:         memref.view {{.*}} to memref<8xf64>
func.func @sizes_and_alignment(%x: f32, %y: f64) {
  %a = memref.alloc() : memref<25xf32>
  %b = memref.alloc() : memref<100xf32>
  %c = memref.alloc() {alignment = 128 : i64} : memref<8xf64>
  linalg.fill ins(%x : f32) outs(%a : memref<25xf32>)
  linalg.fill ins(%x : f32) outs(%b : memref<100xf32>)
  linalg.fill ins(%y : f64) outs(%c : memref<8xf64>)
  memref.dealloc %a : memref<25xf32>
  memref.dealloc %b : memref<100xf32>
  memref.dealloc %c : memref<8xf64>
  return
}

// -----

// A loop reads %a through a subview in its body, which keeps %a live until
// the loop. %b is dead after its fill, so %c takes its place, but neither
// takes the place of %a.
// CHECK-LABEL: func.func @views_and_regions(
// CHECK:         %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
// CHECK:         %[[OA:.*]] = arith.constant 0 : index
// CHECK:         %[[A:.*]] = memref.view %[[ARENA]][%[[OA]]][]
// CHECK:         %[[HALF:.*]] = memref.subview %[[A]]
// CHECK:         %[[OB:.*]] = arith.constant 4096 : index
// CHECK:         memref.view %[[ARENA]][%[[OB]]][]
// CHECK:         %[[OC:.*]] = arith.constant 4096 : index
// CHECK:         memref.view %[[ARENA]][%[[OC]]][]
// CHECK:         scf.for
// CHECK:           linalg.copy ins(%[[HALF]]
// CHECK:         return
func.func @views_and_regions(%x: f32, %out: memref<512xf32>) {
  %a = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  %half = memref.subview %a[0] [512] [1] : memref<1024xf32> to memref<512xf32, strided<[1]>>
  %b = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%b : memref<1024xf32>)
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    linalg.copy ins(%half : memref<512xf32, strided<[1]>>) outs(%out : memref<512xf32>)
  }
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

// -----

// Kept as they are: a returned buffer (never freed), a dynamic shape, a
// buffer freed under a condition, and a layout other than the identity.
// %p and %q, which do qualify, share the arena.
// CHECK-LABEL: func.func @not_planned(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
// CHECK-DAG:     memref.alloc() : memref<16xf32>
// CHECK-DAG:     memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK-DAG:     memref.alloc() : memref<8xf32>
// CHECK-DAG:     memref.alloc() : memref<4x4xf32, strided<[8, 1]>>
// CHECK-DAG:     memref.dealloc %{{.*}} : memref<?xf32>
// CHECK-DAG:     memref.dealloc %{{.*}} : memref<4x4xf32, strided<[8, 1]>>
// CHECK:         scf.if
// CHECK:           memref.dealloc %{{.*}} : memref<8xf32>
// CHECK:         return
func.func @not_planned(%x: f32, %n: index, %flag: i1) -> memref<16xf32> {
  %r = memref.alloc() : memref<16xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  %k = memref.alloc() : memref<8xf32>
  %s = memref.alloc() : memref<4x4xf32, strided<[8, 1]>>
  %p = memref.alloc() : memref<1024xf32>
  %q = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%r : memref<16xf32>)
  linalg.fill ins(%x : f32) outs(%d : memref<?xf32>)
  linalg.fill ins(%x : f32) outs(%k : memref<8xf32>)
  linalg.fill ins(%x : f32) outs(%s : memref<4x4xf32, strided<[8, 1]>>)
  linalg.fill ins(%x : f32) outs(%p : memref<1024xf32>)
  linalg.fill ins(%x : f32) outs(%q : memref<1024xf32>)
  memref.dealloc %d : memref<?xf32>
  memref.dealloc %s : memref<4x4xf32, strided<[8, 1]>>
  memref.dealloc %p : memref<1024xf32>
  memref.dealloc %q : memref<1024xf32>
  scf.if %flag {
    memref.dealloc %k : memref<8xf32>
  }
  return %r : memref<16xf32>
}

// -----

// A select between two buffers returns a memref that may be either: both
// stay live until they are freed, so %c cannot reuse them.
// CHECK-LABEL: func.func @escaping_select(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<12288xi8>
// CHECK:         return
func.func @escaping_select(%x: f32, %flag: i1, %out: memref<1024xf32>) {
  %a = memref.alloc() : memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  %s = arith.select %flag, %a, %b : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%s : memref<1024xf32>)
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  linalg.copy ins(%c : memref<1024xf32>) outs(%out : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

// -----

// One buffer alone gains nothing from an arena and keeps its allocation,
// and so do the buffers of a function with more than one block.
// CHECK-LABEL: func.func @single(
// CHECK:         memref.alloc() : memref<1024xf32>
// CHECK-NOT:     memref.view
// CHECK-LABEL: func.func @blocks(
// CHECK-NOT:     memref.view
// CHECK:         return
func.func @single(%x: f32) {
  %a = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  return
}

func.func @blocks(%x: f32) {
  %a = memref.alloc() : memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  cf.br ^next
^next:
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  linalg.fill ins(%x : f32) outs(%b : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  return
}

// -----

// Other values that may refer to a buffer keep it live until it is freed:
// an scf.if or scf.for result that the region yields, its aligned pointer
// as an index, and a tensor built on it. %c then never shares bytes with
// %a, whose last direct use comes before %c is written.
// CHECK-LABEL: func.func @yielded_by_if(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<12288xi8>
// CHECK-LABEL: func.func @yielded_by_loop(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<12288xi8>
// CHECK-LABEL: func.func @pointer_taken(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
// CHECK-LABEL: func.func @tensor_built(
// CHECK:         memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
func.func @yielded_by_if(%flag: i1, %x: f32, %out: memref<1024xf32>) {
  %a = memref.alloc() : memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  linalg.fill ins(%x : f32) outs(%b : memref<1024xf32>)
  %r = scf.if %flag -> (memref<1024xf32>) {
    scf.yield %a : memref<1024xf32>
  } else {
    scf.yield %b : memref<1024xf32>
  }
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  linalg.add ins(%r, %c : memref<1024xf32>, memref<1024xf32>) outs(%out : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

func.func @yielded_by_loop(%x: f32, %out: memref<1024xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc() : memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  %r = scf.for %i = %c0 to %c1 step %c1 iter_args(%it = %b) -> (memref<1024xf32>) {
    scf.yield %a : memref<1024xf32>
  }
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  linalg.add ins(%r, %c : memref<1024xf32>, memref<1024xf32>) outs(%out : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

func.func @pointer_taken(%x: f32) -> index {
  %a = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  %p = memref.extract_aligned_pointer_as_index %a : memref<1024xf32> -> index
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return %p : index
}

func.func @tensor_built(%x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %a = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
  %t = bufferization.to_tensor %a restrict : memref<1024xf32> to tensor<1024xf32>
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  %v = tensor.extract %t[%c0] : tensor<1024xf32>
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return %v : f32
}

// -----

// Not planned: a function with an async.execute, whose region may run
// after the op; i24 elements, which LLVM stores in 4 bytes; and buffers
// whose offsets would reach 2^62 bytes.
// CHECK-LABEL: func.func @async_region(
// CHECK-NOT:     memref.view
// CHECK-LABEL: func.func @odd_width(
// CHECK-NOT:     memref.view
// CHECK-LABEL: func.func @huge(
// CHECK-NOT:     memref.view
// CHECK:         return
func.func @async_region(%x: f32, %out: memref<1024xf32>) {
  %a = memref.alloc() : memref<1024xf32>
  %t = async.execute {
    linalg.fill ins(%x : f32) outs(%a : memref<1024xf32>)
    async.yield
  }
  %c = memref.alloc() : memref<1024xf32>
  linalg.fill ins(%x : f32) outs(%c : memref<1024xf32>)
  async.await %t : !async.token
  linalg.copy ins(%c : memref<1024xf32>) outs(%out : memref<1024xf32>)
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return
}

func.func @odd_width(%x: i24) {
  %a = memref.alloc() : memref<40xi24>
  %b = memref.alloc() : memref<40xi24>
  linalg.fill ins(%x : i24) outs(%a : memref<40xi24>)
  linalg.fill ins(%x : i24) outs(%b : memref<40xi24>)
  memref.dealloc %a : memref<40xi24>
  memref.dealloc %b : memref<40xi24>
  return
}

func.func @huge(%x: i8) {
  %a = memref.alloc() : memref<2305843009213693952xi8>
  %b = memref.alloc() : memref<2305843009213693952xi8>
  %c = memref.alloc() : memref<2305843009213693952xi8>
  linalg.fill ins(%x : i8) outs(%a : memref<2305843009213693952xi8>)
  linalg.fill ins(%x : i8) outs(%b : memref<2305843009213693952xi8>)
  linalg.fill ins(%x : i8) outs(%c : memref<2305843009213693952xi8>)
  memref.dealloc %a : memref<2305843009213693952xi8>
  memref.dealloc %b : memref<2305843009213693952xi8>
  memref.dealloc %c : memref<2305843009213693952xi8>
  return
}
