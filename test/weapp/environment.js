/**
 * jsdom (which miniprogram-simulate needs) plus the Node globals the in-process local platform and the
 * test harness use (fetch, TextEncoder, setImmediate, …), which jest's jsdom environment leaves out.
 * Modules resolve with Node's export conditions: the platform and its dependencies are server code; the
 * compiled mini-program in dist/weapp is self-contained and needs no resolution.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch', 'Request', 'Response', 'Headers', 'FormData',
  'TextEncoder', 'TextDecoder', 'setImmediate', 'clearImmediate', 'structuredClone',
  'ReadableStream', 'WritableStream', 'TransformStream', 'BroadcastChannel', 'queueMicrotask',
];

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    for (const k of NODE_GLOBALS) {
      if (typeof g[k] === 'undefined' && typeof globalThis[k] !== 'undefined') g[k] = globalThis[k];
    }
    // The platform's scheduler calls `setInterval(...).unref()`: Node timers, not jsdom's numeric ids.
    // Nothing in the mini-program runtime depends on jsdom's timer ids.
    for (const k of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']) g[k] = globalThis[k];
    // Node's fetch takes only Node's AbortSignal (the WeChat Pay client's `AbortSignal.timeout`): jsdom's
    // own would make every in-process call to the WeChat Pay stand-in fail as unreachable.
    for (const k of ['AbortController', 'AbortSignal']) g[k] = globalThis[k];
  }

  exportConditions() {
    return ['node', 'node-addons', 'require', 'default'];
  }
}

module.exports = WeappEnvironment;
