# -*- Python -*-

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "NAS"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nas_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%models", os.path.join(
    config.nas_src_root, "models")))
config.substitutions.append(("%inputs", os.path.join(
    config.test_source_root, "Inputs")))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.nas_tools_dir, config.llvm_tools_dir]
tools = ["nas-opt", "nas-translate", "nas-run"]
tools.append("nas-compile")
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Runtime libraries that mlir-runner loads for printMemrefF32 and friends.
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
config.substitutions.append(("%mlir_c_runner_utils", os.path.join(
    llvm_lib_dir, "libmlir_c_runner_utils.so")))
config.substitutions.append(("%mlir_runner_utils", os.path.join(
    llvm_lib_dir, "libmlir_runner_utils.so")))

# The benchmark harness's smoke test needs oneDNN (Debian's libdnnl-dev).
config.substitutions.append(("%benchmarks", os.path.join(
    config.nas_src_root, "benchmarks")))
config.substitutions.append(("%nas_build_dir", config.nas_obj_root))
if os.path.exists("/usr/include/oneapi/dnnl/dnnl.hpp"):
    config.available_features.add("dnnl")

# Vector extensions of the host, for tests that run code compiled for an
# x86-64 level (nas-run --cpu=x86-64-v3 needs AVX2, x86-64-v4 AVX-512).
try:
    with open("/proc/cpuinfo") as cpuinfo:
        cpu_flags = set()
        for line in cpuinfo:
            if line.startswith("flags"):
                cpu_flags.update(line.split(":", 1)[1].split())
                break
except OSError:
    cpu_flags = set()
if {"avx2", "fma"} <= cpu_flags:
    config.available_features.add("host-avx2")
if {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"} <= cpu_flags:
    config.available_features.add("host-avx512")
