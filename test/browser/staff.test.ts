/**
 * Staff accounts in a real browser (issue 11): the manager invites a new technician by phone; the person
 * signs in with their own account, verifies the phone and accepts; they see their work orders; the
 * manager deactivates the account and the workbench closes to them at once. Also the rota and the
 * settings pages. Every page is audited (axe) and photographed: test-artifacts/screenshots/s01…
 */
import { DESKTOP, MOBILE, fill, open, screenshot, expectText, unauditedRoutes, expectAccessible, settled, type Session, startSession } from './support';

jest.setTimeout(180_000);

describe('browser: staff accounts, rota and settings', () => {
  let s: Session;
  let base = '';


  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
  });
  afterAll(() => s?.stop());

  it('invite → accept with the verified phone → the new technician sees their work orders; deactivate → access gone', async () => {
    const manager = await s.page('manager', DESKTOP);
    // The manager's workbench lists the setup sections by permission (account.me.permissions).
    await open(manager, base, '/workbench/queue/index');
    await manager.locator('#wb-nav-staff').waitFor();
    expect(await manager.locator('#wb-nav-rota').count()).toBe(1);
    expect(await manager.locator('#wb-nav-settings').count()).toBe(1);
    await expectAccessible(manager, 's00-manager-queue');
    await manager.locator('#wb-nav-staff').click();
    await manager.waitForURL(/workbench\/staff\/index/);
    await manager.locator('#invite-name').waitFor();
    await fill(manager, 'invite-name', '赵小雨');
    await fill(manager, 'invite-phone', '13800005678'); // resident-new's phone: a new hire who already uses the app
    await manager.locator('#invite-submit').click();
    await expectText(manager, '#staff-notice', '已邀请 赵小雨');
    await expectText(manager, '#staff-invites', '赵小雨');
    await expectText(manager, '#staff-invites', '待接受');
    await screenshot(manager, 's01-staff-invited');

    const hire = await s.page('resident-new', MOBILE);
    await hire.locator('#home-join').waitFor();
    await screenshot(hire, 's02-home-join-link');
    await hire.locator('#home-join').click();
    await hire.waitForURL(/pages\/join\/index/);
    await hire.locator('#join-form').waitFor();
    await screenshot(hire, 's02-join-form');
    await hire.locator('#join-verify-phone').click();
    await expectText(hire, '#join-verify-phone', '已获取微信手机号');
    await hire.locator('#join-accept').click();
    await expectText(hire, '#join-done', '欢迎加入，赵小雨');
    await expectText(hire, '#join-roles', '维修技师');
    await screenshot(hire, 's03-joined');
    await hire.locator('#join-enter').click();
    await hire.waitForURL(/workbench\/mywork\/index/);
    await hire.locator('#wb-nav-mywork').waitFor();
    expect(await hire.locator('#wb-forbidden').count()).toBe(0);
    await screenshot(hire, 's04-new-technician-work-orders');

    await open(manager, base, '/workbench/staff/index');
    await expectText(manager, '#staff-members', '赵小雨');
    const id = await manager.locator('#staff-members [id^="staff-off-"]').evaluateAll((els) => els.map((e) => e.id).find((x) => x === 'staff-off-resident-new'));
    expect(id).toBe('staff-off-resident-new');
    await manager.locator('#staff-off-resident-new').click();
    await manager.locator('#staff-off-confirm-resident-new').click();
    await expectText(manager, '#staff-notice', '已停用 赵小雨 的账号');
    await expectText(manager, '#staff-former', '赵小雨');
    await screenshot(manager, 's05-staff-deactivated');

    await open(hire, base, '/workbench/mywork/index');
    await expectText(hire, '#wb-forbidden', '该页面仅供物业员工使用');
  });

  it('the duty rota and the service and fee settings, with their history', async () => {
    const manager = await s.page('manager', DESKTOP);
    await open(manager, base, '/workbench/rota/index');
    await expectText(manager, '#rota-now', '当前值班：王强');
    const firstFree = manager.locator('#rota-table [id$="-tech-tech-2"]').first();
    await firstFree.click();
    await settled(manager);
    await screenshot(manager, 's06-rota');

    await open(manager, base, '/workbench/settings/index');
    await expectText(manager, '#fee-property_fee', '2.50 元/平方米/月');
    await expectText(manager, '#fee-elevator', '30.00 元/户/月');
    await manager.locator('#fee-item-parking').click();
    await fill(manager, 'fee-price', '200');
    await manager.locator('#fee-save').click();
    await expectText(manager, '#fees-history', '停车费');
    await fill(manager, 'settings-repairResponse', '12');
    await manager.locator('#settings-save').click();
    await expectText(manager, '#settings-history', '报修上门 12 小时');
    await screenshot(manager, 's07-settings');
    expect(unauditedRoutes()).toEqual([]);
  });
});
