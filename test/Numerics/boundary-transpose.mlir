// The copy of an N x C x H x W argument with a few channels into the
// N x H x W x C layout of the kernels, which interleaves C input rows into
// whole vectors, against the reference evaluator. The widths give partial
// column tiles (37 = 2 x 16 + 5 with AVX-512, 4 x 8 + 5 with AVX2,
// 9 x 4 + 1 with SSE4.2), and the padded convolutions read the copy from
// the interior of a padded buffer.
// DEFINE: %{run} = nas-run %s --check --repeat=1
// RUN: %{run} --cpu=x86-64-v2 --entry=three_channels | FileCheck %s --check-prefix=THREE
// RUN: %{run} --cpu=x86-64-v2 --entry=two_channels | FileCheck %s --check-prefix=TWO
// RUN: %{run} --cpu=x86-64-v2 --entry=five_channels_batch2 | FileCheck %s --check-prefix=FIVE
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=three_channels | FileCheck %s --check-prefix=THREE %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=two_channels | FileCheck %s --check-prefix=TWO %}
// RUN: %if host-avx2 %{ %{run} --cpu=x86-64-v3 --entry=five_channels_batch2 | FileCheck %s --check-prefix=FIVE %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=three_channels | FileCheck %s --check-prefix=THREE %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=two_channels | FileCheck %s --check-prefix=TWO %}
// RUN: %if host-avx512 %{ %{run} --cpu=x86-64-v4 --entry=five_channels_batch2 | FileCheck %s --check-prefix=FIVE %}
// RUN: %{run} --threads=2 --entry=three_channels | FileCheck %s --check-prefix=THREE
// RUN: %{run} --threads=2 --entry=five_channels_batch2 | FileCheck %s --check-prefix=FIVE

// 3 channels into a 3x3 convolution with padding 1 on all sides.
// THREE: output: tensor<1x8x9x37xf32>
// THREE: check: passed
func.func @three_channels(%x: tensor<1x3x9x37xf32>, %w: tensor<8x3x3x3xf32>,
                          %b: tensor<8xf32>) -> tensor<1x8x9x37xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x3x9x37xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x9x37xf32>
  return %y : tensor<1x8x9x37xf32>
}

// 2 channels into a strided convolution with asymmetric padding.
// TWO: output: tensor<1x4x3x11xf32>
// TWO: check: passed
func.func @two_channels(%x: tensor<1x2x6x21xf32>, %w: tensor<4x2x3x3xf32>,
                        %b: tensor<4xf32>) -> tensor<1x4x3x11xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<1x2x6x21xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x11xf32>
  return %y : tensor<1x4x3x11xf32>
}

// 5 channels, 2 images, a 1x1 convolution without padding and relu.
// FIVE: output: tensor<2x6x4x37xf32>
// FIVE: check: passed
func.func @five_channels_batch2(%x: tensor<2x5x4x37xf32>, %w: tensor<6x5x1x1xf32>,
                                %b: tensor<6xf32>) -> tensor<2x6x4x37xf32> {
  %y = nas.conv2d %x, %w, %b {strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1} : (tensor<2x5x4x37xf32>, tensor<6x5x1x1xf32>, tensor<6xf32>) -> tensor<2x6x4x37xf32>
  %r = nas.relu %y : tensor<2x6x4x37xf32> -> tensor<2x6x4x37xf32>
  return %r : tensor<2x6x4x37xf32>
}
