import type { Caller } from './caller';
import { caseFieldsFor, caseReachOf, type CaseRef } from './caseAccess';

const staff = (userId: string, ...roles: [string, Caller['staff'][number]['role']][]): Caller => ({
  userId,
  name: userId,
  staff: roles.map(([communityId, role]) => ({ communityId, role })),
  households: [],
});
const resident: Caller = { userId: 'a', name: '李明', staff: [], households: [{ householdId: '1-1-101', communityId: 'demo', relation: 'owner' }] };
const desk = staff('fd', ['demo', 'frontdesk']);
const tech1 = staff('t1', ['demo', 'technician']);
const tech2 = staff('t2', ['demo', 'technician']);
const cashier = staff('c', ['demo', 'cashier']);
const reno = staff('r', ['demo', 'renovation_officer']);
/** A technician here who is the front desk of another community. */
const mixed = staff('m', ['demo', 'technician'], ['other', 'frontdesk']);

const ref = (over: Partial<CaseRef> = {}): CaseRef => ({ communityId: 'demo', householdId: '1-1-101', category: null, owner: 'fd', work: { technician: null }, ...over });
const FULL = { phone: 'full', name: 'full', content: true, photos: true };
const MASKED = { phone: 'masked', name: 'masked', content: true, photos: true };

describe('caseFieldsFor (R-ACC-5)', () => {
  it('[R-ACC-5] the household and the case desk see the case whole; lists mask the phone for everyone', () => {
    expect(caseFieldsFor(resident, ref(), 'detail')).toEqual(FULL);
    expect(caseFieldsFor(desk, ref(), 'detail')).toEqual(FULL);
    expect(caseFieldsFor(desk, ref(), 'list')).toEqual({ ...FULL, phone: 'masked' });
    expect(caseFieldsFor(resident, ref({ householdId: '1-1-102' }), 'detail')).toBeNull();
    expect(caseFieldsFor(null, ref(), 'detail')).toBeNull();
  });

  it('[R-ACC-5] a technician reads the work orders he holds and cases handed to him, nothing else', () => {
    const order = ref({ work: { technician: 't1' } });
    expect(caseFieldsFor(tech1, order, 'detail')).toEqual(FULL);
    expect(caseFieldsFor(tech2, order, 'detail')).toBeNull();
    expect(caseFieldsFor(tech2, ref({ owner: 't2' }), 'detail')).toEqual(FULL);
    expect(caseFieldsFor(tech1, ref(), 'detail')).toBeNull();
  });

  it('[R-ACC-5] cases routed by category show the renovation officer and the cashier a masked contact; handed to them, in full', () => {
    expect(caseFieldsFor(reno, ref({ category: 'renovation' }), 'detail')).toEqual(MASKED);
    expect(caseFieldsFor(cashier, ref({ category: 'fee' }), 'detail')).toEqual(MASKED);
    expect(caseFieldsFor(cashier, ref({ category: 'renovation' }), 'detail')).toBeNull();
    expect(caseFieldsFor(reno, ref({ category: 'fee' }), 'detail')).toBeNull();
    expect(caseFieldsFor(cashier, ref({ category: 'fee', owner: 'c' }), 'detail')).toEqual(FULL);
    expect(caseFieldsFor(reno, ref({ owner: 'r' }), 'list')).toEqual({ ...FULL, phone: 'masked' });
  });

  it('[R-ACC-3] roles count per community: the front desk of another community is a technician here', () => {
    expect(caseFieldsFor(mixed, ref(), 'detail')).toBeNull();
    expect(caseFieldsFor(mixed, ref({ communityId: 'other', householdId: '9-1-101' }), 'detail')).toEqual(FULL);
    expect(caseFieldsFor(desk, ref({ communityId: 'other' }), 'detail')).toBeNull();
  });

  it('[R-ACC-3] the same reach as a store filter, per community', () => {
    expect(caseReachOf(mixed)).toEqual([
      { communityId: 'demo', all: false, owner: 'm', technician: 'm', categories: [] },
      { communityId: 'other', all: true, owner: 'm', technician: null, categories: [] },
    ]);
    expect(caseReachOf(staff('x', ['demo', 'cashier'], ['demo', 'renovation_officer']))).toEqual([{ communityId: 'demo', all: false, owner: 'x', technician: null, categories: ['fee', 'renovation'] }]);
    expect(caseReachOf(resident)).toEqual([]);
  });
});
