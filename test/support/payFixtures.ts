/**
 * Payment orders written straight into a store (for the race and crash suites): `n` orders, each
 * holding one unpaid bill of a demo household (seedDemo first), and the provider's SUCCESS
 * transaction of each, as the WeChat Pay notification reports it.
 */
import type { Store } from '../../core/ports/store';
import type { ProviderTransaction } from '../../core/ports/payments';
import { isoAt } from '../../core/shanghai';
import { TEST_APPID, TEST_MCHID } from './testPayments';

const PAYERS: [household: string, user: string][] = [
  ['1-1-101', 'resident-a'],
  ['1-1-102', 'resident-b'],
  ['1-2-201', 'resident-a'],
];

export async function makeOrders(store: Store, n: number, now: number, tag = 't'): Promise<ProviderTransaction[]> {
  const out: ProviderTransaction[] = [];
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const [household, user] = PAYERS[i % PAYERS.length];
      const k = Math.floor(i / PAYERS.length);
      const period = `${2030 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      const billId = `bill_${tag}_${i}`;
      const outTradeNo = `wx${tag}${String(i).padStart(6, '0')}`;
      const totalFen = 25_375 + i;
      await tx.insertBills([{ id: billId, communityId: 'demo', householdId: household, period, source: `test-${tag}`, lines: [{ item: 'property_fee', amountFen: totalFen }], totalFen, status: 'unpaid', orderNo: null, receiptNumber: null, createdAt: now, paidAt: null }]);
      await tx.insertOrder({ outTradeNo, communityId: 'demo', householdId: household, payerUserId: user, payerOpenid: `o_demo_${user}`, billIds: [billId], totalFen, description: `示例花园 ${household} 物业费 ${period}`, status: 'pending', createdAt: now, expiresAt: now + 30 * 60_000, paidAt: null, transactionId: null, receiptNumber: null, checkedAt: null });
      if ((await tx.holdBills([billId], null, outTradeNo)) !== 1) throw new Error('fixture bill not held');
      out.push({ mchid: TEST_MCHID, appid: TEST_APPID, outTradeNo, transactionId: `4200${tag}${String(i).padStart(8, '0')}`, tradeState: 'SUCCESS', totalFen, currency: 'CNY', successTime: isoAt(now), payerOpenid: `o_demo_${user}` });
    }
  });
  return out;
}

/** Fisher–Yates with a seeded generator (mulberry32): the same shuffle on every run of a seed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
