#!/bin/sh
# Output identity check for performance work: runs two mwb binaries on the same inputs and compares
# `mwb analyze --json --sessions --messages` byte for byte, and `mwb stats --json` without its
# measurements (wall_ms, mb_per_s, peak_rss_mb, rss_anon_mb, threads).
#   tests/bench/compare_outputs.sh OLD_MWB NEW_MWB [PATH...]
# PATH defaults to resources/samples (each server folder and the whole folder). Exit 0 when every
# output is identical, 1 otherwise (the differing outputs are left in $TMPDIR/mwb-compare.*).
set -eu
[ $# -ge 2 ] || { echo "usage: $0 OLD_MWB NEW_MWB [PATH...]" >&2; exit 2; }
old=$1
new=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -eq 0 ]; then
  set -- "$root/resources/samples"
  for d in "$root"/resources/samples/*/; do set -- "$@" "${d%/}"; done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/mwb-compare.XXXXXX")
strip='import json,sys
o=json.load(sys.stdin)
for k in ("wall_ms","mb_per_s","peak_rss_mb","rss_anon_mb","threads"): o.pop(k,None)
print(json.dumps(o,sort_keys=True))'
status=0
n=0
for p in "$@"; do
  n=$((n + 1))
  for which in old new; do
    eval bin=\$$which
    # Exit codes are compared too: they are part of the contract.
    rc=0; "$bin" analyze --json --sessions --messages "$p" > "$work/$n.analyze.$which" 2>/dev/null || rc=$?
    echo "exit $rc" >> "$work/$n.analyze.$which"
    rc=0; "$bin" stats --json "$p" 2>/dev/null | python3 -c "$strip" > "$work/$n.stats.$which" || rc=$?
    echo "exit $rc" >> "$work/$n.stats.$which"
  done
  for what in analyze stats; do
    if cmp -s "$work/$n.$what.old" "$work/$n.$what.new"; then
      echo "same      $what $p ($(wc -c < "$work/$n.$what.new") bytes)"
    else
      echo "DIFFERENT $what $p (see $work/$n.$what.old / .new)"
      status=1
    fi
  done
done
[ $status -ne 0 ] || rm -rf "$work"
exit $status
