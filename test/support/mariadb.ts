/**
 * A throwaway MariaDB for the tests: Debian's `mariadbd` (scripts/ensure-mariadb.sh installs it) on
 * loopback, with its own data folder (copied from a template made once per machine and version, so a
 * start costs ~2 s, not the ~5 s of `mariadb-install-db`), a free port and its socket in the data
 * folder. The unit project starts ONE server per run (test/support/mariadbGlobal.ts, jest globalSetup)
 * and passes its address in WUYE_MARIADB_URL; each suite takes its own database (`freshMysqlDatabase`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface MariaDb {
  /** `mysql://wuye:…@127.0.0.1:port/` — an account that may create databases; append a database name. */
  url: string;
  dataDir: string;
  /** mariadbd's process id (the bench reads its CPU time from /proc). */
  pid: number;
  stop(): Promise<void>;
}

const sbin = (name: string) => [`/usr/sbin/${name}`, `/usr/bin/${name}`].find((p) => fs.existsSync(p)) ?? name;

function version(): string {
  try {
    return execFileSync(sbin('mariadbd'), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('MariaDB is not installed: run `bash scripts/ensure-mariadb.sh` (Debian mariadb-server)');
  }
}

/** A data folder made by mariadb-install-db once per server version, copied for each server. */
function template(): string {
  const v = crypto.createHash('sha256').update(version()).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `wuye-mariadb-template-${v}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-mariadb-init-'));
  execFileSync(sbin('mariadb-install-db'), ['--no-defaults', `--datadir=${tmp}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    stdio: 'ignore',
  });
  fs.writeFileSync(path.join(tmp, '.complete'), '');
  try {
    fs.renameSync(tmp, dir); // another run made it meanwhile: keep theirs
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server and creates the account `wuye` (all privileges, from 127.0.0.1 only). `durable`: each
 * COMMIT reaches the disk (innodb_flush_log_at_trx_commit=1, the server's own default and a production
 * server's setting), for the bench (bench/README.md §6); the tests' server skips that fsync.
 */
export async function startMariaDb(opts: { durable?: boolean } = {}): Promise<MariaDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-mariadb-'));
  fs.cpSync(template(), dataDir, { recursive: true });
  const port = await freePort();
  const socket = path.join(dataDir, 'sock');
  const child: ChildProcess = spawn(
    sbin('mariadbd'),
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--user=root',
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${path.join(dataDir, 'pid')}`,
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_bin',
      '--max-connections=1000',
      '--innodb-buffer-pool-size=128M',
      '--innodb-log-file-size=64M',
      // A test server: a crash of the machine loses the run anyway, so commits need not reach the disk.
      // The bench's server is durable, as a production one is.
      `--innodb-flush-log-at-trx-commit=${opts.durable ? 1 : 2}`,
      '--sync-binlog=0',
      '--innodb-lock-wait-timeout=20',
      '--skip-log-bin',
      '--innodb-file-per-table=0',
      '--log-error=' + path.join(dataDir, 'error.log'),
      // Internal temporary tables (information_schema queries, e.g. each migration check) in the server's
      // own folder, not the shared /tmp: a run lost one there mid-query ("Error on delete of
      // '/tmp/#sql-temptable-….MAI'") while other work on the machine was busy in /tmp.
      `--tmpdir=${dataDir}`,
    ],
    { stdio: 'ignore', detached: false },
  );
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const password = crypto.randomBytes(12).toString('hex');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`mariadbd exited (${exited}): ${fs.readFileSync(path.join(dataDir, 'error.log'), 'utf8').slice(-2000)}`);
    if (fs.existsSync(socket)) {
      try {
        const root = await createConnection({ socketPath: socket, user: 'root' });
        await root.query(`CREATE USER 'wuye'@'127.0.0.1' IDENTIFIED BY '${password}'`);
        await root.query(`GRANT ALL PRIVILEGES ON *.* TO 'wuye'@'127.0.0.1'`);
        await root.end();
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
    if (Date.now() > deadline) throw new Error('mariadbd did not start within 30 s');
    await sleep(100);
  }
  return {
    url: `mysql://wuye:${password}@127.0.0.1:${port}/`,
    dataDir,
    pid: child.pid!,
    async stop() {
      if (exited === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
        clearTimeout(timer);
        if (exited === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's server (started by the unit project's globalSetup). */
export function mariaDbUrl(): string {
  const url = process.env.WUYE_MARIADB_URL;
  if (!url) throw new Error('WUYE_MARIADB_URL is not set: the unit project starts MariaDB in its globalSetup (test/support/mariadbGlobal.ts)');
  return url;
}

let seq = 0;
const dbName = (tag: string) => `${tag}_${process.pid}_${Date.now().toString(36)}_${(seq++).toString(36)}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);

/** A new, empty database on the run's server (utf8mb4, binary collation), no tables; answers its URL. */
export async function emptyMysqlDatabase(tag = 't'): Promise<string> {
  const server = mariaDbUrl();
  const name = dbName(tag);
  const conn = await createConnection(server);
  try {
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await conn.end();
  }
  return `${server}${name}`;
}

/**
 * A database migrated by the store's own migrations once per test process, its tables copied (CREATE
 * TABLE … LIKE, the migration records with them) for each fresh database: ~0.1 s instead of the ~2 s of
 * running every migration's DDL again. The unit project's globalSetup makes it once per run
 * (WUYE_MARIADB_TEMPLATE).
 */
let migrated: Promise<string> | null = null;
export async function migratedTemplate(): Promise<string> {
  const given = process.env.WUYE_MARIADB_TEMPLATE;
  if (given) return given;
  migrated ??= (async () => {
    const url = await emptyMysqlDatabase('tpl');
    const { openMysqlStore } = await import('../../adapters/store/mysql');
    await (await openMysqlStore(url)).close();
    return url.slice(url.lastIndexOf('/') + 1);
  })();
  return migrated;
}

/** A new database holding the migrated, empty schema; answers its URL. */
export async function freshMysqlDatabase(tag = 't'): Promise<string> {
  const template = await migratedTemplate();
  const url = await emptyMysqlDatabase(tag);
  const name = url.slice(url.lastIndexOf('/') + 1);
  const conn = await createConnection(mariaDbUrl());
  try {
    const [tables] = await conn.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?`, [template]);
    for (const { t } of tables as { t: string }[]) {
      await conn.query(`CREATE TABLE \`${name}\`.\`${t}\` LIKE \`${template}\`.\`${t}\``);
      if (t.startsWith('kysely_migration')) await conn.query(`INSERT INTO \`${name}\`.\`${t}\` SELECT * FROM \`${template}\`.\`${t}\``);
    }
  } finally {
    await conn.end();
  }
  return url;
}

/** Empties every table of a database made by freshMysqlDatabase (a few ms, against ~0.5 s for a new one). */
export async function resetMysqlDatabase(url: string): Promise<void> {
  const name = url.slice(url.lastIndexOf('/') + 1);
  const conn = await createConnection(url);
  try {
    const [tables] = await conn.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?`, [name]);
    for (const { t } of tables as { t: string }[]) if (!t.startsWith('kysely_')) await conn.query(`DELETE FROM \`${t}\``);
  } finally {
    await conn.end();
  }
}
