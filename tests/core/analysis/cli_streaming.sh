#!/usr/bin/env bash
# `mwb analyze --json --sessions --messages` and `mwb export` stream their output (issue #27): their
# peak memory is the analysis's, not the analysis's plus a document of every session. The check
# compares each command's peak resident memory with the summary `mwb analyze --json` on the same
# generated input; the whole-document writer this replaced needed about nine times the input more.
#   cli_streaming.sh MWB MWB_LOGGEN [MEGABYTES (default 6)]
set -euo pipefail
mwb="$1"
loggen="$2"
mb="${3:-6}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$loggen" --out "$work/logs" --seed 27 --servers EX01,EX02 --target-bytes "${mb}M" --tracking-bytes 2M >/dev/null
input=$(du -sb "$work/logs" | cut -f1)
# ASan's quarantine keeps freed blocks resident (up to 256 MB), which would hide the difference; the
# huge-page restart rounds memory to 2 MiB. Neither is what is measured here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0"
export MWB_NO_HUGEPAGES=1
python3 - "$mwb" "$work/logs" "$input" <<'PY'
import os, subprocess, sys
mwb, logs, input_bytes = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run(args):
    """Peak resident memory (bytes) and output size of one mwb run; its stdout is read through a pipe."""
    p = subprocess.Popen([mwb] + args + [logs], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    size = 0
    while True:
        chunk = p.stdout.read(1 << 16)
        if not chunk:
            break
        size += len(chunk)
    _, status, usage = os.wait4(p.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"FAIL: mwb {' '.join(args)} exited {code}")
    return usage.ru_maxrss * 1024, size

base, base_out = run(["analyze", "--json"])
failures = 0
for args in (["analyze", "--json", "--sessions", "--messages"],
             ["export", "--format", "ndjson", "--what", "sessions"],
             ["export", "--format", "csv", "--what", "sessions"]):
    peak, out = run(args)
    extra = peak - base
    line = (f"mwb {' '.join(args)}: peak {peak / 2**20:.1f} MiB, summary {base / 2**20:.1f} MiB, "
            f"extra {extra / 2**20:.1f} MiB for {out / 2**20:.1f} MiB of output from {input_bytes / 2**20:.1f} MiB of logs")
    # The output is a good part of the input (JSON: twice); held whole (as UTF-16 text, or as
    # QJsonObjects: about nine times) it would add more than half the input.
    if out < input_bytes // 4:
        print("FAIL (output too small to tell): " + line)
        failures += 1
    elif extra > input_bytes // 2:
        print("FAIL: " + line)
        failures += 1
    else:
        print("PASS: " + line)
sys.exit(1 if failures else 0)
PY
