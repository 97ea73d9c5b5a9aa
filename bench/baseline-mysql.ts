import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool } from 'mysql2/promise';
import { MYSQL_POOL_OPTIONS } from '../adapters/store/mysql';
import { baselineRecord } from './baselineRecord';
import { READY, STATS, exitWhenParentLetsGo } from './child';

/**
 * Bench child: the MariaDB floor §6 compares the gateway with (bench/mysqlIntake.ts). A bare node:http
 * server with a mysql2 pool made as the platform's is (adapters/store/mysql.ts: same options, 8
 * connections as local/platform.ts gives each process) on the same server and database. Per request it
 * parses the JSON body, builds one record padded to BENCH_ROW_BYTES (the size of the case the gateway
 * returns) and stores it in one transaction: BEGIN, one INSERT, COMMIT (3 round trips, one commit under
 * the server's own durability settings), then answers `{ ok, data: record }`. No sign-in, validation,
 * idempotency, ORM or outbox: one parse, one insert, one reply. Several of these run at once, like the
 * platform processes.
 */
const rowBytes = Math.max(0, Number(process.env.BENCH_ROW_BYTES) || 1500);
const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS) || 8);
const url = process.env.DB_URL;
if (!url) throw new Error('DB_URL is not set');

const pool = createPool({ uri: url, connectionLimit: connections, ...MYSQL_POOL_OPTIONS });

let inserts = 0;
let sqlMs = 0;

const record = (body: Record<string, unknown>) => baselineRecord(body, rowBytes);

async function save(r: ReturnType<typeof record>, json: string) {
  const conn = await pool.getConnection();
  try {
    await conn.query('BEGIN');
    try {
      await conn.query('INSERT INTO baseline_records (id, household_id, kind, request_id, created_at, data_json) VALUES (?, ?, ?, ?, ?, ?)', [
        r.id,
        r.householdId,
        r.kind,
        r.requestId,
        r.createdAt,
        json,
      ]);
      await conn.query('COMMIT');
    } catch (e) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    conn.release();
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    let r: ReturnType<typeof record>;
    try {
      r = record(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
    } catch (e) {
      return reply(400, JSON.stringify({ ok: false, error: { code: 'INPUT.INVALID', message: String(e) } }));
    }
    const json = JSON.stringify(r);
    const t0 = performance.now();
    save(r, json).then(
      () => {
        sqlMs += performance.now() - t0;
        inserts++;
        reply(200, `{"ok":true,"data":${json}}`);
      },
      (e: unknown) => reply(500, JSON.stringify({ ok: false, error: { code: 'STORE.FAILED', message: String(e) } })),
    );
  });
});

async function main() {
  await pool.query(`CREATE TABLE IF NOT EXISTS baseline_records (
    id VARCHAR(64) NOT NULL PRIMARY KEY, household_id VARCHAR(64) NOT NULL, kind VARCHAR(32) NOT NULL,
    request_id VARCHAR(191) NOT NULL, created_at BIGINT NOT NULL, data_json MEDIUMTEXT NOT NULL
  ) ENGINE=InnoDB`);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    exitWhenParentLetsGo(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
      // BEGIN, INSERT, COMMIT per request: 3 statements, one commit.
      process.stdout.write(`${STATS} ${JSON.stringify({ statements: inserts * 3, writeCommits: inserts, cases: inserts, sqlMs, commitMs: NaN })}\n`);
    });
    process.stdout.write(`${READY} ${port ? `http://127.0.0.1:${port}` : ''}\n`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
