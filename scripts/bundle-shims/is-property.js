'use strict';
/**
 * Stands in for is-property (10 KB of Unicode identifier tables) inside the cloud-function bundles:
 * generate-function (mysql2's row parsers) asks whether a column name may be written `obj.name` rather
 * than `obj["name"]`. Answering "no" for non-ASCII names only chooses the bracket form, which is always
 * valid.
 */
module.exports = (name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
