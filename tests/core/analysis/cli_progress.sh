#!/usr/bin/env bash
# `mwb analyze` shows load progress on standard error only when it is a terminal (issue #27):
# through a pseudo-terminal (script(1)) the progress line appears; redirected, stderr stays empty.
# usage: cli_progress.sh MWB PATH
set -uo pipefail
mwb="$1"
path="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
"$mwb" analyze "$path" >"$work/out" 2>"$work/err"; rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$work/err" ] && grep -q '^Findings: ' "$work/out"; then
  echo "PASS: stderr redirected: no progress"
else
  echo "FAIL: stderr redirected: exit $rc, stderr '$(head -c 300 "$work/err")'"; failures=$((failures + 1))
fi
if ! command -v script >/dev/null 2>&1; then
  echo "FAIL: script(1) (util-linux) is needed for the terminal half"; exit 1
fi
# script gives the command a terminal for stdin/stdout/stderr; stdout goes to a file inside.
script -qec "'$mwb' analyze '$path' > '$work/out2'" "$work/tty" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 0 ] && grep -q 'mwb: reading .* (100 %)' "$work/tty" && ! grep -q 'mwb: reading' "$work/out2"; then
  echo "PASS: on a terminal: progress on stderr, not in the output"
else
  echo "FAIL: on a terminal: exit $rc, terminal '$(head -c 300 "$work/tty" | cat -v)'"; failures=$((failures + 1))
fi
[ "$failures" -eq 0 ]
