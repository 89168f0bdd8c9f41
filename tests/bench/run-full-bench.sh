#!/bin/sh
# The full analysis against its peer (issue #27 points 2 and 3): wall time and peak RssAnon of
# `mwb analyze --json` over the run-bench.sh data (1 GiB of protocol logs + 200 MB of tracking logs),
# and DuckDB loading every protocol-log row into a table and building one transcript per session
# (tests/bench/duckdb_transcript.mjs), in the same run. CPU times from /usr/bin/time.
#   tests/bench/run-full-bench.sh [TARGET_BYTES (default 1G)]
# MWB=path uses that mwb instead of building build/bench (Release); MWB_BEFORE=path runs the same
# rows with a second binary (an older commit) as well. Data as run-bench.sh (mwb-loggen, seed 2026).
set -eu
target=${1:-1G}
. "$(dirname "$0")/bench-data.sh"
mkdir -p "$build/duckdb"
cp "$root/tests/bench/package.json" "$root/tests/bench/duckdb_transcript.mjs" "$build/duckdb/"
(cd "$build/duckdb" && npm install --no-audit --no-fund >/dev/null)
peak="$root/tests/bench/peak_rss_anon.py"
echo "input: $(du -sh "$data" | cut -f1) in $(find "$data" -type f | wc -l) files; load average $(cut -d' ' -f1-3 /proc/loadavg)"
protocol=$(find "$data" -path '*ProtocolLog*' -name '*.LOG' | sort)
# shellcheck disable=SC2086
python3 "$peak" -- node "$build/duckdb/duckdb_transcript.mjs" 2 $protocol | sed 's/"command": "[^"]*", //'
# shellcheck disable=SC2086
/usr/bin/time -f "DuckDB full table + transcript: CPU %U s user + %S s sys, wall %e s" \
    node "$build/duckdb/duckdb_transcript.mjs" 2 $protocol
for mwb in ${MWB_BEFORE:-} "$MWB"; do
  echo "== $mwb"
  python3 "$peak" -- "$mwb" analyze --json "$data" | sed 's/"command": "[^"]*", //'
  /usr/bin/time -f "mwb analyze --json: CPU %U s user + %S s sys, wall %e s" "$mwb" analyze --json "$data" > /dev/null
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
