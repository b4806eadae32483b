#!/usr/bin/env bash
# Installs the Debian 12 packages that the benchmark harness needs beyond
# scripts/install-deps.sh: oneDNN for the layer baseline, python3-onnx and
# numpy for the ONNX models with weights, Node.js and npm for ONNX Runtime.
set -euo pipefail

packages=(libdnnl-dev python3-onnx python3-numpy)
# Node.js may come from another source than Debian, so Debian's nodejs and
# npm are added only when the node or npm command is missing.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "benchmarks/install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "benchmarks/install-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
  "${missing[@]}"
