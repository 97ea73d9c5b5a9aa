'use strict';
/**
 * Stands in, inside the cloud-function bundles, for mysql2 classes the functions never construct (its
 * pool cluster, the replication commands and packets, its MySQL-server handshake). mysql2 lists them in
 * its tables at load time, so the stand-in is a class; constructing it fails loudly.
 */
module.exports = class NotBundled {
  constructor() {
    throw new Error('this part of mysql2 is not included in the cloud-function bundle (scripts/bundle-plugins.ts)');
  }
};
