#!/usr/bin/env bash
# README command 2: install what is missing, build under ASan+UBSan, run every test offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset asan
cmake --build --preset asan
ctest --preset asan -j2 "$@"
