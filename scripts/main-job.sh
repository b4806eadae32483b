#!/usr/bin/env bash
# Installs the dependencies, builds nas-mlir, then for the ONNX models in
# models/: imports each one, prints its per-layer cost report and writes it as
# JSON, and compiles and runs ResNet-50 and MobileNetV2 on a 1x3x224x224 input,
# checking the result against the reference evaluator.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
out_dir="$build_dir/main-job"

scripts/install-deps.sh
scripts/build.sh
mkdir -p "$out_dir"

for model in resnet50 mobilenet_v2 resnet50-bn; do
  echo
  echo "=== $model: import and cost report ==="
  "$build_dir/bin/nas-translate" --import-onnx "models/$model.onnx" \
    -o "$out_dir/$model.mlir"
  "$build_dir/bin/nas-opt" "$out_dir/$model.mlir" \
    --nas-cost-report="json=$out_dir/$model-cost.json" -o /dev/null
  echo "JSON report: $out_dir/$model-cost.json"
done

for model in resnet50 mobilenet_v2; do
  echo
  echo "=== $model: native code, checked against the reference evaluator ==="
  "$build_dir/bin/nas-run" "$out_dir/$model.mlir" --repeat=5 --check
done
