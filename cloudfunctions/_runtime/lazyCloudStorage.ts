import type { CloudStorage } from '../../core/ports/files';
import { provideCloudStorage } from './deps';

/**
 * Gives the function CloudBase storage through @cloudbase/node-sdk, with the function's own credentials:
 * photos (`file`), the household register's .xlsx (`setup`), exports (`report`, `setup`, `cashier`). The SDK is required on first use, so an
 * instance that is only loaded does not evaluate it.
 */
export function useCloudStorage() {
  provideCloudStorage((envId): CloudStorage => {
    let open: CloudStorage | null = null;
    const storage = (): CloudStorage => (open ??= (require('../../adapters/files/cloudbase') as typeof import('../../adapters/files/cloudbase')).cloudbaseStorage({ envId }));
    return {
      envId,
      inspect: (cloudId, bytes) => storage().inspect(cloudId, bytes),
      read: (cloudId, maxBytes) => storage().read(cloudId, maxBytes),
      urlOf: (file, seconds) => storage().urlOf(file, seconds),
      save: (cloudPath, bytes) => storage().save!(cloudPath, bytes),
    };
  });
}
