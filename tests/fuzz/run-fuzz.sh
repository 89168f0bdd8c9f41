#!/bin/sh
# Fuzzes the ingest path for a while (default 60 s) with libFuzzer under ASan+UBSan.
#   tests/fuzz/run-fuzz.sh [SECONDS]
# Builds build/fuzz with clang; new interesting inputs land in build/fuzz/corpus-new (copy the
# useful ones to tests/fuzz/corpus/ by hand); crashes are written to build/fuzz/crash-*.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/fuzz"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
      -DCMAKE_CXX_COMPILER=clang++ -DMWB_FUZZ=ON -DMWB_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target mwb_fuzz_ingest
mkdir -p "$build/corpus-new"
cd "$build"
exec ./tests/fuzz/mwb_fuzz_ingest -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
     "$build/corpus-new" "$root/tests/fuzz/corpus"
