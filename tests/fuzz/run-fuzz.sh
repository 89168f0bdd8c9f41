#!/bin/sh
# Fuzzes the ingest path and the protocol parsers for a while (default 60 s in all) with libFuzzer
# under ASan+UBSan: two thirds of the time to mwb_fuzz_ingest (log, export and paste readers), one
# third to mwb_fuzz_protocol (SMTP replies, EHLO capabilities, DNS messages, the escaper and the
# CSV writer their text goes through).
#   tests/fuzz/run-fuzz.sh [SECONDS]
# Builds only the two targets and the libraries they link in build/fuzz with clang. New interesting
# inputs land in build/fuzz/corpus-new and build/fuzz/corpus-protocol-new (copy the useful ones to
# tests/fuzz/corpus/ or corpus-protocol/ by hand); a crash, hang, out-of-memory or sanitizer report
# is written to build/fuzz/artifacts/ (ingest) or build/fuzz/artifacts-protocol/ and the script
# exits non-zero naming the file (scripts/test.sh runs it in CI). Both targets always run.
# Reproduce one: build/fuzz/tests/fuzz/mwb_fuzz_ingest build/fuzz/artifacts/crash-<sha1>
#           or   build/fuzz/tests/fuzz/mwb_fuzz_protocol build/fuzz/artifacts-protocol/crash-<sha1>
set -eu
seconds=${1:-60}
protocol_seconds=$((seconds / 3))
ingest_seconds=$((seconds - protocol_seconds))
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/fuzz"
# Only these targets and the libraries they link are built (a few minutes on 2 cores); -Werror
# follows the CI variable as in every build, so clang-only warnings show up here too.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DMWB_FUZZ=ON -DMWB_SANITIZE=ON >/dev/null
cmake --build "$build" -j2 --target mwb_fuzz_ingest mwb_fuzz_protocol
mkdir -p "$build/corpus-new" "$build/artifacts" "$build/corpus-protocol-new" "$build/artifacts-protocol"
cd "$build"
# Sanitizer reports end the run (halt_on_error) so that CI fails on the first one.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
if [ "$ingest_seconds" -gt 0 ]; then
  ./tests/fuzz/mwb_fuzz_ingest -max_total_time="$ingest_seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
      "$build/corpus-new" "$root/tests/fuzz/corpus" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "run-fuzz: ingest FAILED (exit $status); inputs that broke the ingest path:" >&2
    ls -1 "$build"/artifacts/* 2>/dev/null | sed 's/^/run-fuzz:   /' >&2 || true
  fi
fi
protocol_status=0
if [ "$protocol_seconds" -gt 0 ]; then
  ./tests/fuzz/mwb_fuzz_protocol -max_total_time="$protocol_seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts-protocol/" \
      "$build/corpus-protocol-new" "$root/tests/fuzz/corpus-protocol" || protocol_status=$?
  if [ "$protocol_status" -ne 0 ]; then
    echo "run-fuzz: protocol FAILED (exit $protocol_status); inputs that broke the protocol parsers:" >&2
    ls -1 "$build"/artifacts-protocol/* 2>/dev/null | sed 's/^/run-fuzz:   /' >&2 || true
  fi
fi
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$protocol_status" -ne 0 ]; then
  exit "$protocol_status"
fi
echo "run-fuzz: ${ingest_seconds} s ingest + ${protocol_seconds} s protocol without a crash or sanitizer report"
