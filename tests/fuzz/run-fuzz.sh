#!/bin/sh
# Fuzzes the ingest path for a while (default 60 s) with libFuzzer under ASan+UBSan.
#   tests/fuzz/run-fuzz.sh [SECONDS]
# Builds only mwb_fuzz_ingest and the libraries it links (mwb_common, mwb_ingest, mwb_sessions) in
# build/fuzz with clang. New interesting inputs land in build/fuzz/corpus-new (copy the useful ones
# to tests/fuzz/corpus/ by hand); a crash, hang, out-of-memory or sanitizer report is written to
# build/fuzz/artifacts/ and the script exits non-zero naming the file (scripts/test.sh runs it in CI).
# Reproduce one: build/fuzz/tests/fuzz/mwb_fuzz_ingest build/fuzz/artifacts/crash-<sha1>
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/fuzz"
# Only this target and the three libraries it links are built (a few minutes on 2 cores); -Werror
# follows the CI variable as in every build, so clang-only warnings show up here too.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DMWB_FUZZ=ON -DMWB_SANITIZE=ON >/dev/null
cmake --build "$build" -j2 --target mwb_fuzz_ingest
mkdir -p "$build/corpus-new" "$build/artifacts"
cd "$build"
# Sanitizer reports end the run (halt_on_error) so that CI fails on the first one.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
./tests/fuzz/mwb_fuzz_ingest -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
    "$build/corpus-new" "$root/tests/fuzz/corpus" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run-fuzz: FAILED (exit $status); inputs that broke the ingest path:" >&2
  ls -1 "$build"/artifacts/* 2>/dev/null | sed 's/^/run-fuzz:   /' >&2 || true
  exit "$status"
fi
echo "run-fuzz: ${seconds} s without a crash or sanitizer report"
