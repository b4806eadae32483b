//===- NasOps.td - nas dialect operations ------------------*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_DIALECT_NAS_IR_NASOPS_TD
#define NAS_DIALECT_NAS_IR_NASOPS_TD

include "nas/Dialect/Nas/IR/NasBase.td"
include "nas/Dialect/Nas/IR/NasInterfaces.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Element types accepted by the cost analysis. Execution supports f32.
def Nas_ElementType : AnyTypeOf<[F32, F16, BF16, F64, I8, I32]>;
def Nas_Tensor : RankedTensorOf<[Nas_ElementType]>;

// Every op implements the cost interface; `costOverrides` lists the
// interface methods with a default that the op overrides.
class Nas_Op<string mnemonic, list<Trait> traits = [],
             list<string> costOverrides = []>
    : Op<Nas_Dialect, mnemonic, !listconcat(traits, [Pure,
         DeclareOpInterfaceMethods<Nas_CostOpInterface, costOverrides>])> {
  let hasVerifier = 1;
}

// Ops that are elementwise in their first operand and may be computed in
// place.
class Nas_ElementwiseOp<string mnemonic, list<Trait> traits = [],
                        list<string> costOverrides = []>
    : Nas_Op<mnemonic, traits,
             !listconcat(costOverrides, ["canReuseInputBuffer"])>;

//===----------------------------------------------------------------------===//
// Primitives
//===----------------------------------------------------------------------===//

def Nas_FullyConnectedOp
    : Nas_Op<"fully_connected", [], ["getParameterOperands"]> {
  let summary = "Fully connected layer on the last dimension";
  let description = [{
    Computes `output[..., o] = sum_i input[..., i] * weight[o, i] + bias[o]`.
    The input has any rank >= 1; its last dimension is c_in. The weight is
    c_out x c_in and the optional bias has c_out elements. The result has the
    input's shape with the last dimension replaced by c_out. Every other
    input dimension is a row: MACs are c_out * c_in per row.

    ```mlir
    %y = nas.fully_connected %x, %w, %b
        : (tensor<1x2048xf32>, tensor<1000x2048xf32>, tensor<1000xf32>)
        -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, Nas_Tensor:$weight,
                       Optional<Nas_Tensor>:$bias);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

def Nas_Conv2DOp : Nas_Op<"conv2d", [], ["getParameterOperands"]> {
  let summary = "2-D convolution, NCHW input and FCHW weight";
  let description = [{
    2-D cross-correlation of an N x C x H x W input with an
    F x (C / groups) x KH x KW weight and an optional bias of F elements.
    `padding` is [top, left, bottom, right] (each >= 0); `strides` and
    `dilations` are [height, width] (each >= 1). `groups` >= 1 must divide
    both C and F. The output is N x F x HO x WO with
    `HO = (H + top + bottom - dilation_h * (KH - 1) - 1) / stride_h + 1`
    (integer division) and likewise for WO; the dilated kernel must fit in
    the padded input.

    The analysis reports the kind of the convolution: `depthwise_conv` when
    groups = C > 1 (F may be a multiple of C, the channel multiplier),
    `grouped_conv` for other groups > 1, `pointwise_conv` for a 1x1 kernel
    with groups = 1, and `conv` otherwise. MACs are
    F * (C / groups) * KH * KW * HO * WO per batch element.

    ```mlir
    %y = nas.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                                padding = array<i64: 3, 3, 3, 3>,
                                dilations = array<i64: 1, 1>, groups = 1}
        : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>)
        -> tensor<1x64x112x112xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, Nas_Tensor:$weight,
                       Optional<Nas_Tensor>:$bias,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilations,
                       I64Attr:$groups);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// Returns true if groups equals the input channels and exceeds 1.
    bool isDepthwise();
    /// Returns true for a 1x1 kernel with groups = 1.
    bool isPointwise();
  }];
}

def Nas_BatchNormOp : Nas_ElementwiseOp<"batch_norm", [],
    ["getParameterOperands", "getStatisticOperands"]> {
  let summary = "Batch normalization for inference on dimension 1";
  let description = [{
    Computes `(x - mean[c]) / sqrt(variance[c] + epsilon) * scale[c] +
    bias[c]` with c the index in dimension 1 of an input of rank >= 2. Scale,
    bias, mean and variance have one element per channel; epsilon is >= 0.
    Scale and bias are parameters; mean and variance are stored statistics.

    ```mlir
    %y = nas.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-05 : f32}
        : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>,
           tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, Nas_Tensor:$scale, Nas_Tensor:$bias,
                       Nas_Tensor:$mean, Nas_Tensor:$variance,
                       F32Attr:$epsilon);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias `,` $mean `,` $variance attr-dict `:`
    functional-type(operands, results)
  }];
}

def Nas_ReluOp : Nas_ElementwiseOp<"relu"> {
  let summary = "Rectified linear unit, max(x, 0)";
  let description = [{
    The result has the type of the input.

    ```mlir
    %y = nas.relu %x : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_ClipOp : Nas_ElementwiseOp<"clip"> {
  let summary = "Clamps every element to [min, max]; relu6 is min 0, max 6";
  let description = [{
    Requires min <= max. The result has the type of the input.

    ```mlir
    %y = nas.clip %x {min = 0.0 : f32, max = 6.0 : f32}
        : tensor<1x96x56x56xf32> -> tensor<1x96x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, F32Attr:$min, F32Attr:$max);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_AddOp : Nas_ElementwiseOp<"add"> {
  let summary = "Elementwise addition with NumPy broadcasting";
  let description = [{
    Adds two tensors with NumPy (ONNX multidirectional) broadcasting: the
    shapes are aligned at their last dimension, the shorter one is padded
    with leading 1s, and each pair of dimensions must be equal or contain a
    1. The result has the broadcast shape. One addition per result element.

    ```mlir
    %y = nas.add %x, %b : (tensor<1x64x8x8xf32>, tensor<64x1x1xf32>)
        -> tensor<1x64x8x8xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$lhs, Nas_Tensor:$rhs);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
}

def Nas_MaxPool2DOp : Nas_Op<"max_pool2d"> {
  let summary = "2-D max pooling on NCHW";
  let description = [{
    Max pooling with `kernel`, `strides` and `dilations` [height, width]
    (each >= 1) and `padding` [top, left, bottom, right], each padding
    smaller than the kernel. The output size follows the convolution rule;
    with `ceil_mode`, it rounds up instead, and a last window that would
    start in the bottom or right padding is dropped (the PyTorch and ONNX
    rule). Padded elements never win the maximum.

    ```mlir
    %y = nas.max_pool2d %x {kernel = array<i64: 3, 3>,
                            strides = array<i64: 2, 2>,
                            padding = array<i64: 1, 1, 1, 1>,
                            dilations = array<i64: 1, 1>, ceil_mode = false}
        : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilations, BoolAttr:$ceil_mode);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_AvgPool2DOp : Nas_Op<"avg_pool2d"> {
  let summary = "2-D average pooling on NCHW";
  let description = [{
    Average pooling with `kernel`, `strides` and `padding` as in
    `nas.max_pool2d` (no dilation). With `count_include_pad`, a window
    divides by the number of its elements that lie inside the input or its
    explicit padding, which is KH * KW except for a last window that
    overhangs the padded input in ceil mode (the PyTorch rule). Without it,
    a window divides by the number of its elements inside the input.

    ```mlir
    %y = nas.avg_pool2d %x {kernel = array<i64: 2, 2>,
                            strides = array<i64: 2, 2>,
                            padding = array<i64: 0, 0, 0, 0>,
                            ceil_mode = false, count_include_pad = false}
        : tensor<1x256x56x56xf32> -> tensor<1x256x28x28xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$padding, BoolAttr:$ceil_mode,
                       BoolAttr:$count_include_pad);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_GlobalAvgPool2DOp : Nas_Op<"global_avg_pool2d"> {
  let summary = "Mean over the height and width of an NCHW tensor";
  let description = [{
    Averages each N x C plane; the result is N x C x 1 x 1.

    ```mlir
    %y = nas.global_avg_pool2d %x
        : tensor<1x2048x7x7xf32> -> tensor<1x2048x1x1xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_FlattenOp : Nas_Op<"flatten", [], ["isViewOfInput"]> {
  let summary = "Flattens to two dimensions around an axis";
  let description = [{
    The result is 2-D: the product of the input dimensions before `axis`,
    then the product of the rest (the ONNX rule, with `axis` in [0, rank]).

    ```mlir
    %y = nas.flatten %x {axis = 1}
        : tensor<1x2048x1x1xf32> -> tensor<1x2048xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input, I64Attr:$axis);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Nas_ReshapeOp : Nas_Op<"reshape", [], ["isViewOfInput"]> {
  let summary = "Reinterprets a tensor with a static shape";
  let description = [{
    The result has the same element type and number of elements as the
    input, in row-major order. Both shapes are static.

    ```mlir
    %y = nas.reshape %x : tensor<1x2048xf32> -> tensor<1x32x64xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

def Nas_BottleneckOp : Nas_Op<"bottleneck", [AttrSizedOperandSegments],
    ["getParameterOperands"]> {
  let summary = "ResNet bottleneck block";
  let description = [{
    The ResNet-v1.5 bottleneck with batch normalization folded into the
    convolutions:

    ```
    t = relu(conv1x1(x, w1, b1))
    t = relu(conv3x3(t, w2, b2, stride, groups, padding 1))
    t = conv1x1(t, w3, b3)
    s = projection ? conv1x1(x, wp, bp, stride) : x
    y = relu(t + s)
    ```

    The stride and groups apply to the 3x3 convolution, as in torchvision.
    The projection weight and bias come together; they are required unless
    the stride is 1 and the input and output channel counts are static and
    equal. `nas-expand-blocks` rewrites the block into these primitives; its
    cost is the sum of theirs.

    ```mlir
    %y = nas.bottleneck %x reduce(%w1, %b1) conv(%w2, %b2) expand(%w3, %b3)
        projection(%wp, %bp) {stride = 1, groups = 1}
        : (tensor<1x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>,
           tensor<64x64x3x3xf32>, tensor<64xf32>, tensor<256x64x1x1xf32>,
           tensor<256xf32>, tensor<256x64x1x1xf32>, tensor<256xf32>)
        -> tensor<1x256x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input,
                       Nas_Tensor:$reduce_weight, Nas_Tensor:$reduce_bias,
                       Nas_Tensor:$conv_weight, Nas_Tensor:$conv_bias,
                       Nas_Tensor:$expand_weight, Nas_Tensor:$expand_bias,
                       Optional<Nas_Tensor>:$projection_weight,
                       Optional<Nas_Tensor>:$projection_bias,
                       I64Attr:$stride, I64Attr:$groups);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $input `reduce` `(` $reduce_weight `,` $reduce_bias `)`
    `conv` `(` $conv_weight `,` $conv_bias `)`
    `expand` `(` $expand_weight `,` $expand_bias `)`
    (`projection` `(` $projection_weight^ `,` $projection_bias `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def Nas_InvertedResidualOp : Nas_Op<"inverted_residual", [
    AttrSizedOperandSegments], ["getParameterOperands"]> {
  let summary = "MobileNetV2 inverted residual block";
  let description = [{
    The MobileNetV2 block with batch normalization folded into the
    convolutions, for an input of C channels and hidden = C * expand_ratio:

    ```
    t = expand_ratio != 1 ? relu6(conv1x1(x, we, be)) : x
    t = relu6(depthwise(t, wd, bd, kernel_size, stride,
                        padding (kernel_size - 1) / 2))
    t = conv1x1(t, wp, bp)
    y = stride == 1 && C == c_out ? x + t : t
    ```

    The expansion weight and bias are present exactly when expand_ratio is
    not 1. kernel_size is odd. With stride 1, the input channel count and
    c_out must be static, because their equality decides the residual
    connection. `nas-expand-blocks` rewrites the block into these
    primitives; its cost is the sum of theirs.

    ```mlir
    %y = nas.inverted_residual %x expand(%we, %be) depthwise(%wd, %bd)
        project(%wp, %bp) {expand_ratio = 6, kernel_size = 3, stride = 1}
        : (tensor<1x24x56x56xf32>, tensor<144x24x1x1xf32>, tensor<144xf32>,
           tensor<144x1x3x3xf32>, tensor<144xf32>, tensor<24x144x1x1xf32>,
           tensor<24xf32>) -> tensor<1x24x56x56xf32>
    ```
  }];
  let arguments = (ins Nas_Tensor:$input,
                       Optional<Nas_Tensor>:$expand_weight,
                       Optional<Nas_Tensor>:$expand_bias,
                       Nas_Tensor:$depthwise_weight,
                       Nas_Tensor:$depthwise_bias,
                       Nas_Tensor:$project_weight,
                       Nas_Tensor:$project_bias,
                       I64Attr:$expand_ratio, I64Attr:$kernel_size,
                       I64Attr:$stride);
  let results = (outs Nas_Tensor:$output);
  let assemblyFormat = [{
    $input (`expand` `(` $expand_weight^ `,` $expand_bias `)`)?
    `depthwise` `(` $depthwise_weight `,` $depthwise_bias `)`
    `project` `(` $project_weight `,` $project_bias `)`
    attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// Returns true if the block adds its input to its result.
    bool hasResidual();
  }];
}

#endif // NAS_DIALECT_NAS_IR_NASOPS_TD
