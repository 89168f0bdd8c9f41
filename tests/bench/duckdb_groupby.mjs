// DuckDB doing the work `mwb stats` is compared with: read the protocol logs (5 header lines
// skipped), GROUP BY session-id with count, min/max time and the number of 4xx/5xx replies.
// usage: node duckdb_groupby.mjs THREADS FILE...   → prints one JSON line
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, ...files] = process.argv.slice(2);
const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await instance.connect();
const sql = `
  SELECT count(*) AS sessions, sum(n) AS lines, sum(errors) AS error_replies FROM (
    SELECT session_id, count(*) AS n, min(ts) AS first, max(ts) AS last,
           count(*) FILTER (WHERE regexp_matches(data, '^[45][0-9][0-9]')) AS errors
    FROM read_csv([${list}], skip = 5, header = false, delim = ',', quote = '"', escape = '"',
                  null_padding = true, ignore_errors = true,
                  columns = {'ts': 'VARCHAR', 'connector': 'VARCHAR', 'session_id': 'VARCHAR', 'seq': 'VARCHAR',
                             'local': 'VARCHAR', 'remote': 'VARCHAR', 'event': 'VARCHAR', 'data': 'VARCHAR',
                             'context': 'VARCHAR'})
    GROUP BY session_id)`;
const reader = await con.runAndReadAll(sql);
const row = reader.getRowObjects()[0];
console.log(JSON.stringify({ sessions: Number(row.sessions), lines: Number(row.lines),
                             errorReplies: Number(row.error_replies), ms: Math.round(performance.now() - t0) }));
