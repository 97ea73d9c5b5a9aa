import { wallClock } from '../../shanghai';

/**
 * WeChat subscribe-message field types and their limits (the template's keyword types): a value that
 * does not fit is refused by WeChat with 47003, so every value is fitted here before it is sent.
 * Lengths count characters (code points), never UTF-16 units, so an emoji is never cut in half.
 */
export type FieldType = 'thing' | 'phrase' | 'name' | 'character_string' | 'time' | 'amount' | 'number';

export const FIELD_LIMITS = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32 } as const;

const chars = (s: string) => Array.from(s);
/** Control characters (line breaks included) are not allowed in any field: replaced by a space. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

function cut(s: string, max: number, ellipsis: boolean): string {
  const c = chars(s);
  if (c.length <= max) return s;
  return ellipsis ? `${c.slice(0, max - 1).join('')}…` : c.slice(0, max).join('');
}

/** `2026-12-02 10:05` in Beijing time, a format WeChat's `time` type accepts. */
export function fieldTime(ms: number): string {
  const w = wallClock(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/**
 * Fits one value to its field type. `thing`: ≤ 20 characters, cut with an ellipsis. `phrase`: ≤ 5
 * Chinese characters, no digits or symbols (they are dropped). `name`: ≤ 10. `character_string` and
 * `number`: ≤ 32 ASCII letters, digits and symbols (anything else is dropped). `amount`: a number of
 * yuan with up to 2 decimals and a trailing 元. An empty result becomes a placeholder (WeChat refuses
 * empty values).
 */
export function fitField(type: FieldType, raw: string): string {
  const v = oneLine(raw ?? '');
  let out: string;
  switch (type) {
    case 'thing':
      out = cut(v, FIELD_LIMITS.thing, true);
      break;
    case 'phrase':
      out = cut(v.replace(/[^\u4e00-\u9fa5]/g, ''), FIELD_LIMITS.phrase, false);
      break;
    case 'name':
      out = cut(v, FIELD_LIMITS.name, false);
      break;
    case 'character_string':
      out = cut(v.replace(/[^\x21-\x7e]/g, ''), FIELD_LIMITS.character_string, false);
      break;
    case 'number':
      out = cut(v.replace(/[^0-9]/g, ''), FIELD_LIMITS.number, false);
      break;
    case 'amount': {
      const n = v.replace(/[^0-9.]/g, '');
      out = /^\d{1,10}(\.\d{1,2})?$/.test(n) ? `${n}元` : '';
      break;
    }
    case 'time':
      out = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v) ? v : '';
      break;
  }
  return out || placeholder(type);
}

function placeholder(type: FieldType): string {
  switch (type) {
    case 'character_string':
    case 'number':
      return '0';
    case 'phrase':
      return '已更新';
    case 'amount':
      return '0元';
    case 'time':
      return '1970-01-01 08:00';
    default:
      return '-';
  }
}
