import { action, outsideAction } from '../action';
import * as file from '../../schemas/file';
import { uploadPath } from '../../usecases/file/uploadPath';
import { inspectUpload, registerUpload } from '../../usecases/file/register';
import { photoToRead, photoUrl } from '../../usecases/file/url';

/**
 * The `file` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). Photos
 * through cloud storage: the mini-program uploads them itself, registers them, reads them by URL.
 */
export const fileActions = {
  uploadPath: action(file.uploadPathInput, uploadPath, { readOnly: true }),
  register: outsideAction(file.registerInput, { before: inspectUpload, run: registerUpload }, { idempotent: true }),
  url: outsideAction(file.fileUrlInput, { run: photoToRead, after: photoUrl }, { readOnly: true }),
} as const;
