// RUN: nas-opt %s --nas-cost-report="json=- table=false" -o /dev/null | FileCheck %s
// RUN: nas-opt %s --nas-cost-report="json=%t.json" -o /dev/null | FileCheck %s --check-prefix=TABLE
// RUN: FileCheck %s --input-file=%t.json
// RUN: nas-opt %s --nas-cost-report="json=- table=false module-depth=0 memory-reuse=elementwise" -o /dev/null | FileCheck %s --check-prefix=OPTIONS

// The JSON report: one object per function with its layers, totals and
// breakdowns by kind and by module.
//
// @small, f32:
//   /block/conv/Conv  1x1 conv 2->4 + bias on 4x4 (16 positions):
//     MACs 4 * 2 * 16 = 128, bias adds 64, params 8 + 4 = 12 (48 bytes),
//     activation bytes 64 * 4 = 256, live (32 + 64) * 4 = 384 bytes
//   /block/bn/BatchNormalization  on 64 elements: other ops 2 * 64 = 128,
//     params 8, statistics 8, weight bytes 16 * 4 = 64, activation bytes
//     256, live (64 + 64) * 4 = 512
//   flatten (unnamed, so flatten_0): a view, 0 activation bytes; the batch
//     norm's result stays live (64 elements, 256 bytes) because the view is
//     returned
//   totals: MACs 128, other ops 192, params 20, statistics 8, stored 28,
//     weight bytes 112, activation bytes 512, peak 512 bytes, 128 elements
// @tiny: relu on 2x3 f16: 6 ops, 12 bytes out, 24 bytes live.
// With memory-reuse=elementwise the batch norm computes in place, so the
// peak of @small is at the conv: (32 + 64) * 4 = 384 bytes, 96 elements.

// CHECK:      {
// CHECK-NEXT:   "functions": [
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "small",
// CHECK-NEXT:       "memory_reuse": "none",
// CHECK-NEXT:       "module_depth": 2,
// CHECK-NEXT:       "layers": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "/block/conv/Conv",
// CHECK-NEXT:           "kind": "pointwise_conv",
// CHECK-NEXT:           "inputs": [
// CHECK-NEXT:             {
// CHECK-NEXT:               "shape": [
// CHECK-NEXT:                 1,
// CHECK-NEXT:                 2,
// CHECK-NEXT:                 4,
// CHECK-NEXT:                 4
// CHECK-NEXT:               ],
// CHECK-NEXT:               "element_type": "f32"
// CHECK-NEXT:             }
// CHECK-NEXT:           ],
// CHECK-NEXT:           "outputs": [
// CHECK-NEXT:             {
// CHECK-NEXT:               "shape": [
// CHECK-NEXT:                 1,
// CHECK-NEXT:                 4,
// CHECK-NEXT:                 4,
// CHECK-NEXT:                 4
// CHECK-NEXT:               ],
// CHECK-NEXT:               "element_type": "f32"
// CHECK-NEXT:             }
// CHECK-NEXT:           ],
// CHECK-NEXT:           "weights": [
// CHECK-NEXT:             {
// CHECK-NEXT:               "role": "parameter",
// CHECK-NEXT:               "shape": [
// CHECK-NEXT:                 4,
// CHECK-NEXT:                 2,
// CHECK-NEXT:                 1,
// CHECK-NEXT:                 1
// CHECK-NEXT:               ],
// CHECK-NEXT:               "element_type": "f32"
// CHECK-NEXT:             },
// CHECK-NEXT:             {
// CHECK-NEXT:               "role": "parameter",
// CHECK-NEXT:               "shape": [
// CHECK-NEXT:                 4
// CHECK-NEXT:               ],
// CHECK-NEXT:               "element_type": "f32"
// CHECK-NEXT:             }
// CHECK-NEXT:           ],
// CHECK-NEXT:           "macs": 128,
// CHECK-NEXT:           "other_ops": 64,
// CHECK-NEXT:           "params": 12,
// CHECK-NEXT:           "statistics": 0,
// CHECK-NEXT:           "weight_bytes": 48,
// CHECK-NEXT:           "activation_bytes": 256,
// CHECK-NEXT:           "live_bytes": 384,
// CHECK-NEXT:           "live_elements": 96
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "/block/bn/BatchNormalization",
// CHECK-NEXT:           "kind": "batch_norm",
// CHECK:                "weights": [
// CHECK-NEXT:             {
// CHECK-NEXT:               "role": "parameter",
// CHECK:                    "role": "parameter",
// CHECK:                    "role": "statistic",
// CHECK:                    "role": "statistic",
// CHECK:                "macs": 0,
// CHECK-NEXT:           "other_ops": 128,
// CHECK-NEXT:           "params": 8,
// CHECK-NEXT:           "statistics": 8,
// CHECK-NEXT:           "weight_bytes": 64,
// CHECK-NEXT:           "activation_bytes": 256,
// CHECK-NEXT:           "live_bytes": 512,
// CHECK-NEXT:           "live_elements": 128
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "flatten_0",
// CHECK-NEXT:           "kind": "flatten",
// CHECK:                "weights": [],
// CHECK-NEXT:           "macs": 0,
// CHECK-NEXT:           "other_ops": 0,
// CHECK-NEXT:           "params": 0,
// CHECK-NEXT:           "statistics": 0,
// CHECK-NEXT:           "weight_bytes": 0,
// CHECK-NEXT:           "activation_bytes": 0,
// CHECK-NEXT:           "live_bytes": 256,
// CHECK-NEXT:           "live_elements": 64
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "totals": {
// CHECK-NEXT:         "macs": 128,
// CHECK-NEXT:         "other_ops": 192,
// CHECK-NEXT:         "params": 20,
// CHECK-NEXT:         "statistics": 8,
// CHECK-NEXT:         "stored_weight_elements": 28,
// CHECK-NEXT:         "weight_bytes": 112,
// CHECK-NEXT:         "activation_bytes": 512,
// CHECK-NEXT:         "peak_bytes": 512,
// CHECK-NEXT:         "peak_elements": 128
// CHECK-NEXT:       },
// CHECK-NEXT:       "by_kind": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "kind": "pointwise_conv",
// CHECK-NEXT:           "layers": 1,
// CHECK-NEXT:           "macs": 128,
// CHECK-NEXT:           "other_ops": 64,
// CHECK-NEXT:           "params": 12,
// CHECK-NEXT:           "activation_bytes": 256
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "kind": "batch_norm",
// CHECK:                "kind": "flatten",
// CHECK:              "by_module": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "module": "block",
// CHECK-NEXT:           "depth": 1,
// CHECK-NEXT:           "layers": 2,
// CHECK-NEXT:           "macs": 128,
// CHECK-NEXT:           "other_ops": 192,
// CHECK-NEXT:           "params": 20,
// CHECK-NEXT:           "activation_bytes": 512
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "module": "block/conv",
// CHECK-NEXT:           "depth": 2,
// CHECK-NEXT:           "layers": 1,
// CHECK:                "module": "block/bn",
// CHECK-NEXT:           "depth": 2,
// CHECK:                "module": "(top)",
// CHECK-NEXT:           "depth": 0,
// CHECK-NEXT:           "layers": 1,
// CHECK:              "name": "tiny",
// CHECK:                "name": "relu_0",
// CHECK-NEXT:           "kind": "relu",
// CHECK:                    "element_type": "f16"
// CHECK:                "other_ops": 6,
// CHECK:                "activation_bytes": 12,
// CHECK-NEXT:           "live_bytes": 24,
// CHECK-NEXT:           "live_elements": 12
// CHECK:            "totals": {
// CHECK:              "peak_bytes": 24,
// CHECK-NEXT:         "peak_elements": 12

// With a JSON file, the table still goes to stdout.
// TABLE: cost report for @small (3 layers, memory-reuse=none)
// TABLE: cost report for @tiny (1 layer, memory-reuse=none)

// OPTIONS: "memory_reuse": "elementwise",
// OPTIONS-NEXT: "module_depth": 0,
// OPTIONS: "peak_bytes": 384,
// OPTIONS-NEXT: "peak_elements": 96
// OPTIONS: "by_module": []

func.func @small(%x: tensor<1x2x4x4xf32>, %w: tensor<4x2x1x1xf32>, %b: tensor<4xf32>, %scale: tensor<4xf32>, %shift: tensor<4xf32>, %mean: tensor<4xf32>, %var: tensor<4xf32>) -> tensor<1x64xf32> {
  %c = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x4x4xf32>, tensor<4x2x1x1xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32> loc("/block/conv/Conv")
  %n = nas.batch_norm %c, %scale, %shift, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x4x4x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32> loc("/block/bn/BatchNormalization")
  %f = nas.flatten %n {axis = 1} : tensor<1x4x4x4xf32> -> tensor<1x64xf32>
  return %f : tensor<1x64xf32>
}

func.func @tiny(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %y = nas.relu %x : tensor<2x3xf16> -> tensor<2x3xf16>
  return %y : tensor<2x3xf16>
}
