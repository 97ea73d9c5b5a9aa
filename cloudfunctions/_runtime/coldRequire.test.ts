import { BUNDLED_FUNCTIONS } from '../../scripts/bundle-functions';

/**
 * A cold function instance pays for everything its `index.js` does at `require` (bench/README.md §5):
 * zod v4 builds a schema object, with its own closures, for every `.min()`, `.max()`, `.regex()`, so
 * building a function's schemas at load was most of its cold start. Requiring a function's entry builds
 * no zod schema at all (input schemas: core/schemas/lazy.ts; settings and adapter schemas the same
 * way), and a call builds its own action's input schema only.
 */

/**
 * Loads `load` in a fresh module registry and counts the zod schemas built meanwhile: every classic
 * schema's constructor copies the enumerable keys of ZodType.prototype onto the new instance (zod's
 * "prototype modifications" support), so an enumerable getter there is read once per schema built.
 */
function schemasBuilt<T>(load: () => T): { count: () => number; loaded: T } {
  let built = 0;
  let loaded!: T;
  jest.isolateModules(() => {
    const { ZodType } = require('zod') as typeof import('zod');
    Object.defineProperty(ZodType.prototype, '__countBuilt', {
      enumerable: true,
      configurable: true,
      get: () => {
        built++;
        return () => undefined;
      },
    });
    loaded = load();
  });
  return { count: () => built, loaded };
}

describe('a cold require builds no schema', () => {
  it.each(BUNDLED_FUNCTIONS)('requiring cloudfunctions/%s builds no zod schema', (name) => {
    const { count } = schemasBuilt(() => require(`../${name}/index.ts`));
    expect(count()).toBe(0);
  });

  it('the probe counts: building one schema is seen', () => {
    const { count } = schemasBuilt(() => (require('zod') as typeof import('zod')).z.string().min(1));
    expect(count()).toBe(2);
  });

  it("a call's input schema is built on its first read, alone, and kept", () => {
    const { count, loaded } = schemasBuilt(() => (require('../../core/api/actions/case') as typeof import('../../core/api/actions/case')).caseActions);
    expect(count()).toBe(0);
    const get = loaded.get.input;
    const forGet = count();
    expect(forGet).toBeGreaterThan(0);
    expect(loaded.get.input).toBe(get);
    expect(count()).toBe(forGet);
    // submit's schema was not built with get's: reading it builds it now.
    void loaded.submit.input;
    expect(count()).toBeGreaterThan(forGet);
  });
});
