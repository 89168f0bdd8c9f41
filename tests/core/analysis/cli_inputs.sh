#!/usr/bin/env bash
# mwb analyze with inputs that are not plain files, and with more files than descriptors:
#   1. 2,000 files in a folder under `ulimit -n 256` (every loaded file used to stay open: crash)
#   2. a named pipe given as a path: refused at once, exit 3, no hang
#   3. standard input (`-`) and process substitution (/dev/fd/N): read whole, nothing lost to sniffing
#   4. a FIFO inside a folder: reported, the rest loaded, exit 3
#   5. a folder that cannot be listed: reported, exit 3 (as root: run as nobody through setpriv)
# usage: cli_inputs.sh MWB SAMPLE_RECEIVE_LOG
set -uo pipefail
mwb="$1"
sample="$2"
work="$(mktemp -d)"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
passes=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; passes=$((passes + 1)); }

# One receive session per file, each with its own session id, so the sessions count is exact.
header='#Software: Microsoft Exchange Server
#Version: 15.02.1544.004
#Log-type: SMTP Receive Protocol Log
#Date: 2026-11-20T08:00:00.000Z
#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context'
write_log() {   # file index
  local id; id=$(printf '08DE%012X' "$2")
  {
    echo "$header"
    echo "2026-11-20T08:00:01.000Z,EX01\\Default EX01,$id,0,10.0.0.5:25,203.0.113.9:40000,+,,"
    echo "2026-11-20T08:00:01.001Z,EX01\\Default EX01,$id,1,10.0.0.5:25,203.0.113.9:40000,>,220 EX01 ready,"
    echo "2026-11-20T08:00:01.002Z,EX01\\Default EX01,$id,2,10.0.0.5:25,203.0.113.9:40000,<,QUIT,"
    echo "2026-11-20T08:00:01.003Z,EX01\\Default EX01,$id,3,10.0.0.5:25,203.0.113.9:40000,-,,Local"
  } > "$1"
}

# 1. More files than descriptors.
mkdir -p "$work/many/EX01"
for i in $(seq 1 2000); do write_log "$work/many/EX01/RECV$(printf %05d "$i").LOG" "$i"; done
out=$( (ulimit -n 256; exec "$mwb" analyze --json "$work/many") 2>"$work/err"); rc=$?
if [ "$rc" -eq 0 ] && grep -q '"sessions": 2000' <<<"$out" && grep -q '"files": 2000' <<<"$out"; then
  pass "2000 files under ulimit -n 256"
else
  fail "2000 files under ulimit -n 256: exit $rc; $(tail -c 400 "$work/err"); $(grep -m3 '"sessions"\|"files"' <<<"$out")"
fi

# 2. A named pipe as a path: nobody writes to it; opening it would wait forever.
mkfifo "$work/pipe.log"
start=$(date +%s%N)
out=$(timeout 10 "$mwb" analyze --json "$work/pipe.log" 2>&1); rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$rc" -eq 3 ] && [ "$ms" -lt 2000 ] && grep -q 'named pipe' <<<"$out"; then
  pass "FIFO path refused in ${ms} ms"
else
  fail "FIFO path: exit $rc after ${ms} ms: $(head -c 400 <<<"$out")"
fi

# 3. Standard input and process substitution lose nothing to format sniffing.
out=$("$mwb" analyze --json --sessions - < "$sample" 2>&1); rc=$?
# The totals' session count ("sessions": N; findings list theirs as arrays).
expected=$("$mwb" analyze --json "$sample" | grep -o '"sessions": [0-9][0-9]*' | head -1)
if [ -n "$expected" ] && [ "$rc" -eq 0 ] && grep -qF '"path": "(standard input)"' <<<"$out" && grep -qF "$expected" <<<"$out"; then
  pass "standard input ($expected)"
else
  fail "standard input: exit $rc, expected $expected: $(head -c 600 <<<"$out")"
fi
out=$("$mwb" analyze --json <(cat "$sample") 2>&1); rc=$?
if [ "$rc" -eq 0 ] && grep -qF "$expected" <<<"$out" && grep -q '"format": "smtp-receive"' <<<"$out"; then
  pass "process substitution"
else
  fail "process substitution: exit $rc: $(head -c 600 <<<"$out")"
fi

# 4. A FIFO inside a folder is reported and skipped; the log beside it loads.
mkdir -p "$work/mixed"
write_log "$work/mixed/RECV1.LOG" 1
mkfifo "$work/mixed/zz-pipe"
out=$(timeout 10 "$mwb" analyze --json "$work/mixed" 2>&1); rc=$?
if [ "$rc" -eq 3 ] && grep -q 'named pipe' <<<"$out" && grep -q '"sessions": 1' <<<"$out"; then
  pass "FIFO in a folder skipped"
else
  fail "FIFO in a folder: exit $rc: $(head -c 600 <<<"$out")"
fi

# 5. A folder that cannot be listed. Root lists everything, so the check runs as nobody then.
mkdir -p "$work/locked/readable" "$work/locked/secret"
write_log "$work/locked/readable/RECV1.LOG" 1
write_log "$work/locked/secret/RECV2.LOG" 2
chmod 000 "$work/locked/secret"
chmod 755 "$work" "$work/locked" "$work/locked/readable"
chmod 644 "$work/locked/readable/RECV1.LOG"
runner=()
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null 2>&1; then
    runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  else
    echo "SKIP: unreadable folder (root without setpriv)"
  fi
fi
if [ "$(id -u)" -ne 0 ] || [ ${#runner[@]} -gt 0 ]; then
  out=$(cd / && HOME=/tmp "${runner[@]}" "$mwb" analyze --json "$work/locked" 2>&1); rc=$?
  if [ "$rc" -eq 3 ] && grep -q 'cannot be read' <<<"$out" && grep -q '"sessions": 1' <<<"$out"; then
    pass "unreadable folder reported"
  else
    fail "unreadable folder: exit $rc: $(head -c 600 <<<"$out")"
  fi
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
