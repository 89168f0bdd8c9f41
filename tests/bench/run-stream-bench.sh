#!/bin/sh
# Streamed outputs and bounded archives (issue #27 points 4 and 5): wall time, peak RssAnon and peak
# RSS of `mwb analyze --json` (summary, and with --sessions --messages), `mwb export` (NDJSON, CSV),
# a .tar.gz of the same logs, a zip of 3 x 1 GB junk and a 2 GiB gzip bomb.
#   tests/bench/run-stream-bench.sh [TARGET_BYTES (default 1G)]
# MWB=path uses that mwb instead of building build/bench (Release); MWB_BEFORE=path runs the same
# rows with a second binary (an older commit) first. Data as run-bench.sh (mwb-loggen, seed 2026).
set -eu
target=${1:-1G}
. "$(dirname "$0")/bench-data.sh"
peak="$root/tests/bench/peak_rss_anon.py"
out="$build/stream-out"
mkdir -p "$build/archives"
# A legitimate archive of the same logs (gzip -1), a zip of 3 x 1 GB junk without line breaks, a gzip bomb.
[ -f "$build/archives/logs.tar.gz" ] || tar -C "$build" -cf - data | gzip -1 > "$build/archives/logs.tar.gz"
[ -f "$build/archives/junk.zip" ] || python3 -c "
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w', compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    for i in range(3):
        with z.open(f'EX0{i + 1}/RECV{i}.LOG', 'w', force_zip64=True) as m:
            for _ in range(1024):
                m.write(b'A' * (1 << 20))
" "$build/archives/junk.zip"
[ -f "$build/archives/bomb.LOG.gz" ] || python3 -c "
import gzip, sys
member = gzip.compress(b'x' * (64 << 20), compresslevel=9)
open(sys.argv[1], 'wb').write(member * 32)
" "$build/archives/bomb.LOG.gz"
echo "input: $(du -sh "$data" | cut -f1) in $(find "$data" -type f | wc -l) files; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for mwb in ${MWB_BEFORE:-} "$MWB"; do
  echo "== $mwb"
  python3 "$peak" -- "$mwb" analyze --json "$data"
  python3 "$peak" --out "$out" -- "$mwb" analyze --json --sessions --messages "$data"
  python3 "$peak" --out "$out" -- "$mwb" export --format ndjson --what sessions "$data"
  python3 "$peak" --out "$out" -- "$mwb" export --format csv --what sessions "$data"
  python3 "$peak" -- "$mwb" analyze --json "$build/archives/logs.tar.gz"
  python3 "$peak" -- "$mwb" analyze --json "$build/archives/junk.zip"
  python3 "$peak" -- "$mwb" analyze --json "$build/archives/bomb.LOG.gz"
done
rm -f "$out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
