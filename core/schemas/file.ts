import { z } from 'zod';
import { lazy } from './lazy';
import { fileId, requestId } from './common';

/** Longest `cloud://` file id accepted (env + bucket + `uploads/<openid>/<name>`, with room to spare). */
export const MAX_CLOUD_ID = 255;

/**
 * A CloudBase storage file id as `Taro.cloud.uploadFile` answers it for a path `file.uploadPath` gave:
 * `cloud://<env>.<bucket>/uploads/<openid>/<name>.<jpg|png|webp>`. Bounded, and only characters that
 * need no escaping anywhere (no `..`, no `%`, no spaces).
 */
export const cloudFileId = lazy(() => z
  .string()
  .trim()
  .max(MAX_CLOUD_ID, '图片编号有误')
  .regex(/^cloud:\/\/[A-Za-z0-9-]{1,80}\.[A-Za-z0-9-]{1,80}\/uploads\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{8,64}\.(?:jpg|png|webp)$/, '图片编号有误'));

export const uploadPathInput = lazy(() => z.object({ ext: z.enum(['jpg', 'png', 'webp', 'xlsx']).optional() }).strict());
export const registerInput = lazy(() => z.object({ requestId: requestId(), fileId: cloudFileId() }).strict());
export const fileUrlInput = lazy(() => z.object({ fileId: fileId() }).strict());
