/**
 * What people read on the pages of a repair (issue 9, items 8–9), in a real browser against the H5 build:
 * - forms: each error beside its own field (the form's own checks and the platform's INPUT.INVALID
 *   `fields`), announced (role=alert) and linked to its control (aria-describedby, aria-invalid), focus
 *   moved to the first field to fix, and the error gone once the field changes;
 * - every page audited here (expectAccessible) also has its numbers whole (inside `.num`) and one title
 *   (./readable.ts): the resident's case list, case page and message center; the technician's 我的工单; the
 *   front desk's queue and case page — with a repair dispatched, on site and quoted.
 * Screenshots go to test-artifacts/screenshots/ (rd01…), as shown and in 大字模式.
 */
import { DESKTOP, MOBILE, cssId, expectText, fill, open, screenshot, settled, unauditedRoutes, type Page, type Session, platformCalls, startSession } from './support';

jest.setTimeout(180_000);

describe('browser: forms that say which field, pages that read whole', () => {
  let s: Session;
  let base = '';
  const cases: Record<string, { id: string; number: string }> = {};

  const { as, post } = platformCalls(() => base);
  /** The id of the focused element's nearest element with an id, and its own aria attributes. */
  const focused = (p: Page) =>
    p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { within: el?.closest('[id$="-field"]')?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', invalid: el?.getAttribute('aria-invalid') ?? '', describedBy: el?.getAttribute('aria-describedby') ?? '' };
    });
  /** Screenshots as shown and in 大字模式 (the audit covers both; the picture shows how each looks). */
  const shots = async (p: Page, name: string) => {
    await screenshot(p, name);
    await p.evaluate(() => document.querySelectorAll('[data-a11y-current] .shell').forEach((el) => el.classList.add('shell--large')));
    await settled(p);
    await screenshot(p, `${name}-large`);
    await p.evaluate(() => document.querySelectorAll('[data-a11y-current] .shell').forEach((el) => el.classList.remove('shell--large')));
  };

  beforeAll(async () => {
    s = await startSession({ TEST_CLOCK: '1' });
    base = s.base;
    let n = 0;
    const submit = (body: Record<string, unknown>) => as('resident-a', 'case', { action: 'submit', requestId: `read-${Date.now()}-${n++}`, householdId: '1-1-101', ...body });
    // A paid in-home repair: dispatched, on site, quoted (¥80.00).
    cases.quoted = await submit({ kind: 'repair', category: 'plumbing', location: 'in_home', content: '厨房水龙头一直滴水，麻烦师傅看看' });
    await as('frontdesk', 'workbench', { action: 'dispatch', id: cases.quoted.id, technicianId: 'tech-2' });
    await as('tech-2', 'workbench', { action: 'arrive', id: cases.quoted.id });
    await as('tech-2', 'workbench', { action: 'quote', id: cases.quoted.id, feeFen: 8000, note: '更换水龙头阀芯 1 个，含材料' });
    // A repair dispatched and on its way: the list and 我的工单 promise an arrival time.
    cases.waiting = await submit({ kind: 'repair', category: 'door_window', location: 'common_area', content: '单元门门禁刷卡没有反应，请尽快修理' });
    await as('frontdesk', 'workbench', { action: 'dispatch', id: cases.waiting.id, technicianId: 'tech-2', note: '请带门禁读卡器备件' });
  });

  afterAll(() => s?.stop());

  let resident: Page;

  it('the repair form puts each error beside its field, announced, and moves focus to the first; the platform\'s word on the description goes beside it too', async () => {
    resident = await s.page('resident-a', MOBILE);
    await screenshot(resident, 'rd00-home');
    await open(resident, base, '/pages/repair/index');
    await resident.locator('#repair-submit').click();
    // The form's own checks: category and place, each under its own field.
    await expectText(resident, '#repair-category-field-error', '请选择报修类别');
    await expectText(resident, '#repair-location-field-error', '请选择维修位置');
    expect(await resident.locator('#repair-category-field-error').getAttribute('role')).toBe('alert');
    expect(await resident.locator('#repair-category-field #repair-category-field-error').count()).toBe(1);
    expect(await resident.locator('#repair-location-field #repair-location-field-error').count()).toBe(1);
    expect(await resident.locator('#repair-category-field').getAttribute('aria-describedby')).toContain('repair-category-field-error');
    await expectText(resident, '#repair-fix', '2 处');
    expect(await resident.locator('#repair-error').count()).toBe(0);
    expect((await focused(resident)).within).toBe('repair-category-field');
    await shots(resident, 'rd01-repair-field-errors');

    // Fixing a field clears its own note at once, and only its own.
    await resident.locator('#repair-category-plumbing').click();
    await resident.locator('#repair-category-field-error').waitFor({ state: 'detached' });
    await expectText(resident, '#repair-location-field-error', '请选择维修位置');
    await resident.locator('#repair-location-in_home').click();
    await resident.locator('#repair-location-field-error').waitFor({ state: 'detached' });
    expect(await resident.locator('#repair-fix').count()).toBe(0);

    // A description too short is core's rule: the platform's INPUT.INVALID names `content`, and the page
    // puts its message under the description, focuses the text area and marks it invalid.
    await fill(resident, 'repair-content', '漏水');
    await resident.locator('#repair-submit').click();
    await expectText(resident, '#repair-content-field-error', '请至少填写 5 个字');
    expect(await resident.locator('#repair-content-field #repair-content-field-error').count()).toBe(1);
    expect(await resident.locator('#repair-error').count()).toBe(0);
    await resident.waitForFunction(() => document.activeElement?.closest('#repair-content-field') !== null);
    const f = await focused(resident);
    expect(f).toEqual({ within: 'repair-content-field', tag: 'textarea', invalid: 'true', describedBy: 'repair-content-field-error' });
    await shots(resident, 'rd02-repair-platform-field-error');
    await fill(resident, 'repair-content', '厨房水槽下面的水管接口漏水');
    await resident.locator('#repair-content-field-error').waitFor({ state: 'detached' });
    expect(await resident.locator('#repair-content-field textarea').getAttribute('aria-invalid')).toBeNull();
  });

  it('the bind form: the first field to fix takes focus; the platform\'s word on the name goes beside the name', async () => {
    await open(resident, base, '/pages/bind/index');
    await resident.locator('#bind-submit').click();
    await expectText(resident, '#bind-room-error', '请填写正确的房号');
    const f = await focused(resident);
    expect(f).toEqual({ within: 'bind-room-field', tag: 'input', invalid: 'true', describedBy: 'bind-room-error' });
    expect(await resident.locator('#bind-error').count()).toBe(0);
    await fill(resident, 'bind-room', '3-1-301');
    await fill(resident, 'bind-name', '王\u202E小明');
    await fill(resident, 'bind-phone', '13800003301');
    await resident.locator('#bind-relation-tenant').click();
    expect(await resident.locator('#bind-fix').count()).toBe(0);
    // A direction-control character passes the form's check; the platform refuses it and names `name`.
    await resident.locator('#bind-submit').click();
    await resident.locator('#bind-name-error').waitFor();
    expect(await resident.locator('#bind-name-field #bind-name-error').count()).toBe(1);
    await resident.waitForFunction(() => document.activeElement?.closest('#bind-name-field') !== null);
    expect(await resident.locator('#bind-error').count()).toBe(0);
    await shots(resident, 'rd03-bind-platform-field-error');
    await fill(resident, 'bind-name', '王小明');
    await resident.locator('#bind-name-error').waitFor({ state: 'detached' });
  });

  it('the resident\'s case list, case page and message center: numbers whole, one title, in both type sizes', async () => {
    await open(resident, base, '/pages/cases/index');
    await resident.locator(`#case-item-${cssId(cases.waiting.id)}`).waitFor();
    await expectText(resident, `#case-item-${cssId(cases.waiting.id)} .case-card__due .num`, ':');
    await shots(resident, 'rd04-resident-cases');
    await open(resident, base, `/pages/case/index?id=${encodeURIComponent(cases.quoted.id)}`);
    await expectText(resident, '#case-quote-amount .num', '¥80.00');
    await shots(resident, 'rd05-resident-case-quoted');
    await open(resident, base, `/pages/case/index?id=${encodeURIComponent(cases.waiting.id)}`);
    await expectText(resident, '#case-promise-title .num', ':');
    await shots(resident, 'rd06-resident-case-waiting');
    await open(resident, base, '/pages/messages/index');
    await expectText(resident, '#messages-list .msg__body .num', cases.quoted.number.slice(0, 2));
    await shots(resident, 'rd07-resident-messages');
  });

  it('the technician\'s 我的工单 and the front desk\'s queue and case page read whole too', async () => {
    const tech = await s.page('tech-2', MOBILE);
    await open(tech, base, '/workbench/mywork/index');
    await tech.locator(`#mywork-due-${cssId(cases.waiting.id)}`).waitFor();
    const due = await tech.locator(`#mywork-due-${cssId(cases.waiting.id)} .num`).allTextContents();
    expect(due.some((t) => /\d{1,2}:\d{2}/.test(t))).toBe(true);
    await shots(tech, 'rd08-tech-mywork');
    const desk = await s.page('frontdesk', DESKTOP);
    await open(desk, base, '/workbench/queue/index');
    await desk.locator(`#queue-item-${cssId(cases.quoted.id)}`).waitFor();
    await screenshot(desk, 'rd09-desk-queue');
    await open(desk, base, `/workbench/case/index?id=${encodeURIComponent(cases.quoted.id)}`);
    await expectText(desk, '#wb-work-quote .num', '¥80.00');
    await screenshot(desk, 'rd10-desk-case');
  });

  it('has no page errors along the way', () => {
    expect(s.errors.filter((e) => e.includes('pageerror'))).toEqual([]);
  });

  it('WCAG 2.1 AA: every page opened along the way was audited, as shown and in 大字模式', () => {
    expect(unauditedRoutes()).toEqual([]);
  });
});
