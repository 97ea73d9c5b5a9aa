'use strict';
/**
 * Stands in for iconv-lite inside the cloud-function bundles (scripts/bundle-plugins.ts): mysql2 only
 * reaches it for character sets Node's Buffer does not know. Connections use utf8mb4 (decoded natively
 * by mysql2); `cesu8` (MySQL's 3-byte utf8, e.g. some metadata columns) is UTF-8 for every character
 * such a column can hold. Any other charset is refused by name rather than silently garbled.
 */
const nativeName = (encoding) => {
  const e = String(encoding).toLowerCase();
  if (e === 'cesu8' || e === 'cesu-8') return 'utf8';
  return Buffer.isEncoding(e) ? e : null;
};
const unsupported = (encoding) =>
  new Error(`character set ${encoding} is not available in this bundle: connect with charset utf8mb4`);

exports.getDecoder = (encoding) => {
  const e = nativeName(encoding);
  if (!e) throw unsupported(encoding);
  return { write: (buf) => Buffer.from(buf).toString(e), end: () => undefined };
};
exports.getEncoder = (encoding) => {
  const e = nativeName(encoding);
  if (!e) throw unsupported(encoding);
  return { write: (str) => Buffer.from(String(str), e), end: () => undefined };
};
exports.encodingExists = (encoding) => nativeName(encoding) !== null;
exports.decode = (buf, encoding) => exports.getDecoder(encoding).write(buf);
exports.encode = (str, encoding) => exports.getEncoder(encoding).write(str);
