import Taro from '@tarojs/taro';
import { ApiError, call, newRequestId } from '../api/client';

/** The mini-program uploads photos to CloudBase storage itself (H5: src/lib/files.ts, the local upload). */
export const canUploadPhotos = true;

/** JPEG quality of a photo after WeChat's own compressor. */
const QUALITY = 80;

/** Makes a chosen photo smaller before it travels (WeChat's compressor; the original if that fails). */
export async function compressPhoto(tempFilePath: string): Promise<{ path: string; blob?: Blob }> {
  try {
    const r = await Taro.compressImage({ src: tempFilePath, quality: QUALITY });
    return { path: r.tempFilePath };
  } catch {
    return { path: tempFilePath };
  }
}

const extOf = (p: string): 'jpg' | 'png' | 'webp' => {
  const m = /\.(png|webp)$/i.exec(p);
  return m ? (m[1].toLowerCase() as 'png' | 'webp') : 'jpg';
};

/**
 * Uploads one photo and answers its fileId, reporting progress 0–100: `file.uploadPath` gives a path
 * under the caller's own prefix, `Taro.cloud.uploadFile` puts the photo there (its progress is the bar),
 * and `file.register` checks it (owner, size, type) and answers the id a case takes. The register call
 * is retried once with the same requestId, so a photo is never registered twice.
 */
export async function uploadImage(tempFilePath: string, _original?: Blob, onProgress?: (percent: number) => void): Promise<string> {
  const { cloudPath } = await call('file', 'uploadPath', { ext: extOf(tempFilePath) });
  const fileID = await new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: tempFilePath,
      success: (r) => resolve(r.fileID),
      fail: () => reject(new ApiError('NETWORK', '网络不太稳定，图片上传失败，请稍后重试')),
    });
    task?.onProgressUpdate?.((e) => onProgress?.(Math.min(99, Math.max(0, Math.round(e.progress)))));
  });
  const requestId = newRequestId();
  let registered: { fileId: string };
  try {
    registered = await call('file', 'register', { requestId, fileId: fileID });
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'NETWORK') throw e;
    registered = await call('file', 'register', { requestId, fileId: fileID });
  }
  onProgress?.(100);
  return registered.fileId;
}

/** Short-lived URLs already handed out, until shortly before they expire. */
const urls = new Map<string, { url: Promise<string>; until: number }>();
const KEEP_MS = 8 * 60 * 1000;

/** A displayable URL of a photo: a temporary URL from `file.url` (issued after the same access check as every read). */
export function photoUrl(fileId: string): Promise<string> {
  const now = Date.now();
  const hit = urls.get(fileId);
  if (hit && hit.until > now) return hit.url;
  const url = call('file', 'url', { fileId }).then((d) => d.url);
  urls.set(fileId, { url, until: now + KEEP_MS });
  url.catch(() => urls.delete(fileId));
  return url;
}
