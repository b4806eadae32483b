#!/usr/bin/python3
"""Writes the small ONNX models that the importer tests read.

Run it from any directory with Debian's python3-onnx (ONNX 1.12):

    /usr/bin/python3 test/Target/ONNX/Inputs/make_inputs.py

The .onnx files are committed, so the tests need no Python. Rerun this
script after changing it and commit its output with it.
"""

import os

from onnx import TensorProto, helper, save

HERE = os.path.dirname(os.path.abspath(__file__))
FLOAT = TensorProto.FLOAT


def absent(name, dims, data_type=FLOAT):
    """Returns an initializer whose data lives in a file that does not exist,
    the form of the weights in the models under models/."""
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = data_type
    tensor.dims.extend(dims)
    tensor.data_location = TensorProto.EXTERNAL
    entry = tensor.external_data.add()
    entry.key = "location"
    entry.value = "absent.weights"
    return tensor


def stored(name, dims, values, data_type=FLOAT):
    """Returns an initializer whose values are stored in the model."""
    return helper.make_tensor(name, data_type, dims, values)


def value(name, dims, data_type=FLOAT):
    return helper.make_tensor_value_info(name, data_type, dims)


def write(file_name, nodes, inputs, outputs, initializers=(), opset=13):
    graph = helper.make_graph(nodes, file_name.split(".")[0], inputs, outputs,
                              list(initializers))
    model = helper.make_model(
        graph, producer_name="make_inputs.py",
        opset_imports=[helper.make_opsetid("", opset)])
    save(model, os.path.join(HERE, file_name))


def conv():
    # Input 1x4x8x8. Kernel 4x3, strides [1, 2]: SAME keeps 8x4 outputs and
    # needs 3 padding rows (4 - 1) and 1 padding column (3*2 + 3 - 8).
    nodes = [
        helper.make_node("Conv", ["x", "w43"], ["same_upper"],
                         name="/same_upper/Conv", auto_pad="SAME_UPPER",
                         strides=[1, 2]),
        helper.make_node("Conv", ["x", "w43"], ["same_lower"],
                         name="/same_lower/Conv", auto_pad="SAME_LOWER",
                         strides=[1, 2]),
        helper.make_node("Conv", ["x", "w43"], ["valid"], name="/valid/Conv",
                         auto_pad="VALID"),
        # pads [x1_begin, x2_begin, x1_end, x2_end] = top 1, left 2,
        # bottom 0, right 3: output (8+1+0-3)/1+1 = 7 by (8+2+3-3)/1+1 = 11.
        helper.make_node("Conv", ["x", "w33", "b8"], ["asymmetric"],
                         name="/asymmetric/Conv", pads=[1, 2, 0, 3]),
        # Dilation 2 spans 5 pixels: (8+4-5)/1+1 = 8.
        helper.make_node("Conv", ["x", "w33"], ["dilated"],
                         name="/dilated/Conv", dilations=[2, 2],
                         pads=[2, 2, 2, 2], kernel_shape=[3, 3]),
        helper.make_node("Conv", ["x", "wg2"], ["grouped"],
                         name="/grouped/Conv", group=2, pads=[1, 1, 1, 1]),
        # Depthwise with channel multiplier 2: 8 filters of 1 channel.
        helper.make_node("Conv", ["x", "wdw"], ["depthwise"],
                         name="/depthwise/Conv", group=4, strides=[2, 2],
                         pads=[1, 1, 1, 1]),
    ]
    initializers = [
        absent("w43", [8, 4, 4, 3]),
        absent("w33", [8, 4, 3, 3]),
        absent("b8", [8]),
        absent("wg2", [6, 2, 3, 3]),
        absent("wdw", [8, 1, 3, 3]),
    ]
    outputs = [value(node.output[0], None) for node in nodes]
    write("conv.onnx", nodes, [value("x", [1, 4, 8, 8])], outputs,
          initializers)


def fully_connected():
    nodes = [
        helper.make_node("Gemm", ["x", "b_nk", "c"], ["gemm_transb1"],
                         name="/gemm_transb1/Gemm", transB=1),
        helper.make_node("Gemm", ["x", "b_kn"], ["gemm_transb0"],
                         name="/gemm_transb0/Gemm"),
        helper.make_node("Gemm", ["x", "b_kn_stored", "c_stored"],
                         ["gemm_stored"], name="/gemm_stored/Gemm",
                         alpha=1.0, beta=1.0, transB=0),
        helper.make_node("MatMul", ["x", "m_kn"], ["matmul"],
                         name="/matmul/MatMul"),
    ]
    initializers = [
        absent("b_nk", [3, 4]),
        absent("c", [3]),
        absent("b_kn", [4, 5]),
        # 4x2 row-major [[0, 1], [2, 3], [4, 5], [6, 7]].
        stored("b_kn_stored", [4, 2], [0, 1, 2, 3, 4, 5, 6, 7]),
        stored("c_stored", [2], [0.5, -0.5]),
        absent("m_kn", [4, 6]),
    ]
    outputs = [value(node.output[0], None) for node in nodes]
    write("fully_connected.onnx", nodes, [value("x", [2, 4])], outputs,
          initializers)


def clip():
    nodes = [
        helper.make_node("Constant", [], ["six"], name="/six/Constant",
                         value=stored("six", [], [6.0])),
        # min from an initializer with data, max from a Constant node.
        helper.make_node("Clip", ["x", "zero", "six"], ["relu6"],
                         name="/relu6/Clip"),
        # Only max; min is omitted with an empty name.
        helper.make_node("Clip", ["x", "", "six"], ["max_only"],
                         name="/max_only/Clip"),
        helper.make_node("Clip", ["x"], ["unbounded"], name="/unbounded/Clip"),
        helper.make_node("Relu", ["x"], ["relu"], name="/relu/Relu"),
    ]
    outputs = [value(name, None)
               for name in ["relu6", "max_only", "unbounded", "relu"]]
    write("clip.onnx", nodes, [value("x", [1, 2, 3, 3])], outputs,
          [stored("zero", [], [0.0])])

    # Before opset 11, min and max are attributes.
    node = helper.make_node("Clip", ["x"], ["y"], name="/clip/Clip",
                            min=-1.5, max=2.5)
    write("clip_opset6.onnx", [node], [value("x", [1, 2, 3, 3])],
          [value("y", None)], opset=6)

    # A bound that is only known at run time cannot become an attribute.
    node = helper.make_node("Clip", ["x", "low"], ["y"], name="/dynamic/Clip")
    write("clip_dynamic_min.onnx", [node],
          [value("x", [1, 2]), value("low", [])], [value("y", None)])


def pool():
    # Input 1x2x6x6.
    nodes = [
        # Kernel 3, stride 2, ceil_mode: (6-3)/2 rounds up to 2, plus 1 = 3
        # (floor would give 2). The last window starts at 4, in the input.
        helper.make_node("MaxPool", ["x"], ["max_ceil"], name="/max_ceil/Pool",
                         kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1),
        # SAME_UPPER keeps ceil(6/2) = 3 outputs and needs 2*2 + 3 - 6 = 1
        # padding element, at the end.
        helper.make_node("MaxPool", ["x"], ["max_same"], name="/max_same/Pool",
                         kernel_shape=[3, 3], strides=[2, 2],
                         auto_pad="SAME_UPPER", dilations=[1, 1]),
        # (6+2-3)/2+1 = 3.
        helper.make_node("AveragePool", ["x"], ["avg_include_pad"],
                         name="/avg_include_pad/Pool", kernel_shape=[3, 3],
                         strides=[2, 2], pads=[1, 1, 1, 1],
                         count_include_pad=1),
        helper.make_node("AveragePool", ["x"], ["avg_exclude_pad"],
                         name="/avg_exclude_pad/Pool", kernel_shape=[3, 3],
                         strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("GlobalAveragePool", ["x"], ["global"],
                         name="/global/Pool"),
    ]
    outputs = [value(node.output[0], None) for node in nodes]
    write("pool.onnx", nodes, [value("x", [1, 2, 6, 6])], outputs)

    # Kernel 2, stride 2, pads 1 on 5: ceil((5+2-2)/2)+1 = 4 windows, but the
    # fourth starts at 6, in the end padding, so PyTorch keeps 3. ONNX 1.12
    # shape inference gives 4.
    node = helper.make_node("MaxPool", ["x"], ["y"], name="/ceil/MaxPool",
                            kernel_shape=[2, 2], strides=[2, 2],
                            pads=[1, 1, 1, 1], ceil_mode=1)
    write("pool_ceil_padding.onnx", [node], [value("x", [1, 1, 5, 5])],
          [value("y", None)])

    # ONNX accepts pads as large as the kernel; nas.avg_pool2d does not, so
    # the imported module fails verification.
    node = helper.make_node("AveragePool", ["x"], ["y"], name="/wide/AvgPool",
                            kernel_shape=[2, 2], pads=[2, 2, 2, 2])
    write("pool_wide_padding.onnx", [node], [value("x", [1, 1, 4, 4])],
          [value("y", None)])


def shapes():
    nodes = [
        # [0, -1] on 2x3x4: keep 2, infer 12.
        helper.make_node("Reshape", ["x", "shape_0_m1"], ["flat12"],
                         name="/flat12/Reshape"),
        helper.make_node("Constant", [], ["shape_const"],
                         name="/shape/Constant",
                         value=stored("v", [3], [4, 0, -1], TensorProto.INT64)),
        # [4, 0, -1]: 4, copy dimension 1 (3), infer 24 / 12 = 2.
        helper.make_node("Reshape", ["x", "shape_const"], ["r432"],
                         name="/r432/Reshape"),
        # axis -1 on rank 3 is axis 2: 6x4.
        helper.make_node("Flatten", ["x"], ["flatten"],
                         name="/flatten/Flatten", axis=-1),
        helper.make_node("Identity", ["flatten"], ["flatten_alias"],
                         name="/alias/Identity"),
        helper.make_node("Relu", ["flatten_alias"], ["relu"],
                         name="/relu/Relu"),
    ]
    outputs = [value(name, None) for name in ["flat12", "r432", "relu"]]
    write("shapes.onnx", nodes, [value("x", [2, 3, 4])], outputs,
          [stored("shape_0_m1", [2], [0, -1], TensorProto.INT64)])


def constants():
    nodes = [
        # Initializer with data used as a tensor: arith.constant.
        helper.make_node("Add", ["x", "bias"], ["biased"], name="/bias/Add"),
        helper.make_node("Constant", [], ["offset"], name="/offset/Constant",
                         value_floats=[10.0, 20.0, 30.0]),
        helper.make_node("Identity", ["offset"], ["offset_alias"],
                         name="/offset_alias/Identity"),
        helper.make_node("Add", ["biased", "offset_alias"], ["shifted"],
                         name="/offset/Add"),
        # An unnamed node gets the name "Relu_4" from its op type and index.
        helper.make_node("Relu", ["shifted"], ["relu"]),
        # A graph input passed through to an output.
        helper.make_node("Identity", ["x"], ["x_copy"], name="/copy/Identity"),
    ]
    outputs = [value("relu", None), value("x_copy", None)]
    write("constants.onnx", nodes, [value("x", [1, 3])], outputs,
          [stored("bias", [3], [1.0, 2.0, 3.0])])


def element_types():
    nodes = []
    inputs = []
    outputs = []
    for name, data_type in [("f16", TensorProto.FLOAT16),
                            ("bf16", TensorProto.BFLOAT16),
                            ("f64", TensorProto.DOUBLE),
                            ("i8", TensorProto.INT8)]:
        inputs.append(value(name, [2], data_type))
        nodes.append(helper.make_node("Relu", [name], [name + "_relu"],
                                      name="/" + name + "/Relu"))
        outputs.append(value(name + "_relu", None, data_type))
    write("element_types.onnx", nodes, inputs, outputs, opset=14)

    node = helper.make_node("Relu", ["x"], ["y"], name="/int64/Relu")
    write("element_type_int64.onnx", [node],
          [value("x", [2], TensorProto.INT64)],
          [value("y", None, TensorProto.INT64)], opset=14)


def dynamic():
    # Batch dimension "N" imports as a dynamic size.
    node = helper.make_node("Conv", ["x", "w"], ["y"], name="/conv/Conv",
                            pads=[1, 1, 1, 1])
    write("dynamic_batch.onnx", [node], [value("x", ["N", 3, 8, 8])],
          [value("y", None)], [absent("w", [4, 3, 3, 3])])

    shape = stored("shape", [2], [0, -1], TensorProto.INT64)
    node = helper.make_node("Reshape", ["x", "shape"], ["y"],
                            name="/dynamic/Reshape")
    write("dynamic_reshape.onnx", [node], [value("x", ["N", 3, 4])],
          [value("y", None)], [shape])


def errors():
    # Shapes that ONNX shape inference cannot reconcile: 2x3 + 4 does not
    # broadcast, and a 20x20 window does not fit an 8x8 input.
    node = helper.make_node("Add", ["a", "b"], ["y"], name="/bad/Add")
    write("add_bad_broadcast.onnx", [node],
          [value("a", [2, 3]), value("b", [4])], [value("y", None)])
    node = helper.make_node("MaxPool", ["x"], ["y"], name="/big/MaxPool",
                            kernel_shape=[20, 20])
    write("maxpool_kernel_too_big.onnx", [node], [value("x", [1, 1, 8, 8])],
          [value("y", None)])

    node = helper.make_node("Softmax", ["x"], ["y"], name="/head/Softmax")
    write("unsupported.onnx", [node], [value("x", [1, 10])],
          [value("y", None)])

    node = helper.make_node("Gemm", ["x", "w"], ["y"], name="/scaled/Gemm",
                            alpha=0.5, transB=1)
    write("gemm_alpha.onnx", [node], [value("x", [1, 4])],
          [value("y", None)], [absent("w", [3, 4])])

    node = helper.make_node("Gemm", ["w", "x"], ["y"], name="/transa/Gemm",
                            transA=1)
    write("gemm_transa.onnx", [node], [value("x", [4, 3])],
          [value("y", None)], [absent("w", [4, 1])])

    node = helper.make_node(
        "BatchNormalization", ["x", "scale", "bias", "mean", "var"],
        ["y", "running_mean", "running_var"], name="/train/BatchNormalization",
        training_mode=1)
    write("batchnorm_training.onnx", [node], [value("x", [1, 2, 3, 3])],
          [value("y", None)],
          [absent(name, [2]) for name in ["scale", "bias", "mean", "var"]],
          opset=14)

    # A zero stride would divide by zero in the SAME padding rule.
    node = helper.make_node("Conv", ["x", "w"], ["y"], name="/zero/Conv",
                            strides=[0, 1], auto_pad="SAME_UPPER")
    write("conv_zero_stride.onnx", [node], [value("x", [1, 1, 4, 4])],
          [value("y", None)], [absent("w", [1, 1, 3, 3])])

    # B is a graph input, so it cannot be declared transposed.
    node = helper.make_node("MatMul", ["x", "b"], ["y"], name="/runtime/MatMul")
    write("matmul_input.onnx", [node], [value("x", [1, 4]), value("b", [4, 3])],
          [value("y", None)])

    node = helper.make_node("Relu", ["x"], ["y"], name="/noshape/Relu")
    write("missing_shape.onnx", [node],
          [helper.make_tensor_value_info("x", FLOAT, None)],
          [value("y", None)])

    # Conv input and weight ranks that differ make ONNX 1.12 shape inference
    # read out of bounds, so the importer rejects them before it runs: a
    # rank-5 weight, and a rank-2 input made by an earlier node.
    node = helper.make_node("Conv", ["x", "w"], ["y"], name="/rank5/Conv")
    write("conv_weight_rank5.onnx", [node], [value("x", [1, 3, 8, 8])],
          [value("y", None)], [absent("w", [4, 3, 3, 3, 3])])
    nodes = [
        helper.make_node("Flatten", ["x"], ["flat"], name="/Flatten"),
        helper.make_node("Conv", ["flat", "w"], ["y"], name="/flat/Conv"),
    ]
    write("conv_input_rank2.onnx", nodes, [value("x", [1, 3, 8, 8])],
          [value("y", None)], [absent("w", [4, 3, 3, 3])])

    # An initializer of 2^40 x 2^40 elements without values: the count
    # overflows int64_t.
    huge = TensorProto()
    huge.name = "w"
    huge.data_type = FLOAT
    huge.dims.extend([2**40, 2**40])
    node = helper.make_node("Relu", ["w"], ["y"], name="/huge/Relu")
    write("initializer_overflow.onnx", [node], [value("x", [1])],
          [value("y", None)], [huge])

    # A Reshape to 2^62 x 2^62 elements, and one of a 2^62 x 4 input.
    node = helper.make_node("Reshape", ["x", "shape"], ["y"],
                            name="/huge/Reshape")
    write("reshape_overflow.onnx", [node], [value("x", [2, 3, 4])],
          [value("y", None)],
          [stored("shape", [2], [2**62, 2**62], TensorProto.INT64)])
    write("reshape_input_overflow.onnx", [node], [value("x", [2**62, 4])],
          [value("y", None)], [stored("shape", [1], [-1], TensorProto.INT64)])

    with open(os.path.join(HERE, "not_a_model.onnx"), "wb") as output:
        output.write(b"this file is not an ONNX model\n")
    with open(os.path.join(HERE, "clip.onnx"), "rb") as source:
        data = source.read()
    with open(os.path.join(HERE, "truncated.onnx"), "wb") as output:
        output.write(data[:len(data) // 2])


def main():
    conv()
    fully_connected()
    clip()
    pool()
    shapes()
    constants()
    element_types()
    dynamic()
    errors()


if __name__ == "__main__":
    main()
