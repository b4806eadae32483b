#!/usr/bin/env python3
"""Recomputes the argument values of nas-run (docs/running.md) in Python.

Used to derive the expected numbers in test/Runner: run it without arguments
to print them. It shares no code with nas-run.
"""
import math
import struct

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def to_f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def fill(seed, index, count, low, high):
    """Returns the f32 values of argument `index` under `seed`."""
    state = mix64((seed + (index + 1) * GAMMA) & MASK)
    values = []
    for _ in range(count):
        state = (state + GAMMA) & MASK
        unit = (mix64(state) >> 40) * 2.0**-24
        values.append(to_f32(low + (high - low) * unit))
    return values


def matmul_checksum(seed):
    """Sum of A x B for A 4x8 and B 8x3, both inputs in [-1, 1)."""
    a = fill(seed, 0, 32, -1.0, 1.0)
    b = fill(seed, 1, 24, -1.0, 1.0)
    return sum(a[i * 8 + k] * b[k * 3 + j]
               for i in range(4) for j in range(3) for k in range(8))


if __name__ == "__main__":
    for seed in (0, 1):
        print(f"matmul.mlir seed {seed}: checksum {matmul_checksum(seed):.6e}")
    a = fill(0, 0, 32, -1.0, 1.0)
    print(f"multiple-results.mlir: checksum {2 * sum(a) + 4:.6e}")
    print("print-values.mlir seed 0:",
          ", ".join(f"{v:.6e}" for v in fill(0, 0, 6, -1.0, 1.0)))
    print("print-values.mlir seed 7:",
          ", ".join(f"{v:.6e}" for v in fill(7, 0, 6, -1.0, 1.0)))
    for fan_in in (27, 9, 2048, 64, 16):
        print(f"He-uniform bound for fan-in {fan_in}: "
              f"{math.sqrt(6.0 / fan_in):.6g}")
