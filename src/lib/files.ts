import Taro from '@tarojs/taro';
import { ApiError, session } from '../api/client';

export const canUploadPhotos = process.env.TARO_ENV === 'h5';

/**
 * Uploads one chosen image and answers its fileId (H5: the local platform's `/local/upload`).
 * TODO(weapp): Taro.cloud.uploadFile to CloudBase storage, then register the cloud fileID with the backend;
 * until then the photo picker is hidden in the mini-program (canUploadPhotos === false).
 */
export async function uploadImage(tempFilePath: string, originalFile?: Blob): Promise<string> {
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
  let res: Response;
  try {
    res = await fetch('/local/upload', {
      method: 'POST',
      headers: session.token() ? { authorization: `Bearer ${session.token()}` } : {},
      body: form,
    });
  } catch {
    throw new ApiError('NETWORK', '网络不太稳定，图片上传失败，请稍后重试');
  }
  let body: { fileId?: string; ok?: boolean; error?: { code: string; message: string } } = {};
  try {
    body = await res.json();
  } catch {
    /* handled below */
  }
  if (res.ok && body.fileId) return body.fileId;
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
