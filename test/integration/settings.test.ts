/**
 * A community's settings, end to end: a bad configuration refuses the platform's start with a message
 * naming the setting, and with non-default settings every write answers the same deadlines as a later
 * read (one view path, the community's SLA required).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../adapters/store/sqlite';
import { startPlatform } from '../../local/platform';
import { CommunitySettingsError } from '../../core/domain/community/settings';
import type { Clock } from '../../core/ports/clock';
import { startHarness, rid, type Harness } from '../support/harness';
import * as O from '../support/objects';
import { DAY, HOUR, MINUTE } from '../support/clock';
import { callsAs, deadlineOf } from '../support/calls';

const platformOpts = (dir: string) => ({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dir, SEED: 'none' as const, TEST_CLOCK: '1' as const, H5_DIR: 'dist/h5' });

describe('settings at start', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  async function storeWith(configJson: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-settings-'));
    dirs.push(dir);
    const store = await openSqliteStore(path.join(dir, 'wuye.sqlite'));
    await store.db.insertInto('communities').values({ id: 'demo', name: '示例花园', time_zone: 'Asia/Shanghai', config_json: configJson }).execute();
    await store.close();
    return dir;
  }

  it('[R-REP-3] a community whose emergency window is longer than 15 minutes refuses the start, naming the community and the setting', async () => {
    const dir = await storeWith(JSON.stringify({ responsible: { customer_service: 'frontdesk' }, sla: { emergencyArrival: 'PT30M', repairResponse: 'P2D' } }));
    const refused = await startPlatform(platformOpts(dir)).then(
      (p) => p.close().then(() => 'started'),
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(CommunitySettingsError);
    expect((refused as Error).message).toBe(
      '小区「demo」的服务设置有误，请修正后再启动：sla.emergencyArrival（急修到场时限不能超过 15 分钟（急修时限只能缩短））；sla.repairResponse（报修默认上门时限不能超过 1 天）',
    );
  });

  it('settings that are not JSON, or that misspell a setting, refuse the start too; a partial value starts', async () => {
    for (const [json, named] of [
      ['{"responsible":', '(settings)'],
      [JSON.stringify({ responsible: { customer_service: 'frontdesk' }, sla: { repairResponseMs: 4 * HOUR } }), 'sla.repairResponseMs'],
    ]) {
      const refused = await startPlatform(platformOpts(await storeWith(json))).then(
        (p) => p.close().then(() => 'started'),
        (e: unknown) => String(e),
      );
      expect(refused).toContain(named);
    }
    const partial = await startPlatform(platformOpts(await storeWith(JSON.stringify({ responsible: { customer_service: 'frontdesk' }, sla: { complaintResolution: { minor: 'P1D' } } }))));
    const community = await partial.deps.store.transaction((tx) => tx.community('demo'));
    expect(community?.sla.complaintResolutionMs).toEqual({ major: 10 * DAY, serious: 3 * DAY, minor: DAY });
    await partial.close();
  });
});

describe('write answers carry the community’s deadlines', () => {
  let h: Harness;
  const { ok } = callsAs(() => h);
  const SETTINGS = {
    responsible: { customer_service: 'frontdesk', maintenance: 'frontdesk', developer_liaison: 'frontdesk' },
    sla: { emergencyArrival: 'PT10M', repairResponse: 'PT8H', reply: 'PT6H', complaintResolution: { minor: 'P1D' }, callback: 'P1D', leakCallback: 'P2D', warnShare: 0.5 },
  };

  beforeAll(async () => {
    h = await startHarness();
    await O.dbOf(h).updateTable('communities').set({ config_json: JSON.stringify(SETTINGS) }).where('id', '=', 'demo').execute();
    // Platform time stands still during these calls, so a paused deadline (counted as if the pause
    // ended now) is the same in the answer and in the read that follows.
    const frozen = h.platform.clock.now();
    (h.platform.clock as unknown as { base: Clock }).base = { now: () => frozen };
  });
  afterAll(() => h?.close());

  /** Deadlines of the answer, and of the case read afterwards by the resident and by the front desk. */
  async function same(answer: Record<string, any>) {
    const byDesk = await ok('frontdesk', 'workbench', { action: 'get', id: answer.id });
    const byResident = await ok('resident-a', 'case', { action: 'get', id: answer.id });
    expect(answer.deadlines.length).toBeGreaterThan(0);
    expect(answer.deadlines).toEqual(byDesk.deadlines);
    expect(answer.deadlines).toEqual(byResident.deadlines);
    return answer;
  }
  const due = (c: Record<string, any>, name: string) => Date.parse(deadlineOf(c, name)!.dueAt) - Date.parse(c.createdAt);
  const consultation = (content: string) => ({ action: 'submit', requestId: rid('st'), householdId: '1-1-101', kind: 'consultation', content });

  it('submit answers the community’s reply window (6 hours), as a read does', async () => {
    const submitted = await same(await ok('resident-a', 'case', consultation('请问小区快递柜在哪里？')));
    expect(due(submitted, 'reply')).toBe(6 * HOUR);
  });

  it('intake answers the community’s reply window, as a read does', async () => {
    const intake = await same(
      await ok('frontdesk', 'workbench', { action: 'intake', requestId: rid('st'), householdId: '1-1-101', channel: 'phone', contactName: '李明', contactPhone: '13800001101', kind: 'consultation', content: '来电询问停车位办理' }),
    );
    expect(due(intake, 'reply')).toBe(6 * HOUR);
  });

  it('reply answers the community’s reply window, as a read does', async () => {
    const c = await O.must(h, O.demoOpenid('resident-a'), 'case', consultation('请问小区快递柜在哪里？'));
    const replied = await same(await ok('frontdesk', 'workbench', { action: 'reply', id: c.id, note: '您好，快递柜在 2 号门岗旁，感谢您的耐心' }));
    expect([replied.status, due(replied, 'reply')]).toEqual(['resolved', 6 * HOUR]);
  });

  it('cancel answers the community’s reply window, as a read does', async () => {
    const c = await O.must(h, O.demoOpenid('resident-a'), 'case', consultation('请问物业办公时间？'));
    const cancelled = await same(await ok('resident-a', 'case', { action: 'cancel', id: c.id, reason: '已经知道了' }));
    expect([cancelled.status, due(cancelled, 'reply')]).toEqual(['cancelled', 6 * HOUR]);
  });

  it('assign answers the community’s complaint window (一般 1 day), as a read does', async () => {
    const c = await O.must(h, O.demoOpenid('resident-a'), 'case', { action: 'submit', requestId: rid('st'), householdId: '1-1-101', kind: 'complaint', level: 'minor', content: '楼道灯坏了很久没人修' });
    const assigned = await same(await ok('frontdesk', 'workbench', { action: 'assign', id: c.id, to: 'supervisor', note: '请跟进' }));
    expect([assigned.owner, due(assigned, 'resolution')]).toEqual(['supervisor', DAY]);
  });

  it('[R-REP-3] the queue states the 急修 window the community set (10 minutes), not the rule book\'s 15', async () => {
    const q = await ok('tech-1', 'workbench', { action: 'queue', technician: 'tech-1', limit: 5 });
    expect(q.emergencyArrivalMinutes).toBe(10);
  });

  it('every repair write — dispatch, pause, resume, arrive, quote, accept, complete, confirm, callback, rate, urge, decline, close — answers what a read shows', async () => {
    const c = await same(await ok('resident-a', 'case', O.repair('1-1-101', { category: 'door_window', content: '入户门锁坏了，麻烦师傅看看' })));
    expect(due(c, 'arrival')).toBe(8 * HOUR);
    const id = c.id as string;
    await same(await ok('frontdesk', 'workbench', { action: 'dispatch', id, technicianId: 'tech-2' }));
    await same(await ok('resident-a', 'case', { action: 'urge', id }));
    const paused = await same(await ok('frontdesk', 'workbench', { action: 'pause', id, reason: '住户出差，约下周上门' }));
    expect(deadlineOf(paused, 'arrival')!.paused).toBe(true);
    await same(await ok('frontdesk', 'workbench', { action: 'resume', id }));
    await same(await ok('tech-2', 'workbench', { action: 'arrive', id }));
    await same(await ok('tech-2', 'workbench', { action: 'quote', id, feeFen: 8000, note: '更换阀芯，含材料' }));
    await same(await ok('resident-a', 'case', { action: 'acceptQuote', id }));
    const done = await same(await ok('tech-2', 'workbench', { action: 'complete', id, result: '已更换阀芯', materials: ['阀芯'] }));
    expect(Date.parse(deadlineOf(done, 'callback')!.dueAt) - Date.parse(done.work.completedAt)).toBe(DAY); // not a leak: callback 1 day
    const reopened = await same(await ok('resident-a', 'case', { action: 'confirm', id, ok: false, note: '还是滴水' }));
    expect(Date.parse(deadlineOf(reopened, 'arrival')!.dueAt) - Date.parse(reopened.updatedAt)).toBe(8 * HOUR);
    await same(await ok('tech-2', 'workbench', { action: 'arrive', id }));
    await same(await ok('tech-2', 'workbench', { action: 'complete', id, result: '已重新密封' }));
    await same(await ok('resident-a', 'case', { action: 'confirm', id, ok: true }));
    await same(await ok('frontdesk', 'workbench', { action: 'callback', id, outcome: 'satisfied', method: 'phone' }));
    await same(await ok('resident-a', 'case', { action: 'rate', id, stars: 5 }));

    const declined = await O.repairAt(h, 'resident-a', '1-1-101', 'quoted', { technician: 'tech-2' });
    await same(await ok('resident-a', 'case', { action: 'declineQuote', id: declined.id }));
    const emergency = await same(await ok('resident-a', 'case', O.repair('1-1-101', { category: 'burst_pipe', content: '厨房水管爆裂' })));
    expect(due(emergency, 'arrival')).toBe(10 * MINUTE);
    await same(await ok('manager', 'workbench', { action: 'closeUnresolvable', id: emergency.id, reason: '住户拒绝入户维修，多次电话沟通无果' }));
  });
});
