import Taro from '@tarojs/taro';
import { ApiError, session } from '../api/client';

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

const blobUrls = new Map<string, Promise<string>>();

/** A displayable URL of an uploaded photo (H5: fetched with the session so it works with bearer auth too). */
export function photoUrl(fileId: string): Promise<string> {
  if (!canUploadPhotos) return Promise.resolve('');
  let p = blobUrls.get(fileId);
  if (!p) {
    p = fetch(`/local/file/${encodeURIComponent(fileId)}`, {
      headers: session.token() ? { authorization: `Bearer ${session.token()}` } : {},
      credentials: 'same-origin',
    }).then(async (r) => {
      if (!r.ok) throw new Error(String(r.status));
      return URL.createObjectURL(await r.blob());
    });
    p.catch(() => blobUrls.delete(fileId));
    blobUrls.set(fileId, p);
  }
  return p;
}
