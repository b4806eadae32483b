// RUN: nas-opt %s -nas-stack-buffers -split-input-file | FileCheck %s
// RUN: nas-opt %s -nas-stack-buffers="max-bytes=1024" -split-input-file | FileCheck %s --check-prefix=LIMIT

// A buffer allocated and freed in each iteration of a loop moves to the
// stack, and each iteration restores the stack pointer it saved.
// CHECK-LABEL: func.func @loop_body(
// CHECK:         scf.for
// CHECK-NEXT:      %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT:      %[[BUF:.*]] = memref.alloca() {alignment = 64 : i64} : memref<4x256xf32>
// CHECK-NEXT:      linalg.fill ins(%{{.*}} : f32) outs(%[[BUF]] : memref<4x256xf32>)
// CHECK-NEXT:      memref.copy %[[BUF]], %{{.*}} : memref<4x256xf32> to memref<4x256xf32>
// CHECK-NEXT:      llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
// CHECK-NEXT:    }
// CHECK-NOT:     memref.alloc()
// CHECK-NOT:     memref.dealloc
// 4 KiB is above max-bytes=1024: the buffer stays on the heap.
// LIMIT-LABEL: func.func @loop_body(
// LIMIT:         memref.alloc() {alignment = 64 : i64} : memref<4x256xf32>
// LIMIT:         memref.dealloc
// LIMIT-NOT:     llvm.intr.stacksave
func.func @loop_body(%out: memref<4x256xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %n step %c1 {
    %buf = memref.alloc() {alignment = 64 : i64} : memref<4x256xf32>
    linalg.fill ins(%zero : f32) outs(%buf : memref<4x256xf32>)
    memref.copy %buf, %out : memref<4x256xf32> to memref<4x256xf32>
    memref.dealloc %buf : memref<4x256xf32>
  }
  return
}

// -----

// The body of an OpenMP loop: each thread saves and restores its own stack.
// CHECK-LABEL: func.func @omp_loop(
// CHECK:         omp.loop_nest
// CHECK-NEXT:      %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT:      %[[BUF:.*]] = memref.alloca() : memref<64xf32>
// CHECK:           llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
// CHECK-NEXT:      omp.yield
// 256 bytes move with max-bytes=1024 too.
// LIMIT-LABEL: func.func @omp_loop(
// LIMIT:         llvm.intr.stacksave
func.func @omp_loop(%out: memref<8x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        %buf = memref.alloc() : memref<64xf32>
        linalg.fill ins(%zero : f32) outs(%buf : memref<64xf32>)
        %row = memref.subview %out[%i, 0] [1, 64] [1, 1] : memref<8x64xf32> to memref<64xf32, strided<[1], offset: ?>>
        memref.copy %buf, %row : memref<64xf32> to memref<64xf32, strided<[1], offset: ?>>
        memref.dealloc %buf : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// Buffers whose lives nest move together: the inner one is restored first.
// Of two that overlap without nesting, the first moves and the second
// stays on the heap, since restoring the first would free it.
// CHECK-LABEL: func.func @nesting(
// CHECK:         %[[S1:.*]] = llvm.intr.stacksave
// CHECK-NEXT:    %[[A:.*]] = memref.alloca() : memref<16xf32>
// CHECK-NEXT:    %[[S2:.*]] = llvm.intr.stacksave
// CHECK-NEXT:    %[[B:.*]] = memref.alloca() : memref<16xf32>
// CHECK-NEXT:    memref.copy %[[A]], %[[B]]
// CHECK-NEXT:    llvm.intr.stackrestore %[[S2]]
// CHECK-NEXT:    %[[C:.*]] = memref.alloc() : memref<16xf32>
// CHECK-NEXT:    memref.copy %[[A]], %[[C]]
// CHECK-NEXT:    llvm.intr.stackrestore %[[S1]]
// CHECK-NEXT:    memref.copy %[[C]], %{{.*}}
// CHECK-NEXT:    memref.dealloc %[[C]]
func.func @nesting(%out: memref<16xf32>, %flag: i1) {
  scf.if %flag {
    %a = memref.alloc() : memref<16xf32>
    %b = memref.alloc() : memref<16xf32>
    memref.copy %a, %b : memref<16xf32> to memref<16xf32>
    memref.dealloc %b : memref<16xf32>
    %c = memref.alloc() : memref<16xf32>
    memref.copy %a, %c : memref<16xf32> to memref<16xf32>
    memref.dealloc %a : memref<16xf32>
    memref.copy %c, %out : memref<16xf32> to memref<16xf32>
    memref.dealloc %c : memref<16xf32>
  }
  return
}

// -----

// Left alone: a buffer of the entry block (nas-plan-buffers places those),
// one freed in another block, one with a dynamic size, one in another
// memory space, one with a strided layout, one with a stack allocation in
// its life, and one with a restore of a stack pointer saved before it.
// CHECK-LABEL: func.func @unchanged(
// CHECK-COUNT-6: memref.alloc(
// CHECK:         llvm.intr.stacksave
// CHECK-NEXT:    memref.alloca() : memref<16xf32>
// CHECK-NEXT:    memref.alloc() : memref<16xf32>
// CHECK-NOT:     llvm.intr.stacksave
func.func @unchanged(%out: memref<16xf32>, %n: index, %flag: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %entry = memref.alloc() : memref<16xf32>
  memref.copy %entry, %out : memref<16xf32> to memref<16xf32>
  memref.dealloc %entry : memref<16xf32>
  scf.for %i = %c0 to %n step %c1 {
    %other = memref.alloc() : memref<16xf32>
    scf.if %flag {
      memref.dealloc %other : memref<16xf32>
    }
    %dynamic = memref.alloc(%n) : memref<?xf32>
    memref.dealloc %dynamic : memref<?xf32>
    %space = memref.alloc() : memref<16xf32, 1>
    memref.dealloc %space : memref<16xf32, 1>
    %strided = memref.alloc() : memref<2x2xf32, strided<[4, 1]>>
    memref.dealloc %strided : memref<2x2xf32, strided<[4, 1]>>
    %around = memref.alloc() : memref<16xf32>
    %scratch = memref.alloca() : memref<16xf32>
    memref.copy %around, %scratch : memref<16xf32> to memref<16xf32>
    memref.dealloc %around : memref<16xf32>
    %saved = llvm.intr.stacksave : !llvm.ptr
    %scratch2 = memref.alloca() : memref<16xf32>
    %restored = memref.alloc() : memref<16xf32>
    llvm.intr.stackrestore %saved : !llvm.ptr
    memref.copy %restored, %out : memref<16xf32> to memref<16xf32>
    memref.dealloc %restored : memref<16xf32>
  }
  return
}

// -----

// At most max-bytes (64 KiB) of moved buffers are live at once: of two
// nested 40 KiB buffers of one block, the inner stays on the heap, and so
// does a 40 KiB buffer of an inner loop while a 40 KiB buffer of the outer
// loop is live. A 16 KiB buffer fits next to 40 KiB.
// CHECK-LABEL: func.func @live_limit(
// CHECK:         scf.for
// CHECK-NEXT:      llvm.intr.stacksave
// CHECK-NEXT:      memref.alloca() : memref<10240xf32>
// CHECK-NEXT:      memref.alloc() : memref<10240xf32>
// CHECK-NEXT:      llvm.intr.stacksave
// CHECK-NEXT:      memref.alloca() : memref<4096xf32>
// CHECK:           scf.for
// CHECK-NEXT:        memref.alloc() : memref<10240xf32>
// CHECK-NOT:         llvm.intr.stacksave
// CHECK:           llvm.intr.stackrestore
// CHECK:           llvm.intr.stackrestore
func.func @live_limit(%out: memref<10240xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<10240xf32>
    %b = memref.alloc() : memref<10240xf32>
    %small = memref.alloc() : memref<4096xf32>
    memref.copy %a, %b : memref<10240xf32> to memref<10240xf32>
    scf.for %j = %c0 to %n step %c1 {
      %inner = memref.alloc() : memref<10240xf32>
      memref.copy %a, %inner : memref<10240xf32> to memref<10240xf32>
      memref.dealloc %inner : memref<10240xf32>
    }
    memref.dealloc %small : memref<4096xf32>
    memref.dealloc %b : memref<10240xf32>
    memref.copy %a, %out : memref<10240xf32> to memref<10240xf32>
    memref.dealloc %a : memref<10240xf32>
  }
  return
}
