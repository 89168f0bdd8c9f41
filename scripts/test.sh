#!/usr/bin/env bash
# README command 2 (and CI, through .ci/run): install what is missing, build under ASan+UBSan, run
# every test offscreen, then fuzz for 60 s with libFuzzer (clang, build/fuzz): 40 s the ingest path,
# 20 s the protocol parsers (SMTP replies, DNS messages).
# Extra arguments go to ctest. MWB_FUZZ_SECONDS=N changes the fuzzing time, 0 skips it.
# The exit status is ctest's when ctest failed, otherwise the fuzzer's: both parts always run, so
# one CI log shows test failures and fuzzing findings together.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset asan
cmake --build --preset asan
ctest_status=0
ctest --preset asan -j2 "$@" || ctest_status=$?

fuzz_status=0
fuzz_seconds="${MWB_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != "0" ]; then
  echo "test.sh: fuzzing the ingest path and the protocol parsers for ${fuzz_seconds} s in all (tests/fuzz/run-fuzz.sh)"
  # libFuzzer prints a line per new input (thousands); they go to a log so that the end of the CI
  # output still shows which tests failed. The log's tail is printed either way.
  mkdir -p build
  tests/fuzz/run-fuzz.sh "$fuzz_seconds" > build/fuzz.log 2>&1 || fuzz_status=$?
  tail -n 15 build/fuzz.log
fi

if [ "$ctest_status" -ne 0 ]; then
  # Repeat the names of the failed tests last: CI shows only the end of a long log.
  if [ -f build/asan/Testing/Temporary/LastTestsFailed.log ]; then
    echo "test.sh: failed tests:" >&2
    sed 's/^/test.sh:   /' build/asan/Testing/Temporary/LastTestsFailed.log >&2
  fi
  echo "test.sh: ctest failed (exit $ctest_status)" >&2
  exit "$ctest_status"
fi
if [ "$fuzz_status" -ne 0 ]; then
  echo "test.sh: fuzzing found a problem (exit $fuzz_status); the input is in build/fuzz/artifacts/ or artifacts-protocol/" >&2
  exit "$fuzz_status"
fi
