/** Where uploaded bytes live: a folder locally, CloudBase storage in production. */
export interface FileStore {
  put(id: string, bytes: Uint8Array, mime: string): Promise<void>;
  get(id: string): Promise<Uint8Array | undefined>;
}
