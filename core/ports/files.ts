/** Where uploaded bytes live: a folder locally, CloudBase storage in production. */
export interface FileStore {
  put(id: string, bytes: Uint8Array, mime: string): Promise<void>;
  get(id: string): Promise<Uint8Array | undefined>;
}

/**
 * Storage the client uploads to itself (CloudBase storage: the mini-program's `Taro.cloud.uploadFile`
 * answers a `cloud://<env>.<bucket>/<cloudPath>` file id). The functions only look at what was uploaded
 * and hand out short-lived read URLs; they never receive the bytes.
 */
export interface CloudStorage {
  /** The environment whose `cloud://` ids this deployment accepts (ids of any other are refused). */
  readonly envId: string;
  /** The stored object's size and its first `bytes` bytes (fewer if it is shorter); undefined when absent. */
  inspect(cloudId: string, bytes: number): Promise<{ size: number; head: Uint8Array } | undefined>;
  /**
   * The whole stored object when it holds at most `maxBytes` bytes; `'too_large'` when it holds more (not
   * read further than needed to tell); undefined when absent. For files the functions read themselves
   * (the household register's .xlsx), never for photos.
   */
  read(cloudId: string, maxBytes: number): Promise<Uint8Array | 'too_large' | undefined>;
  /**
   * A URL that reads the file for about `seconds`: a temporary URL for a cloud file; for a file stored
   * by the platform itself (`cloudId` null) whatever the platform serves it at, or undefined when none.
   */
  urlOf(file: { id: string; cloudId: string | null }, seconds: number): Promise<string | undefined>;
  /** Stores bytes the functions made (an export) at `cloudPath`; answers the new file's `cloud://` id. */
  save?(cloudPath: string, bytes: Uint8Array): Promise<string>;
}
