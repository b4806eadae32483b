// RUN: nas-opt %s -split-input-file \
// RUN:   -pass-pipeline='builtin.module(llvm.func(nas-sink-loads))' \
// RUN:   | FileCheck %s

// Two input elements of one reduction step: each load, the extraction of
// its element and its broadcast move next to the FMA that uses them, past
// the prefetch. The weight load moves to its first FMA.
// CHECK-LABEL: llvm.func @step
// CHECK:         llvm.intr.prefetch
// CHECK-NEXT:    %[[P0:.*]] = llvm.getelementptr %arg0[%arg3]
// CHECK-NEXT:    %[[X0:.*]] = llvm.load %[[P0]] {{.*}} -> vector<1xf32>
// CHECK-NEXT:    %[[E0:.*]] = llvm.extractelement %[[X0]]
// CHECK-NEXT:    %[[I0:.*]] = llvm.insertelement %[[E0]]
// CHECK-NEXT:    %[[B0:.*]] = llvm.shufflevector %[[I0]]
// CHECK-NEXT:    %[[W:.*]] = llvm.load %arg2 {{.*}} -> vector<16xf32>
// CHECK-NEXT:    %[[A0:.*]] = llvm.intr.fmuladd(%[[B0]], %[[W]], %arg4)
// CHECK-NEXT:    %[[P1:.*]] = llvm.getelementptr %arg1[%arg3]
// CHECK-NEXT:    %[[X1:.*]] = llvm.load %[[P1]] {{.*}} -> vector<1xf32>
// CHECK-NEXT:    %[[E1:.*]] = llvm.extractelement %[[X1]]
// CHECK-NEXT:    %[[I1:.*]] = llvm.insertelement %[[E1]]
// CHECK-NEXT:    %[[B1:.*]] = llvm.shufflevector %[[I1]]
// CHECK-NEXT:    %[[A1:.*]] = llvm.intr.fmuladd(%[[B1]], %[[W]], %arg5)
llvm.func @step(%in0: !llvm.ptr, %in1: !llvm.ptr, %w: !llvm.ptr, %i: i64,
                %acc0: vector<16xf32>, %acc1: vector<16xf32>)
    -> !llvm.struct<(vector<16xf32>, vector<16xf32>)> {
  %zero = llvm.mlir.constant(0 : i64) : i64
  %lane = llvm.mlir.constant(0 : i32) : i32
  %poison = llvm.mlir.poison : vector<16xf32>
  %p0 = llvm.getelementptr %in0[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %x0 = llvm.load %p0 {alignment = 4 : i64} : !llvm.ptr -> vector<1xf32>
  %e0 = llvm.extractelement %x0[%zero : i64] : vector<1xf32>
  %p1 = llvm.getelementptr %in1[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %x1 = llvm.load %p1 {alignment = 4 : i64} : !llvm.ptr -> vector<1xf32>
  %e1 = llvm.extractelement %x1[%zero : i64] : vector<1xf32>
  "llvm.intr.prefetch"(%w) <{cache = 1 : i32, hint = 3 : i32, rw = 0 : i32}> : (!llvm.ptr) -> ()
  %wv = llvm.load %w {alignment = 64 : i64} : !llvm.ptr -> vector<16xf32>
  %i0 = llvm.insertelement %e0, %poison[%lane : i32] : vector<16xf32>
  %b0 = llvm.shufflevector %i0, %poison [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] : vector<16xf32>
  %a0 = llvm.intr.fmuladd(%b0, %wv, %acc0) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
  %i1 = llvm.insertelement %e1, %poison[%lane : i32] : vector<16xf32>
  %b1 = llvm.shufflevector %i1, %poison [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] : vector<16xf32>
  %a1 = llvm.intr.fmuladd(%b1, %wv, %acc1) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
  %u = llvm.mlir.undef : !llvm.struct<(vector<16xf32>, vector<16xf32>)>
  %r0 = llvm.insertvalue %a0, %u[0] : !llvm.struct<(vector<16xf32>, vector<16xf32>)>
  %r1 = llvm.insertvalue %a1, %r0[1] : !llvm.struct<(vector<16xf32>, vector<16xf32>)>
  llvm.return %r1 : !llvm.struct<(vector<16xf32>, vector<16xf32>)>
}

// -----

// A store between a load and its user may write the loaded location: the
// load stays before it.
// CHECK-LABEL: llvm.func @store_between
// CHECK-NEXT:    %[[X:.*]] = llvm.load %arg0
// CHECK-NEXT:    llvm.store %arg2, %arg1
// CHECK-NEXT:    llvm.fadd %[[X]], %[[X]]
llvm.func @store_between(%p: !llvm.ptr, %q: !llvm.ptr, %v: f32) -> f32 {
  %x = llvm.load %p : !llvm.ptr -> f32
  llvm.store %v, %q : f32, !llvm.ptr
  %y = llvm.fadd %x, %x : f32
  llvm.return %y : f32
}

// -----

// So does a call, whose effects are unknown.
// CHECK-LABEL: llvm.func @call_between
// CHECK-NEXT:    %[[X:.*]] = llvm.load %arg0
// CHECK-NEXT:    llvm.call @opaque()
// CHECK-NEXT:    llvm.fadd %[[X]], %[[X]]
llvm.func @opaque()
llvm.func @call_between(%p: !llvm.ptr) -> f32 {
  %x = llvm.load %p : !llvm.ptr -> f32
  llvm.call @opaque() : () -> ()
  %y = llvm.fadd %x, %x : f32
  llvm.return %y : f32
}

// -----

// Volatile and atomic loads keep their place.
// CHECK-LABEL: llvm.func @ordered
// CHECK-NEXT:    %[[V:.*]] = llvm.load volatile %arg0
// CHECK-NEXT:    %[[A:.*]] = llvm.load %arg0 atomic monotonic
// CHECK-NEXT:    %[[M:.*]] = llvm.fmul %arg1, %arg1
// CHECK-NEXT:    %[[S:.*]] = llvm.fadd %[[V]], %[[A]]
// CHECK-NEXT:    llvm.fadd %[[S]], %[[M]]
llvm.func @ordered(%p: !llvm.ptr, %b: f32) -> f32 {
  %v = llvm.load volatile %p : !llvm.ptr -> f32
  %a = llvm.load %p atomic monotonic {alignment = 4 : i64} : !llvm.ptr -> f32
  %m = llvm.fmul %b, %b : f32
  %s = llvm.fadd %v, %a : f32
  %y = llvm.fadd %s, %m : f32
  llvm.return %y : f32
}

// -----

// A load used in another block stays where it is.
// CHECK-LABEL: llvm.func @other_block
// CHECK-NEXT:    %[[X:.*]] = llvm.load %arg0
// CHECK-NEXT:    %[[Y:.*]] = llvm.fadd
// CHECK-NEXT:    llvm.br ^bb1
// CHECK:       ^bb1:
// CHECK-NEXT:    llvm.fmul %[[X]], %[[Y]]
llvm.func @other_block(%p: !llvm.ptr, %a: f32) -> f32 {
  %x = llvm.load %p : !llvm.ptr -> f32
  %y = llvm.fadd %a, %a : f32
  llvm.br ^bb1
^bb1:
  %z = llvm.fmul %x, %y : f32
  llvm.return %z : f32
}

// -----

// Inline assembly may write memory even without declared side effects.
// CHECK-LABEL: llvm.func @inline_asm_between
// CHECK-NEXT:    %[[X:.*]] = llvm.load %arg0
// CHECK-NEXT:    llvm.inline_asm
// CHECK-NEXT:    llvm.fadd %[[X]], %[[X]]
llvm.func @inline_asm_between(%p: !llvm.ptr) -> f32 {
  %x = llvm.load %p : !llvm.ptr -> f32
  llvm.inline_asm "movl $$0, ($0)", "r,~{memory}" %p : (!llvm.ptr) -> ()
  %y = llvm.fadd %x, %x : f32
  llvm.return %y : f32
}

// -----

// A load with two users moves before the first of them.
// CHECK-LABEL: llvm.func @two_users
// CHECK-NEXT:    %[[C:.*]] = llvm.fmul %arg1, %arg1
// CHECK-NEXT:    %[[X:.*]] = llvm.load %arg0
// CHECK-NEXT:    %[[A:.*]] = llvm.fadd %[[X]], %[[C]]
// CHECK-NEXT:    llvm.fadd %[[A]], %[[X]]
llvm.func @two_users(%p: !llvm.ptr, %b: f32) -> f32 {
  %x = llvm.load %p : !llvm.ptr -> f32
  %c = llvm.fmul %b, %b : f32
  %a = llvm.fadd %x, %c : f32
  %y = llvm.fadd %a, %x : f32
  llvm.return %y : f32
}
