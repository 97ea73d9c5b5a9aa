import { fail, type Failure } from '../errors';
import type { BindingKey, CaseKey, NewestKey } from '../ports/store';

/**
 * Keyset pagination (contract §3: a list answers `{ items }`, with a `cursor` when there is more). A
 * cursor is the sort key of the last item a page showed, tagged with its list: the next page starts
 * strictly after it, so rows inserted meanwhile never shift a page (no gaps, no repeats, as an offset
 * would give) and the store reads the next page from its index instead of skipping rows. Clients pass
 * it back untouched: its spelling (`<list>,<part>,…`, each part `n<integer in base 36>`, `s<escaped text>` or `z`
 * for none) is this file's business only.
 */
export type CursorPart = string | number | null;

// Numbers in base 36: shorter, and an epoch-ms time never reads like a phone number in a response.
const encodePart = (p: CursorPart) => (p === null ? 'z' : typeof p === 'number' ? `n${p.toString(36)}` : `s${encodeURIComponent(p)}`);

function decodePart(s: string): CursorPart | undefined {
  if (s === 'z') return null;
  if (/^n-?[0-9a-z]{1,11}$/.test(s)) {
    const n = parseInt(s.slice(1), 36);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (s.startsWith('s')) {
    try {
      return decodeURIComponent(s.slice(1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const encodeCursor = (list: string, parts: CursorPart[]): string => [list, ...parts.map(encodePart)].join(',');

/** The parts of a cursor of `list`, when it is one with `count` parts; null for anything else. */
export function decodeCursor(list: string, cursor: string, count: number): CursorPart[] | null {
  const [tag, ...raw] = cursor.split(',');
  if (tag !== list || raw.length !== count) return null;
  const parts = raw.map(decodePart);
  return parts.some((p) => p === undefined) ? null : (parts as CursorPart[]);
}

/** A cursor that is not one this list gave out (edited, from another list, from an older version). */
export const badCursor = (): { ok: false; error: Failure } => fail('INPUT.INVALID', { cursor: '列表位置已失效，请刷新后重试' });

/** What a page may hold at most, whatever the caller asks for. */
export const PAGE_LIMITS = { cases: 20, queue: 100, messages: 30, bindings: 50 } as const;

/** Cursors of the lists whose keys are `CaseKey`, `NewestKey` and `BindingKey` (core/ports/store.ts). */
export const caseCursor = {
  encode: (list: string, k: CaseKey) => encodeCursor(list, [k.urgentAt, k.createdAt, k.id]),
  decode(list: string, cursor: string): CaseKey | null {
    const p = decodeCursor(list, cursor, 3);
    if (!p || !(p[0] === null || typeof p[0] === 'number') || typeof p[1] !== 'number' || typeof p[2] !== 'string') return null;
    return { urgentAt: p[0], createdAt: p[1], id: p[2] };
  },
};

export const newestCursor = {
  encode: (list: string, k: NewestKey) => encodeCursor(list, [k.createdAt, k.id]),
  decode(list: string, cursor: string): NewestKey | null {
    const p = decodeCursor(list, cursor, 2);
    if (!p || typeof p[0] !== 'number' || typeof p[1] !== 'string') return null;
    return { createdAt: p[0], id: p[1] };
  },
};

export const bindingCursor = {
  encode: (list: string, k: BindingKey) => encodeCursor(list, [k.pending ? 1 : 0, k.createdAt, k.id]),
  decode(list: string, cursor: string): BindingKey | null {
    const p = decodeCursor(list, cursor, 3);
    if (!p || (p[0] !== 0 && p[0] !== 1) || typeof p[1] !== 'number' || typeof p[2] !== 'string') return null;
    return { pending: p[0] === 1, createdAt: p[1], id: p[2] };
  },
};
