#!/usr/bin/env python3
"""Runs a command and reports its wall time, peak RssAnon (sampled from /proc every 10 ms: anonymous
memory, mapped log files do not count) and peak RSS (VmHWM, mapped files included), as one JSON line.
Standard output of the command goes to OUT (default /dev/null), read through as it comes.
usage: peak_rss_anon.py [--out FILE] -- COMMAND...
"""
import json, os, subprocess, sys, threading, time

args = sys.argv[1:]
out = os.devnull
if args[:1] == ["--out"]:
    out, args = args[1], args[2:]
if args[:1] == ["--"]:
    args = args[1:]


def status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


start = time.monotonic()
with open(out, "wb") as sink:
    p = subprocess.Popen(args, stdout=sink)
    peak_anon = peak_hwm = 0
    done = threading.Event()

    def sample():
        global peak_anon, peak_hwm
        while not done.is_set():
            peak_anon = max(peak_anon, status_kb(p.pid, "RssAnon"))
            peak_hwm = max(peak_hwm, status_kb(p.pid, "VmHWM"))
            time.sleep(0.01)

    t = threading.Thread(target=sample)
    t.start()
    p.wait()
    done.set()
    t.join()
wall = time.monotonic() - start
print(json.dumps({"command": " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(args)),
                  "exit": p.returncode, "wall_s": round(wall, 2), "peak_rss_anon_mb": round(peak_anon / 1024, 1),
                  "peak_rss_mb": round(peak_hwm / 1024, 1),
                  "output_mb": round(os.path.getsize(out) / 2**20, 1) if out != os.devnull else None}))
