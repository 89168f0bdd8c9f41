#!/bin/sh
# Benchmark: 1 GiB of protocol logs (>= 2,000,000 sessions, TLS, multi-line EHLO) + 200 MB of
# tracking logs from mwb-loggen, then mwb stats vs wc -l vs DuckDB (@duckdb/node-api) in one run.
#   tests/bench/run-bench.sh [TARGET_BYTES (default 1G)] [TRACKING_BYTES (default 200M)]
# Builds build/bench (Release), installs DuckDB from npm into build/bench/duckdb, writes the data to
# build/bench/data, prints the Markdown table (copy it into docs/benchmarks.md).
# MWB_BENCH_GUI_MB=N sets how many MB of protocol logs the in-process GUI-style load (LoadJob with a
# heartbeat) reads (default 200; 1100 takes the whole 1 GiB).
set -eu
target=${1:-1G}
tracking=${2:-200M}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target mwb mwb-loggen mwb-bench
mkdir -p "$build/duckdb"
cp "$root/tests/bench/package.json" "$root/tests/bench/duckdb_groupby.mjs" "$build/duckdb/"
(cd "$build/duckdb" && npm install --no-audit --no-fund >/dev/null)
if [ ! -f "$build/.data-done-$target-$tracking" ]; then
  rm -rf "$build/data"
  "$build/tests/tools/mwb-loggen" --out "$build/data" --seed 2026 --servers EX01,EX02,EDGE01 \
      --target-bytes "$target" --tracking-bytes "$tracking" --multiline-ehlo --manifest "$build/manifest.json"
  touch "$build/.data-done-$target-$tracking"
fi
# One big file (the EX01 receive logs concatenated, header blocks repeat inside): ranges in parallel.
mkdir -p "$build/bigfile"
if [ ! -f "$build/bigfile/.done-$target" ]; then
  find "$build/data/EX01" -name 'RECV*.LOG' | sort | xargs cat > "$build/bigfile/RECV2026112100-1.LOG"
  touch "$build/bigfile/.done-$target"
fi
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/tests/bench/mwb-bench" --data "$build/data" --mwb "$build/app/mwb" --duckdb-dir "$build/duckdb" --threads 2 \
    --big-file "$build/bigfile/RECV2026112100-1.LOG" --gui-subset-mb "${MWB_BENCH_GUI_MB:-200}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
