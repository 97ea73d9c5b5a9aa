import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeStoreContract } from './contract';
import { openSqliteStore } from './sqlite';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const fresh = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-store-'));
  dirs.push(dir);
  return openSqliteStore(path.join(dir, 'test.sqlite'));
};

describeStoreContract('SQLite (better-sqlite3)', fresh);

it('SQLite runs in WAL mode with synchronous=FULL, and migrations are applied once', async () => {
  const store = await fresh();
  expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(store.raw.pragma('synchronous', { simple: true })).toBe(2);
  const file = store.raw.name;
  const applied = () => store.raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const first = applied().map((r) => r.name);
  expect(first.length).toBeGreaterThan(0);
  await store.close();
  const again = await openSqliteStore(file);
  // Re-opening applies nothing again: the same migrations, each recorded once.
  const names = (again.raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  expect(names).toEqual(first);
  expect(new Set(names).size).toBe(names.length);
  await again.close();
});
