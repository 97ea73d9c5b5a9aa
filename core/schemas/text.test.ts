import { cleanText, codePoints, freeText, singleLine, TEXT_MESSAGES } from './text';

const content = freeText({ min: 5, max: 10, minMessage: '至少 5 个字', maxMessage: '不超过 10 个字' });
const name = singleLine({ min: 1, max: 4 });
const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('item 6: free text is cleaned before its length rules apply', () => {
  it('item 6: six zero-width spaces are not 5 characters', () => {
    expect(issues(content.safeParse('\u200B'.repeat(6)))).toEqual(['至少 5 个字']);
    // Every invisible kind alone, padded to look long enough.
    for (const zw of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u3164', '\u200E', '\u{E0041}']) {
      expect([zw.codePointAt(0)!.toString(16), issues(content.safeParse(`好${zw.repeat(8)}`))]).toEqual([zw.codePointAt(0)!.toString(16), ['至少 5 个字']]);
    }
    expect(content.parse('漏\u200B水\u2060了\uFEFF快来')).toBe('漏水了快来');
  });

  it('item 6: lengths count code points, so five emoji are five characters and ten fit in ten', () => {
    expect(content.parse('😀😀😀😀😀')).toBe('😀😀😀😀😀');
    expect(content.parse('👍'.repeat(10))).toBe('👍'.repeat(10));
    expect(issues(content.safeParse('👍'.repeat(11)))).toEqual(['不超过 10 个字']);
    expect(codePoints('水管爆裂😀')).toBe(5);
  });

  it('item 6: the zero-width joiner inside an emoji sequence is part of the emoji and is kept', () => {
    expect(cleanText('师傅👩🏽‍💻很专业👨‍👩‍👧', false)).toBe('师傅👩🏽‍💻很专业👨‍👩‍👧');
    expect(cleanText('a\u200Db', false)).toBe('ab');
    expect(cleanText('👍\u200D', false)).toBe('👍');
  });

  it('item 6: bidi overrides, embeddings and isolates are refused; the invisible LRM/RLM marks are removed', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(issues(content.safeParse(`报价\u202E001 元，含材料`.replace('\u202E', c)))).toEqual([TEXT_MESSAGES.bidi]);
    }
    expect(content.parse('\u200E厨房漏水了\u200F')).toBe('厨房漏水了');
  });

  it('item 6: lone surrogates (invalid UTF-16, what invalid UTF-8 decodes to) are refused', () => {
    for (const s of ['厨房\uD800漏水了啊', '厨房\uDC00漏水了啊', '厨房漏水了啊\uD83D', '\uDE00厨房漏水了啊']) expect(issues(content.safeParse(s))).toEqual([TEXT_MESSAGES.illFormed]);
    expect(content.parse('厨房漏水了啊\uD83D\uDE00')).toBe('厨房漏水了啊😀');
  });

  it('item 6: control characters are stripped; tabs become spaces; line breaks kept only in multi-line fields', () => {
    expect(cleanText('厨房\u0000漏\u0007水\u001B[31m了\u007F\u0085啊\u009B', true)).toBe('厨房漏水[31m了\n啊');
    expect(cleanText('第一行\r\n第二行\r第三行\u2028第四行\t结束', true)).toBe('第一行\n第二行\n第三行\n第四行 结束');
    expect(cleanText('李\n明\r\n\t先生', false)).toBe('李 明 先生');
    expect(name.parse(' 李明\u0000 ')).toBe('李明');
    expect(issues(name.safeParse('\u0000\u0001\u200B\n'))).toEqual(['请填写此项']);
  });

  it('item 6: whitespace is collapsed and trimmed before counting; at most one blank line in a row', () => {
    expect(cleanText('  漏水     了 \n\n\n\n\n  快来   \n', true)).toBe('漏水 了\n\n快来');
    expect(cleanText('李　　明   ', false)).toBe('李 明');
    expect(issues(content.safeParse(`漏${' '.repeat(30)}水`))).toEqual(['至少 5 个字']);
  });

  it('item 6: text is NFC-normalised, so a decomposed character counts once and compares equal', () => {
    const decomposed = 'Cafe\u0301'; // é as e + combining acute
    expect(cleanText(decomposed, false)).toBe('Café');
    expect(codePoints(cleanText(decomposed, false))).toBe(4);
  });

  it('item 6: a raw string far longer than the field is refused before any work', () => {
    expect(issues(content.safeParse('\u200B'.repeat(100)))).toEqual(['不超过 10 个字']);
  });
});
