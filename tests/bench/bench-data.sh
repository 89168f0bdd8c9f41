# Sourced by the benchmark scripts (after `set -eu` and `target=...`): builds build/bench in Release
# unless MWB names an mwb already, and generates the run-bench.sh data once per target size
# (mwb-loggen seed 2026, EX01/EX02/EDGE01, TARGET of protocol logs + 200 MB of tracking logs).
# Sets root, build, MWB, loggen (MWB_LOGGEN overrides) and data.
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/bench"
if [ -z "${MWB:-}" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target mwb mwb-loggen
  MWB="$build/app/mwb"
fi
loggen="${MWB_LOGGEN:-$build/tests/tools/mwb-loggen}"
data="$build/data"
if [ ! -f "$build/.data-done-$target-200M" ]; then
  rm -rf "$data"
  "$loggen" --out "$data" --seed 2026 --servers EX01,EX02,EDGE01 \
      --target-bytes "$target" --tracking-bytes 200M --multiline-ehlo --manifest "$build/manifest.json"
  touch "$build/.data-done-$target-200M"
fi
