/**
 * One spelling of each word the product shows: 其他 (never the variant 其它) in core's vocabulary, the
 * categories and every page and message text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KIND_LABELS, REPAIR_CATEGORIES } from '../../core/vocabulary';
import { CATEGORIES } from '../../core/domain/case/routing';

const ROOT = path.join(__dirname, '../..');
function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx)$/.test(e.name)) yield p;
  }
}

describe('wording', () => {
  it('其他 is the one spelling: the kind, the categories and every text in core/ and src/', () => {
    expect(KIND_LABELS.other).toBe('其他');
    expect(REPAIR_CATEGORIES.other_repair.label).toBe('其他维修');
    expect(CATEGORIES.other.label).toBe('其他');
    const variant = String.fromCodePoint(0x5176, 0x5b83); // 其它
    const offenders = ['core', 'src'].flatMap((d) => [...sources(path.join(ROOT, d))]).filter((f) => fs.readFileSync(f, 'utf8').includes(variant));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
