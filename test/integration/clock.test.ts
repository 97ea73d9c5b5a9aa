import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('[R-INT-1] the test clock moves platform time, and deadlines are judged against it', async () => {
  const a = await h.login('resident-a');
  const sub = await h.call(a, 'case', { action: 'submit', requestId: 'clock-test-0001', householdId: '1-1-101', kind: 'consultation', content: '请问周末物业办公室开门吗？' });
  expect(sub.body.data.deadlines[0]).toMatchObject({ name: 'reply', breached: false });
  const before = Date.parse(((await (await fetch(`${h.url}/local/clock`)).json()) as { now: string }).now);
  const moved = (await (await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 2 * 86_400_000 + 60_000 }) })).json()) as { now: string };
  expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(2 * 86_400_000 + 59_000);
  const later = await h.call(a, 'case', { action: 'get', id: sub.body.data.id });
  expect(later.body.data.deadlines[0].breached).toBe(true);
  const bad = await fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: -5 }) });
  expect(bad.status).toBe(400);
});
