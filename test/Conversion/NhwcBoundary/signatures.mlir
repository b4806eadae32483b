// RUN: nas-opt %s -nas-nhwc-boundary | FileCheck %s

// Signatures that nas-nhwc-boundary changes, or leaves, in cases that
// nas-to-linalg does not lower (calls, branches, dynamic sizes).

// Only public functions with a body that nothing calls change. @entry's
// calls pass NCHW tensors, so its private callee and the public function
// that it calls keep their signatures.

// CHECK-LABEL: func.func private @layer
// CHECK-SAME: (%{{.*}}: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK-NOT: linalg.transpose
func.func private @layer(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %y = nas.relu %x : tensor<1x2x3x4xf32> -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// CHECK-LABEL: func.func @called
// CHECK-SAME: (%{{.*}}: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK-NOT: linalg.transpose
func.func @called(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %y = nas.relu %x : tensor<1x2x3x4xf32> -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// CHECK-LABEL: func.func private @declared
// CHECK-SAME: (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
func.func private @declared(tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>

// CHECK-LABEL: func.func @entry
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x2xf32>) -> tensor<1x3x4x2xf32>
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[X]] : tensor<1x3x4x2xf32>) {{.*}} permutation = [0, 3, 1, 2]
// CHECK: %[[A:.*]] = call @layer(%[[XT]]) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK: %[[B:.*]] = call @called(%[[A]]) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK: %[[C:.*]] = call @declared(%[[B]]) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
// CHECK: %[[R:.*]] = linalg.transpose ins(%[[C]] : tensor<1x2x3x4xf32>) {{.*}} permutation = [0, 2, 3, 1]
// CHECK: return %[[R]] : tensor<1x3x4x2xf32>
func.func @entry(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %a = call @layer(%x) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %b = call @called(%a) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %c = call @declared(%b) : (tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %c : tensor<1x2x3x4xf32>
}

// A function with several returns gets a transpose before each.
// CHECK-LABEL: func.func @branches
// CHECK-SAME: (%{{.*}}: i1, %{{.*}}: tensor<1x3x4x2xf32>) -> tensor<1x3x4x2xf32>
// CHECK: ^bb1:
// CHECK-NEXT: tensor.empty
// CHECK-NEXT: %[[R1:.*]] = linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK-NEXT: return %[[R1]]
// CHECK: ^bb2:
// CHECK: %[[R2:.*]] = linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK-NEXT: return %[[R2]]
func.func @branches(%c: i1, %x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  return %x : tensor<1x2x3x4xf32>
^bb2:
  %y = nas.relu %x : tensor<1x2x3x4xf32> -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// Dynamic sizes move with their dimensions, and the transposes read them
// with tensor.dim.
// CHECK-LABEL: func.func @dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x5x?x3xf32>) -> tensor<?x5x?x3xf32>
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %[[C0]]
// CHECK-DAG: %[[W:.*]] = tensor.dim %[[X]], %[[C2]]
// CHECK: tensor.empty(%[[N]], %[[W]]) : tensor<?x3x5x?xf32>
func.func @dynamic(%x: tensor<?x3x5x?xf32>) -> tensor<?x3x5x?xf32> {
  %y = nas.relu %x : tensor<?x3x5x?xf32> -> tensor<?x3x5x?xf32>
  return %y : tensor<?x3x5x?xf32>
}

