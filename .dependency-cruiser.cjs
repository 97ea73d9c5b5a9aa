/** Layering, machine-checked: core is pure; pages do not reach the server side. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports nothing of src/, cloudfunctions/, adapters/, local/ and no platform module',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src|cloudfunctions|adapters|local|test|bench)/|^node:|^(fs|path|http|crypto|child_process|better-sqlite3|pino|busboy|@tarojs)' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
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
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(src|local)/' },
    },
    {
      name: 'app-only-types-from-server',
      comment: 'the app may import core (schemas, labels, types) but never adapters, functions or the local platform',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(adapters|cloudfunctions|local)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
