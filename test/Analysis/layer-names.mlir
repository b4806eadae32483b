// RUN: nas-opt %s --nas-cost-report="json=- table=false module-depth=1" -o /dev/null | FileCheck %s
// RUN: nas-opt %s --nas-expand-blocks --nas-cost-report=module-depth=2 -o /dev/null | FileCheck %s --check-prefix=EXPANDED

// A layer's name is the first NameLoc in its location, looking through
// FusedLoc, CallSiteLoc (callee first) and nested NameLocs (the outer name
// wins). A layer without one is "<kind>_<index>", counted per kind.

// CHECK: "name": "outer/Relu",
// CHECK: "name": "/stem/conv/Conv",
// CHECK: "name": "callee/Relu",
// CHECK: "name": "caller/Relu",
// CHECK: "name": "relu_0",
// CHECK: "name": "relu_1",
// CHECK: "name": "add_0",
// The modules at depth 1 are "outer", "stem", "callee" and "caller"; the
// three unnamed layers have none.
// CHECK: "by_module": [
// CHECK-NEXT: {
// CHECK-NEXT: "module": "outer",
// CHECK: "module": "stem",
// CHECK: "module": "callee",
// CHECK: "module": "caller",
// CHECK: "module": "(top)",
// CHECK-NEXT: "depth": 0,
// CHECK-NEXT: "layers": 3,
func.func @names(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> {
  %0 = nas.relu %x : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32> loc("outer/Relu"("inner/Relu"("file.py":1:1)))
  %1 = nas.conv2d %0, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc(fused["model.py":3:5, "/stem/conv/Conv"])
  %2 = nas.relu %1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32> loc(callsite("callee/Relu" at "caller.py":7:1))
  %3 = nas.relu %2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32> loc(callsite("callee.py":2:2 at "caller/Relu"))
  %4 = nas.relu %3 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32> loc("model.py":9:9)
  %5 = nas.relu %4 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %6 = nas.add %5, %x : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %6 : tensor<1x2x4x4xf32>
}

// A block expanded by nas-expand-blocks gives its parts names under the
// block's name, so the block becomes a module. The 1x16x8x8 bottleneck of
// width 4 named "/layer1/layer1.0": the module "layer1/layer1.0" has the 7
// parts (3 convs, 3 relus, the add) and the block's MACs 17,408, other ops
// 4,096 and params 296 (see block-expansion.mlir). Activation bytes: 4
// outputs of 4x8x8 (1,024 bytes each) and 3 of 16x8x8 (4,096 each) =
// 16,384.
// EXPANDED: /layer1/layer1.0/conv1    pointwise_conv
// EXPANDED: /layer1/layer1.0/relu3    relu
// EXPANDED: by module (module-depth=2)
// EXPANDED-NEXT: module           layers    MACs  other ops  params  activation bytes
// EXPANDED-NEXT: layer1                7  17,408      4,096     296            16,384
// EXPANDED-NEXT: layer1/layer1.0       7  17,408      4,096     296            16,384
func.func @expanded(%x: tensor<1x16x8x8xf32>,
    %w1: tensor<4x16x1x1xf32>, %b1: tensor<4xf32>,
    %w2: tensor<4x4x3x3xf32>, %b2: tensor<4xf32>,
    %w3: tensor<16x4x1x1xf32>, %b3: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3) {stride = 1, groups = 1} : (tensor<1x16x8x8xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32> loc("/layer1/layer1.0")
  return %y : tensor<1x16x8x8xf32>
}
