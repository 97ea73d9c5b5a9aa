import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../local/platform';
import { READY, exitWhenParentLetsGo } from './child';
import { startCpuProfile } from './cpuprof';

/**
 * Bench child for the MariaDB intake (bench/mysqlIntake.ts): the real local platform (the same
 * startPlatform `npm run api` runs) with `DB_URL` from the environment, on a free loopback port. Several
 * of these run at once against one database, as several CloudBase function instances do. SEED=demo in
 * the first only (the others find the data there). Prints `BENCH_READY <url>`; stops when the parent
 * closes stdin. Its data folder holds only uploads (none here) and is removed at the end. With
 * BENCH_CPU_PROFILE=<file> it profiles its main thread from ready to stop (bench/mysqlProfile.ts).
 */
async function main() {
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_TMP || os.tmpdir(), 'wuye-bench-my-'));
  const platform = await startPlatform({
    PORT: 0,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DB_URL: process.env.DB_URL,
    SEED: process.env.SEED === 'demo' ? 'demo' : 'none',
    TEST_CLOCK: '',
    H5_DIR: 'dist/h5',
    SUBMIT_LIMIT_PER_HOUR: 1_000_000_000, // the load submits hundreds a second as one resident
  });
  const profileTo = process.env.BENCH_CPU_PROFILE;
  const profiler = profileTo ? await startCpuProfile() : null;
  exitWhenParentLetsGo(async () => {
    if (profiler && profileTo) await profiler.stopAndWrite(profileTo);
    await platform.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  process.stdout.write(`${READY} ${platform.url}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
