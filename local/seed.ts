import type { Kysely } from 'kysely';
import type { DB } from '../adapters/store/sql/schema';
import { firstDayOf, monthlyLines, totalOf } from '../core/domain/fees/bills';
import { standardsInForce, type FeeStandardRow } from '../core/domain/fees/standards';
import { monthOf } from '../core/shanghai';

const DEMO_STANDARDS: FeeStandardRow[] = [
  { id: 'fs_demo_property', communityId: 'demo', item: 'property_fee', basis: 'per_m2_month', priceFen: 250, effectiveFrom: '2025-01-01', savedBy: 'manager', savedAt: 0 },
  { id: 'fs_demo_elevator', communityId: 'demo', item: 'elevator', basis: 'per_household_month', priceFen: 3000, effectiveFrom: '2025-01-01', savedBy: 'manager', savedAt: 0 },
];

/** The month before 'YYYY-MM'. */
const previousMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};

/**
 * The demo's bills (contract §3): every household for the current and the previous Shanghai month,
 * unpaid, from the standards in force then (1-1-101: 22,375 property + 3,000 elevator = 25,375 fen).
 */
function demoBills(households: { id: string; area_m2x100: number }[], now: number): DB['bills'][] {
  const periods = [previousMonth(monthOf(now)), monthOf(now)];
  return periods.flatMap((period) =>
    households.map((h) => {
      const lines = monthlyLines(standardsInForce(DEMO_STANDARDS, firstDayOf(period)), h.area_m2x100);
      return { id: `bill_demo_${h.id}_${period}`, community_id: 'demo', household_id: h.id, period, source: 'monthly', lines_json: JSON.stringify(lines), total_fen: totalOf(lines), status: 'unpaid', order_no: null, receipt_number: null, created_at: now, paid_at: null };
    }),
  );
}

/** Demo data of contract §2 (SEED=demo): 「示例花园」, three households, the demo users. */
export const DEMO_USERS = [
  { key: 'resident-a', name: '李明', phone: '13800001101', label: '业主 · 1-1-101（已认证）' },
  { key: 'resident-b', name: '陈静', phone: '13800001102', label: '业主 · 1-1-102（已认证）' },
  { key: 'resident-new', name: '赵小雨', phone: '13800005678', label: '新用户 · 未认证' },
  { key: 'frontdesk', name: '张敏', phone: '13900000001', label: '前台' },
  { key: 'tech-1', name: '王强', phone: '13900000002', label: '维修技师 · 值班' },
  { key: 'tech-2', name: '刘洋', phone: '13900000003', label: '维修技师' },
  { key: 'supervisor', name: '周丽', phone: '13900000004', label: '客服主管' },
  { key: 'manager', name: '吴军', phone: '13900000005', label: '经理' },
  { key: 'reno-officer', name: '孙浩', phone: '13900000006', label: '装修管理员' },
  { key: 'cashier', name: '郑芳', phone: '13900000007', label: '收费员' },
] as const;

export const demoOpenid = (key: string) => `o_demo_${key}`;

const STAFF: [string, string, number][] = [
  ['frontdesk', 'frontdesk', 0],
  ['tech-1', 'technician', 1],
  ['tech-2', 'technician', 0],
  ['supervisor', 'supervisor', 0],
  ['manager', 'manager', 0],
  ['reno-officer', 'renovation_officer', 0],
  ['cashier', 'cashier', 0],
];

export async function seedDemo(db: Kysely<DB>, now: number): Promise<boolean> {
  const existing = await db.selectFrom('communities').select('id').limit(1).execute();
  if (existing.length) return false;
  await db.transaction().execute(async (trx) => {
    // Fee standards of contract §2: property fee 2.50 元/m²/month, elevator 30 元/month (renovation fees: the rule book's defaults).
    await trx
      .insertInto('fee_standards')
      .values(DEMO_STANDARDS.map((s) => ({ id: s.id, community_id: s.communityId, item: s.item, basis: s.basis, price_fen: s.priceFen, effective_from: s.effectiveFrom, saved_by: s.savedBy, saved_at: now })))
      .execute();
    await trx
      .insertInto('communities')
      .values({
        id: 'demo',
        name: '示例花园',
        time_zone: 'Asia/Shanghai',
        config_json: JSON.stringify({ responsible: { customer_service: 'frontdesk', maintenance: 'frontdesk', developer_liaison: 'frontdesk' } }),
      })
      .execute();
    const households = [
      { id: '1-1-101', community_id: 'demo', building: '1', unit: '1', room: '101', area_m2x100: 8950, owner_name: '李明', owner_phone: '13800001101' },
      { id: '1-1-102', community_id: 'demo', building: '1', unit: '1', room: '102', area_m2x100: 8950, owner_name: '陈静', owner_phone: '13800001102' },
      { id: '1-2-201', community_id: 'demo', building: '1', unit: '2', room: '201', area_m2x100: 12000, owner_name: '王建国', owner_phone: '13900002201' },
    ];
    await trx.insertInto('households').values(households).execute();
    await trx.insertInto('bills').values(demoBills(households, now)).execute();
    await trx
      .insertInto('users')
      .values(DEMO_USERS.map((u) => ({ id: u.key, openid: demoOpenid(u.key), name: u.name, phone: u.phone, created_at: now })))
      .execute();
    await trx
      .insertInto('staff')
      .values(STAFF.map(([user, role, duty]) => ({ user_id: user, community_id: 'demo', role, on_duty: duty })))
      .execute();
    await trx
      .insertInto('bindings')
      .values([
        { id: 'b_demo_a', user_id: 'resident-a', household_id: '1-1-101', community_id: 'demo', name: '李明', phone: '13800001101', relation: 'owner', status: 'approved', phone_check: 'not_provided', created_at: now, decided_at: now, decided_by: 'system', reason: '演示数据' },
        { id: 'b_demo_b', user_id: 'resident-b', household_id: '1-1-102', community_id: 'demo', name: '陈静', phone: '13800001102', relation: 'owner', status: 'approved', phone_check: 'not_provided', created_at: now, decided_at: now, decided_by: 'system', reason: '演示数据' },
      ])
      .execute();
  });
  return true;
}
