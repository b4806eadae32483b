#!/usr/bin/env python3
"""Benchmark nas-mlir against oneDNN and ONNX Runtime on this machine.

One run measures the CPU's fp32 FMA peak (fma_peak.cpp) and times every
layer of LAYERS with nas-run and with oneDNN (onednn_layer.cpp). Then it
times ResNet-50 and MobileNetV2 with nas-run and ONNX Runtime
(ort_bench.js), and prints the tables on stdout and into a markdown file. benchmarks/run.sh installs
the dependencies, builds nas-mlir and calls this script; docs/benchmarks.md
describes what is measured.

Only the standard library is used here. Making ONNX models with weights
needs Debian's python3-onnx, run as --python.
"""

import argparse
import dataclasses
import datetime
import glob
import math
import os
import re
import shutil
import subprocess
import sys
import time
from statistics import median

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(SCRIPT_DIR)
LAYER_DIR = os.path.join(SCRIPT_DIR, "layers")
ORT_PACKAGE = "onnxruntime-node@1.20"


@dataclasses.dataclass
class Layer:
    """One convolution (NCHW, batch 1) or fully connected layer."""

    name: str
    title: str
    kind: str  # "conv" or "fc"
    channels: int
    filters: int
    height: int = 1
    width: int = 1
    kernel: int = 1
    stride: int = 1
    pad: int = 0
    groups: int = 1
    activation: str = "none"  # "none", "relu" or "relu6"

    def output_size(self, size):
        return (size + 2 * self.pad - self.kernel) // self.stride + 1

    def macs(self):
        """Return the multiply-accumulates: F * C/G * KH * KW * HO * WO."""
        if self.kind == "fc":
            return self.filters * self.channels
        return (self.filters * (self.channels // self.groups) *
                self.kernel * self.kernel *
                self.output_size(self.height) * self.output_size(self.width))


# The layers of the comparison, with the activation that follows each one in
# the torchvision network it comes from (ResNet-50's last 1x1 of a
# bottleneck and MobileNetV2's projections have none; MobileNetV2 uses
# ReLU6).
LAYERS = [
    Layer("resnet50-1x1-256-64", "ResNet-50 1x1 256->64 56x56", "conv",
          256, 64, 56, 56, activation="relu"),
    Layer("resnet50-1x1-64-256", "ResNet-50 1x1 64->256 56x56", "conv",
          64, 256, 56, 56),
    Layer("resnet50-3x3-64-64", "ResNet-50 3x3 64->64 56x56", "conv",
          64, 64, 56, 56, kernel=3, pad=1, activation="relu"),
    Layer("resnet50-stem", "ResNet-50 stem 7x7/2 3->64 224x224", "conv",
          3, 64, 224, 224, kernel=7, stride=2, pad=3, activation="relu"),
    Layer("mobilenetv2-dw-32-112", "MobileNetV2 dw 3x3 32ch 112x112", "conv",
          32, 32, 112, 112, kernel=3, pad=1, groups=32, activation="relu6"),
    Layer("mobilenetv2-dw-144-56-s2", "MobileNetV2 dw 3x3/2 144ch 56x56",
          "conv", 144, 144, 56, 56, kernel=3, stride=2, pad=1, groups=144,
          activation="relu6"),
    Layer("mobilenetv2-dw-960-7", "MobileNetV2 dw 3x3 960ch 7x7", "conv",
          960, 960, 7, 7, kernel=3, pad=1, groups=960, activation="relu6"),
    Layer("mobilenetv2-pw-144-24", "MobileNetV2 pw 144->24 56x56", "conv",
          144, 24, 56, 56),
    Layer("mobilenetv2-pw-96-576", "MobileNetV2 pw 96->576 14x14", "conv",
          96, 576, 14, 14, activation="relu6"),
    Layer("resnext50-g32-128", "ResNeXt-50 3x3 128->128 g32 56x56", "conv",
          128, 128, 56, 56, kernel=3, pad=1, groups=32, activation="relu"),
    Layer("fc-2048-1000", "FC 2048->1000", "fc", 2048, 1000),
    Layer("fc-1280-1000", "FC 1280->1000", "fc", 1280, 1000),
]

# The layer of --smoke: small enough for a test suite.
SMOKE_LAYER = Layer("smoke-conv3x3-8", "smoke 3x3 8->8 8x8", "conv",
                    8, 8, 8, 8, kernel=3, pad=1, activation="relu")

# Model file, title and the MACs of the torchvision 0.14 definition at
# 1x3x224x224 (conv and fully connected), which nas-opt must reproduce.
NETWORKS = [
    ("resnet50", "ResNet-50", 4_089_184_256),
    ("mobilenet_v2", "MobileNetV2", 300_774_272),
]

def resnet50_layers():
    """Return the layers of torchvision's ResNet-50 in network order.

    Each bottleneck: 1x1 reduction and 3x3 (stride on the 3x3) with relu, a
    1x1 expansion without activation (the relu follows the residual add),
    and in the first block of a stage a 1x1 projection of the input.
    """
    layers = [Layer("stem-7x7-s2", "stem 7x7/2 3->64 224x224", "conv", 3, 64,
                    224, 224, kernel=7, stride=2, pad=3, activation="relu")]
    channels, size = 64, 56
    for width, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2),
                                  (512, 3, 2)]:
        out = 4 * width
        for block in range(blocks):
            s = stride if block == 0 else 1
            down = (size + 2 - 3) // s + 1
            layers.append(Layer(
                f"1x1-{channels}-{width}-{size}", f"1x1 {channels}->{width} "
                f"{size}x{size}", "conv", channels, width, size, size,
                activation="relu"))
            layers.append(Layer(
                f"3x3-{width}-{size}-s{s}", f"3x3/{s} {width}->{width} "
                f"{size}x{size}", "conv", width, width, size, size, kernel=3,
                stride=s, pad=1, activation="relu"))
            layers.append(Layer(
                f"1x1-{width}-{out}-{down}", f"1x1 {width}->{out} "
                f"{down}x{down}", "conv", width, out, down, down))
            if block == 0:
                layers.append(Layer(
                    f"proj-{channels}-{out}-{size}-s{s}", f"1x1/{s} "
                    f"{channels}->{out} {size}x{size}", "conv", channels, out,
                    size, size, stride=s))
            channels, size = out, down
    layers.append(Layer("fc-2048-1000", "FC 2048->1000", "fc", 2048, 1000))
    return layers


def mobilenet_v2_layers():
    """Return the layers of torchvision's MobileNetV2 in network order.

    Each inverted residual: a 1x1 expansion with ReLU6 (not when the
    expansion factor is 1), a 3x3 depthwise with ReLU6 and a 1x1 projection
    without activation.
    """
    layers = [Layer("stem-3x3-s2", "stem 3x3/2 3->32 224x224", "conv", 3, 32,
                    224, 224, kernel=3, stride=2, pad=1, activation="relu6")]
    channels, size = 32, 112
    for factor, out, blocks, stride in [(1, 16, 1, 1), (6, 24, 2, 2),
                                        (6, 32, 3, 2), (6, 64, 4, 2),
                                        (6, 96, 3, 1), (6, 160, 3, 2),
                                        (6, 320, 1, 1)]:
        for block in range(blocks):
            s = stride if block == 0 else 1
            hidden = channels * factor
            down = (size + 2 - 3) // s + 1
            if factor != 1:
                layers.append(Layer(
                    f"exp-{channels}-{hidden}-{size}", f"1x1 {channels}->"
                    f"{hidden} {size}x{size}", "conv", channels, hidden, size,
                    size, activation="relu6"))
            layers.append(Layer(
                f"dw-{hidden}-{size}-s{s}", f"dw 3x3/{s} {hidden}ch "
                f"{size}x{size}", "conv", hidden, hidden, size, size,
                kernel=3, stride=s, pad=1, groups=hidden,
                activation="relu6"))
            layers.append(Layer(
                f"proj-{hidden}-{out}-{down}", f"1x1 {hidden}->{out} "
                f"{down}x{down}", "conv", hidden, out, down, down))
            channels, size = out, down
    layers.append(Layer("last-320-1280-7", "1x1 320->1280 7x7", "conv", 320,
                        1280, 7, 7, activation="relu6"))
    layers.append(Layer("fc-1280-1000", "FC 1280->1000", "fc", 1280, 1000))
    return layers


# The layers of each network, for --network-layers.
NETWORK_LAYERS = {"resnet50": resnet50_layers,
                  "mobilenet_v2": mobilenet_v2_layers}


def merge_layers(layers):
    """Return (layer, count) pairs of the distinct layers, in first order."""
    counts = {}
    first = {}
    for layer in layers:
        counts[layer.name] = counts.get(layer.name, 0) + 1
        first.setdefault(layer.name, layer)
    return [(first[name], counts[name]) for name in first]


def check_network_layers():
    """Fail unless each network's layers add up to its MAC count."""
    for network, title, macs in NETWORKS:
        total = sum(layer.macs() for layer in NETWORK_LAYERS[network]())
        if total != macs:
            raise HarnessError(f"the layers of {title} add up to {total} "
                               f"MACs, the network has {macs}")


ACTIVATION_TEXT = {"none": "", "relu": " and relu",
                   "relu6": " and ReLU6 (clip 0, 6)"}


def tensor_type(shape):
    return "tensor<" + "x".join(str(size) for size in shape) + "xf32>"


def layer_ir(layer):
    """Return the nas IR file of `layer`: one function @layer."""
    macs_formula = (f"{layer.filters} * {layer.channels}"
                    if layer.kind == "fc" else
                    f"{layer.filters} * {layer.channels // layer.groups} * "
                    f"{layer.kernel} * {layer.kernel} * "
                    f"{layer.output_size(layer.height)} * "
                    f"{layer.output_size(layer.width)}")
    lines = [
        f"// {layer.title}: fp32, batch 1, with bias"
        f"{ACTIVATION_TEXT[layer.activation]}.",
        f"// MACs = {macs_formula} = {layer.macs():,}.",
        "// Written by `benchmarks/harness.py --write-layers`; edit LAYERS "
        "there.",
    ]
    if layer.kind == "fc":
        x = tensor_type([1, layer.channels])
        w = tensor_type([layer.filters, layer.channels])
        y = tensor_type([1, layer.filters])
        b = tensor_type([layer.filters])
        body = [f"  %y = nas.fully_connected %x, %w, %b : ({x}, {w}, {b}) "
                f"-> {y}"]
    else:
        x = tensor_type([1, layer.channels, layer.height, layer.width])
        w = tensor_type([layer.filters, layer.channels // layer.groups,
                         layer.kernel, layer.kernel])
        y = tensor_type([1, layer.filters, layer.output_size(layer.height),
                         layer.output_size(layer.width)])
        b = tensor_type([layer.filters])
        s, p = layer.stride, layer.pad
        body = [f"  %y = nas.conv2d %x, %w, %b {{strides = array<i64: {s}, "
                f"{s}>, padding = array<i64: {p}, {p}, {p}, {p}>, "
                f"dilations = array<i64: 1, 1>, groups = {layer.groups}}} : "
                f"({x}, {w}, {b}) -> {y}"]
    result = "%y"
    if layer.activation == "relu":
        body.append(f"  %r = nas.relu %y : {y} -> {y}")
        result = "%r"
    elif layer.activation == "relu6":
        body.append(f"  %r = nas.clip %y {{min = 0.0 : f32, max = 6.0 : f32}}"
                    f" : {y} -> {y}")
        result = "%r"
    lines.append(f"func.func @layer(%x: {x}, %w: {w}, %b: {b}) -> {y} {{")
    lines.extend(body)
    lines.append(f"  return {result} : {y}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def layer_path(layer):
    return os.path.join(LAYER_DIR, layer.name + ".mlir")


def write_layers():
    os.makedirs(LAYER_DIR, exist_ok=True)
    for layer in LAYERS + [SMOKE_LAYER]:
        with open(layer_path(layer), "w") as file:
            file.write(layer_ir(layer))
        print(f"wrote {os.path.relpath(layer_path(layer), SOURCE_DIR)}")


def check_layer_files():
    """Fail unless every layer file matches LAYERS and SMOKE_LAYER."""
    for layer in LAYERS + [SMOKE_LAYER]:
        path = layer_path(layer)
        text = open(path).read() if os.path.exists(path) else None
        if text != layer_ir(layer):
            sys.exit(f"harness: error: {os.path.relpath(path, SOURCE_DIR)} is "
                     "missing or differs from LAYERS; run "
                     "benchmarks/harness.py --write-layers")


class HarnessError(Exception):
    pass


def run(command, env=None, timeout=600):
    """Run `command` and return its stdout; raise HarnessError on failure."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    try:
        completed = subprocess.run(command, capture_output=True, text=True,
                                   env=full_env, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise HarnessError(f"timed out after {timeout} s: {' '.join(command)}")
    if completed.returncode != 0:
        raise HarnessError(f"exit status {completed.returncode} from "
                           f"{' '.join(command)}:\n{completed.stderr.strip()}")
    return completed.stdout


def parse_fields(text):
    """Return the `key: value` lines of a tool's output as a dict."""
    fields = {}
    for line in text.splitlines():
        key, separator, value = line.partition(": ")
        if separator:
            fields[key.strip()] = value.strip()
    return fields


def parse_latency(fields):
    """Return (median ms, runs) from a `median latency:` value."""
    match = re.fullmatch(r"([0-9.]+) ms \(([0-9]+) runs\)",
                         fields.get("median latency", ""))
    if not match:
        raise HarnessError("no 'median latency: X ms (N runs)' line in output")
    return float(match.group(1)), int(match.group(2))


def compile_program(source, output, flags):
    """Compile a C++ file unless `output` is newer than it."""
    if (os.path.exists(output) and
            os.path.getmtime(output) > os.path.getmtime(source)):
        return
    run(["g++", "-O2", "-std=c++17", "-o", output, source] + flags)


def first_line(command):
    try:
        return run(command).splitlines()[0].strip()
    except (HarnessError, OSError, IndexError):
        return "not found"


def find_cxx_compiler(build_dir):
    """Return the C++ compiler recorded in the build's CMakeCache.txt."""
    cache = os.path.join(build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as file:
            for line in file:
                if line.startswith("CMAKE_CXX_COMPILER:"):
                    return line.split("=", 1)[1].strip()
    return "c++"


def describe_machine(build_dir):
    model = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": str(os.cpu_count()),
        "kernel": os.uname().release,
        "g++ (harness programs)": first_line(["g++", "--version"]),
        "C++ compiler of nas-mlir": first_line(
            [find_cxx_compiler(build_dir), "--version"]),
        "clang (LLVM of the nas-mlir JIT)": first_line(
            ["/usr/lib/llvm-22/bin/clang", "--version"]),
        "node": first_line(["node", "--version"]),
        "load average at start": " ".join(
            f"{value:.2f}" for value in os.getloadavg()),
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip(),
    }


def measure_peak(work_dir, smoke):
    binary = os.path.join(work_dir, "fma-peak")
    compile_program(os.path.join(SCRIPT_DIR, "fma_peak.cpp"), binary,
                    ["-pthread"])
    command = [binary, "--threads=2"]
    if smoke:
        command += ["--seconds=0.01", "--trials=1"]
    else:
        command += ["--seconds=0.05", "--trials=10"]
    fields = parse_fields(run(command))
    for key in ("isa", "frequency ghz", "formula 1 thread",
                "formula 2 threads"):
        print(f"  {key}: {fields[key]}", flush=True)
    return fields


CEILING_HEADER = ["loop", "GFLOP/s", "% peak", "% of its registers loop"]


def measure_ceilings(work_dir, smoke):
    """Return the `ceiling ...` figures of kernel_ceiling.cpp, in order.

    Each is the GFLOP/s of one thread running the inner loop of a register
    block alone; an empty list when the CPU has no AVX-512.
    """
    binary = os.path.join(work_dir, "kernel-ceiling")
    compile_program(os.path.join(SCRIPT_DIR, "kernel_ceiling.cpp"), binary, [])
    command = [binary]
    if smoke:
        command += ["--seconds=0.005", "--trials=1"]
    else:
        command += ["--seconds=0.05", "--trials=10"]
    fields = parse_fields(run(command))
    ceilings = [(key[len("ceiling "):], float(value))
                for key, value in fields.items() if key.startswith("ceiling ")]
    print(f"  isa: {fields['isa']}; {len(ceilings)} loops", flush=True)
    return ceilings


def format_ceiling_rows(ceilings, peak):
    """Return the table cells of `ceilings`: each loop's GFLOP/s, its share
    of the 1-thread FMA peak and of the loop of the same block that reads
    nothing from memory (`registers`)."""
    peak_gflops = peak_for(peak, 1)
    own_peak = {name.split()[0]: gflops for name, gflops in ceilings
                if name.endswith(" registers")}
    rows = []
    for name, gflops in ceilings:
        block = name.split()[0]
        share = (f"{100.0 * gflops / own_peak[block]:.1f}"
                 if own_peak.get(block) else "n/a")
        rows.append([name, f"{gflops:.1f}",
                     f"{100.0 * gflops / peak_gflops:.1f}"
                     if peak_gflops else "n/a", share])
    return rows


def combine_peaks(first, second):
    """Return the larger of two peak measurements for each thread count.

    Other processes on the machine only lower a measured peak, so the
    maximum of a measurement before and after the timings is the better one.
    """
    peak = dict(first)
    for threads in ("1 thread", "2 threads"):
        if (float(second[f"peak gflops {threads}"]) >
                float(first[f"peak gflops {threads}"])):
            for key in (f"peak gflops {threads}", f"formula {threads}"):
                peak[key] = second[key]
    return peak


def nas_run(tools, path, repeat, threads, extra=()):
    command = [tools["nas-run"], path, f"--repeat={repeat}"] + list(extra)
    if threads > 1:
        command.append(f"--threads={threads}")
    fields = parse_fields(run(command))
    latency, runs = parse_latency(fields)
    return latency, runs, float(fields["checksum"])


def nas_total_macs(tools, path):
    """Return nas.total_macs of the first function after annotation."""
    text = run([tools["nas-opt"], path, "--nas-annotate-costs"])
    match = re.search(r"nas\.total_macs = ([0-9]+)", text)
    if not match:
        raise HarnessError(f"no nas.total_macs in nas-opt output for {path}")
    return int(match.group(1))


def check_macs(tools, layer, path=None):
    """Return the layer's MACs after checking them against nas-opt's count
    of the IR file at `path` (default: the layer's file in layers/)."""
    macs = layer.macs()
    annotated = nas_total_macs(tools, path or layer_path(layer))
    if annotated != macs:
        raise HarnessError(f"{layer.name}: nas-opt counts {annotated} MACs, "
                           f"the harness {macs}")
    return macs


def onednn_run(binary, layer, threads, smoke):
    command = [binary, f"--kind={layer.kind}", f"--filters={layer.filters}",
               f"--activation={layer.activation}"]
    if layer.kind == "fc":
        command.append(f"--input=1x{layer.channels}")
    else:
        p = layer.pad
        command += [f"--input=1x{layer.channels}x{layer.height}x{layer.width}",
                    f"--kernel={layer.kernel}x{layer.kernel}",
                    f"--strides={layer.stride},{layer.stride}",
                    f"--padding={p},{p},{p},{p}", f"--groups={layer.groups}"]
    if smoke:
        command += ["--min-runs=1", "--min-seconds=0", "--warmup=0"]
    else:
        command += ["--min-runs=20", "--min-seconds=0.4"]
    fields = parse_fields(run(command, env={"OMP_NUM_THREADS": str(threads)}))
    latency, runs = parse_latency(fields)
    return {"ms": latency, "runs": runs,
            "checksum": float(fields["checksum"]),
            "abs sum": float(fields["abs sum"]),
            "implementation": fields.get("implementation", "?"),
            "version": fields.get("onednn version", "?")}


def nas_repeat(macs, smoke):
    """Return nas-run's --repeat for one round of a layer of `macs` MACs.

    About 1 GMAC of timed work per round, 5 to 200 runs: with scalar code
    (about 1 GMAC/s) that is about 1 s a round.
    """
    if smoke:
        return 1
    return max(5, min(200, round(1e9 / macs)))


def network_repeat(macs):
    """Return nas-run's --repeat for one round of a network of `macs` MACs:
    about 50 GMAC, at least 10 runs (ResNet-50: 12 runs, MobileNetV2: 166,
    both about 0.5 to 1 s here)."""
    return max(10, round(5e10 / macs))


def measure_pair(index, measure_nas, measure_peer):
    """Call measure_nas and measure_peer one after the other, in reverse
    order when the round `index` is odd, which cancels a steady drift.

    Either may be None. Returns (nas result, peer result, nas/peer ratio),
    with None for what was not measured.
    """
    order = [("nas", measure_nas), ("peer", measure_peer)]
    if index % 2:
        order.reverse()
    results = {}
    for name, measure in order:
        if measure is not None:
            results[name] = measure()
    nas, peer = results.get("nas"), results.get("peer")
    # A latency below the printed precision reads as 0: no ratio.
    ratio = None
    if nas is not None and peer is not None and latency_ms(peer) > 0:
        ratio = latency_ms(nas) / latency_ms(peer)
    return nas, peer, ratio


def interleave(rounds, measure_nas, measure_peer):
    """Call measure_nas and measure_peer alternately, `rounds` times each.

    Either may be None. Returns (nas results, peer results, nas/peer
    ratios), the ratios one per round, each between two measurements taken
    one after the other. On the machine of docs/benchmarks.md the clock
    moved between 3.4 and 4.15 GHz over minutes, so two medians measured
    minutes apart compare the clocks as much as the code.
    """
    nas, peer, ratios = [], [], []
    for index in range(rounds):
        nas_result, peer_result, ratio = measure_pair(index, measure_nas,
                                                      measure_peer)
        if nas_result is not None:
            nas.append(nas_result)
        if peer_result is not None:
            peer.append(peer_result)
        if ratio is not None:
            ratios.append(ratio)
    return nas, peer, ratios


def latency_ms(result):
    """Return the median latency of a nas_run, onednn_run or ORT result."""
    return result["ms"] if isinstance(result, dict) else result[0]


def time_layers(layers, tools, onednn, thread_counts, rounds, smoke, log):
    rows = []
    for layer in layers:
        path = layer_path(layer)
        macs = check_macs(tools, layer)
        for threads in thread_counts:
            row = {"layer": layer, "threads": threads, "macs": macs,
                   "nas": None, "onednn": None, "ratio": None,
                   "agree": None}
            measure_nas = measure_onednn = None
            if threads == 1 or tools["threads"]:
                # Activations in NHWC, as oneDNN's are in its own layout:
                # both reorder the NCHW inputs outside the timed calls.
                def measure_nas():
                    return nas_run(tools, path, nas_repeat(macs, smoke),
                                   threads, ["--boundary-layout=nhwc"])
            if onednn:
                def measure_onednn():
                    return onednn_run(onednn, layer, threads, smoke)
            nas, peer, ratios = interleave(rounds, measure_nas,
                                           measure_onednn)
            if nas:
                row["nas"] = (median([r[0] for r in nas]),
                              sum(r[1] for r in nas), nas[0][2])
            if peer:
                row["onednn"] = dict(peer[0])
                row["onednn"]["ms"] = median([r["ms"] for r in peer])
            if ratios:
                row["ratio"] = median(ratios)
            if row["nas"] and row["onednn"]:
                # Both fill the arguments from the same streams, so the sums
                # differ only by rounding: allow 1e-4 of the sum of |y|.
                difference = abs(row["nas"][2] - row["onednn"]["checksum"])
                row["agree"] = difference <= 1e-4 * max(
                    row["onednn"]["abs sum"], 1e-30)
            rows.append(row)
            log(format_layer_progress(row))
    return rows


NETWORK_LAYER_HEADER = ["layer", "count", "MMACs", "nas ms", "oneDNN ms",
                        "nas/oneDNN", "count x (nas - oneDNN) ms",
                        "2 threads: nas ms", "oneDNN ms", "nas/oneDNN"]


def time_network_layers(tools, onednn, work_dir, rounds, smoke, log):
    """Time each distinct layer of both networks alone, on 1 and 2 threads.

    Returns {title: table rows}, the last row the totals, weighted by how
    often each layer occurs. The 2-thread cells are "n/a" when nas-run has
    no --threads. With `smoke`, only the last layer of each network (the
    fully connected one), with 1 run.
    """
    layer_dir = os.path.join(work_dir, "network-layers")
    os.makedirs(layer_dir, exist_ok=True)
    results = {}
    for network, title, _ in NETWORKS:
        rows = []
        totals = {"nas": [0.0, 0.0], "onednn": [0.0, 0.0]}
        total_macs = total_count = 0
        layers = merge_layers(NETWORK_LAYERS[network]())
        if smoke:
            layers = layers[-1:]
        for layer, count in layers:
            path = os.path.join(layer_dir, f"{network}-{layer.name}.mlir")
            with open(path, "w") as file:
                file.write(layer_ir(layer))
            macs = check_macs(tools, layer, path)
            times = {"nas": [None, None], "onednn": [None, None]}
            ratios = [None, None]
            for index, threads in enumerate((1, 2)):
                measure_nas = None
                if threads == 1 or tools["threads"]:
                    def measure_nas():
                        return nas_run(tools, path, nas_repeat(macs, smoke),
                                       threads, ["--boundary-layout=nhwc"])

                def measure_onednn():
                    return onednn_run(onednn, layer, threads, smoke)
                nas, peer, round_ratios = interleave(rounds, measure_nas,
                                                     measure_onednn)
                if nas:
                    times["nas"][index] = median([r[0] for r in nas])
                times["onednn"][index] = median([r["ms"] for r in peer])
                if round_ratios:
                    ratios[index] = median(round_ratios)
            for tool in totals:
                for index in (0, 1):
                    if times[tool][index] is not None:
                        totals[tool][index] += count * times[tool][index]
            total_macs += count * macs
            total_count += count
            cells = [layer.title, str(count), f"{macs / 1e6:.1f}"]
            cells += format_network_layer_times(
                [times["nas"][0], times["onednn"][0]], ratios[0], count)
            cells += format_network_layer_times(
                [times["nas"][1], times["onednn"][1]], ratios[1], None)
            rows.append(cells)
            log([title] + cells)
        nas_2t = totals["nas"][1] if tools["threads"] else None
        cells = ["total", str(total_count), f"{total_macs / 1e6:.1f}"]
        cells += format_network_layer_times(
            [totals["nas"][0], totals["onednn"][0]], None, 1)
        cells += format_network_layer_times([nas_2t, totals["onednn"][1]],
                                            None, None)
        rows.append(cells)
        results[title] = rows
    return results


def format_network_layer_times(times, ratio, count):
    """Return the cells nas ms, oneDNN ms, nas/oneDNN and, with a `count`,
    count x (nas - oneDNN) ms. The ratio is `ratio` (the median of the
    rounds' ratios) or, without one, the ratio of the times."""
    nas_ms, onednn_ms = times
    if nas_ms is None:
        cells = ["n/a", f"{onednn_ms:.3f}", "n/a"]
        return cells + (["n/a"] if count is not None else [])
    if ratio is None and onednn_ms > 0:
        ratio = nas_ms / onednn_ms
    cells = [f"{nas_ms:.3f}", f"{onednn_ms:.3f}",
             f"{ratio:.2f}" if ratio is not None else "n/a"]
    if count is not None:
        cells.append(f"{count * (nas_ms - onednn_ms):+.3f}")
    return cells


def gmacs(macs, ms):
    return macs / (ms * 1e-3) * 1e-9


def percent_of_peak(macs, ms, peak_gflops):
    # 1 MAC = 1 FMA = 2 FLOPs.
    return 100.0 * gmacs(macs, ms) * 2.0 / peak_gflops


def peak_for(peak, threads):
    if peak is None:
        return math.nan
    key = f"peak gflops {threads} thread" + ("" if threads == 1 else "s")
    return float(peak[key])


def format_layer_row(row, peak):
    layer, threads, macs = row["layer"], row["threads"], row["macs"]
    peak_gflops = peak_for(peak, threads)
    cells = [layer.title, str(threads), f"{macs / 1e6:.1f}"]
    nas_ms = row["nas"][0] if row["nas"] else None
    dnn_ms = row["onednn"]["ms"] if row["onednn"] else None
    cells.append(f"{nas_ms:.3f}" if nas_ms else "n/a")
    cells.append(f"{dnn_ms:.3f}" if dnn_ms else "n/a")
    cells.append(f"{row['ratio']:.2f}" if row["ratio"] else "n/a")
    for ms in (nas_ms, dnn_ms):
        cells.append(f"{gmacs(macs, ms):.2f}" if ms else "n/a")
    for ms in (nas_ms, dnn_ms):
        cells.append(f"{percent_of_peak(macs, ms, peak_gflops):.1f}"
                     if ms else "n/a")
    cells.append({None: "n/a", True: "yes", False: "NO"}[row["agree"]])
    return cells


def format_layer_progress(row):
    """Return the cells of a layer row that do not depend on the peak."""
    cells = format_layer_row(row, None)
    return cells[:6] + cells[-1:]


def format_network_progress(row):
    return format_network_row(row, None)[:6]


LAYER_PROGRESS_HEADER = ["layer", "threads", "MMACs", "nas ms", "oneDNN ms",
                         "nas/oneDNN", "sums agree"]

NETWORK_PROGRESS_HEADER = ["network", "threads", "MMACs", "nas ms", "ORT ms",
                           "nas/ORT"]

LAYER_HEADER = ["layer", "threads", "MMACs", "nas ms", "oneDNN ms",
                "nas/oneDNN", "nas GMAC/s", "oneDNN GMAC/s", "nas % peak",
                "oneDNN % peak", "sums agree"]

NETWORK_HEADER = ["network", "threads", "MMACs", "nas ms", "ORT ms",
                  "nas/ORT", "nas GMAC/s", "ORT GMAC/s", "nas % peak",
                  "ORT % peak", "nas speedup over 1 thread",
                  "ORT speedup over 1 thread"]


def install_ort(work_dir):
    """Install onnxruntime-node into work_dir/ort; return its node_modules."""
    ort_dir = os.path.join(work_dir, "ort")
    modules = os.path.join(ort_dir, "node_modules")
    binding = os.path.join(modules, "onnxruntime-node", "bin", "napi-v3",
                           "linux", "x64", "onnxruntime_binding.node")
    if not os.path.exists(binding):
        os.makedirs(ort_dir, exist_ok=True)
        # The package's install script only downloads CUDA binaries; the CPU
        # binaries are in the package itself.
        run(["npm", "install", "--prefix", ort_dir, "--ignore-scripts",
             "--no-audit", "--no-fund", ORT_PACKAGE], timeout=900)
    return modules


def time_networks(tools, work_dir, python, thread_counts, rounds, log):
    modules = install_ort(work_dir)
    rows = []
    for model, title, expected_macs in NETWORKS:
        source = os.path.join(SOURCE_DIR, "models", model + ".onnx")
        nas_ir = os.path.join(work_dir, model + ".mlir")
        run([tools["nas-translate"], "--import-onnx", source, "-o", nas_ir])
        macs = nas_total_macs(tools, nas_ir)
        if macs != expected_macs:
            raise HarnessError(f"{model}: nas-opt counts {macs} MACs, "
                               f"expected {expected_macs}")
        weighted = os.path.join(work_dir, model + "-weights.onnx")
        if (not os.path.exists(weighted) or
                os.path.getmtime(weighted) < os.path.getmtime(source)):
            run([python, os.path.join(SCRIPT_DIR, "make_onnx_weights.py"),
                 source, weighted])
        # Each round times every thread count, so that the speedup over one
        # thread compares measurements taken a few seconds apart.
        network_rows = {}
        measures = {}
        for threads in thread_counts:
            network_rows[threads] = {
                "title": title, "threads": threads, "macs": macs,
                "nas": None, "ort": None, "ratio": None,
                "speedups": {"nas": [], "ort": []}}
            measures[threads] = (network_measure_nas(tools, nas_ir, macs,
                                                     threads),
                                 network_measure_ort(weighted, threads,
                                                     modules,
                                                     network_rows[threads]))
        results = {threads: ([], [], []) for threads in thread_counts}
        for index in range(rounds):
            order = list(thread_counts)
            if index % 2:
                order.reverse()
            latest = {}
            for threads in order:
                nas, ort, ratio = measure_pair(index, *measures[threads])
                latest[threads] = {"nas": nas, "ort": ort}
                for values, value in zip(results[threads], (nas, ort, ratio)):
                    if value is not None:
                        values.append(value)
            single = latest.get(1, {})
            for threads in thread_counts:
                for key in ("nas", "ort"):
                    baseline, current = single.get(key), latest[threads][key]
                    if (threads != 1 and baseline is not None and
                            current is not None and latency_ms(current) > 0):
                        network_rows[threads]["speedups"][key].append(
                            latency_ms(baseline) / latency_ms(current))
        for threads in thread_counts:
            row = network_rows[threads]
            nas, ort, ratios = results[threads]
            if nas:
                row["nas"] = (median([r[0] for r in nas]),
                              sum(r[1] for r in nas))
            row["ort"] = (median([r[0] for r in ort]), sum(r[1] for r in ort))
            if ratios:
                row["ratio"] = median(ratios)
            rows.append(row)
            log(format_network_progress(row))
    return rows


def network_measure_nas(tools, nas_ir, macs, threads):
    """Return a function that times `nas_ir` with nas-run on `threads`
    threads, or None when nas-run has no thread setting."""
    if threads != 1 and not tools["threads"]:
        return None
    return lambda: nas_run(tools, nas_ir, network_repeat(macs), threads)


def network_measure_ort(weighted, threads, modules, row):
    """Return a function that times the ONNX model `weighted` with ONNX
    Runtime on `threads` threads and records its version in `row`."""
    def measure():
        fields = parse_fields(run(
            ["node", os.path.join(SCRIPT_DIR, "ort_bench.js"), weighted,
             f"--threads={threads}", f"--modules={modules}", "--min-runs=10",
             "--min-seconds=1", "--warmup=3"]))
        row["ort version"] = fields.get("ort version", "?")
        return parse_latency(fields)
    return measure


def format_network_row(row, peak, one_thread=None):
    """Return the cells of a network row. `one_thread`, the 1-thread row
    of the same network, gives the speedups of a multi-thread row."""
    macs, threads = row["macs"], row["threads"]
    peak_gflops = peak_for(peak, threads)
    nas_ms = row["nas"][0] if row["nas"] else None
    ort_ms = row["ort"][0] if row["ort"] else None
    cells = [row["title"], str(threads), f"{macs / 1e6:.1f}",
             f"{nas_ms:.2f}" if nas_ms else "n/a",
             f"{ort_ms:.2f}" if ort_ms else "n/a",
             f"{row['ratio']:.2f}" if row["ratio"] else "n/a"]
    if peak is None:
        return cells
    for ms in (nas_ms, ort_ms):
        cells.append(f"{gmacs(macs, ms):.2f}" if ms else "n/a")
    for ms in (nas_ms, ort_ms):
        cells.append(f"{percent_of_peak(macs, ms, peak_gflops):.1f}"
                     if ms else "n/a")
    # The median of the rounds' speedups, each between the 1-thread and
    # the multi-thread time of one round.
    for key in ("nas", "ort"):
        speedups = row.get("speedups", {}).get(key)
        if one_thread is None or threads == 1:
            cells.append("")
        elif speedups:
            cells.append(f"{median(speedups):.2f}")
        elif row[key] and one_thread[key]:
            cells.append(f"{one_thread[key][0] / row[key][0]:.2f}")
        else:
            cells.append("n/a")
    return cells


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines)


def text_table(header, rows):
    widths = [max(len(cells[i]) for cells in [header] + rows)
              for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) if i else cell.ljust(width)
                       for i, (cell, width) in enumerate(zip(cells, widths)))
             for cells in [header] + rows]
    return "\n".join(lines)


def find_tools(build_dir):
    tools = {}
    for name in ("nas-run", "nas-opt", "nas-translate"):
        path = os.path.join(build_dir, "bin", name)
        if not os.access(path, os.X_OK):
            sys.exit(f"harness: error: {path} not found; build nas-mlir with "
                     "scripts/build.sh or pass --build-dir")
        tools[name] = path
    help_text = run([tools["nas-run"], "--help"])
    tools["threads"] = "--threads" in help_text
    return tools


def parse_arguments():
    parser = argparse.ArgumentParser(
        description="Time nas-mlir against oneDNN and ONNX Runtime.")
    parser.add_argument("--build-dir", default=os.environ.get(
        "BUILD_DIR", os.path.join(SOURCE_DIR, "build")),
        help="nas-mlir build folder with bin/nas-run (default build/)")
    parser.add_argument("--work-dir",
                        help="folder for compiled programs, models and npm "
                        "packages (default BUILD_DIR/benchmarks)")
    parser.add_argument("--results", default=os.path.join(
        SCRIPT_DIR, "results.md"),
        help="markdown file to write (default benchmarks/results.md)")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="python with the onnx module, for "
                        "make_onnx_weights.py (default /usr/bin/python3)")
    parser.add_argument("--smoke", action="store_true",
                        help="one tiny layer, 1 run each, no networks and no "
                        "results file: checks that the harness works")
    parser.add_argument("--no-networks", action="store_true",
                        help="skip the whole-network comparison")
    parser.add_argument("--layers",
                        help="comma-separated layer names to run (default "
                        "all)")
    parser.add_argument("--network-layers", action="store_true",
                        help="instead of the comparison, time every distinct "
                        "convolution and fully connected layer of both "
                        "networks alone, on one thread, with nas-run and "
                        "oneDNN, and write the tables to "
                        "benchmarks/network-layers.md (with --smoke: only "
                        "the fully connected layers, 1 run, no file)")
    parser.add_argument("--thread-profile", action="store_true",
                        help="instead of the comparison, run both networks "
                        "on two threads with an OMPT tool "
                        "(omp_profile.cpp) that times each thread in each "
                        "parallel loop and at its barrier, and write where "
                        "the time of the second thread goes to "
                        "benchmarks/thread-profile.md (with --smoke: the "
                        "smoke layer, 1 run, no file)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="times each layer or network this many times, "
                        "alternating nas-run with its peer; the tables give "
                        "the median times and the median of the rounds' "
                        "ratios (default 3; 1 with --smoke)")
    parser.add_argument("--write-layers", action="store_true",
                        help="rewrite benchmarks/layers/*.mlir from LAYERS "
                        "and exit")
    return parser.parse_args()


def main():
    args = parse_arguments()
    if args.write_layers:
        write_layers()
        return 0
    if args.rounds < 1:
        sys.exit(f"harness: error: expected --rounds >= 1, got {args.rounds}")
    rounds = 1 if args.smoke else args.rounds
    start = time.time()
    build_dir = os.path.abspath(args.build_dir)
    work_dir = os.path.abspath(args.work_dir or
                               os.path.join(build_dir, "benchmarks"))
    os.makedirs(work_dir, exist_ok=True)
    tools = find_tools(build_dir)

    if args.smoke:
        layers = [SMOKE_LAYER]
    elif args.layers:
        by_name = {layer.name: layer for layer in LAYERS}
        unknown = [n for n in args.layers.split(",") if n not in by_name]
        if unknown:
            sys.exit(f"harness: error: unknown layer {', '.join(unknown)}; "
                     f"expected names from {', '.join(by_name)}")
        layers = [by_name[name] for name in args.layers.split(",")]
    else:
        layers = LAYERS
    check_layer_files()
    check_network_layers()
    if args.smoke:
        # The smoke run times one layer but checks every layer's MAC count.
        for layer in LAYERS:
            check_macs(tools, layer)
        print(f"harness: nas-opt MAC counts match on {len(LAYERS)} layers")
        print("harness: the layers of " +
              " and ".join(title for _, title, _ in NETWORKS) +
              " add up to their MAC counts")

    def log(cells):
        print("  " + " | ".join(cells), flush=True)

    if args.network_layers:
        return run_network_layers(tools, work_dir, rounds, args.smoke, log)
    if args.thread_profile:
        return run_thread_profile(tools, work_dir, args.smoke)

    machine = describe_machine(build_dir)
    print("harness: measuring the FMA peak", flush=True)
    peak_at_start = measure_peak(work_dir, args.smoke)
    print("harness: measuring the inner loops of the kernels", flush=True)
    ceilings = measure_ceilings(work_dir, args.smoke)

    onednn = None
    if os.path.exists("/usr/include/oneapi/dnnl/dnnl.hpp"):
        onednn = os.path.join(work_dir, "onednn-layer")
        compile_program(os.path.join(SCRIPT_DIR, "onednn_layer.cpp"), onednn,
                        ["-fopenmp", "-ldnnl"])
    else:
        print("harness: libdnnl-dev is not installed: no oneDNN column")

    print("harness: timing layers (" + " | ".join(LAYER_PROGRESS_HEADER) +
          ")", flush=True)
    thread_counts = [1, 2]
    layer_rows = time_layers(layers, tools, onednn, thread_counts, rounds,
                             args.smoke, log)
    network_rows = []
    if not args.smoke and not args.no_networks:
        print("harness: timing networks (" +
              " | ".join(NETWORK_PROGRESS_HEADER) + ")", flush=True)
        network_rows = time_networks(tools, work_dir, args.python,
                                     thread_counts, rounds, log)
    peak_at_end = peak_at_start
    if not args.smoke:
        print("harness: measuring the FMA peak again", flush=True)
        peak_at_end = measure_peak(work_dir, args.smoke)
    peak = combine_peaks(peak_at_start, peak_at_end)
    machine["load average at end"] = " ".join(
        f"{value:.2f}" for value in os.getloadavg())
    machine["rounds"] = (f"{rounds}, alternating nas-run and its peer; "
                         "medians of the times and of the rounds' ratios")
    machine["run time"] = f"{time.time() - start:.0f} s"

    layer_cells = [format_layer_row(row, peak) for row in layer_rows]
    one_thread_rows = {row["title"]: row for row in network_rows
                       if row["threads"] == 1}
    network_cells = [format_network_row(row, peak,
                                        one_thread_rows.get(row["title"]))
                     for row in network_rows]
    ceiling_cells = format_ceiling_rows(ceilings, peak)
    print()
    print(text_table(LAYER_HEADER, layer_cells))
    if network_cells:
        print()
        print(text_table(NETWORK_HEADER, network_cells))
    if ceiling_cells:
        print()
        print(text_table(CEILING_HEADER, ceiling_cells))
    if any(row["agree"] is False for row in layer_rows):
        print("harness: warning: nas-run and oneDNN checksums differ on a "
              "layer marked NO", file=sys.stderr)

    if not args.smoke:
        versions = {
            "oneDNN": next((row["onednn"]["version"] for row in layer_rows
                            if row["onednn"]), "not installed"),
            "ONNX Runtime (onnxruntime-node)": next(
                (row["ort version"] for row in network_rows), "not run"),
        }
        write_results(args.results, machine, versions,
                      (peak_at_start, peak_at_end, peak), tools, layer_rows,
                      layer_cells, network_cells, ceiling_cells)
        print(f"\nharness: wrote {args.results}")
    return 0


def run_network_layers(tools, work_dir, rounds, smoke, log):
    if not os.path.exists("/usr/include/oneapi/dnnl/dnnl.hpp"):
        raise HarnessError("--network-layers needs oneDNN (libdnnl-dev)")
    onednn = os.path.join(work_dir, "onednn-layer")
    compile_program(os.path.join(SCRIPT_DIR, "onednn_layer.cpp"), onednn,
                    ["-fopenmp", "-ldnnl"])
    print("harness: timing the layers of the networks (network | " +
          " | ".join(NETWORK_LAYER_HEADER) + ")", flush=True)
    results = time_network_layers(tools, onednn, work_dir, rounds, smoke, log)
    lines = ["# Layers of the networks, one at a time", "",
             "Written by `benchmarks/run.sh --network-layers`; see "
             "docs/benchmarks.md. One and two threads, NHWC activations, "
             f"{rounds} rounds (medians), "
             f"{datetime.datetime.now():%Y-%m-%d %H:%M}.", ""]
    for title, rows in results.items():
        print()
        print(title)
        print(text_table(NETWORK_LAYER_HEADER, rows))
        lines += [f"## {title}", "", markdown_table(NETWORK_LAYER_HEADER, rows),
                  ""]
    if not smoke:
        path = os.path.join(SCRIPT_DIR, "network-layers.md")
        with open(path, "w") as file:
            file.write("\n".join(lines))
        print(f"\nharness: wrote {path}")
    return 0


THREAD_PROFILE_HEADER = [
    "network", "1 thread ms", "2 threads ms", "speedup",
    "1 thread: in loops ms", "2 threads: work per thread ms",
    "work of both / 1 thread", "barrier waits per thread ms",
    "rest per thread ms"]

LOOP_PROFILE_HEADER = [
    "loop", "iterations", "1 thread us", "2 threads: thread 0 us",
    "thread 1 us", "waits us", "speedup", "lost us"]


def build_omp_profile(work_dir):
    """Compile omp_profile.cpp into a shared library; return its path."""
    headers = sorted(glob.glob("/usr/lib/llvm-*/lib/clang/*/include/"
                               "omp-tools.h"))
    if not headers:
        raise HarnessError("omp-tools.h not found: --thread-profile needs "
                           "clang's OpenMP headers (clang-22)")
    library = os.path.join(work_dir, "omp-profile.so")
    compile_program(os.path.join(SCRIPT_DIR, "omp_profile.cpp"), library,
                    ["-shared", "-fPIC", "-idirafter",
                     os.path.dirname(headers[-1])])
    return library


def profile_loops(tools, library, path, repeat, one_thread, work_dir,
                  extra=()):
    """Run `path` on two threads (or, with `one_thread`, the same code on
    one) under the OMPT tool. Return the median latency in ms and, for the
    loops that ran in every call, (iterations, work us, wait us) per call,
    with one entry per thread in work and wait."""
    output = os.path.join(work_dir, "omp-profile.txt")
    if os.path.exists(output):
        os.remove(output)
    env = {"OMP_TOOL_LIBRARIES": library, "NAS_OMP_PROFILE_OUTPUT": output}
    if one_thread:
        env["OMP_THREAD_LIMIT"] = "1"
    command = [tools["nas-run"], path, f"--repeat={repeat}",
               "--threads=2"] + list(extra)
    latency, _ = parse_latency(parse_fields(run(command, env=env)))
    if not os.path.exists(output):
        raise HarnessError(f"the OMPT tool wrote no {output}: is nas-run "
                           "linked with LLVM's libomp?")
    loops = []
    pattern = re.compile(r"omp-profile: loop \d+ calls (\d+) iterations "
                         r"(\d+) work ([0-9. ]+) wait ([0-9. ]+)")
    for line in open(output):
        match = pattern.match(line.strip())
        if match:
            calls = int(match.group(1))
            loops.append((calls, int(match.group(2)),
                          [float(v) for v in match.group(3).split()],
                          [float(v) for v in match.group(4).split()]))
    if not loops:
        return latency, []
    # Loops that ran once, before the timed calls, pack the weights.
    calls = max(loop[0] for loop in loops)
    timed = [(iterations, [w / calls for w in work],
              [w / calls for w in wait])
             for count, iterations, work, wait in loops if count == calls]
    return latency, timed


def thread_profile_rows(title, one_thread, two_threads):
    """Return the summary row and the rows of the 5 loops that lose most,
    from the profiles of the same code on one thread and on two."""
    latency1, loops1 = one_thread
    latency2, loops2 = two_threads
    if len(loops1) != len(loops2) or not loops2:
        raise HarnessError(f"{title}: the profiles on one and two threads "
                           "have different loops")
    threads = max(len(work) for _, work, _ in loops2)
    in_loops1 = sum(work[0] for _, work, _ in loops1)
    work2 = [sum(work[t] if t < len(work) else 0.0 for _, work, _ in loops2)
             for t in range(threads)]
    waits2 = [sum(wait[t] if t < len(wait) else 0.0 for _, _, wait in loops2)
              for t in range(threads)]
    rest2 = [latency2 * 1000 - work2[t] - waits2[t] for t in range(threads)]
    summary = [title, f"{latency1:.3f}", f"{latency2:.3f}",
               f"{latency1 / latency2:.2f}", f"{in_loops1 / 1000:.3f}",
               " / ".join(f"{w / 1000:.3f}" for w in work2),
               f"{sum(work2) / in_loops1:.2f}",
               " / ".join(f"{w / 1000:.3f}" for w in waits2),
               " / ".join(f"{r / 1000:.3f}" for r in rest2)]
    losses = []
    for index, ((iterations, work1, _), (_, work, wait)) in enumerate(
            zip(loops1, loops2)):
        slowest = max(w + b for w, b in zip(work, wait))
        lost = slowest - work1[0] / threads
        losses.append((lost, index, iterations, work1[0], work, wait,
                       slowest))
    losses.sort(key=lambda entry: -entry[0])
    loop_rows = []
    for lost, index, iterations, one_us, work, wait, slowest in losses[:5]:
        loop_rows.append([f"{title} #{index}", str(iterations),
                          f"{one_us:.1f}", f"{work[0]:.1f}",
                          f"{work[1]:.1f}" if len(work) > 1 else "n/a",
                          " / ".join(f"{b:.1f}" for b in wait),
                          f"{one_us / slowest:.2f}" if slowest else "n/a",
                          f"{lost:.1f}"])
    return summary, loop_rows


def run_thread_profile(tools, work_dir, smoke):
    if not tools["threads"]:
        raise HarnessError("--thread-profile needs nas-run --threads")
    library = build_omp_profile(work_dir)
    if smoke:
        targets = [(SMOKE_LAYER.title, layer_path(SMOKE_LAYER), 1,
                    ["--min-parallel-iterations=1"])]
    else:
        targets = []
        for model, title, macs in NETWORKS:
            source = os.path.join(SOURCE_DIR, "models", model + ".onnx")
            nas_ir = os.path.join(work_dir, model + ".mlir")
            run([tools["nas-translate"], "--import-onnx", source, "-o",
                 nas_ir])
            targets.append((title, nas_ir, network_repeat(macs), []))
    print("harness: profiling the parallel loops on one and two threads",
          flush=True)
    summaries, loop_rows = [], []
    for title, path, repeat, extra in targets:
        one_thread = profile_loops(tools, library, path, repeat, True,
                                   work_dir, extra)
        two_threads = profile_loops(tools, library, path, repeat, False,
                                    work_dir, extra)
        summary, rows = thread_profile_rows(title, one_thread, two_threads)
        summaries.append(summary)
        loop_rows += rows
    print()
    print(text_table(THREAD_PROFILE_HEADER, summaries))
    print()
    print(text_table(LOOP_PROFILE_HEADER, loop_rows))
    if not smoke:
        lines = ["# Where the second thread's time goes", "",
                 "Written by `benchmarks/run.sh --thread-profile`; see "
                 "docs/benchmarks.md. The same code (compiled for two "
                 "threads) runs on one thread (OMP_THREAD_LIMIT=1) and on "
                 "two, under the OMPT tool omp_profile.cpp, "
                 f"{datetime.datetime.now():%Y-%m-%d %H:%M}. Times per "
                 "call: latencies are medians, loop times are means over "
                 "the calls.", "",
                 markdown_table(THREAD_PROFILE_HEADER, summaries), "",
                 "The 5 loops of each network whose slowest thread (work "
                 "and wait) exceeds half the loop's one-thread time by "
                 "most, numbered in the order in which they first run:", "",
                 markdown_table(LOOP_PROFILE_HEADER, loop_rows), ""]
        path = os.path.join(SCRIPT_DIR, "thread-profile.md")
        with open(path, "w") as file:
            file.write("\n".join(lines))
        print(f"\nharness: wrote {path}")
    return 0


def write_results(path, machine, versions, peaks, tools, layer_rows,
                  layer_cells, network_cells, ceiling_cells):
    peak_at_start, peak_at_end, peak = peaks
    lines = ["# Benchmark results", "",
             "Written by `benchmarks/run.sh`; see docs/benchmarks.md for what "
             "is measured.", "", "| | |", "|---|---|"]
    for key, value in list(machine.items()) + list(versions.items()):
        lines.append(f"| {key} | {value} |")
    lines.append(f"| nas-run --threads | "
                 f"{'yes' if tools['threads'] else 'no (2-thread nas: n/a)'} |")
    for label, fields in (("FMA peak at start", peak_at_start),
                          ("FMA peak at end", peak_at_end),
                          ("FMA peak used (maximum)", peak)):
        lines.append(f"| {label} ({fields['isa']}) | "
                     f"{fields['formula 1 thread']}; "
                     f"{fields['formula 2 threads']} |")
    implementations = sorted({row["onednn"]["implementation"]
                              for row in layer_rows if row["onednn"]})
    if implementations:
        lines.append(f"| oneDNN implementations | "
                     f"{', '.join(implementations)} |")
    lines += ["", "## Layers (fp32, batch 1, bias and activation included)",
              "", markdown_table(LAYER_HEADER, layer_cells)]
    if network_cells:
        lines += ["", "## Networks (1x3x224x224)", "",
                  markdown_table(NETWORK_HEADER, network_cells)]
    if ceiling_cells:
        lines += ["", "## Inner loops of the kernels (1 thread, "
                  "kernel_ceiling.cpp)", "",
                  markdown_table(CEILING_HEADER, ceiling_cells)]
    with open(path, "w") as file:
        file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HarnessError as error:
        sys.exit(f"harness: error: {error}")
