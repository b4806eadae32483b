#!/usr/bin/env bash
# Runs the benchmark harness: installs what is missing, builds nas-mlir,
# then times the layers and networks of docs/benchmarks.md and writes
# benchmarks/results.md. Options go to benchmarks/harness.py (--help);
# --no-setup skips the install and build steps, as the lit test does.
set -euo pipefail
cd "$(dirname "$0")/.."

setup=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-setup" ]; then
    setup=0
  else
    args+=("$arg")
  fi
done

if [ "$setup" -eq 1 ]; then
  scripts/install-deps.sh
  benchmarks/install-deps.sh
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" scripts/build.sh
fi

# Debian's python3 has the onnx module; a python3 earlier on PATH may not.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
exec "$python" benchmarks/harness.py --python="$python" "${args[@]}"
