#!/usr/bin/env python3
"""Write a copy of an ONNX model with random weights embedded.

The models in models/ keep only the shapes of their initializers: the
weight data is external and absent, which nas-translate accepts but ONNX
Runtime does not. This script replaces every initializer with seeded random
fp32 values stored in the file itself:

- Conv weights (input 1) and Gemm B: He-uniform in [-a, a), a = sqrt(6 /
  fan_in), fan_in = the product of the dimensions after the first (Gemm B is
  assumed transposed, c_out x c_in, as torch.onnx exports nn.Linear);
- every other float initializer (biases): uniform in [-0.1, 0.1).

Usage: make_onnx_weights.py INPUT.onnx OUTPUT.onnx [--seed N]
Needs Debian's python3-onnx and python3-numpy.
"""

import argparse
import math
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def find_weight_names(graph):
    """Return the names of the initializers that are Conv or Gemm weights."""
    names = set()
    for node in graph.node:
        if node.op_type in ("Conv", "Gemm") and len(node.input) > 1:
            names.add(node.input[1])
    return names


def make_values(tensor, is_weight, rng):
    """Return random fp32 values with the shape of `tensor`."""
    dims = list(tensor.dims)
    if is_weight:
        fan_in = max(1, math.prod(dims[1:]))
        bound = math.sqrt(6.0 / fan_in)
    else:
        bound = 0.1
    return rng.uniform(-bound, bound, size=dims).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="ONNX model whose weights are absent")
    parser.add_argument("output", help="ONNX model to write")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the random values (default 0)")
    args = parser.parse_args()

    model = onnx.load(args.input, load_external_data=False)
    graph = model.graph
    weights = find_weight_names(graph)
    rng = np.random.default_rng(args.seed)
    for index, tensor in enumerate(graph.initializer):
        if tensor.data_type != onnx.TensorProto.FLOAT:
            print(f"make_onnx_weights: error: initializer '{tensor.name}' "
                  f"has type {onnx.TensorProto.DataType.Name(tensor.data_type)}"
                  ", expected FLOAT", file=sys.stderr)
            return 2
        values = make_values(tensor, tensor.name in weights, rng)
        graph.initializer[index].CopyFrom(
            numpy_helper.from_array(values, tensor.name))
    onnx.checker.check_model(model)
    onnx.save(model, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
