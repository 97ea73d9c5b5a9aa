/**
 * Layering, machine-checked (house style 12). The cruiser sees resolved paths: an npm package is
 * `node_modules/<name>/…`, a Node built-in is `fs`/`node:fs` with dependency type `core`. Rules are
 * therefore written as allow-lists over resolved paths, never as lists of forbidden package names.
 * `test/integration/layering.test.ts` writes a scratch file breaking each rule and checks it is caught.
 */

/** What the app may import from core at run time: words, schemas, money, routing, messages, wall-clock arithmetic. */
const APP_CORE_VALUES = '^core/(vocabulary|money|errors|shanghai)\\.ts$|^core/schemas/[^/]+\\.ts$|^core/domain/case/routing\\.ts$|^core/domain/renovation/vocabulary\\.ts$';
/** What the app may import from core as types only (erased at build): the handler map and the shapes it answers. */
const APP_CORE_TYPES = '^core/api/(handlers|action)\\.ts$|^core/domain/case/(types|view)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-npm-only-zod-dayjs',
      comment: 'core/ is pure: among npm packages it may use zod and dayjs, nothing else (no store, logger, platform or UI)',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { path: 'node_modules/', pathNot: '^node_modules/(zod|dayjs)/' },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'core/ runs anywhere: no fs, http, crypto… (time and ids come through ports)',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-stays-in-core',
      comment: 'core/ imports nothing outside core/ of this repository (adapters, functions, local platform, app, tests, scripts)',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^(core/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'adapters-not-platform',
      comment: 'adapters implement ports; they do not know the local platform, the functions or the app',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(src|cloudfunctions|local)/' },
    },
    {
      name: 'functions-not-local',
      comment: 'a cloud function ships alone: it never reaches the local platform or the app',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(src|local)/' },
    },
    {
      name: 'app-not-server',
      comment: 'the app never imports adapters, functions, the local platform, scripts or tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(adapters|cloudfunctions|local|scripts|test|bench)/' },
    },
    {
      name: 'app-no-server-packages',
      comment: 'the app never bundles Node built-ins or server-side packages',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^node_modules/(better-sqlite3|mysql2|kysely|pino|busboy|esbuild)/|^(node:)?(fs|path|http|https|crypto|child_process|os|net)$' },
    },
    {
      name: 'app-core-allowlist',
      comment:
        'the app takes from core only what is meant for it (vocabulary, schemas, money, routing, error messages, ' +
        'Shanghai wall time; types of the handler map and views) — never use cases, dispatch, ports or the policy',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^core/', pathNot: `${APP_CORE_VALUES}|${APP_CORE_TYPES}` },
    },
    {
      name: 'app-handler-map-types-only',
      comment: 'the handler map and view shapes reach the app as types only (a value import would bundle every use case)',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: APP_CORE_TYPES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves (a misspelt or missing package cannot slip through as "unknown")',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // npm packages are reached but not followed. They must NOT be excluded: `exclude` drops a module
    // from the graph altogether, so no rule could ever see an import of one (how packages slipped through).
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
