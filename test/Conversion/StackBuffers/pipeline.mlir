// In nas-lower-to-llvm, the row buffer between a fused depthwise
// convolution and its 1x1 convolution (13 x 96 f32, 4992 bytes) is on the
// stack of the thread that runs the row, on one thread and on two, and the
// results stay those of the reference evaluator.
// RUN: nas-opt %s --nas-lower-to-llvm="cpu=x86-64-v3" --mlir-print-ir-after=nas-stack-buffers -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,SERIAL
// RUN: nas-opt %s --nas-lower-to-llvm="cpu=x86-64-v3 parallel=true" --mlir-print-ir-after=nas-stack-buffers -o /dev/null 2>&1 | FileCheck %s --check-prefixes=CHECK,PARALLEL
// RUN: nas-run %s --check --repeat=2 --cpu=x86-64-v3 | FileCheck %s --check-prefix=NUMERICS
// RUN: nas-run %s --check --repeat=2 --cpu=x86-64-v3 --threads=2 | FileCheck %s --check-prefix=NUMERICS

// CHECK-LABEL: func.func @stride2(
// SERIAL:        scf.for
// PARALLEL:      omp.loop_nest
// CHECK:           %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT:      memref.alloca() {alignment = 64 : i64} : memref<1x1x13x96xf32>
// CHECK:           llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
// CHECK-NOT:     memref.alloc() {{.*}} : memref<1x1x13x96xf32>
// CHECK-NOT:     memref.dealloc {{.*}} : memref<1x1x13x96xf32>
// NUMERICS: output: tensor<1x24x13x13xf32>
// NUMERICS: check: passed
func.func @stride2(%x: tensor<1x16x25x25xf32>, %we: tensor<96x16x1x1xf32>, %be: tensor<96xf32>, %wd: tensor<96x1x3x3xf32>, %bd: tensor<96xf32>, %wp: tensor<24x96x1x1xf32>, %bp: tensor<24xf32>) -> tensor<1x24x13x13xf32> {
  %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd) project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 2} : (tensor<1x16x25x25xf32>, tensor<96x16x1x1xf32>, tensor<96xf32>, tensor<96x1x3x3xf32>, tensor<96xf32>, tensor<24x96x1x1xf32>, tensor<24xf32>) -> tensor<1x24x13x13xf32>
  return %y : tensor<1x24x13x13xf32>
}
