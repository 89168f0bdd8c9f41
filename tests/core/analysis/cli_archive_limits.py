#!/usr/bin/env python3
"""Bounded archives (issue #27): junk and bombs are reported (exit 3) within bounded memory.
  1. a zip with three members of JUNK_MB (default 1024) MB each of one byte, no line break
  2. a gzip bomb: 2 GiB of zeros in ~2 MB (concatenated gzip members)
  3. a zip with three members of incompressible junk without line breaks (cut at 1 MiB each)
  4. the budget: MWB_MAX_UNCOMPRESSED below an archive's size stops it and names the member
The archives are written a block at a time (never whole in memory or on disk uncompressed).
usage: cli_archive_limits.py MWB SAMPLE_RECEIVE_LOG [JUNK_MB]
"""
import gzip, json, os, random, shutil, subprocess, sys, tempfile, time, zipfile, zlib

mwb, sample = sys.argv[1], sys.argv[2]
junk_mb = int(sys.argv[3]) if len(sys.argv) > 3 else 1024
limit = 1 << 30   # the acceptance: within 1 GB
failures = []
work = tempfile.mkdtemp(prefix="mwb-archives-")


def check(ok, what):
    print(("PASS: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def peak_of(args, env=None):
    """Exit status, JSON, peak RSS bytes and seconds of one mwb analyze --json run."""
    start = time.time()
    p = subprocess.Popen([mwb, "analyze", "--json", args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=dict(os.environ, MWB_NO_HUGEPAGES="1", **(env or {})))
    chunks = []
    while True:
        c = p.stdout.read(1 << 16)
        if not c:
            break
        chunks.append(c)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, json.loads(b"".join(chunks) or b"{}"), usage.ru_maxrss * 1024, time.time() - start


def errors_of(doc):
    return [e["message"] for f in doc.get("files", []) for e in f.get("errors", [])]


try:
    # 1. Three members of one repeated byte without a line break.
    path = os.path.join(work, "junk.zip")
    block = b"A" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(3):
            with z.open(f"EX0{i + 1}/RECV{i}.LOG", "w", force_zip64=True) as m:
                for _ in range(junk_mb):
                    m.write(block)
    rc, doc, peak, secs = peak_of(path)
    errors = errors_of(doc)
    check(rc == 3 and peak <= limit and any("bomb or junk" in e or "line break" in e for e in errors),
          f"zip of 3 x {junk_mb} MB junk ({os.path.getsize(path) >> 10} KiB): exit {rc}, peak {peak >> 20} MiB, "
          f"{secs:.1f} s: {errors[:2]}")

    # 2. Gzip bombs: one 64 MiB member repeated 32 times (gzip allows concatenated members), of
    # zeros (libarchive takes zero blocks for the end of a tar: "holds no files") and of one letter.
    for fill, expect in ((b"\0", ("bomb", "holds no files")), (b"x", ("bomb",))):
        member = gzip.compress(fill * (64 << 20), compresslevel=9)
        path = os.path.join(work, "RECV2026.LOG.gz")
        with open(path, "wb") as f:
            for _ in range(32):
                f.write(member)
        rc, doc, peak, secs = peak_of(path)
        errors = errors_of(doc)
        check(rc == 3 and peak <= limit and any(x in e for e in errors for x in expect),
              f"gzip bomb of {fill!r} (2 GiB in {os.path.getsize(path) >> 10} KiB): exit {rc}, peak {peak >> 20} MiB, "
              f"{secs:.1f} s: {errors[:2]}")

    # 3. Incompressible junk without line breaks: each member cut to 1 MiB while unpacking.
    path = os.path.join(work, "random.zip")
    rnd = random.Random(27)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        for i in range(3):
            data = bytes(b for b in rnd.randbytes(6 << 20) if b != 10)
            z.writestr(f"junk{i}.LOG", data)
    rc, doc, peak, secs = peak_of(path)
    files = doc.get("files", [])
    check(rc == 3 and len(files) == 3 and all(f["bytes"] <= (1 << 20) for f in files)
          and all(any("line break" in e["message"] for e in f["errors"]) for f in files),
          f"3 members of random junk: exit {rc}, sizes {[f['bytes'] for f in files]}, peak {peak >> 20} MiB")

    # 4. The budget per load: a real log in a zip, twice; room for one and a half.
    size = os.path.getsize(sample)
    path = os.path.join(work, "logs.zip")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(sample, "EX01/RECV1.LOG")
        z.write(sample, "EX01/RECV2.LOG")
    rc, doc, peak, secs = peak_of(path, {"MWB_MAX_UNCOMPRESSED": str(size + size // 2)})
    errors = errors_of(doc)
    check(rc == 3 and doc["totals"]["sessions"] > 0 and any("budget" in e and "MWB_MAX_UNCOMPRESSED" in e for e in errors),
          f"budget {size + size // 2} bytes: exit {rc}, {doc.get('totals')}, {errors[:1]}")
    rc, doc, peak, secs = peak_of(path)
    check(rc == 0 and not errors_of(doc), f"default budget: exit {rc}")
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
