import { z } from 'zod';

/**
 * Free text typed by people (case content, names, notes, reasons, results, materials, comments): what is
 * stored is what everyone will see, and a length rule counts what a reader sees.
 *
 * Refused (the writer is told, nothing is guessed):
 * - lone surrogates: invalid UTF-16, which is what invalid UTF-8 becomes once decoded;
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what OTHER
 *   readers see (a fee, a phone, a name) without showing themselves.
 * Removed (invisible, carry nothing a reader could see):
 * - zero-width characters U+200B–U+200D, U+2060–U+2064, U+FEFF, the soft hyphen, the combining grapheme
 *   joiner, Hangul fillers and tag characters — except the joiner/tags inside an emoji sequence
 *   (👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿), which are part of one visible emoji;
 * - the bidi marks U+200E, U+200F, U+061C (no reordering power of their own; they ride along with pasted text);
 * - C0/C1 control characters; a tab becomes a space; line breaks become a space in single-line fields and
 *   `\n` in multi-line ones (CR LF, CR, NEL, U+2028/2029 alike).
 * Then: NFC, runs of spaces collapsed, at most one blank line in a row, trimmed — and only THEN the length
 * rules, counted in code points (an emoji is one, six zero-width spaces are none).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** An emoji ZWJ sequence or tag sequence (kept whole), else one invisible character (removed). */
const EMOJI_ELEMENT = '\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})?';
const INVISIBLE = new RegExp(
  [
    `(${EMOJI_ELEMENT}(?:\\u200D${EMOJI_ELEMENT})+)`,
    '(\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F})',
    '[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD\\u034F\\u061C\\u180E\\u115F\\u1160\\u3164\\uFFA0\\u{E0000}-\\u{E007F}]',
  ].join('|'),
  'gu',
);
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The cleaned text (pure; the schema below refuses what this cannot make honest). */
export function cleanText(raw: string, multiline: boolean): string {
  let s = raw.normalize('NFC').replace(INVISIBLE, (m, zwj?: string, tags?: string) => zwj ?? tags ?? '');
  s = s.replace(LINE_BREAK, multiline ? '\n' : ' ').replace(/\t/g, ' ').replace(CONTROL, '');
  if (!multiline) return s.replace(/\s+/g, ' ').trim();
  return s
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length as a reader counts it: code points, so an emoji or a CJK character is one. */
export const codePoints = (s: string): number => [...s].length;

export const TEXT_MESSAGES = {
  illFormed: '内容含有无法识别的字符，请删除后再试',
  bidi: '内容含有改变文字方向的隐藏字符，请删除后再试',
} as const;

export interface TextRule {
  /** Fewest code points after cleaning (0 when omitted). */
  min?: number;
  /** Most code points after cleaning. */
  max: number;
  /** Line breaks kept (content, replies, results) or folded into spaces (names, short notes). */
  multiline?: boolean;
  minMessage?: string;
  maxMessage?: string;
}

/** A zod schema for one free-text field: refuses, cleans, then applies the length rules. */
export function freeText(rule: TextRule) {
  const { min = 0, max, multiline = true } = rule;
  const minMessage = rule.minMessage ?? (min <= 1 ? '请填写此项' : `请至少填写 ${min} 个字`);
  const maxMessage = rule.maxMessage ?? `不超过 ${max} 个字`;
  return z
    .string()
    // Raw bound before any work: room for surrogate pairs and some invisible characters, no more.
    .max(max * 4 + 16, maxMessage)
    .refine((s) => !LONE_SURROGATE.test(s), TEXT_MESSAGES.illFormed)
    .refine((s) => !BIDI_CONTROL.test(s), TEXT_MESSAGES.bidi)
    .transform((s) => cleanText(s, multiline))
    .refine((s) => codePoints(s) >= min, minMessage)
    .refine((s) => codePoints(s) <= max, maxMessage)
    .meta({
      ...(min > 0 ? { minLength: min } : {}),
      maxLength: max,
      description: `${multiline ? '多行' : '单行'}文本：去除零宽与控制字符、拒绝方向控制字符与无效字符，折叠空白并去除首尾空白后，按码位计长度`,
    });
}

/** Names, short notes and reasons: line breaks become spaces. */
export const singleLine = (rule: Omit<TextRule, 'multiline'>) => freeText({ ...rule, multiline: false });
