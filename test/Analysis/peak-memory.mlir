// RUN: nas-opt %s -allow-unregistered-dialect --nas-annotate-costs | FileCheck %s --check-prefix=NONE
// RUN: nas-opt %s -allow-unregistered-dialect --nas-annotate-costs=memory-reuse=none | FileCheck %s --check-prefix=NONE
// RUN: nas-opt %s -allow-unregistered-dialect --nas-annotate-costs=memory-reuse=elementwise | FileCheck %s --check-prefix=REUSE

// Peak activation memory by liveness over op order, f32, in elements (bytes
// are 4x). Weights (parameter operands and constants) are not activations;
// the network input is.

// Branches and a view. A 1x8x4x4 tensor has 128 elements, %x 64, %g 10.
//   op0 a = conv(x)   op1 b = relu(a)   op2 c = conv(b)   op3 d = add(c, b)
//   op4 e = relu(d)   op5 f = flatten(e), a view of e   op6 g = fc(f)
// b has two readers (op2, op3); f keeps e's buffer alive until op6.
// memory-reuse=none:
//   op0: x + a = 192     op1: a + b = 256       op2: b + c = 256
//   op3: b + c + d = 384 op4: d + e = 256       op5: e = 128
//   op6: e + g = 138     peak 384 elements, 1,536 bytes
// memory-reuse=elementwise: b takes a's buffer, d takes c's, e takes d's:
//   op0: x + a = 192     op1: a = 128           op2: a + c = 256
//   op3: a + c = 256     op4: c = 128           op5: c = 128
//   op6: c + g = 138     peak 256 elements, 1,024 bytes
// NONE-LABEL: func.func @branches_and_view
// NONE-SAME: nas.peak_bytes = 1536 : i64, nas.peak_elements = 384 : i64
// NONE: nas.conv2d {{.*}}nas.live_bytes = 768 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.conv2d {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.add {{.*}}nas.live_bytes = 1536 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.flatten {{.*}}nas.activation_bytes = 0 : i64, nas.kind = "flatten", nas.live_bytes = 512 : i64
// NONE: nas.fully_connected {{.*}}nas.live_bytes = 552 : i64
// REUSE-LABEL: func.func @branches_and_view
// REUSE-SAME: nas.peak_bytes = 1024 : i64, nas.peak_elements = 256 : i64
// REUSE: nas.conv2d {{.*}}nas.live_bytes = 768 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 512 : i64
// REUSE: nas.conv2d {{.*}}nas.live_bytes = 1024 : i64
// REUSE: nas.add {{.*}}nas.live_bytes = 1024 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 512 : i64
// REUSE: nas.flatten {{.*}}nas.live_bytes = 512 : i64
// REUSE: nas.fully_connected {{.*}}nas.live_bytes = 552 : i64
func.func @branches_and_view(%x: tensor<1x4x4x4xf32>, %w0: tensor<8x4x3x3xf32>, %b0: tensor<8xf32>, %w1: tensor<8x8x3x3xf32>, %wf: tensor<10x128xf32>, %bf: tensor<10xf32>) -> tensor<1x10xf32> {
  %a = nas.conv2d %x, %w0, %b0 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x4x4x4xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %b = nas.relu %a : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %c = nas.conv2d %b, %w1 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x4x4xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x4x4xf32>
  %d = nas.add %c, %b : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %e = nas.relu %d : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %f = nas.flatten %e {axis = 1} : tensor<1x8x4x4xf32> -> tensor<1x128xf32>
  %g = nas.fully_connected %f, %wf, %bf : (tensor<1x128xf32>, tensor<10x128xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %g : tensor<1x10xf32>
}

// A returned value stays live to the end. Each tensor has 128 elements.
//   op0 a = relu(x)   op1 b = relu(a)   op2 c = relu(b)   return a, c
// memory-reuse=none:
//   op0: x + a = 256   op1: a + b = 256   op2: a + b + c = 384   peak 384
// memory-reuse=elementwise: a takes x's buffer; b cannot take it because a
// is returned; c takes b's buffer:
//   op0: x = 128       op1: x + b = 256   op2: x + b = 256       peak 256
// NONE-LABEL: func.func @returned_value
// NONE-SAME: nas.peak_bytes = 1536 : i64, nas.peak_elements = 384 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1536 : i64
// REUSE-LABEL: func.func @returned_value
// REUSE-SAME: nas.peak_bytes = 1024 : i64, nas.peak_elements = 256 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 512 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
func.func @returned_value(%x: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %a = nas.relu %x : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %b = nas.relu %a : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %c = nas.relu %b : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  return %a, %c : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// An op can take only its first operand's buffer, and only when no later op
// reads that buffer. Each tensor has 128 elements.
//   op0 a = relu(x)   op1 b = add(x, a)   op2 c = add(b, x)
// memory-reuse=none:
//   op0: x + a = 256   op1: x + a + b = 384   op2: x + b + c = 384
// memory-reuse=elementwise: op0 and op1 cannot take x's buffer because later
// ops read x, and op1 does not take a's buffer, its second operand's; op2
// takes b's buffer:
//   op0: x + a = 256   op1: x + a + b = 384   op2: x + b = 256   peak 384
// NONE-LABEL: func.func @first_operand_only
// NONE-SAME: nas.peak_elements = 384 : i64
// NONE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// NONE: nas.add {{.*}}nas.live_bytes = 1536 : i64
// NONE: nas.add {{.*}}nas.live_bytes = 1536 : i64
// REUSE-LABEL: func.func @first_operand_only
// REUSE-SAME: nas.peak_elements = 384 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
// REUSE: nas.add {{.*}}nas.live_bytes = 1536 : i64
// REUSE: nas.add {{.*}}nas.live_bytes = 1024 : i64
func.func @first_operand_only(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = nas.relu %x : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %b = nas.add %x, %a : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %c = nas.add %b, %x : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %c : tensor<1x8x4x4xf32>
}

// A broadcasting add cannot compute in place: its result (1x8x4x4, 128
// elements) is larger than its first operand (1x8x1x1, 8 elements).
//   op0 a = relu(s)   op1 b = add(a, x)
// Both conventions: op0: s + a = 16; op1: a + x + b = 8 + 128 + 128 = 264.
// NONE-LABEL: func.func @broadcast_add
// NONE-SAME: nas.peak_elements = 264 : i64
// REUSE-LABEL: func.func @broadcast_add
// REUSE-SAME: nas.peak_elements = 264 : i64
func.func @broadcast_add(%s: tensor<1x8x1x1xf32>, %x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = nas.relu %s : tensor<1x8x1x1xf32> -> tensor<1x8x1x1xf32>
  %b = nas.add %a, %x : (tensor<1x8x1x1xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %b : tensor<1x8x4x4xf32>
}

// Constants are weights; an argument that no op reads is never live; a
// function without a body is skipped.
//   op0 y = conv(x, w) with x 1x2x4x4 (32) and y 1x4x4x4 (64): 96 elements
// NONE-LABEL: func.func private @declaration
// NONE-NOT: nas.
// NONE-LABEL: func.func @constant_weight
// NONE-SAME: nas.peak_bytes = 384 : i64, nas.peak_elements = 96 : i64
// NONE-SAME: nas.total_params = 8 : i64
// REUSE-LABEL: func.func @constant_weight
// REUSE-SAME: nas.peak_elements = 96 : i64
func.func private @declaration(tensor<1x2x4x4xf32>) -> tensor<1x4x4x4xf32>
func.func @constant_weight(%x: tensor<1x2x4x4xf32>, %unused: tensor<1x1000xf32>) -> tensor<1x4x4x4xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2x1x1xf32>
  %y = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// A returned network input is live to the end; reshape is a view of it.
//   op0 r = reshape(x) to 8x16: no buffer; x (128) is live.
// NONE-LABEL: func.func @returned_input
// NONE-SAME: nas.peak_elements = 128 : i64, nas.total_activation_bytes = 0 : i64
// NONE: nas.reshape {{.*}}nas.activation_bytes = 0 : i64, nas.kind = "reshape", nas.live_bytes = 512 : i64
func.func @returned_input(%x: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<8x16xf32>) {
  %r = nas.reshape %x : tensor<1x8x4x4xf32> -> tensor<8x16xf32>
  return %x, %r : tensor<1x8x4x4xf32>, tensor<8x16xf32>
}

// An op without tensor results that reads a tensor keeps its buffer live.
// Each tensor has 128 elements.
//   op0 a = relu(x)   op1 b = relu(a)   op2 "test.sink"(a)   return b
// memory-reuse=elementwise: a takes x's buffer; b cannot take it because
// op2 reads a:
//   op0: x = 128   op1: x + b = 256   op2: x + b = 256   peak 256
// REUSE-LABEL: func.func @non_nas_reader
// REUSE-SAME: nas.peak_elements = 256 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 512 : i64
// REUSE: nas.relu {{.*}}nas.live_bytes = 1024 : i64
func.func @non_nas_reader(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = nas.relu %x : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %b = nas.relu %a : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  "test.sink"(%a) : (tensor<1x8x4x4xf32>) -> ()
  return %b : tensor<1x8x4x4xf32>
}
