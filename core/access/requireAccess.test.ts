import type { Caller } from './caller';
import { requireAccess } from './requireAccess';

const resident: Caller = { userId: 'a', name: '李明', staff: [], households: [{ householdId: '1-1-101', communityId: 'demo', relation: 'owner' }] };
const unbound: Caller = { userId: 'n', name: '新用户', staff: [], households: [] };
const desk: Caller = { userId: 'fd', name: '张敏', staff: [{ communityId: 'demo', role: 'frontdesk' }], households: [] };
const cashier: Caller = { userId: 'c', name: '郑芳', staff: [{ communityId: 'demo', role: 'cashier' }], households: [] };
const obj = (householdId: string, communityId = 'demo') => ({ communityId, householdId, notFound: 'CASE.NOT_FOUND' as const });
const code = (r: ReturnType<typeof requireAccess>) => (r.ok ? 'ok' : r.error.code);

describe('requireAccess', () => {
  it('[R-ACC-2] no platform identity is unauthenticated, whatever the action', () => {
    expect(code(requireAccess(null, 'account.me'))).toBe('AUTH.UNAUTHENTICATED');
    expect(code(requireAccess(null, 'case.submit', obj('1-1-101')))).toBe('AUTH.UNAUTHENTICATED');
  });

  it('[R-ACC-1] an unbound user may browse and bind, and nothing else', () => {
    expect(code(requireAccess(unbound, 'account.bind'))).toBe('ok');
    expect(code(requireAccess(unbound, 'case.submit'))).toBe('HOUSEHOLD.NOT_BOUND');
    expect(code(requireAccess(unbound, 'case.readOwn', obj('1-1-101')))).toBe('HOUSEHOLD.NOT_BOUND');
  });

  it("[R-ACC-4] another household's object is not found, never forbidden", () => {
    expect(code(requireAccess(resident, 'case.readOwn', obj('1-1-101')))).toBe('ok');
    expect(code(requireAccess(resident, 'case.readOwn', obj('1-1-102')))).toBe('CASE.NOT_FOUND');
    expect(code(requireAccess(resident, 'case.readOwn', obj('1-1-101', 'other')))).toBe('CASE.NOT_FOUND');
  });

  it('[R-ACC-3] staff act by role, and only in their own communities', () => {
    expect(code(requireAccess(desk, 'workbench.assign', obj('1-1-101')))).toBe('ok');
    expect(code(requireAccess(desk, 'workbench.assign', obj('9-9-999', 'elsewhere')))).toBe('CASE.NOT_FOUND');
    expect(code(requireAccess(cashier, 'workbench.assign', obj('1-1-101')))).toBe('AUTH.FORBIDDEN');
    expect(code(requireAccess(resident, 'workbench.queue'))).toBe('AUTH.FORBIDDEN');
    expect(code(requireAccess(desk, 'case.submit'))).toBe('HOUSEHOLD.NOT_BOUND');
  });
});
