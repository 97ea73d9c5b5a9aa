import { startHarness, rid, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('[R-ACC-1] a bound resident submits a consultation through the gateway and the front desk sees it', async () => {
  const a = await h.login('resident-a');
  const sub = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'consultation', content: '请问小区快递柜在哪里？' });
  expect(sub.status).toBe(200);
  expect(sub.body.data.status).toBe('submitted');
  const fd = await h.login('frontdesk');
  const q = await h.call(fd, 'workbench', { action: 'queue' });
  expect(q.body.data.items.map((c: { id: string }) => c.id)).toContain(sub.body.data.id);
});
