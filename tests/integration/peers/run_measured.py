#!/usr/bin/env python3
"""usage: run_measured.py OUTFILE -- COMMAND...
Runs COMMAND with its standard output in OUTFILE and prints one JSON line:
{"rc": exit status, "maxrss_kb": peak resident set of the command, "wall_ms": wall time}."""
import json
import resource
import subprocess
import sys
import time

out_path = sys.argv[1]
cmd = sys.argv[sys.argv.index("--") + 1:]
start = time.monotonic()
with open(out_path, "wb") as out:
    rc = subprocess.run(cmd, stdout=out).returncode
wall = (time.monotonic() - start) * 1000
print(json.dumps({"rc": rc, "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "wall_ms": int(wall)}), flush=True)
