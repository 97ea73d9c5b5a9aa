import { DAY } from '../time';

/**
 * How long the first reply to a creating call is kept for replay (R-INT-7, contract §1): the same
 * caller + action + requestId answers the first result again for 7 days. That is far longer than any
 * retry — the app keeps one request id per open form, so a retry comes minutes or hours later at most —
 * and keeps the idempotency table from growing forever. The `sla` timer purges replies older than this,
 * so after the window a request id may be forgotten (a call with it is then a new call).
 */
export const REPLAY_WINDOW_MS = 7 * DAY;
