// nas-merge-parallel-regions joins consecutive omp.parallel regions whose
// bodies are worksharing loops, with only ops free of memory effects
// between them: those ops move before the first region, and the loops of
// the next regions join its body in order. Each loop keeps its implicit
// barrier, so the second loop still starts after the first has finished.
// RUN: nas-opt %s -nas-merge-parallel-regions -split-input-file | FileCheck %s

// Three regions with a subview and constants between them become one.
// CHECK-LABEL: func.func @three_regions
// CHECK-SAME: %[[M:[a-z0-9]+]]: memref<16xf32>, %[[N:[a-z0-9]+]]: memref<16xf32>
// CHECK: %[[VIEW:.*]] = memref.subview %[[N]][0] [8] [1]
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: omp.parallel {
// CHECK-NEXT: omp.wsloop {
// CHECK: memref.store %{{.*}}, %[[M]]
// CHECK: omp.wsloop {
// CHECK: omp.loop_nest (%{{.*}}) : index = (%{{.*}}) to (%[[C8]])
// CHECK: memref.store %{{.*}}, %[[VIEW]]
// CHECK: omp.wsloop {
// CHECK: omp.loop_nest (%{{.*}}) : index = (%{{.*}}) to (%[[C4]])
// CHECK: omp.terminator
// CHECK-NEXT: }
// CHECK-NOT: omp.parallel
// CHECK: return
func.func @three_regions(%m: memref<16xf32>, %n: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %cst = arith.constant 1.0 : f32
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  %v = memref.subview %n[0] [8] [1] : memref<16xf32> to memref<8xf32, strided<[1]>>
  %c8 = arith.constant 8 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        %x = memref.load %m[%i] : memref<16xf32>
        memref.store %x, %v[%i] : memref<8xf32, strided<[1]>>
        omp.yield
      }
    }
    omp.terminator
  }
  %c4 = arith.constant 4 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c4) step (%c1) {
        %x = memref.load %v[%i] : memref<8xf32, strided<[1]>>
        memref.store %x, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A store between the regions runs on one thread between the two loops:
// the regions stay apart.
// CHECK-LABEL: func.func @store_between
// CHECK: omp.parallel
// CHECK: memref.store
// CHECK: omp.parallel
func.func @store_between(%m: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %cst = arith.constant 1.0 : f32
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  memref.store %cst, %m[%c0] : memref<16xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A region with a num_threads clause, and a loop without a barrier
// (nowait), keep their regions.
// CHECK-LABEL: func.func @clauses
// CHECK-COUNT-3: omp.parallel
// CHECK-NOT: omp.parallel
func.func @clauses(%m: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %two = arith.constant 2 : i32
  %cst = arith.constant 1.0 : f32
  omp.parallel {
    omp.wsloop nowait {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel num_threads(%two : i32) {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %m[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A border fill loop (marked on the first op of its body) that a loop with
// a barrier follows in the same region loses its own barrier; one that
// ends the region keeps it. The markers go away.
// CHECK-LABEL: func.func @border_fill
// CHECK: omp.parallel {
// CHECK-NEXT: omp.wsloop nowait {
// CHECK: memref.store %{{.*}}, %arg0
// CHECK: omp.wsloop {
// CHECK: memref.store %{{.*}}, %arg1
// CHECK: omp.wsloop {
// CHECK: memref.store %{{.*}}, %arg0
// CHECK: omp.terminator
// CHECK-NOT: nas.border_fill
// CHECK-NOT: nowait
// CHECK: return
func.func @border_fill(%border: memref<16xf32>, %inside: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %cst = arith.constant 0.0 : f32
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.alloca_scope {
          memref.store %cst, %border[%i] {nas.border_fill} : memref<16xf32>
        }
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %inside[%i] : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c16) step (%c1) {
        memref.store %cst, %border[%i] {nas.border_fill} : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}
