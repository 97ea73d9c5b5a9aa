/**
 * Service settings and fee standards per community (issue 11): validated with the rule book's bounds,
 * effective from a day, history kept, "in force at time T" readable; the demo's standards are contract §2's.
 */
import { deadlineOf } from '../support/calls';
import { rid, startHarness, type Harness } from '../support/harness';
import * as O from '../support/objects';

let h: Harness;
const call = async (user: string, fn: string, body: Record<string, unknown>) => h.call(await h.login(user), fn, body);
const ok = async (user: string, fn: string, body: Record<string, unknown>) => {
  const r = await call(user, fn, body);
  if (r.status !== 200) throw new Error(`${user} ${fn}.${String(body.action)}: ${r.status} ${JSON.stringify(r.body.error)}`);
  return r.body.data;
};
const setClock = (iso: string) => fetch(`${h.url}/local/clock`, { method: 'POST', body: JSON.stringify({ set: iso }) });
const price = (view: { inForce: { item: string; priceFen: number }[] }, item: string) => view.inForce.find((s) => s.item === item)?.priceFen;
const unchanged = async (fn: () => Promise<unknown>) => {
  const before = await O.fingerprint(O.dbOf(h));
  await fn();
  expect(O.changedTables(before, await O.fingerprint(O.dbOf(h)))).toEqual([]);
};

beforeAll(async () => {
  h = await startHarness();
  await setClock('2026-12-07T23:50:00+08:00');
}, 30_000);
afterAll(() => h?.close());

describe('fee standards', () => {
  it('[R-FEE-1][R-FEE-4] the demo community charges 2.50 元/m²/month property fee and 30 元/month elevator (contract §2); renovation fees default to the rule book', async () => {
    const v = await ok('manager', 'setup', { action: 'feeStandards' });
    expect(v.inForce.find((s: { item: string }) => s.item === 'property_fee')).toMatchObject({ basis: 'per_m2_month', priceFen: 250, priceText: '2.50 元/平方米/月', source: 'community' });
    expect(v.inForce.find((s: { item: string }) => s.item === 'elevator')).toMatchObject({ basis: 'per_household_month', priceFen: 3000, priceText: '30.00 元/户/月' });
    expect(v.inForce.find((s: { item: string }) => s.item === 'reno_deposit')).toMatchObject({ priceFen: 100_000, source: 'default' });
  });

  it('[R-FEE-2] a new standard takes effect from its day; what was in force before stays readable', async () => {
    await ok('manager', 'setup', { action: 'saveFeeStandard', requestId: rid('fs'), item: 'property_fee', basis: 'per_m2_month', priceFen: 280, effectiveFrom: '2027-01-01' });
    expect(price(await ok('manager', 'setup', { action: 'feeStandards' }), 'property_fee')).toBe(250);
    expect(price(await ok('manager', 'setup', { action: 'feeStandards', day: '2027-01-01' }), 'property_fee')).toBe(280);
    expect(price(await ok('manager', 'setup', { action: 'feeStandards', day: '2026-12-31' }), 'property_fee')).toBe(250);
    const history = (await ok('manager', 'setup', { action: 'feeStandards' })).history.filter((r: { item: string }) => r.item === 'property_fee');
    expect(history.map((r: { priceFen: number; state: string; savedBy: string }) => [r.priceFen, r.state])).toEqual([
      [280, 'upcoming'],
      [250, 'in_force'],
    ]);
  });

  it('[R-FEE-4] bad standards are refused with the field named, and change nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ item: 'property_fee', basis: 'per_m2_month', priceFen: 260, effectiveFrom: '2026-12-01' }, 'effectiveFrom'],
      [{ item: 'parking', basis: 'per_m2_month', priceFen: 20_000, effectiveFrom: '2026-12-08' }, 'basis'],
      [{ item: 'property_fee', basis: 'per_m2_month', priceFen: 2.5, effectiveFrom: '2026-12-08' }, 'priceFen'],
      [{ item: 'property_fee', basis: 'per_m2_month', priceFen: -1, effectiveFrom: '2026-12-08' }, 'priceFen'],
      [{ item: 'property_fee', basis: 'per_m2_month', priceFen: 250, effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
    ];
    for (const [body, field] of cases) {
      await unchanged(async () => {
        const r = await call('manager', 'setup', { action: 'saveFeeStandard', requestId: rid('fs'), ...body });
        expect([r.status, r.body.error.code, Object.keys(r.body.error.fields ?? {})]).toEqual([400, 'INPUT.INVALID', [field]]);
        expect(r.body.error.fields[field]).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  });
});

describe('service settings', () => {
  const emergency = () => ok('resident-a', 'case', { action: 'submit', requestId: rid('em'), householdId: '1-1-101', kind: 'repair', category: 'burst_pipe', content: '水管爆了' });
  const arrivalMinutes = (c: Record<string, any>) => (Date.parse(deadlineOf(c, 'arrival')!.dueAt) - Date.parse(c.createdAt)) / 60_000;
  const current = async () => (await ok('manager', 'setup', { action: 'settings' })).current;

  it('[R-REP-3] settings saved for today are in force at once; the rule book bounds them', async () => {
    const base = await current();
    expect(base.sla).toMatchObject({ emergencyArrival: 'PT15M', repairResponse: 'PT24H', complaintResolution: { major: 'P10D', serious: 'P3D', minor: 'P2D' } });
    await unchanged(async () => {
      const tooLong = await call('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2026-12-07', settings: { ...base, sla: { ...base.sla, emergencyArrival: 'PT20M' } } });
      expect([tooLong.status, tooLong.body.error.fields]).toEqual([400, { 'settings.sla.emergencyArrival': '急修到场时限不能超过 15 分钟（急修时限只能缩短）' }]);
      const stranger = await call('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2026-12-07', settings: { ...base, responsible: { customer_service: 'resident-a' } } });
      expect([stranger.status, stranger.body.error.fields]).toEqual([400, { 'settings.responsible.customer_service': '该员工不是本小区的在职员工' }]);
      const typo = await call('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2026-12-07', settings: { ...base, sla: { ...base.sla, emergencyArival: 'PT10M' } } });
      expect(typo.body.error.fields['settings.sla.emergencyArival']).toContain('未知的设置项');
    });
    await ok('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2026-12-07', settings: { ...base, sla: { ...base.sla, emergencyArrival: 'PT10M' } } });
    expect(arrivalMinutes(await emergency())).toBe(10);
  });

  it('[R-REP-4] settings saved for a later day apply from that day (the timer), and every version is kept', async () => {
    const base = await current();
    await ok('manager', 'setup', { action: 'saveSettings', requestId: rid('st'), effectiveFrom: '2026-12-08', settings: { ...base, sla: { ...base.sla, repairResponse: 'PT4H' } } });
    expect((await current()).sla.repairResponse).toBe('PT24H');
    await setClock('2026-12-08T00:02:00+08:00');
    const after = await ok('manager', 'setup', { action: 'settings' });
    expect(after.current.sla).toMatchObject({ repairResponse: 'PT4H', emergencyArrival: 'PT10M' });
    expect(after.versions.map((v: { state: string; settings: { sla: { repairResponse: string; emergencyArrival: string } } }) => [v.state, v.settings.sla.emergencyArrival, v.settings.sla.repairResponse])).toEqual([
      ['in_force', 'PT10M', 'PT4H'],
      ['superseded', 'PT10M', 'PT24H'],
      ['superseded', 'PT15M', 'PT24H'],
    ]);
    expect(after.versions.map((v: { savedBy: string }) => v.savedBy)).toEqual(['吴军', '吴军', '系统']);
  });

  it('[R-ACC-3] settings and standards are the manager\'s, of their own communities only', async () => {
    await O.createCommunityB(h);
    for (const action of ['settings', 'feeStandards']) {
      const other = await call(O.COMMUNITY_B.staff, 'setup', { action, communityId: 'demo' });
      expect([action, other.status, other.body.error.code]).toEqual([action, 404, 'COMMUNITY.NOT_FOUND']);
      expect((await ok(O.COMMUNITY_B.staff, 'setup', { action })).communityId).toBe(O.COMMUNITY_B.id);
      for (const user of ['frontdesk', 'supervisor', 'cashier', 'tech-1', 'resident-a']) expect([action, user, (await call(user, 'setup', { action })).status]).toEqual([action, user, 403]);
    }
    const b = await ok(O.COMMUNITY_B.staff, 'setup', { action: 'feeStandards' });
    expect(price(b, 'property_fee')).toBeUndefined();
  });
});
