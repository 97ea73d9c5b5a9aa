import fs from 'node:fs';
import path from 'node:path';
import { functionEnv } from '../../cloudfunctions/_runtime/env';
import { BUNDLED_FUNCTIONS } from '../../scripts/bundle-functions';

/**
 * The deployment files say the same as the code: cloudbaserc.json deploys every bundle that
 * `npm run build:functions` writes, from dist/functions (the built JS, not the TypeScript), with the
 * settings each function's config.json gives WeChat DevTools, and passes the environment variables
 * cloudfunctions/_runtime/env.ts reads — by NAME only: every value is a `{{env.NAME}}` reference filled
 * from the deployer's uncommitted .env.local at deploy time, never a value in the repository.
 */
const ROOT = path.join(__dirname, '..', '..');
const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
/** Test-only settings a deployment never sets. */
const NOT_DEPLOYED = new Set(['WECHAT_API_BASE']);

describe('deployment files', () => {
  const rc = json('cloudbaserc.json') as {
    envId: string;
    functionRoot: string;
    functions: { name: string; runtime: string; handler: string; timeout: number; memorySize: number; envVariables: Record<string, string>; vpc: Record<string, string>; triggers?: unknown }[];
  };

  it('cloudbaserc.json deploys every built function from dist/functions with its config.json settings', () => {
    expect(rc.functionRoot).toBe('./dist/functions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...BUNDLED_FUNCTIONS].sort());
    for (const f of rc.functions) {
      const cfg = json(`cloudfunctions/${f.name}/config.json`);
      expect([f.name, f.runtime, f.handler]).toEqual([f.name, 'Nodejs18.15', 'index.main']);
      expect({ timeout: f.timeout, memorySize: f.memorySize, triggers: f.triggers }).toEqual({ timeout: cfg.timeout, memorySize: cfg.memorySize, triggers: cfg.triggers });
      expect(f.timeout).toBeLessThanOrEqual(60);
    }
    expect(rc.functions.find((f) => f.name === 'sla')!.triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 * * * * * *' }]);
  });

  it('every function gets the variables env.ts reads, as names only; VPC and environment are placeholders too', () => {
    const names = Object.keys(functionEnv().shape).filter((n) => !NOT_DEPLOYED.has(n)).sort();
    const placeholder = /^\{\{env\.[A-Z][A-Z0-9_]*\}\}$/;
    for (const f of rc.functions) {
      expect([f.name, Object.keys(f.envVariables).sort()]).toEqual([f.name, names]);
      for (const [name, value] of Object.entries(f.envVariables)) expect(value).toBe(`{{env.${name}}}`);
      for (const value of Object.values(f.vpc)) expect(value).toMatch(placeholder);
    }
    expect(rc.envId).toMatch(placeholder);
    expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env\.local$/m);
  });

  it('WeChat DevTools uploads the built functions: cloudfunctionRoot is dist/functions, the mini-program dist/weapp', () => {
    const project = json('project.config.json');
    expect(project).toMatchObject({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'dist/functions/' });
  });
});
