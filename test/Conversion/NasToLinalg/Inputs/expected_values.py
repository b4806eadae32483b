#!/usr/bin/env python3
"""Computes the expected outputs of the run-*.mlir lowering tests.

Each op is evaluated with direct loops over its definition in NasOps.td
(NCHW layout, padding [top, left, bottom, right]), independently of the
lowering. Average pooling with count_include_pad divides by the window
positions inside the input or the explicit padding, not the extra ceil_mode
padding, as PyTorch does. Every arithmetic result is rounded to float32 as the compiled code
does: for +, -, *, / and sqrt of float32 operands, computing in double and
rounding once gives the correctly rounded float32 result. Printing uses %g
(six significant digits), the format of printMemrefF32.

Run: python3 expected_values.py
"""

import math
import struct


def f32(value):
    return struct.unpack("f", struct.pack("f", value))[0]


def tensor(shape, values):
    """Builds a nested list of `shape` from the flat row-major `values`."""
    if len(shape) == 1:
        return [f32(v) for v in values]
    step = len(values) // shape[0]
    return [tensor(shape[1:], values[i * step:(i + 1) * step])
            for i in range(shape[0])]


def flat(nested):
    if isinstance(nested, list):
        return [v for item in nested for v in flat(item)]
    return [nested]


def shape_of(nested):
    shape = []
    while isinstance(nested, list):
        shape.append(len(nested))
        nested = nested[0]
    return shape


def show(name, nested):
    values = ", ".join("%g" % v for v in flat(nested))
    print("%s %s: [%s]" % (name, "x".join(map(str, shape_of(nested))), values))


def out_size(size, kernel, stride, before, after, dilation, ceil_mode):
    span = size + before + after - dilation * (kernel - 1) - 1
    out = span // stride + 1
    if ceil_mode and span % stride != 0:
        out += 1
        if (out - 1) * stride >= size + before:
            out -= 1
    return out


def conv2d(x, w, b, strides, padding, dilations, groups):
    n_, c_, h_, w_ = shape_of(x)
    f_, cg, kh_, kw_ = shape_of(w)
    top, left, bottom, right = padding
    ho = out_size(h_, kh_, strides[0], top, bottom, dilations[0], False)
    wo = out_size(w_, kw_, strides[1], left, right, dilations[1], False)
    y = [[[[0.0] * wo for _ in range(ho)] for _ in range(f_)]
         for _ in range(n_)]
    for n in range(n_):
        for f in range(f_):
            g = f // (f_ // groups)
            for oh in range(ho):
                for ow in range(wo):
                    acc = b[f] if b else 0.0
                    for c in range(cg):
                        for kh in range(kh_):
                            for kw in range(kw_):
                                ih = oh * strides[0] - top + kh * dilations[0]
                                iw = ow * strides[1] - left + kw * dilations[1]
                                if 0 <= ih < h_ and 0 <= iw < w_:
                                    xv = x[n][g * cg + c][ih][iw]
                                    acc = f32(acc + f32(xv * w[f][c][kh][kw]))
                    y[n][f][oh][ow] = acc
    return y


def fully_connected(rows, w, b):
    return [[f32(sum(r[i] * w[o][i] for i in range(len(r))) + b[o])
             for o in range(len(w))] for r in rows]


def pool2d(x, kernel, strides, padding, dilations, ceil_mode, kind,
           count_include_pad=False):
    n_, c_, h_, w_ = shape_of(x)
    top, left, bottom, right = padding
    ho = out_size(h_, kernel[0], strides[0], top, bottom, dilations[0],
                  ceil_mode)
    wo = out_size(w_, kernel[1], strides[1], left, right, dilations[1],
                  ceil_mode)
    y = [[[[0.0] * wo for _ in range(ho)] for _ in range(c_)]
         for _ in range(n_)]
    for n in range(n_):
        for c in range(c_):
            for oh in range(ho):
                for ow in range(wo):
                    values = []
                    # Window positions that lie inside the input or the
                    # explicit padding (not the extra ceil_mode overhang).
                    in_padded = 0
                    for kh in range(kernel[0]):
                        for kw in range(kernel[1]):
                            ih = oh * strides[0] - top + kh * dilations[0]
                            iw = ow * strides[1] - left + kw * dilations[1]
                            if ih < h_ + bottom and iw < w_ + right:
                                in_padded += 1
                            if 0 <= ih < h_ and 0 <= iw < w_:
                                values.append(x[n][c][ih][iw])
                    if kind == "max":
                        y[n][c][oh][ow] = max(values)
                    else:
                        total = 0.0
                        for v in values:
                            total = f32(total + v)
                        count = in_padded if count_include_pad else len(values)
                        y[n][c][oh][ow] = f32(total / count)
    return y


def batch_norm(x, scale, bias, mean, var, eps):
    eps = f32(eps)
    return [[[[f32(f32(f32(f32(v - mean[c]) / f32(math.sqrt(f32(var[c] + eps))))
                       * scale[c]) + bias[c])
               for v in row] for row in plane] for c, plane in enumerate(img)]
            for img in x]


def main():
    # run-conv2d.mlir
    x = tensor([1, 1, 4, 5], [i + 1 for i in range(20)])
    w = tensor([2, 1, 3, 3], [1, 0, -1, 2, 0, -2, 1, 0, -1,
                              0, 1, 0, 1, -1, 1, 0, 1, 0])
    show("conv asymmetric padding, stride 2",
         conv2d(x, w, [1.0, -2.0], [2, 2], [1, 0, 2, 1], [1, 1], 1))

    x = tensor([1, 2, 5, 5], [(i * 7) % 11 - 5 for i in range(50)])
    w = tensor([1, 2, 2, 2], [1, 2, -1, 1, 0.5, -1, 2, 1])
    show("conv dilation 2", conv2d(x, w, None, [1, 1], [0, 0, 0, 0],
                                   [2, 2], 1))

    x = tensor([1, 4, 3, 3], [(i * 5) % 11 - 5 for i in range(36)])
    w = tensor([4, 2, 2, 2], [(i % 5) - 2 for i in range(32)])
    show("grouped conv", conv2d(x, w, [0.5, 1.0, -1.0, 2.0], [1, 1],
                                [0, 0, 0, 0], [1, 1], 2))

    x = tensor([1, 2, 3, 3], [i + 1 for i in range(18)])
    w = tensor([4, 1, 2, 2], [1, 0, 0, 1, 1, 1, 1, 1, -1, 2, 0, 1, 0, 0, 1, 0])
    show("depthwise multiplier 2",
         conv2d(x, w, [0.0, 1.0, 2.0, 3.0], [2, 2], [1, 1, 1, 1], [1, 1], 2))

    x = tensor([1, 1, 5, 5], [i + 1 for i in range(25)])
    show("stride greater than kernel",
         conv2d(x, tensor([1, 1, 1, 1], [2]), None, [3, 3], [0, 0, 0, 0],
                [1, 1], 1))

    # run-fully-connected.mlir
    x = [[1, 2, 3], [-1, 0, 1], [0.5, 0.5, 2], [4, -2, 0]]
    w = [[1, 0, -1], [2, 1, 0], [0, 0, 1], [1, 1, 1]]
    show("fully connected 2x2x3 rows", fully_connected(x, w,
                                                        [0.5, 0, -1, 2]))

    # run-pooling.mlir
    x = tensor([1, 1, 6, 6], [-((i * 7) % 13) - 1 for i in range(36)])
    show("max pool ceil_mode padding 1",
         pool2d(x, [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], True, "max"))
    x5 = tensor([1, 1, 5, 5], [i + 1 for i in range(25)])
    show("max pool ceil_mode 2x2", pool2d(x5, [2, 2], [2, 2], [0, 0, 0, 0],
                                          [1, 1], True, "max"))
    show("avg pool count_include_pad",
         pool2d(x5, [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], False, "avg", True))
    show("avg pool exclude pad",
         pool2d(x5, [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], False, "avg", False))
    x6 = tensor([1, 1, 6, 6], [i + 1 for i in range(36)])
    show("avg pool ceil_mode count_include_pad",
         pool2d(x6, [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], True, "avg", True))
    show("avg pool ceil_mode exclude pad",
         pool2d(x6, [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], True, "avg", False))
    x = tensor([1, 2, 2, 3], [1, 2, 3, 4, 5, 7, -1, -2, 0, 0, 1, 1])
    show("global avg pool", [[[[f32(sum(flat(plane)) / 6)]] for plane in img]
                             for img in x])

    # run-elementwise.mlir
    x = tensor([1, 2, 2, 2], [1, 2, 3, 4, -1, 0, 1, 2])
    show("batch_norm", batch_norm(x, [2.0, 0.5], [0.25, -1.0], [2.5, 0.0],
                                  [1.25, 4.0], 1e-5))
    a = tensor([2, 3, 1], [1, 2, 3, 4, 5, 6])
    b = tensor([1, 4], [10, 20, 30, 40])
    show("add 2x3x1 + 1x4", [[[f32(a[i][j][0] + b[0][k]) for k in range(4)]
                              for j in range(3)] for i in range(2)])
    x = tensor([6], [-3, -0.5, 0, 2.5, 6, 7.25])
    show("clip [-1, 6]", [min(max(v, -1.0), 6.0) for v in x])


if __name__ == "__main__":
    main()
