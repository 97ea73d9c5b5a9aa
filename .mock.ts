// A quick look at the renovation pages with the renovation function stubbed (backend still being built).
import { chromium } from 'playwright-core';
import { RENOVATION_RULES } from './core/domain/renovation/rules';

const base = process.argv[2];
const out = '/tmp/renoshots';
const fees = [
  { item: 'reno_deposit', label: '装修押金', amountFen: 100000, quantity: '1', refundable: true },
  { item: 'reno_garbage', label: '装修垃圾清运费', amountFen: 44750, quantity: '89.50', refundable: false },
  { item: 'reno_demolition', label: '拆墙费', amountFen: 8000, quantity: '4.00', refundable: false },
  { item: 'reno_permit', label: '施工许可证工本费', amountFen: 5000, quantity: '1', refundable: true },
  { item: 'reno_pass', label: '施工人员出入证', amountFen: 4000, quantity: '2', refundable: true },
];
const view = (status: string, extra: object = {}) => ({
  id: 'r1', number: 'ZX20261202-0001', communityId: 'demo', householdId: '1-1-101', status, statusLabel: { submitted: '待审核', returned: '已退回待补充', approved: '已批准', in_progress: '施工中', accepted: '已验收', refunded: '押金已退还' }[status],
  applicant: 'owner', applicantName: '李明', plan: '厨房、卫生间翻新：重做防水，更换地砖和橱柜，不动承重墙', structuralChange: false, areaM2: '89.50', demolitionM2: '4.00', secondRenovation: false, premises: 'home',
  startDate: '2026-12-03', endDate: '2027-02-01', rulesAccepted: true,
  documents: { form: null, drawings: [], workers: [{ name: '王建国', idNumber: '110***********123X', photo: null, passNumber: status === 'submitted' || status === 'returned' ? null : 'CR-0001' }, { name: '赵小军', idNumber: '320***********5678', photo: null, passNumber: status === 'submitted' || status === 'returned' ? null : 'CR-0002' }], licence: null, qualification: null, authority: null, powerOfAttorney: null, delegateId: null },
  fees, totalFen: 161750, billId: status === 'submitted' || status === 'returned' ? null : 'b1', billStatus: status === 'submitted' || status === 'returned' ? null : status === 'approved' ? 'unpaid' : 'paid',
  missing: status === 'returned' ? [{ code: 'qualification', label: '施工单位资质证书' }] : [], returnNote: status === 'returned' ? '资质证书照片不清晰，请重新拍摄上传，感谢配合' : null,
  permitNumber: status === 'submitted' || status === 'returned' ? null : 'ZXXK-20261202-01',
  deadlines: [{ name: 'inspection', label: '装修巡查', dueAt: '2026-12-05T09:00:00+08:00', metAt: null, breached: status === 'in_progress' }],
  nextInspectionDueAt: status === 'in_progress' ? '2026-12-05T09:00:00+08:00' : null,
  closureTests: status === 'in_progress' || status === 'accepted' ? [{ at: '2026-12-04T10:00:00+08:00', by: 'reno-officer', passed: true, note: '卫生间、厨房蓄水 24 小时，楼下无渗漏', startedAt: null, hours: 24, ownerPresent: true, photos: [] }] : [],
  inspections: status === 'in_progress' || status === 'accepted' ? [
    { at: '2026-12-04T11:00:00+08:00', by: 'reno-officer', passed: true, findings: '水电改造中，施工人员佩证上岗，楼道已铺设保护', checklist: [], photos: [] },
    { at: '2026-12-08T11:00:00+08:00', by: 'reno-officer', passed: false, findings: '阳台外墙私自开孔，已要求停止并恢复', checklist: [{ item: 'facade', label: '未改变外立面', ok: false }], photos: [] }] : [],
  violations: status === 'in_progress' || status === 'accepted' ? [{ id: 'v1', at: '2026-12-08T11:10:00+08:00', by: 'reno-officer', description: '阳台外墙私自开孔，请于期限内恢复原状', deadline: '2026-12-11T18:00:00+08:00', stopOrder: false, status: 'open', statusLabel: '限期整改中', proofs: [], resolvedAt: null, resolution: null }] : [],
  deductions: status === 'accepted' ? [{ reason: '外墙开孔修补', amountFen: 20000 }] : [],
  refundFen: status === 'accepted' ? 89000 : null, refundStatus: status === 'accepted' ? 'pending' : null,
  createdAt: '2026-12-02T23:10:00+08:00', acceptedAt: null,
  timeline: [{ type: 'submitted', label: '提交申请', at: '2026-12-02T23:10:00+08:00', by: 'resident-a', note: null }],
  internalNotes: null,
  allowed: { resubmit: status === 'returned', review: status === 'submitted', closureTest: status === 'approved' || status === 'in_progress', inspect: status === 'in_progress' || status === 'approved', violation: status === 'in_progress', accept: status === 'in_progress', pay: status === 'approved' },
  ...extra,
});

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const shoot = async (user: string, route: string, name: string, status: string, desktop = false, large = false, act?: (p: import('playwright-core').Page) => Promise<void>) => {
    const ctx = await browser.newContext(desktop ? { viewport: { width: 1280, height: 860 }, locale: 'zh-CN' } : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.log(name, 'pageerror', e.message));
    const tok = (await (await fetch(`${base}/local/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) })).json()) as { token: string };
    await page.route('**/fn/renovation', async (r) => {
      const b = r.request().postDataJSON() as { action: string };
      const data = b.action === 'rules' ? RENOVATION_RULES : b.action === 'quote' ? { fees, totalFen: 161750, refundableFen: 109000 } : b.action === 'list' ? { items: [view(status)] } : view(status);
      await r.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, data }) });
    });
    await page.goto(`${base}/#/pages/index/index`);
    await page.evaluate(([t, l]) => { localStorage.setItem('wuye.token', JSON.stringify({ data: t })); if (l) localStorage.setItem('wuye.largeText', JSON.stringify({ data: '1' })); }, [tok.token, large] as const);
    const m = /^apply(\d)$/.exec(name);
    if (m) {
      const draft = { step: Number(m[1]), requestId: 'rtest', rulesAccepted: true, rulesVersion: '2026-12', applicant: 'owner', premises: 'home', plan: '厨房、卫生间翻新', areaM2: '89.5', demolitionM2: '4', structuralChange: false, secondRenovation: false, startDate: '2026-12-03', endDate: '2027-02-01', workers: [{ name: '王建国', idNumber: '11010119800101123X', photo: '' }], documents: { form: '', drawings: [], licence: '', qualification: '', authority: '', powerOfAttorney: '', delegateId: '' } };
      await page.evaluate((d) => localStorage.setItem('wuye.renovation.draft.1-1-101', JSON.stringify({ data: JSON.stringify(d) })), draft);
    }
    await page.goto(`${base}/#${route}`);
    await page.reload();
    await page.waitForTimeout(1500);
    if (act) await act(page);
    await page.addStyleTag({ content: 'html,body,.taro_router{height:auto!important;overflow:visible!important}.taro_page:not(.taro_page_show){display:none!important}.taro_page.taro_page_show{position:relative!important;height:auto!important;overflow:visible!important}' });
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    await ctx.close();
  };
  const which = process.argv.slice(3);
  const all: [string, string, string, string, boolean?, boolean?, ((p: import('playwright-core').Page) => Promise<void>)?][] = [
    ['resident-a', '/renovation/list/index', 'list', 'submitted'],
    ['resident-a', '/renovation/rules/index?householdId=1-1-101', 'rules', 'submitted'],
    ['resident-a', '/renovation/apply/index?householdId=1-1-101', 'apply0', 'submitted'],
    ['resident-a', '/renovation/apply/index?householdId=1-1-101', 'apply1', 'submitted'],
    ['resident-a', '/renovation/apply/index?householdId=1-1-101', 'apply2', 'submitted'],
    ['resident-a', '/renovation/apply/index?householdId=1-1-101', 'apply3', 'submitted', false, true],
    ['resident-a', '/renovation/detail/index?id=r1', 'detail-returned', 'returned'],
    ['resident-a', '/renovation/detail/index?id=r1', 'detail-approved', 'approved'],
    ['resident-a', '/renovation/detail/index?id=r1', 'detail-accepted', 'accepted'],
    ['resident-a', '/renovation/detail/index?id=r1', 'detail-accepted-large', 'accepted', false, true],
    ['resident-a', '/renovation/resubmit/index?id=r1', 'resubmit', 'returned'],
    ['reno-officer', '/workbench/renovations/index', 'wb-queue', 'in_progress', true],
    ['reno-officer', '/workbench/renovation/index?id=r1', 'wb-review', 'submitted', true],
    ['reno-officer', '/workbench/renovation/index?id=r1', 'wb-progress', 'in_progress', true],
  ];
  for (const a of all) if (!which.length || which.includes(a[2])) await shoot(...a);
  await browser.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
