#!/usr/bin/env bash
# Regenerates the bundled sample logs in resources/samples/ with the project's generator
# (tests/tools/loggen). The output is deterministic: running this again gives identical files,
# which tst_loggen::bundledSamplesAreReproducible checks. Keep the arguments below,
# resources/samples.README.md and that test in step.
# The manifest (ground truth) is written beside the folder, not into it: everything inside
# resources/samples/ must be a log, so that `mwb analyze resources/samples` reads it all (exit 0).
# Usage: scripts/make-samples.sh [BUILD_DIR]   (default: build/default, configured if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/default}"
if [ ! -f "$build/build.ninja" ]; then
  if [ "$build" = "build/default" ]; then
    cmake --preset default
  else
    cmake -S . -B "$build" -G Ninja
  fi
fi
cmake --build "$build" --target mwb-loggen
gen="$build/tests/tools/mwb-loggen"

out=resources/samples
find "$out" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
"$gen" --out "$out" --manifest resources/samples.manifest.json \
  --seed 2026 --sessions 330 --start 2026-11-20T07:58:00Z --max-file-bytes 192K \
  --fault smtp-data-not-terminated --fault tls-subject-mismatch --fault exchange-auth-failed \
  --fault starttls-required --fault dns-prx2 --fault blocklisted --fault no-matching-connector \
  --fault recipient-unknown --fault session-unused
du -sh "$out"
