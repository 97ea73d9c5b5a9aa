import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { baselineRecord } from './baselineRecord';
import { READY, STATS, exitWhenParentLetsGo } from './child';

/**
 * Bench child: the floor the gateway is compared with. A bare node:http server that reads the JSON
 * body, builds one record of about BENCH_ROW_BYTES of JSON (the size of the case the gateway returns),
 * INSERTs it with better-sqlite3 in a transaction on a file opened with the gateway's pragmas (WAL,
 * synchronous=FULL, foreign_keys, busy_timeout), and answers `{ ok, data: record }`. No auth, no
 * validation, no idempotency, no ORM: one parse, one durable insert, one reply.
 */
const rowBytes = Math.max(0, Number(process.env.BENCH_ROW_BYTES) || 1500);
const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_TMP || os.tmpdir(), 'wuye-bench-base-'));
const db = new Database(path.join(dataDir, 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.exec(`CREATE TABLE records (
  id TEXT PRIMARY KEY, household_id TEXT NOT NULL, kind TEXT NOT NULL, request_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, data_json TEXT NOT NULL)`);
const insert = db.prepare('INSERT INTO records (id, household_id, kind, request_id, created_at, data_json) VALUES (?, ?, ?, ?, ?, ?)');
const save = db.transaction((r: { id: string; householdId: string; kind: string; requestId: string; createdAt: number }, json: string) =>
  insert.run(r.id, r.householdId, r.kind, r.requestId, r.createdAt, json),
);

let inserts = 0;
let sqlMs = 0;

const record = (body: Record<string, unknown>) => baselineRecord(body, rowBytes);

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let status = 200;
    let text: string;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const r = record(body);
      const json = JSON.stringify(r);
      const t0 = performance.now();
      save(r, json);
      sqlMs += performance.now() - t0;
      inserts++;
      text = `{"ok":true,"data":${json}}`;
    } catch (e) {
      status = 400;
      text = JSON.stringify({ ok: false, error: { code: 'INPUT.INVALID', message: String(e) } });
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  exitWhenParentLetsGo(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.close();
    // One INSERT in one transaction per request: one statement, one durable commit.
    process.stdout.write(`${STATS} ${JSON.stringify({ statements: inserts, writeCommits: inserts, cases: inserts, sqlMs, commitMs: NaN })}\n`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  process.stdout.write(`${READY} http://127.0.0.1:${port}\n`);
});
