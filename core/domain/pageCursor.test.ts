import { bindingCursor, caseCursor, decodeCursor, encodeCursor, newestCursor } from './pageCursor';

describe('page cursors (keyset positions)', () => {
  it('round-trip every key, ids with any characters included; a time never reads like a phone number', () => {
    const k = { urgentAt: 1764123456789, createdAt: 1764000000000, id: 'c_a,b%c 中' };
    expect(caseCursor.decode('q', caseCursor.encode('q', k))).toEqual(k);
    expect(caseCursor.decode('c', caseCursor.encode('c', { ...k, urgentAt: null }))).toEqual({ ...k, urgentAt: null });
    expect(newestCursor.decode('m', newestCursor.encode('m', { createdAt: 0, id: 'm_1' }))).toEqual({ createdAt: 0, id: 'm_1' });
    expect(bindingCursor.decode('b', bindingCursor.encode('b', { pending: true, createdAt: 5, id: 'b_1' }))).toEqual({ pending: true, createdAt: 5, id: 'b_1' });
    expect(caseCursor.encode('q', k)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('refuse what the list did not give out: another list\'s, edited, truncated, wrong types, malformed escapes', () => {
    const c = caseCursor.encode('c', { urgentAt: null, createdAt: 1764000000000, id: 'c_1' });
    expect(caseCursor.decode('q', c)).toBeNull();
    expect(caseCursor.decode('c', c.split(',').slice(0, 3).join(','))).toBeNull();
    expect(caseCursor.decode('c', 'c,z,sx,sc_1')).toBeNull();
    expect(caseCursor.decode('c', 'c,z,n1,n2')).toBeNull();
    expect(newestCursor.decode('m', 'm,n1,s%E0%A4%A')).toBeNull();
    expect(bindingCursor.decode('b', 'b,n2,n1,sb_1')).toBeNull();
    expect(decodeCursor('c', '99999999999999999999', 3)).toBeNull();
    expect(decodeCursor('c', 'c,nzzzzzzzzzzzz,z,z', 3)).toBeNull();
    expect(decodeCursor('x', encodeCursor('x', [null, -5, '']), 3)).toEqual([null, -5, '']);
  });
});
