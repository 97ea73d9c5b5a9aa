import type { Payments } from './payments';
import type { CreationLimits } from '../limits';
import type { Clock, IdSource } from './clock';
import type { CloudStorage, FileStore } from './files';
import type { Spreadsheets } from './spreadsheets';
import type { PhoneVerifier } from './phoneVerifier';
import type { Channels, PushSender } from './notifier';
import type { OutboxRow, Store } from './store';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the functions need from the platform, chosen once at start (no per-call flags). */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  /** A collision-resistant digest (sha-256 hex) for request-body comparison. */
  hash(text: string): string;
  log: Logger;
  /** WeChat's phone-number API in CloudBase; the local platform's stand-in locally. */
  phone?: PhoneVerifier;
  /** Storage the client uploads photos to itself (absent: `file.*` actions answer INTERNAL). */
  cloud?: CloudStorage;
  /** Bytes the platform stores itself (uploads, exports); absent: the register actions answer INTERNAL. */
  files?: FileStore;
  /** .xlsx workbooks in and out (the household register). */
  sheets?: Spreadsheets;
  /** WeChat Pay API v3 (absent: `fee.pay` and the pay notification answer INTERNAL). */
  payments?: Payments;
  /**
   * Pushes outside the store, when configured: WeChat subscribe messages and the 企业微信 robot. The
   * `sla` function's timer delivers them (and what is left in the outbox) after its sweep.
   */
  pushes?: { wechat?: PushSender; wecom?: PushSender };
  /**
   * The deployment's delivery pass (outbox → message center and fan-out, then pushes), run by the `sla`
   * timer after its sweep and awaited before the function answers. `deadline`: no new send after it.
   */
  deliver?: (deadline: number) => Promise<unknown>;
  /** Creation limits where this deployment differs from core/limits.ts (a benchmark lifts them). */
  limits?: Partial<CreationLimits>;
  /** Called after a write commits (the dispatcher delivers what is left in the outbox). */
  afterCommit?: () => void;
  /**
   * Channels that deliver by writing to the store itself (the message center): what a write enqueues
   * for them is delivered in that same transaction and its outbox row written as delivered, so a
   * submission costs one durable commit, not two, and no second pass over the outbox.
   */
  inStoreNotifiers?: Partial<Channels>;
}
