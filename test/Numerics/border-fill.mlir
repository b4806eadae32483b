// A convolution whose output a depthwise convolution reads padded: the
// convolution writes into the padded buffer, whose border a loop over its
// rows fills, distributed over the threads like the convolution's rows
// (borders of at least 16,384 elements). Padding of rows and columns,
// asymmetric padding with stride 2, padding of the columns only, a batch of
// 2 with 100 channels and odd sizes, f64, wide channels written in
// pieces, and a max pooling, whose border
// of the lowest float differs from the zeros that a fresh buffer holds.
// Against the reference
// evaluator (max abs error / max |reference| <= 1e-4), with two threads at
// the default --min-parallel-iterations for the host CPU and AVX2
// (x86-64-v3), and with one thread, which fills the border without the row
// loop. On two threads, the fill runs before the convolution without a
// barrier between them (BARRIERS): only the convolution's barrier
// separates both from the depthwise convolution that reads the buffer.
// DEFINE: %{host2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2
// DEFINE: %{avx2t} = nas-run %s --check --repeat=1 --boundary-layout=nhwc --threads=2 --cpu=x86-64-v3
// DEFINE: %{host} = nas-run %s --check --repeat=1 --boundary-layout=nhwc
// RUN: %{host2t} --entry=rows_and_columns | FileCheck %s --check-prefix=ROWS-AND-COLUMNS
// RUN: %{avx2t} --entry=rows_and_columns | FileCheck %s --check-prefix=ROWS-AND-COLUMNS
// RUN: %{host} --entry=rows_and_columns | FileCheck %s --check-prefix=ROWS-AND-COLUMNS
// RUN: %{host2t} --entry=asymmetric_stride2 | FileCheck %s --check-prefix=ASYMMETRIC-STRIDE2
// RUN: %{avx2t} --entry=asymmetric_stride2 | FileCheck %s --check-prefix=ASYMMETRIC-STRIDE2
// RUN: %{host} --entry=asymmetric_stride2 | FileCheck %s --check-prefix=ASYMMETRIC-STRIDE2
// RUN: %{host2t} --entry=columns_only | FileCheck %s --check-prefix=COLUMNS-ONLY
// RUN: %{avx2t} --entry=columns_only | FileCheck %s --check-prefix=COLUMNS-ONLY
// RUN: %{host2t} --entry=batch2_odd | FileCheck %s --check-prefix=BATCH2-ODD
// RUN: %{avx2t} --entry=batch2_odd | FileCheck %s --check-prefix=BATCH2-ODD
// RUN: %{host2t} --entry=f64 | FileCheck %s --check-prefix=F64
// RUN: %{host2t} --entry=max_pool | FileCheck %s --check-prefix=MAX-POOL
// RUN: %{host2t} --entry=wide_channels | FileCheck %s --check-prefix=WIDE-CHANNELS
// RUN: %{avx2t} --entry=wide_channels | FileCheck %s --check-prefix=WIDE-CHANNELS
// RUN: %{avx2t} --entry=max_pool | FileCheck %s --check-prefix=MAX-POOL
// RUN: nas-opt %s --nas-lower-to-llvm="boundary-layout=nhwc cpu=x86-64-v3 parallel=true" --mlir-print-ir-after=nas-merge-parallel-regions -o /dev/null 2>&1 | FileCheck %s --check-prefix=BARRIERS

// 1x1 16 -> 128 on 40 x 40 with relu, then 3x3 depthwise, padding 1: a
// border of (42 * 42 - 40 * 40) * 128 = 20,992 elements.
// ROWS-AND-COLUMNS: output: tensor<1x128x40x40xf32>
// ROWS-AND-COLUMNS: check: passed
// BARRIERS-LABEL: func.func @rows_and_columns(
// BARRIERS: omp.parallel {
// BARRIERS: omp.wsloop nowait {
// BARRIERS: vector.transfer_write {{.*}} : vector<1x1x1x128xf32>, memref<1x42x42x128xf32>
// BARRIERS: omp.wsloop {
// BARRIERS: vector.contract
// BARRIERS: omp.wsloop {
// BARRIERS: memref<1x42x42x128xf32>
// BARRIERS: omp.terminator
func.func @rows_and_columns(%x: tensor<1x16x40x40xf32>, %w: tensor<128x16x1x1xf32>, %b: tensor<128xf32>, %wd: tensor<128x1x3x3xf32>) -> tensor<1x128x40x40xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x40x40xf32>, tensor<128x16x1x1xf32>, tensor<128xf32>) -> tensor<1x128x40x40xf32>
  %1 = nas.relu %0 : tensor<1x128x40x40xf32> -> tensor<1x128x40x40xf32>
  %2 = nas.conv2d %1, %wd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 128} : (tensor<1x128x40x40xf32>, tensor<128x1x3x3xf32>) -> tensor<1x128x40x40xf32>
  return %2 : tensor<1x128x40x40xf32>
}

// Padding [top 0, left 1, bottom 2, right 1] of a 39 x 41 output of 160
// channels, then 3x3 depthwise with stride 2: (39 + 2 - 3) / 2 + 1 = 20
// rows, (41 + 2 - 3) / 2 + 1 = 21 columns. Border: (41 * 43 - 39 * 41) *
// 160 = 26,240 elements.
// ASYMMETRIC-STRIDE2: output: tensor<1x160x20x21xf32>
// ASYMMETRIC-STRIDE2: check: passed
func.func @asymmetric_stride2(%x: tensor<1x24x39x41xf32>, %w: tensor<160x24x1x1xf32>, %b: tensor<160xf32>, %wd: tensor<160x1x3x3xf32>, %bd: tensor<160xf32>) -> tensor<1x160x20x21xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x39x41xf32>, tensor<160x24x1x1xf32>, tensor<160xf32>) -> tensor<1x160x39x41xf32>
  %1 = nas.conv2d %0, %wd, %bd {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 2, 1>, dilations = array<i64: 1, 1>, groups = 160} : (tensor<1x160x39x41xf32>, tensor<160x1x3x3xf32>, tensor<160xf32>) -> tensor<1x160x20x21xf32>
  return %1 : tensor<1x160x20x21xf32>
}

// Padding of the columns only, 2 left and 1 right, for a 1x4 depthwise
// window: 40 * 3 * 256 = 30,720 border elements, in a row loop without
// top or bottom rows.
// COLUMNS-ONLY: output: tensor<1x256x40x40xf32>
// COLUMNS-ONLY: check: passed
func.func @columns_only(%x: tensor<1x8x40x40xf32>, %w: tensor<256x8x1x1xf32>, %wd: tensor<256x1x1x4xf32>) -> tensor<1x256x40x40xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x8x40x40xf32>, tensor<256x8x1x1xf32>) -> tensor<1x256x40x40xf32>
  %1 = nas.conv2d %0, %wd {strides = array<i64: 1, 1>, padding = array<i64: 0, 2, 0, 1>, dilations = array<i64: 1, 1>, groups = 256} : (tensor<1x256x40x40xf32>, tensor<256x1x1x4xf32>) -> tensor<1x256x40x40xf32>
  return %1 : tensor<1x256x40x40xf32>
}

// A batch of 2, 100 channels (not a multiple of the vector width), 37 x 41
// with padding 1: (39 * 43 - 37 * 41) * 100 * 2 = 32,000 border elements.
// BATCH2-ODD: output: tensor<2x100x37x41xf32>
// BATCH2-ODD: check: passed
func.func @batch2_odd(%x: tensor<2x12x37x41xf32>, %w: tensor<100x12x1x1xf32>, %b: tensor<100xf32>, %wd: tensor<100x1x3x3xf32>) -> tensor<2x100x37x41xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x12x37x41xf32>, tensor<100x12x1x1xf32>, tensor<100xf32>) -> tensor<2x100x37x41xf32>
  %1 = nas.conv2d %0, %wd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 100} : (tensor<2x100x37x41xf32>, tensor<100x1x3x3xf32>) -> tensor<2x100x37x41xf32>
  return %1 : tensor<2x100x37x41xf32>
}

// f64, 1x1 16 -> 96 on 45 x 45, then 3x3 depthwise, padding 1: (47 * 47 -
// 45 * 45) * 96 = 17,664 border elements.
// F64: output: tensor<1x96x45x45xf64>
// F64: check: passed
func.func @f64(%x: tensor<1x16x45x45xf64>, %w: tensor<96x16x1x1xf64>, %wd: tensor<96x1x3x3xf64>) -> tensor<1x96x45x45xf64> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x16x45x45xf64>, tensor<96x16x1x1xf64>) -> tensor<1x96x45x45xf64>
  %1 = nas.conv2d %0, %wd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 96} : (tensor<1x96x45x45xf64>, tensor<96x1x3x3xf64>) -> tensor<1x96x45x45xf64>
  return %1 : tensor<1x96x45x45xf64>
}

// 1x1 24 -> 128 on 40 x 40 without activation, so that about half of the
// outputs are negative, then 3x3 max pooling with padding 1: a border of
// 20,992 elements of the lowest float. A border left at zero would be the
// maximum of every border window whose inputs are all negative.
// MAX-POOL: output: tensor<1x128x40x40xf32>
// MAX-POOL: check: passed
func.func @max_pool(%x: tensor<1x24x40x40xf32>, %w: tensor<128x24x1x1xf32>, %b: tensor<128xf32>) -> tensor<1x128x40x40xf32> {
  %0 = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x24x40x40xf32>, tensor<128x24x1x1xf32>, tensor<128xf32>) -> tensor<1x128x40x40xf32>
  %1 = nas.max_pool2d %0 {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = false} : tensor<1x128x40x40xf32> -> tensor<1x128x40x40xf32>
  return %1 : tensor<1x128x40x40xf32>
}

// A batch of 3 by 1500 channels on 6 x 6, padding 1: columns of 4,500
// elements, written one image at a time in vectors of 256 channels and a
// last one of 220. (8 * 8 - 36) * 1500 * 3 = 126,000 border elements.
// WIDE-CHANNELS: output: tensor<3x1500x6x6xf32>
// WIDE-CHANNELS: check: passed
func.func @wide_channels(%x: tensor<3x8x6x6xf32>, %w: tensor<1500x8x1x1xf32>, %wd: tensor<1500x1x3x3xf32>) -> tensor<3x1500x6x6xf32> {
  %0 = nas.conv2d %x, %w {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<3x8x6x6xf32>, tensor<1500x8x1x1xf32>) -> tensor<3x1500x6x6xf32>
  %1 = nas.conv2d %0, %wd {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1500} : (tensor<3x1500x6x6xf32>, tensor<1500x1x3x3xf32>) -> tensor<3x1500x6x6xf32>
  return %1 : tensor<3x1500x6x6xf32>
}
