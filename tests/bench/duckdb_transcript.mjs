// DuckDB doing the work a full `mwb analyze --json` is compared with (issue #27): every protocol-log
// row loaded into a table, then one transcript per session (string_agg of the lines in sequence
// order). usage: node duckdb_transcript.mjs THREADS FILE...   → prints one JSON line
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, ...files] = process.argv.slice(2);
const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await instance.connect();
await con.run(`
  CREATE TABLE lines AS
    SELECT * FROM read_csv([${list}], skip = 5, header = false, delim = ',', quote = '"', escape = '"',
                           null_padding = true, ignore_errors = true,
                           columns = {'ts': 'VARCHAR', 'connector': 'VARCHAR', 'session_id': 'VARCHAR', 'seq': 'VARCHAR',
                                      'local': 'VARCHAR', 'remote': 'VARCHAR', 'event': 'VARCHAR', 'data': 'VARCHAR',
                                      'context': 'VARCHAR'})`);
const loadedMs = performance.now() - t0;
const reader = await con.runAndReadAll(`
  SELECT count(*) AS sessions, sum(n) AS lines, sum(length(transcript)) AS chars FROM (
    SELECT session_id, count(*) AS n,
           string_agg(concat_ws(' ', ts, event, data, context), chr(10) ORDER BY TRY_CAST(seq AS INTEGER)) AS transcript
    FROM lines GROUP BY session_id)`);
const row = reader.getRowObjects()[0];
console.log(JSON.stringify({ sessions: Number(row.sessions), lines: Number(row.lines), chars: Number(row.chars),
                             loadMs: Math.round(loadedMs), ms: Math.round(performance.now() - t0) }));
