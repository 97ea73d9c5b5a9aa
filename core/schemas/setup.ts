import { z } from 'zod';
import { lazy } from './lazy';

/** A file `POST /local/upload` answered (`f_…`), or the mini-program's upload to a `file.uploadPath` (`cloud://…/uploads/<openid>/<name>.xlsx`). */
const fileId = lazy(() => z.string().trim().regex(/^(?:f_[A-Za-z0-9_-]{4,60}|cloud:\/\/[A-Za-z0-9-]{1,80}\.[A-Za-z0-9-]{1,80}\/uploads\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{8,64}\.xlsx)$/, '文件编号有误，请重新上传表格'));

/** A community's id (as `account.me` answers it). */
const communityId = lazy(() => z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, '小区编号有误'));

/** Community setup (经理). `communityId` only when the manager manages several communities. */
export const importHouseholdsInput = lazy(() => z
  .object({ fileId: fileId(), commit: z.boolean({ message: '请说明是预览还是确认导入' }), communityId: communityId().optional() })
  .strict());
export const exportHouseholdsInput = lazy(() => z.object({ communityId: communityId().optional() }).strict());
