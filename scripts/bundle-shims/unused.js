'use strict';
/**
 * Stands in, inside the cloud-function bundles, for mysql2 modules the functions never reach (its
 * Promise wrapper and its MySQL-server implementation, both loaded only through getters the store
 * adapter does not use). Reaching one anyway fails loudly instead of misbehaving.
 */
const refuse = () => {
  throw new Error('this part of mysql2 is not included in the cloud-function bundle (scripts/bundle-plugins.ts)');
};
module.exports = new Proxy({}, { get: (_t, key) => (key === '__esModule' ? false : refuse()) });
