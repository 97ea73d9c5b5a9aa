import type { CloudStorage } from '../../core/ports/files';
import { fileActions } from '../../core/api/actions/file';
import { createMain } from '../_runtime/createMain';
import { provideCloudStorage } from '../_runtime/deps';

// CloudBase storage through @cloudbase/node-sdk, with the function's own credentials. Required on first
// use, so an instance that is only loaded does not evaluate the SDK.
provideCloudStorage((envId): CloudStorage => {
  let open: CloudStorage | null = null;
  const storage = (): CloudStorage => (open ??= (require('../../adapters/files/cloudbase') as typeof import('../../adapters/files/cloudbase')).cloudbaseStorage({ envId }));
  return {
    envId,
    inspect: (cloudId, bytes) => storage().inspect(cloudId, bytes),
    urlOf: (file, seconds) => storage().urlOf(file, seconds),
  };
});

/** `file` cloud function: actions in core/api/actions/file.ts. */
export const main = createMain('file', fileActions);
