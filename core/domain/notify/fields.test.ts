import { FIELD_LIMITS, fieldTime, fitField } from './fields';
import { SUBSCRIBE_FIELDS, subscribeData } from './subscribe';
import { robotDigest, robotMarkdown, ROBOT_MARKDOWN_BYTES } from './robot';

const len = (s: string) => Array.from(s).length;

describe('subscribe-message field values fit WeChat limits', () => {
  it('thing ≤ 20 characters, cut with an ellipsis, line breaks and control characters removed; short values unchanged', () => {
    expect(fitField('thing', '厨房水管漏水')).toBe('厨房水管漏水');
    const long = '您好，您提交的报修我们已收到，工作人员会尽快为您处理，感谢您的耐心';
    const t = fitField('thing', long);
    expect(len(t)).toBe(20);
    expect(t.endsWith('…')).toBe(true);
    expect(t.startsWith('您好，您提交的报修')).toBe(true);
    expect(fitField('thing', '第一行\n第二行\t\u0007结尾')).toBe('第一行 第二行 结尾');
    expect(len(fitField('thing', 'x'.repeat(20)))).toBe(20);
    expect(fitField('thing', 'x'.repeat(20))).toBe('x'.repeat(20));
  });

  it('counts characters, not UTF-16 units: an emoji is never cut in half', () => {
    const t = fitField('thing', '😀'.repeat(30));
    expect(len(t)).toBe(20);
    expect(t).toBe(`${'😀'.repeat(19)}…`);
    expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('phrase ≤ 5 Chinese characters only; name ≤ 10; character_string ≤ 32 ASCII; empty becomes a placeholder', () => {
    expect(fitField('phrase', '处理中')).toBe('处理中');
    expect(fitField('phrase', '已派单待上门处理')).toBe('已派单待上');
    expect(fitField('phrase', '2 已受理!')).toBe('已受理');
    expect(len(fitField('phrase', 'abc'))).toBeLessThanOrEqual(FIELD_LIMITS.phrase);
    expect(fitField('phrase', 'abc')).toMatch(/^[\u4e00-\u9fa5]{1,5}$/);
    expect(fitField('name', '欧阳长名字的一位住户先生您好')).toBe('欧阳长名字的一位住户');
    expect(fitField('character_string', 'BX20261202-0007')).toBe('BX20261202-0007');
    expect(fitField('character_string', '工单BX20261202-0007')).toBe('BX20261202-0007');
    expect(fitField('character_string', 'A'.repeat(40))).toBe('A'.repeat(32));
    expect(fitField('character_string', '中文')).toBe('0');
    expect(fitField('thing', '  ')).toBe('-');
    expect(fitField('amount', '120.50')).toBe('120.50元');
    expect(fitField('amount', '¥80')).toBe('80元');
  });

  it('time is Beijing wall time whatever the host zone, in a format WeChat accepts', () => {
    expect(fieldTime(Date.parse('2026-12-02T01:05:00Z'))).toBe('2026-12-02 09:05');
    expect(fieldTime(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
    expect(fitField('time', 'yesterday')).toBe('1970-01-01 08:00');
  });

  it('every template key fills exactly its declared fields, each within its limit, from long inputs', () => {
    const long = '这是一段非常非常长的内容，用来检查每一个字段都不会超过微信规定的长度限制'.repeat(3);
    const d = { caseId: 'c_1', number: `BX20261202-0007${'9'.repeat(40)}`, title: long, kind: long, status: long, reply: long, fee: '1234.5', householdId: long, reason: long };
    const at = Date.parse('2026-12-02T02:00:00Z');
    const cases = [
      ['caseProgress', 'case.replied'],
      ['repairQuote', 'repair.quoted'],
      ['bindingResult', 'binding.rejected'],
    ] as const;
    for (const [key, template] of cases) {
      const out = subscribeData(key, template, d, { title: long, body: long }, at);
      expect(Object.keys(out).sort()).toEqual(Object.keys(SUBSCRIBE_FIELDS[key]).sort());
      for (const [name, type] of Object.entries(SUBSCRIBE_FIELDS[key])) {
        const limit = (FIELD_LIMITS as Record<string, number>)[type];
        if (limit) expect(len(out[name])).toBeLessThanOrEqual(limit);
        expect(out[name].length).toBeGreaterThan(0);
      }
    }
  });

  it('robot posts stay within 4096 bytes; a digest lists what fits and counts the rest', () => {
    const big = { title: '超时', body: '很长'.repeat(3000) };
    expect(new TextEncoder().encode(robotMarkdown(big)).length).toBeLessThanOrEqual(ROBOT_MARKDOWN_BYTES);
    const many = Array.from({ length: 60 }, (_, i) => ({ title: `新报修待处理 ${i}`, body: `1-2-${i} 提交了报修（BX20261202-${String(i).padStart(4, '0')}），请及时受理。`.repeat(3) }));
    const digest = robotDigest(many);
    expect(new TextEncoder().encode(digest).length).toBeLessThanOrEqual(ROBOT_MARKDOWN_BYTES);
    expect(digest).toContain('（60 条）');
    expect(digest).toMatch(/另有 \d+ 条/);
    expect(robotDigest(many.slice(0, 2))).not.toMatch(/另有/);
    expect(robotMarkdown({ title: '**粗体** <@all>', body: '# 标题' })).not.toMatch(/<@all>|\n#/);
  });
});
