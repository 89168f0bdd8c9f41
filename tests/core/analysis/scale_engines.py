#!/usr/bin/env python3
"""docs/scale.md, run for real: `mwb export` NDJSON loaded into a ClickHouse server started here on
loopback (Debian 12's clickhouse-server 18.16) and read by DuckDB (@duckdb/node-api, installed by
scripts/install-deps.sh), the SQL blocks of docs/scale.md run in both, and the answers compared
with `mwb analyze --json --sessions --messages` on the same logs.

usage: scale_engines.py MWB MWB_LOGGEN DOCS_SCALE_MD
Environment: MWB_DUCKDB_DIR (default /usr/local/lib/mwb-duckdb), CLICKHOUSE_SERVER / CLICKHOUSE_CLIENT.
"""
import collections, json, os, re, shutil, socket, subprocess, sys, tempfile, time

mwb, loggen, doc_path = sys.argv[1:4]
duckdb_dir = os.environ.get("MWB_DUCKDB_DIR", "/usr/local/lib/mwb-duckdb")
ch_server = os.environ.get("CLICKHOUSE_SERVER", shutil.which("clickhouse-server") or "/usr/sbin/clickhouse-server")
ch_client = os.environ.get("CLICKHOUSE_CLIENT", shutil.which("clickhouse-client") or "/usr/bin/clickhouse-client")
failures = []


def check(ok, what):
    print(("PASS: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def blocks(doc):
    """The SQL block after each <!-- test:NAME --> marker."""
    out = {}
    for m in re.finditer(r"<!-- test:([a-z-]+) -->\s*```sql\n(.*?)```", doc, re.S):
        out[m.group(1)] = m.group(2)
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


work = tempfile.mkdtemp(prefix="mwb-scale-")
server = None
try:
    doc = open(doc_path, encoding="utf-8").read()
    sql = blocks(doc)
    needed = ["clickhouse-schema", "clickhouse-outcomes", "clickhouse-finding-sessions", "clickhouse-journey",
              "duckdb-outcomes", "duckdb-finding-sessions", "duckdb-journey"]
    missing = [n for n in needed if n not in sql]
    if missing:
        sys.exit(f"FAIL: docs/scale.md lacks the blocks {missing}")

    # Logs with faults on three servers (tracking logs too, so messages have journeys).
    logs = os.path.join(work, "logs")
    subprocess.run([loggen, "--out", logs, "--seed", "777", "--servers", "EX01,EX02,EDGE01", "--sessions", "400",
                    "--exchange", "2016"], check=True, stdout=subprocess.DEVNULL)
    analysis = json.loads(subprocess.run([mwb, "analyze", "--json", "--sessions", "--messages", logs],
                                         check=True, capture_output=True).stdout)
    for what in ("sessions", "messages", "findings"):
        with open(os.path.join(work, f"{what}.ndjson"), "wb") as f:
            subprocess.run([mwb, "export", "--format", "ndjson", "--what", what, logs], check=True, stdout=f)

    sessions, messages, findings = analysis["sessions"], analysis["messages"], analysis["findings"]
    check(len(sessions) == analysis["totals"]["sessions"] and len(sessions) > 100, f"{len(sessions)} sessions")
    expected_outcomes = sorted(collections.Counter((s["server"], s["outcome"]) for s in sessions).items())
    # The finding with the most sessions, and the message with the most hops.
    failing = [f for f in findings if f["severity"] in ("error", "warning") and f["sessions"]] or findings
    finding = max(failing, key=lambda f: len(f["sessions"]))
    by_id = collections.Counter(s["id"] for s in sessions)
    expected_finding_rows = sum(by_id[i] for i in finding["sessions"])
    check(expected_finding_rows > 0, f"finding {finding['rule']} has {expected_finding_rows} sessions")
    message = max(messages, key=lambda m: len(m["hops"]))
    # Hops with the same time may come in any order from ORDER BY hopTime: compared as sorted lists.
    expected_journey = sorted((h["time"], h["server"], h["event"]) for h in message["hops"])
    check(len(expected_journey) >= 2, f"message {message['messageId']} has {len(expected_journey)} hops")

    def specialise(q):
        return (q.replace("'exchange-auth-failed'", "'" + finding["rule"].replace("'", "''") + "'")
                 .replace("'<message@example.com>'", "'" + message["messageId"].replace("'", "''") + "'"))

    # --- ClickHouse ------------------------------------------------------------------------------
    tcp, http = free_port(), free_port()
    chdir = os.path.join(work, "clickhouse")
    os.makedirs(chdir)
    with open(os.path.join(chdir, "config.xml"), "w") as f:
        f.write(f"""<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>{tcp}</tcp_port>
  <http_port>{http}</http_port>
  <path>{chdir}/data/</path>
  <tmp_path>{chdir}/tmp/</tmp_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <max_concurrent_queries>8</max_concurrent_queries>
</yandex>""")
    with open(os.path.join(chdir, "users.xml"), "w") as f:
        f.write("""<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>1000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>""")
    if not os.access(ch_server, os.X_OK):
        sys.exit(f"FAIL: {ch_server} not found: run scripts/install-deps.sh (Debian 12 package clickhouse-server)")
    server = subprocess.Popen([ch_server, f"--config-file={chdir}/config.xml"], cwd=chdir,
                              stdout=open(os.path.join(chdir, "server.log"), "w"), stderr=subprocess.STDOUT)

    def ch(query, stdin=None):
        r = subprocess.run([ch_client, "--host", "127.0.0.1", "--port", str(tcp), "--input_format_skip_unknown_fields=1",
                            "--multiquery", "--query", query, "--format", "TSV"],
                           stdin=stdin, capture_output=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError(f"clickhouse: {r.stderr.decode(errors='replace')[:2000]}\nquery: {query}")
        return [line.split("\t") for line in r.stdout.decode().splitlines()]

    deadline = time.time() + 20
    while True:
        try:
            ch("SELECT 1")
            break
        except RuntimeError:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("FAIL: clickhouse-server did not start: " + open(os.path.join(chdir, "server.log")).read()[-2000:])
            time.sleep(0.2)
    print("clickhouse " + ch("SELECT version()")[0][0])
    for statement in [s for s in sql["clickhouse-schema"].split(";") if s.strip()]:
        ch(statement)
    for what, table in (("sessions", "mwb_sessions"), ("messages", "mwb_messages"), ("findings", "mwb_findings")):
        with open(os.path.join(work, f"{what}.ndjson"), "rb") as f:
            ch(f"INSERT INTO {table} FORMAT JSONEachRow", stdin=f)
    counts = ch("SELECT (SELECT count() FROM mwb_sessions), (SELECT count() FROM mwb_messages), (SELECT count() FROM mwb_findings)")[0]
    check([int(c) for c in counts] == [len(sessions), len(messages), len(findings)],
          f"clickhouse rows {counts} = analyze {len(sessions)}, {len(messages)}, {len(findings)}")
    got = sorted(((r[0], r[1]), int(r[2])) for r in ch(sql["clickhouse-outcomes"]))
    check(got == expected_outcomes, f"clickhouse sessions per outcome per server: {got[:6]}…")
    rows = ch(specialise(sql["clickhouse-finding-sessions"]))
    check(len(rows) == expected_finding_rows and all(r[0] == finding["rule"] for r in rows),
          f"clickhouse failing sessions of {finding['rule']}: {len(rows)} (analyze: {expected_finding_rows})")
    rows = ch(specialise(sql["clickhouse-journey"]))
    got = [(r[1], r[2], r[3]) for r in rows]
    check(sorted(got) == expected_journey and got == sorted(got, key=lambda h: h[0]),
          f"clickhouse journey of {message['messageId']}: {[(h[1], h[2]) for h in got]}")
    # DateTime plus milliseconds: the first session's start survives both columns.
    first = min((s for s in sessions if s["start"]), key=lambda s: s["start"])
    row = ch(f"SELECT formatDateTime(start_time, '%Y-%m-%dT%H:%M:%S'), start_ms FROM mwb_sessions "
             f"WHERE id = '{first['id']}' AND start = '{first['start']}' LIMIT 1")
    check(row and f"{row[0][0]}.{int(row[0][1]):03d}Z" == first["start"], f"clickhouse start_time + start_ms = {first['start']}: {row}")

    # --- DuckDB --------------------------------------------------------------------------------
    if not os.path.isdir(os.path.join(duckdb_dir, "node_modules", "@duckdb", "node-api")):
        sys.exit(f"FAIL: @duckdb/node-api not installed in {duckdb_dir}: run scripts/install-deps.sh")
    runner = os.path.join(work, "duck.mjs")
    with open(runner, "w") as f:
        f.write("""
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const [dir, queriesFile] = process.argv.slice(2);
const require = createRequire(dir + '/');
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);
const queries = JSON.parse((await import('node:fs')).readFileSync(queriesFile, 'utf8'));
const con = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
const out = {};
for (const [name, q] of Object.entries(queries)) {
  const reader = await con.runAndReadAll(q);
  out[name] = reader.getRowsJS().map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v)));
}
console.log(JSON.stringify(out));
""")
    queries = {n: specialise(sql[n]) for n in ("duckdb-outcomes", "duckdb-finding-sessions", "duckdb-journey")}
    queries["counts"] = ("SELECT (SELECT count(*) FROM read_json('sessions.ndjson', format = 'newline_delimited')), "
                         "(SELECT count(*) FROM read_json('messages.ndjson', format = 'newline_delimited')), "
                         "(SELECT count(*) FROM read_json('findings.ndjson', format = 'newline_delimited'))")
    with open(os.path.join(work, "queries.json"), "w") as f:
        json.dump(queries, f)
    r = subprocess.run(["node", runner, duckdb_dir, os.path.join(work, "queries.json")], cwd=work,
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        sys.exit("FAIL: duckdb: " + r.stderr.decode(errors="replace")[-2000:])
    duck = json.loads(r.stdout)
    check(duck["counts"][0] == [len(sessions), len(messages), len(findings)], f"duckdb rows {duck['counts'][0]}")
    got = sorted(((r[0], r[1]), r[2]) for r in duck["duckdb-outcomes"])
    check(got == expected_outcomes, f"duckdb sessions per outcome per server: {got[:6]}…")
    rows = duck["duckdb-finding-sessions"]
    check(len(rows) == expected_finding_rows, f"duckdb failing sessions of {finding['rule']}: {len(rows)}")
    got = [(r[1], r[2], r[3]) for r in duck["duckdb-journey"]]
    check(sorted(got) == expected_journey and got == sorted(got, key=lambda h: h[0]),
          f"duckdb journey of {message['messageId']}: {[(h[1], h[2]) for h in got]}")
finally:
    if server:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    shutil.rmtree(work, ignore_errors=True)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
