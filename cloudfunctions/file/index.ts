import { fileActions } from '../../core/api/actions/file';
import { createMain } from '../_runtime/createMain';
import { useCloudStorage } from '../_runtime/lazyCloudStorage';

useCloudStorage();

/** `file` cloud function: actions in core/api/actions/file.ts. */
export const main = createMain('file', fileActions);
