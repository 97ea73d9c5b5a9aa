import type { Caller } from '../access/caller';
import type { CreationLimits } from '../limits';
import type { IdSource } from '../ports/clock';
import type { PhoneVerifier } from '../ports/phoneVerifier';
import type { Tx } from '../ports/store';
import type { SubscribeKey } from '../domain/notify/subscribe';
import type { Spreadsheets } from '../ports/spreadsheets';

/** What a use case gets: the open transaction, the request's time, an id source and the caller. */
export interface UseCaseContext {
  tx: Tx;
  /** Platform time of this request, read once (ms). */
  now: number;
  ids: IdSource;
  caller: Caller | null;
  /** The platform's identity of the caller (WeChat OPENID; never the payload): per-user storage paths. */
  openid?: string | null;
  /** What the action's `before` step found outside the transaction (core/api/action.ts). */
  prepared?: unknown;
  /** Exchanges a getPhoneNumber code for the verified phone (absent: every code is `unavailable`). */
  phone?: PhoneVerifier;
  /** The subscribe templates this deployment has ids for (absent: residents are asked for none). */
  subscribeTemplates?: Partial<Record<SubscribeKey, string>>;
  /** This deployment's creation limits (defaults: core/limits.ts). */
  limits?: Partial<CreationLimits>;
  /** Reads and writes .xlsx workbooks (CPU only; absent: the register actions answer INTERNAL). */
  sheets?: Spreadsheets;
}
