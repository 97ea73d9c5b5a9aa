/**
 * Where a user's photos go in cloud storage: `uploads/<openid>/<name>.<ext>`. The prefix is the
 * uploader's own platform identity, so a registered file id tells whose upload it is (R-ACC-2: from the
 * platform, never the payload).
 */
export const uploadPrefix = (openid: string) => `uploads/${openid}/`;

/** OPENIDs that can be a path segment as they are (WeChat's are 28 characters of this set). */
export const SAFE_OPENID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CloudId {
  env: string;
  /** The path inside the bucket (`uploads/<openid>/<name>`). */
  path: string;
  /** The OPENID segment of an `uploads/` path. */
  owner: string;
}

/** The parts of a `cloud://<env>.<bucket>/<path>` id (already checked by core/schemas/file.ts). */
export function parseCloudId(id: string): CloudId | null {
  const m = /^cloud:\/\/([A-Za-z0-9-]+)\.[A-Za-z0-9-]+\/(uploads\/([A-Za-z0-9_-]+)\/[A-Za-z0-9_.-]+)$/.exec(id);
  return m ? { env: m[1], path: m[2], owner: m[3] } : null;
}
