#!/usr/bin/env bash
# Installs the dependencies, builds nas-mlir and runs every lit test. The
# last line is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"

scripts/install-deps.sh
scripts/build.sh

log="$build_dir/check-nas.log"
status=0
/usr/lib/llvm-22/bin/lit -v "$build_dir/test" 2>&1 | tee "$log" || status=$?

passed=$(grep -cE '^(PASS|XFAIL): ' "$log" || true)
failed=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT): ' "$log" || true)
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
