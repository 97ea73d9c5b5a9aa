import Taro from '@tarojs/taro';
import { ApiError, call, session } from '../api/client';

export const canUploadPhotos = process.env.TARO_ENV === 'h5';

/** Longest side and JPEG quality of a photo after compression on the phone. */
const MAX_SIDE = 1600;
const QUALITY = 0.8;

/**
 * Makes a chosen photo smaller before it travels: WeChat's own compressor in the mini-program; on H5 the
 * picture is drawn onto a canvas at most 1600 px wide and re-encoded as JPEG (kept as is when that
 * would not make it smaller, or when the browser cannot decode it).
 */
export async function compressPhoto(tempFilePath: string, original?: Blob): Promise<{ path: string; blob?: Blob }> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.compressImage({ src: tempFilePath, quality: QUALITY * 100 });
      return { path: r.tempFilePath };
    } catch {
      return { path: tempFilePath };
    }
  }
  let blob: Blob;
  try {
    blob = original ?? (await (await fetch(tempFilePath)).blob());
  } catch {
    throw new ApiError('NETWORK', '很抱歉，读取图片失败，请重新选择');
  }
  try {
    const small = await shrinkOnCanvas(blob);
    return small && small.size < blob.size ? { path: tempFilePath, blob: small } : { path: tempFilePath, blob };
  } catch {
    return { path: tempFilePath, blob };
  }
}

function shrinkOnCanvas(blob: Blob): Promise<Blob | null> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const w = Math.max(1, Math.round(img.naturalWidth * scale));
      const h = Math.max(1, Math.round(img.naturalHeight * scale));
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d');
      if (!g) return resolve(null);
      g.fillStyle = '#fff'; // transparent PNGs become white, not black, as JPEG
      g.fillRect(0, 0, w, h);
      g.drawImage(img, 0, 0, w, h);
      canvas.toBlob((b) => resolve(b), 'image/jpeg', QUALITY);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('decode'));
    };
    img.src = url;
  });
}

/**
 * Uploads one photo and answers its fileId (H5: the local platform's `/local/upload`), reporting
 * progress 0–100 as it goes. The mini-program uploads to CloudBase storage instead: files.weapp.ts.
 */
export async function uploadImage(tempFilePath: string, originalFile?: Blob, onProgress?: (percent: number) => void): Promise<string> {
  if (!canUploadPhotos) throw new ApiError('INTERNAL', '很抱歉，小程序暂不支持上传图片，敬请期待');
  let blob: Blob;
  try {
    blob = originalFile ?? (await (await fetch(tempFilePath)).blob());
  } catch {
    throw new ApiError('NETWORK', '很抱歉，读取图片失败，请重新选择');
  }
  const ext = (blob.type.split('/')[1] || 'jpg').replace('jpeg', 'jpg');
  const form = new FormData();
  form.append('file', blob, `photo.${ext}`);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/local/upload');
    if (session.token()) xhr.setRequestHeader('authorization', `Bearer ${session.token()}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.min(99, Math.round((100 * e.loaded) / e.total)));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError('NETWORK', '网络不太稳定，图片上传失败，请稍后重试'));
    xhr.send(form);
  });
  let body: { fileId?: string; ok?: boolean; error?: { code: string; message: string } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* handled below */
  }
  if (status >= 200 && status < 300 && body.fileId) {
    onProgress?.(100);
    return body.fileId;
  }
  if (body.error) throw new ApiError(body.error.code as never, body.error.message);
  throw new ApiError('INTERNAL', '很抱歉，图片上传失败，请稍后重试');
}

/** Photos shown, by id: a blob URL of the bytes (kept for the page's life), or a short-lived cloud URL (until shortly before it expires). */
const shown = new Map<string, { url: Promise<string>; until: number }>();
/** `file.url` links work 10 minutes (core/usecases/file/url.ts); one is reused for 8. */
const CLOUD_URL_KEEP_MS = 8 * 60 * 1000;

/**
 * A displayable URL of an uploaded photo. H5: the bytes, fetched with the session (so bearer auth works
 * too); a photo the platform does not hold itself — uploaded from the mini-program into cloud storage —
 * answers 404 there, and is shown through the short-lived URL `file.url` issues after the same access check.
 */
export function photoUrl(fileId: string): Promise<string> {
  if (!canUploadPhotos) return Promise.resolve('');
  const now = Date.now();
  const hit = shown.get(fileId);
  if (hit && hit.until > now) return hit.url;
  const entry = { url: Promise.resolve(''), until: Infinity };
  entry.url = fetch(`/local/file/${encodeURIComponent(fileId)}`, {
    headers: session.token() ? { authorization: `Bearer ${session.token()}` } : {},
    credentials: 'same-origin',
  }).then(async (r) => {
    if (r.ok) return URL.createObjectURL(await r.blob());
    if (r.status !== 404) throw new Error(String(r.status));
    const { url } = await call('file', 'url', { fileId });
    entry.until = Date.now() + CLOUD_URL_KEEP_MS;
    return url;
  });
  entry.url.catch(() => shown.delete(fileId));
  shown.set(fileId, entry);
  return entry.url;
}
