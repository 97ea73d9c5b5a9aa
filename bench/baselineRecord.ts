import { randomBytes } from 'node:crypto';

/**
 * The record a baseline server stores for one submit body (bench/baseline-server.ts on SQLite,
 * bench/baseline-mysql.ts on MariaDB): the body's fields, padded to `rowBytes` of JSON so the row and the
 * reply weigh what the gateway's case does.
 */
export function baselineRecord(body: Record<string, unknown>, rowBytes: number) {
  const createdAt = Date.now();
  const base = {
    id: `c_${createdAt.toString(36)}${randomBytes(6).toString('hex')}`,
    householdId: String(body.householdId ?? ''),
    kind: String(body.kind ?? ''),
    requestId: String(body.requestId ?? ''),
    content: String(body.content ?? ''),
    status: 'submitted',
    createdAt,
    pad: '',
  };
  const short = rowBytes - Buffer.byteLength(JSON.stringify(base));
  if (short > 0) base.pad = 'x'.repeat(short);
  return base;
}
