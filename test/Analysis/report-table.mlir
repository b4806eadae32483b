// RUN: nas-opt %s --nas-cost-report -o /dev/null | FileCheck %s --strict-whitespace --match-full-lines
// RUN: nas-opt %s --nas-cost-report="memory-reuse=elementwise module-depth=3" -o /dev/null | FileCheck %s --check-prefix=REUSE --strict-whitespace --match-full-lines
// RUN: nas-opt %s --nas-cost-report=module-depth=1 -o /dev/null | FileCheck %s --check-prefix=DEPTH1 --strict-whitespace --match-full-lines
// RUN: nas-opt %s --nas-cost-report=module-depth=0 -o /dev/null | FileCheck %s --check-prefix=DEPTH0
// RUN: nas-opt %s --nas-cost-report=table=false -o /dev/null | count 0

// The report only reads the IR.
// RUN: nas-opt %s > %t.before.mlir
// RUN: nas-opt %s --nas-cost-report=table=false > %t.after.mlir
// RUN: diff %t.before.mlir %t.after.mlir

// A small network with ONNX-style node names. The two pointwise convs share
// the weight %w1. One 8x8x8 feature map has 512 elements (2,048 bytes).
//   /conv1/Conv      conv 3->8 3x3 pad 1 + bias: MACs 8 * 3 * 9 * 64 = 13,824,
//                    params 216 + 8 = 224 (896 bytes), 512 bias adds
//   /relu/Relu       512 ops
//   .../conv1/Conv   pointwise 8->8 (twice): MACs 8 * 8 * 64 = 4,096 each,
//                    params 64 (256 bytes)
//   .../relu/Relu    512 ops
//   .../Add          512 ops
//   /GlobalAveragePool  8 outputs * (64 adds + 1 division) = 520 ops, 32 bytes
//   /Flatten         a view: 0 activation bytes
//   /fc/Gemm         8->10 + bias: MACs 80, params 90 (360 bytes), 10 ops,
//                    40 bytes
// Totals: MACs 13,824 + 2 * 4,096 + 80 = 22,096
//         other ops 4 * 512 + 520 + 10 = 2,578
//         params 224 + 64 + 90 = 378 (the shared weight once), 1,512 bytes
//         activation bytes 6 * 2,048 + 32 + 40 = 12,360
// Live elements with memory-reuse=none: conv1 192 + 512 = 704; relu 1,024;
// layer1.0 conv 1,024; relu 1,024; layer1.1 conv 1,024; add 3 * 512 = 1,536;
// pool 512 + 8 = 520; flatten 8; fc 8 + 10 = 18. Peak 1,536 (6,144 bytes).
// With memory-reuse=elementwise the relus and the add compute in place:
// 704, 512, 1,024, 512, 1,024, 1,024, 520, 8, 18. Peak 1,024 (4,096 bytes).
// Modules (module-depth=2): "/layer1/layer1.0/conv1/Conv" belongs to layer1
// and layer1/layer1.0; "/GlobalAveragePool" and "/Flatten" have no module.

// CHECK-LABEL:cost report for @net (9 layers, memory-reuse=none)
// CHECK-EMPTY:
// CHECK-NEXT:  layer                        kind             input -> output                MACs  params  weight bytes  activation bytes  live bytes
// CHECK-NEXT:  /conv1/Conv                  conv             1x3x8x8 -> 1x8x8x8           13,824     224           896             2,048       2,816
// CHECK-NEXT:  /relu/Relu                   relu             1x8x8x8 -> 1x8x8x8                0       0             0             2,048       4,096
// CHECK-NEXT:  /layer1/layer1.0/conv1/Conv  pointwise_conv   1x8x8x8 -> 1x8x8x8            4,096      64           256             2,048       4,096
// CHECK-NEXT:  /layer1/layer1.0/relu/Relu   relu             1x8x8x8 -> 1x8x8x8                0       0             0             2,048       4,096
// CHECK-NEXT:  /layer1/layer1.1/conv1/Conv  pointwise_conv   1x8x8x8 -> 1x8x8x8            4,096      64           256             2,048       4,096
// CHECK-NEXT:  /layer1/layer1.1/Add         add              1x8x8x8, 1x8x8x8 -> 1x8x8x8       0       0             0             2,048       6,144
// CHECK-NEXT:  /GlobalAveragePool           global_avg_pool  1x8x8x8 -> 1x8x1x1                0       0             0                32       2,080
// CHECK-NEXT:  /Flatten                     flatten          1x8x1x1 -> 1x8                    0       0             0                 0          32
// CHECK-NEXT:  /fc/Gemm                     fully_connected  1x8 -> 1x10                      80      90           360                40          72
// CHECK-EMPTY:
// CHECK-NEXT:totals
// CHECK-NEXT:  MACs                                      22,096
// CHECK-NEXT:  other ops                                  2,578
// CHECK-NEXT:  parameters                                   378
// CHECK-NEXT:  statistics                                     0
// CHECK-NEXT:  stored weight elements                       378
// CHECK-NEXT:  weight bytes                               1,512
// CHECK-NEXT:  activation bytes                          12,360
// CHECK-NEXT:  peak memory bytes (memory-reuse=none)      6,144
// CHECK-NEXT:  peak memory elements (memory-reuse=none)   1,536
// CHECK-EMPTY:
// CHECK-NEXT:by kind
// CHECK-NEXT:  kind             layers    MACs  other ops  params  activation bytes
// CHECK-NEXT:  conv                  1  13,824        512     224             2,048
// CHECK-NEXT:  relu                  2       0      1,024       0             4,096
// CHECK-NEXT:  pointwise_conv        2   8,192          0      64             4,096
// CHECK-NEXT:  add                   1       0        512       0             2,048
// CHECK-NEXT:  global_avg_pool       1       0        520       0                32
// CHECK-NEXT:  flatten               1       0          0       0                 0
// CHECK-NEXT:  fully_connected       1      80         10      90                40
// CHECK-EMPTY:
// CHECK-NEXT:by module (module-depth=2)
// CHECK-NEXT:  module           layers    MACs  other ops  params  activation bytes
// CHECK-NEXT:  conv1                 1  13,824        512     224             2,048
// CHECK-NEXT:  relu                  1       0        512       0             2,048
// CHECK-NEXT:  layer1                4   8,192      1,024      64             8,192
// CHECK-NEXT:  layer1/layer1.0       2   4,096        512      64             4,096
// CHECK-NEXT:  layer1/layer1.1       2   4,096        512      64             4,096
// CHECK-NEXT:  (top)                 2       0        520       0                32
// CHECK-NEXT:  fc                    1      80         10      90                40
// CHECK-EMPTY:

// REUSE:  /conv1/Conv                  conv             1x3x8x8 -> 1x8x8x8           13,824     224           896             2,048       2,816
// REUSE-NEXT:  /relu/Relu                   relu             1x8x8x8 -> 1x8x8x8                0       0             0             2,048       2,048
// REUSE-NEXT:  /layer1/layer1.0/conv1/Conv  pointwise_conv   1x8x8x8 -> 1x8x8x8            4,096      64           256             2,048       4,096
// REUSE-NEXT:  /layer1/layer1.0/relu/Relu   relu             1x8x8x8 -> 1x8x8x8                0       0             0             2,048       2,048
// REUSE-NEXT:  /layer1/layer1.1/conv1/Conv  pointwise_conv   1x8x8x8 -> 1x8x8x8            4,096      64           256             2,048       4,096
// REUSE-NEXT:  /layer1/layer1.1/Add         add              1x8x8x8, 1x8x8x8 -> 1x8x8x8       0       0             0             2,048       4,096
// REUSE:  peak memory bytes (memory-reuse=elementwise)      4,096
// REUSE-NEXT:  peak memory elements (memory-reuse=elementwise)   1,024
// REUSE:by module (module-depth=3)
// REUSE-NEXT:  module                 layers    MACs  other ops  params  activation bytes
// REUSE-NEXT:  conv1                       1  13,824        512     224             2,048
// REUSE-NEXT:  relu                        1       0        512       0             2,048
// REUSE-NEXT:  layer1                      4   8,192      1,024      64             8,192
// REUSE-NEXT:  layer1/layer1.0             2   4,096        512      64             4,096
// REUSE-NEXT:  layer1/layer1.0/conv1       1   4,096          0      64             2,048
// REUSE-NEXT:  layer1/layer1.0/relu        1       0        512       0             2,048
// REUSE-NEXT:  layer1/layer1.1             2   4,096        512      64             4,096
// REUSE-NEXT:  layer1/layer1.1/conv1       1   4,096          0      64             2,048
// REUSE-NEXT:  (top)                       2       0        520       0                32
// REUSE-NEXT:  fc                          1      80         10      90                40

// DEPTH1:by module (module-depth=1)
// DEPTH1-NEXT:  module  layers    MACs  other ops  params  activation bytes
// DEPTH1-NEXT:  conv1        1  13,824        512     224             2,048
// DEPTH1-NEXT:  relu         1       0        512       0             2,048
// DEPTH1-NEXT:  layer1       4   8,192      1,024      64             8,192
// DEPTH1-NEXT:  (top)        2       0        520       0                32
// DEPTH1-NEXT:  fc           1      80         10      90                40
// DEPTH1-EMPTY:

// DEPTH0: by kind
// DEPTH0-NOT: by module
func.func @net(%x: tensor<1x3x8x8xf32>, %w0: tensor<8x3x3x3xf32>, %b0: tensor<8xf32>, %w1: tensor<8x8x1x1xf32>, %wf: tensor<10x8xf32>, %bf: tensor<10xf32>) -> tensor<1x10xf32> {
  %c0 = nas.conv2d %x, %w0, %b0 {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32> loc("/conv1/Conv")
  %r1 = nas.relu %c0 : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32> loc("/relu/Relu")
  %c2 = nas.conv2d %r1, %w1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32> loc("/layer1/layer1.0/conv1/Conv")
  %r3 = nas.relu %c2 : tensor<1x8x8x8xf32> -> tensor<1x8x8x8xf32> loc("/layer1/layer1.0/relu/Relu")
  %c4 = nas.conv2d %r3, %w1 {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32> loc("/layer1/layer1.1/conv1/Conv")
  %a5 = nas.add %c4, %r3 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32> loc("/layer1/layer1.1/Add")
  %g6 = nas.global_avg_pool2d %a5 : tensor<1x8x8x8xf32> -> tensor<1x8x1x1xf32> loc("/GlobalAveragePool")
  %f7 = nas.flatten %g6 {axis = 1} : tensor<1x8x1x1xf32> -> tensor<1x8xf32> loc("/Flatten")
  %y = nas.fully_connected %f7, %wf, %bf : (tensor<1x8xf32>, tensor<10x8xf32>, tensor<10xf32>) -> tensor<1x10xf32> loc("/fc/Gemm")
  return %y : tensor<1x10xf32>
}
