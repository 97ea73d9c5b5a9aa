import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '../../core/ports/files';

/** Uploaded images under DATA_DIR/uploads, written atomically (temp file + rename). */
export function diskFileStore(dir: string): FileStore {
  const fileOf = (id: string) => {
    if (!/^f_[A-Za-z0-9_-]+$/.test(id)) throw new Error('bad file id');
    return path.join(dir, id);
  };
  return {
    async put(id, bytes) {
      await fs.mkdir(dir, { recursive: true });
      const tmp = `${fileOf(id)}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, fileOf(id));
    },
    async get(id) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(id)));
      } catch {
        return undefined;
      }
    },
  };
}
