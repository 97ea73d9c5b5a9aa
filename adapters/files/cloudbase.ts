import { init } from '@cloudbase/node-sdk';
import type { CloudStorage } from '../../core/ports/files';

export interface CloudbaseStorageSettings {
  /** The CloudBase environment id (the `<env>` of `cloud://<env>.<bucket>/…`). */
  envId: string;
  /**
   * Where the SDK sends its signed API calls. Unset in CloudBase (the SDK picks the environment's own
   * endpoint and the function's credentials); tests point it at a local stand-in.
   */
  serviceUrl?: string;
  /** API keys, only outside a cloud function (inside one the SDK reads the function's own credentials). */
  secretId?: string;
  secretKey?: string;
  /** Per call to the API and per read of the first bytes (ms). */
  timeoutMs?: number;
}

/** A whole file (up to a few MB) may take this many times the per-call timeout to arrive. */
const READ_TIMEOUT_FACTOR = 3;

/** CloudBase answers this per file when the file id names nothing. */
const NO_SUCH_FILE = /NONEXIST|NOT_EXIST|NOTEXIST/i;

/**
 * CloudBase storage through `@cloudbase/node-sdk`: temporary URLs come from `getTempFileURL`; a file is
 * looked at by reading its first bytes through such a URL with a Range request (the SDK's
 * `getFileInfo` only does a HEAD and trusts the Content-Type the uploader chose, so the type is told here
 * from the bytes, and the size from Content-Range); a file the functions read whole (`read`) comes through
such a URL too, never more than the caller's limit. Exports the functions make are stored with
 * `uploadFile` (`save`).
 */
export function cloudbaseStorage(settings: CloudbaseStorageSettings): CloudStorage {
  const timeout = settings.timeoutMs ?? 5000;
  const app = init({
    env: settings.envId,
    timeout,
    ...(settings.serviceUrl ? { serviceUrl: settings.serviceUrl } : {}),
    ...(settings.secretId && settings.secretKey ? { secretId: settings.secretId, secretKey: settings.secretKey } : {}),
  });

  async function tempUrl(cloudId: string, seconds: number): Promise<string | undefined> {
    const res = await app.getTempFileURL({ fileList: [{ fileID: cloudId, maxAge: seconds }] });
    const item = res.fileList?.find((f) => f.fileID === cloudId) ?? res.fileList?.[0];
    if (item && item.code === 'SUCCESS' && item.tempFileURL) return item.tempFileURL;
    if (!item || NO_SUCH_FILE.test(item.code ?? '')) return undefined;
    throw new Error(`getTempFileURL: ${item.code}`);
  }

  return {
    envId: settings.envId,
    async inspect(cloudId, bytes) {
      const url = await tempUrl(cloudId, 60);
      if (!url) return undefined;
      const res = await fetch(url, { headers: { range: `bytes=0-${Math.max(0, bytes - 1)}` }, signal: AbortSignal.timeout(timeout) });
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      let size: number;
      if (res.status === 206) {
        const total = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
        if (!total) throw new Error('storage answered 206 without a total size');
        size = Number(total[1]);
      } else if (res.status === 200) {
        size = Number(res.headers.get('content-length'));
        if (!Number.isSafeInteger(size) || res.headers.get('content-length') === null) throw new Error('storage answered without a length');
      } else if (res.status === 416) {
        // Nothing to range over: an empty object.
        await res.body?.cancel();
        return { size: 0, head: new Uint8Array() };
      } else {
        await res.body?.cancel();
        throw new Error(`storage read: HTTP ${res.status}`);
      }
      return { size, head: await firstBytes(res, bytes) };
    },
    async read(cloudId, maxBytes) {
      // Through a temporary URL, as inspect: the SDK's downloadFile buffers whatever the object holds,
      // with no bound, before the size could be looked at; here a body longer than maxBytes stops there.
      const url = await tempUrl(cloudId, 60);
      if (!url) return undefined;
      const res = await fetch(url, { signal: AbortSignal.timeout(timeout * READ_TIMEOUT_FACTOR) });
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new Error(`storage read: HTTP ${res.status}`);
      }
      const length = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isSafeInteger(length) && length > maxBytes) {
        await res.body?.cancel();
        return 'too_large';
      }
      const bytes = await firstBytes(res, maxBytes + 1);
      return bytes.length > maxBytes ? 'too_large' : bytes;
    },
    async urlOf(file, seconds) {
      return file.cloudId ? tempUrl(file.cloudId, seconds) : undefined;
    },
    async save(cloudPath, bytes) {
      // The SDK asks tcb-api for upload metadata (storage.getUploadMetadata), then PUTs the bytes to the
      // object server it names; a refusal comes back as a rejection or as a `code` in the answer.
      const res = (await app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })) as { fileID?: string; code?: string; message?: string };
      if (!res.fileID) throw new Error(`uploadFile: ${res.code ?? 'no fileID'}`);
      return res.fileID;
    },
  };
}

/** Reads at most `n` bytes of a body and lets the rest go (a server may ignore the Range and send it all). */
async function firstBytes(res: Response, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return out.slice(0, 0);
  try {
    while (got < n) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, n - got);
      out.set(value.subarray(0, take), got);
      got += take;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return out.slice(0, got);
}
