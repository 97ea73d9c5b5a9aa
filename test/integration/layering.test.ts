/**
 * The layering rules bite (issue 8 item 1): scratch files inside the real tree break each rule of
 * `.dependency-cruiser.cjs` once, the cruiser runs over them and the whole tree, and each break is
 * reported under its rule for its file — while allowed imports and the real code report nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRATCH = `__layering_scratch_${process.pid}__`;

/** file (relative to the repository) → its source and the rules it must be reported under (none: allowed). */
const FILES: Record<string, { src: string; expect: string[] }> = {
  // core/: npm packages other than zod and dayjs, resolved as node_modules/… paths
  [`core/${SCRATCH}/npm.ts`]: {
    src: "import pino from 'pino';\nimport { Kysely } from 'kysely';\nexport const x = [pino, Kysely];\n",
    expect: ['core-npm-only-zod-dayjs'],
  },
  [`core/${SCRATCH}/taro.ts`]: { src: "import Taro from '@tarojs/taro';\nexport const x = Taro;\n", expect: ['core-npm-only-zod-dayjs'] },
  [`core/${SCRATCH}/builtin.ts`]: { src: "import fs from 'node:fs';\nimport { randomUUID } from 'crypto';\nexport const x = [fs, randomUUID];\n", expect: ['core-no-node-builtins'] },
  [`core/${SCRATCH}/outside.ts`]: {
    src: "import { openSqliteStore } from '../../adapters/store/sqlite';\nimport type { Harness } from '../../test/support/harness';\nexport type H = Harness;\nexport const x = openSqliteStore;\n",
    expect: ['core-stays-in-core'],
  },
  [`core/${SCRATCH}/ok.ts`]: {
    src: "import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport utc from 'dayjs/plugin/utc';\nimport { money } from '../money';\nexport const x = [z, dayjs, utc, money];\n",
    expect: [],
  },
  // a cycle (the cruiser reports it once, from either end: the two files are checked together below)
  [`core/${SCRATCH}/cycle-a.ts`]: { src: "import { b } from './cycle-b';\nexport const a = () => b;\n", expect: ['no-circular'] },
  [`core/${SCRATCH}/cycle-b.ts`]: { src: "import { a } from './cycle-a';\nexport const b = () => a;\n", expect: ['no-circular'] },
  // adapters and functions
  [`adapters/${SCRATCH}/platform.ts`]: {
    src: "import { startPlatform } from '../../local/platform';\nimport { main } from '../../cloudfunctions/case/index';\nexport const x = [startPlatform, main];\n",
    expect: ['adapters-not-platform'],
  },
  [`adapters/${SCRATCH}/app.ts`]: { src: "import { formatTime } from '../../src/lib/format';\nexport const x = formatTime;\n", expect: ['adapters-not-platform'] },
  [`cloudfunctions/${SCRATCH}/local.ts`]: { src: "import { seedDemo } from '../../local/seed';\nexport const x = seedDemo;\n", expect: ['functions-not-local'] },
  [`cloudfunctions/${SCRATCH}/app.ts`]: { src: "import { money } from '../../src/lib/money';\nexport const x = money;\n", expect: ['functions-not-local'] },
  // the app
  [`src/${SCRATCH}/usecase.ts`]: {
    src: "import { submitCase } from '../../core/usecases/case/submit';\nexport const x = submitCase;\n",
    expect: ['app-core-allowlist'],
  },
  [`src/${SCRATCH}/dispatch.ts`]: {
    src: "import type { Deps } from '../../core/ports/runtime';\nimport { dispatch } from '../../core/api/dispatch';\nexport const x = dispatch;\nexport type D = Deps;\n",
    expect: ['app-core-allowlist'],
  },
  [`src/${SCRATCH}/policy.ts`]: { src: "import { POLICY } from '../../core/access/policy';\nexport const x = POLICY;\n", expect: ['app-core-allowlist'] },
  [`src/${SCRATCH}/handlers.ts`]: { src: "import { HANDLERS } from '../../core/api/handlers';\nexport const x = HANDLERS;\n", expect: ['app-handler-map-types-only'] },
  [`src/${SCRATCH}/server.ts`]: {
    src: "import { openSqliteStore } from '../../adapters/store/sqlite';\nimport { main } from '../../cloudfunctions/case/index';\nexport const x = [openSqliteStore, main];\n",
    expect: ['app-not-server'],
  },
  [`src/${SCRATCH}/packages.ts`]: {
    src: "import Database from 'better-sqlite3';\nimport path from 'path';\nexport const x = [Database, path];\n",
    expect: ['app-no-server-packages'],
  },
  [`src/${SCRATCH}/ok.ts`]: {
    src:
      "import type { Handlers } from '../../core/api/handlers';\nimport type { CaseView } from '../../core/domain/case/view';\n" +
      "import { CASE_KINDS } from '../../core/vocabulary';\nimport { money } from '../../core/money';\nimport { submitInput } from '../../core/schemas/case';\n" +
      "import { CATEGORIES } from '../../core/domain/case/routing';\nimport { ERRORS } from '../../core/errors';\nimport { isoAt } from '../../core/shanghai';\n" +
      'export type H = [Handlers, CaseView];\nexport const x = [CASE_KINDS, money, submitInput, CATEGORIES, ERRORS, isoAt];\n',
    expect: [],
  },
  // anyone: an import that resolves to nothing
  [`local/${SCRATCH}/missing.ts`]: { src: "import x from 'no-such-package-anywhere';\nexport default x;\n", expect: ['no-unresolvable'] },
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(): Promise<{ violations: Violation[]; modules: number }> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
  const args = ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'core', 'adapters', 'local', 'cloudfunctions', 'src'];
  return new Promise((resolve, reject) =>
    execFile(bin, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      // the cruiser exits non-zero when it finds violations: that is the point; only unparsable output is an error
      try {
        const out = JSON.parse(stdout) as { summary: { violations: Violation[]; totalCruised: number } };
        resolve({ violations: out.summary.violations, modules: out.summary.totalCruised });
      } catch {
        reject(new Error(`depcruise failed: ${err?.message ?? ''}\n${stderr}`));
      }
    }),
  );
}

describe('layering (.dependency-cruiser.cjs)', () => {
  let result: { violations: Violation[]; modules: number };
  const dirs = [...new Set(Object.keys(FILES).map((f) => path.join(ROOT, path.dirname(f))))];

  beforeAll(async () => {
    try {
      for (const [file, { src }] of Object.entries(FILES)) {
        fs.mkdirSync(path.join(ROOT, path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(ROOT, file), src);
      }
      result = await cruise();
    } finally {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports each scratch file that breaks a rule under that rule, and nothing for allowed imports', () => {
    const byFile = new Map<string, Set<string>>();
    const cycle = (f: string) => f.replace(/cycle-[ab]\.ts$/, 'cycle-*.ts');
    for (const v of result.violations) {
      if (!v.from.includes(SCRATCH)) continue;
      for (const f of Object.keys(FILES).filter((k) => cycle(k) === cycle(v.from))) {
        if (!byFile.has(f)) byFile.set(f, new Set());
        byFile.get(f)!.add(v.rule.name);
      }
    }
    const seen = Object.fromEntries(Object.keys(FILES).map((f) => [f, [...(byFile.get(f) ?? [])].sort()]));
    const wanted = Object.fromEntries(Object.entries(FILES).map(([f, { expect }]) => [f, [...expect].sort()]));
    expect(seen).toEqual(wanted);
  });

  it('every rule of the configuration is proven by at least one scratch file', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };
    const proven = new Set(Object.values(FILES).flatMap((f) => f.expect));
    expect(config.forbidden.map((r) => r.name).filter((n) => !proven.has(n))).toEqual([]);
  });

  it('the real tree has no violation', () => {
    expect(result.modules).toBeGreaterThan(100);
    // (scratch files of another run of this test at the same moment are not the real tree either)
    expect(result.violations.filter((v) => !v.from.includes('__layering_scratch_'))).toEqual([]);
  });
});
