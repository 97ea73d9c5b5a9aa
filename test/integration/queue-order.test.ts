import { startHarness, rid, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('[R-REP-3] the queue puts a missed emergency first, ahead of repairs due later, even after its escalation', async () => {
  const a = await h.login('resident-a');
  const b = await h.login('resident-b');
  const later = await h.call(b, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-102', kind: 'repair', category: 'door_window', location: 'in_home', content: '阳台推拉门滑轨坏了，推不动' });
  const urgent = await h.call(a, 'case', { action: 'submit', requestId: rid(), householdId: '1-1-101', kind: 'repair', category: 'burst_pipe', location: 'in_home', content: '卫生间水管爆裂，正在漏水' });
  expect([later.status, urgent.status]).toEqual([200, 200]);
  await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 17 * 60_000 }) });
  const sup = await h.login('supervisor');
  const q = await h.call(sup, 'workbench', { action: 'queue' });
  const ids = q.body.data.items.map((c: { id: string }) => c.id);
  expect(ids.indexOf(urgent.body.data.id)).toBeLessThan(ids.indexOf(later.body.data.id));
  const first = q.body.data.items[0];
  expect(first).toMatchObject({ id: urgent.body.data.id, owner: 'supervisor', escalationLevel: 1 });
  expect(first.deadlines[0]).toMatchObject({ name: 'arrival', breached: true });
  expect(Date.parse(first.serverNow)).toBeGreaterThan(Date.parse(first.deadlines[0].dueAt));
  const breachedOnly = await h.call(sup, 'workbench', { action: 'queue', breached: true });
  expect(breachedOnly.body.data.items.map((c: { id: string }) => c.id)).toEqual([urgent.body.data.id]);
});
