// RUN: nas-opt %s --nas-strip-attributes | FileCheck %s

// Attributes named nas.* go from functions, arguments, results and ops;
// others stay.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:    %{{.*}}: tensor<1x4xf32>,
// CHECK-SAME:    %{{.*}}: tensor<2x4xf32> {other.tag = 1 : i64})
// CHECK-SAME:    -> tensor<1x2xf32>
// CHECK-SAME:    attributes {llvm.emit_c_interface}
// CHECK-NEXT:    nas.fully_connected
// CHECK-NOT:     nas.macs
// CHECK-SAME:    {keep = true}
// CHECK-NOT:     nas.
func.func @main(%x: tensor<1x4xf32> {nas.name = "input"},
                %w: tensor<2x4xf32> {nas.name = "fc.weight", other.tag = 1})
    -> (tensor<1x2xf32> {nas.name = "logits"})
    attributes {llvm.emit_c_interface, nas.total_macs = 8 : i64} {
  %y = nas.fully_connected %x, %w {keep = true, nas.macs = 8 : i64}
      : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
