import { startHarness, rid, type Harness } from '../support/harness';

/**
 * The money path end to end on the local platform, nothing stubbed: `fee.pay` creates the order through
 * the real WeChat Pay adapter at the local stand-in, `/local/pay/confirm` makes the stand-in send its
 * signed, encrypted notification over HTTP to `/pay/notify`, which CloudBase-style routing hands to the
 * `payNotify` function; the order is then paid and the receipt issued, once, however often WeChat repeats.
 */
describe('fees over the WeChat Pay stand-in [R-FEE-5]', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  const confirm = async (outTradeNo: string) => {
    const res = await fetch(`${h.url}/local/pay/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo }) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('resident-a pays two months; the notification books one payment and one receipt, a repeated notification changes nothing', async () => {
    const a = await h.login('resident-a');
    const bills = await h.call(a, 'fee', { action: 'bills', householdId: '1-1-101', status: 'unpaid' });
    expect(bills.status).toBe(200);
    const unpaid = bills.body.data.items as { id: string; totalFen: number }[];
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    const billIds = unpaid.slice(0, 2).map((b) => b.id);
    const total = unpaid.slice(0, 2).reduce((s, b) => s + b.totalFen, 0);

    const pay = await h.call(a, 'fee', { action: 'pay', requestId: rid('pay'), billIds });
    expect(pay.status).toBe(200);
    const { outTradeNo, totalFen, payment } = pay.body.data;
    expect(totalFen).toBe(total);
    expect(payment).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) });
    expect((await h.call(a, 'fee', { action: 'order', outTradeNo })).body.data.status).toBe('pending');
    // The stand-in holds the order with the server's amount.
    expect(await h.platform.deps.payments!.queryOrder(outTradeNo)).toMatchObject({ tradeState: 'NOTPAY', totalFen: total });

    const paid = await confirm(outTradeNo);
    expect(paid.body.data).toMatchObject({ tradeState: 'SUCCESS' });
    expect(paid.body.data.notify.status).toBeGreaterThanOrEqual(200);
    expect(paid.body.data.notify.status).toBeLessThan(300);
    expect((await h.call(a, 'fee', { action: 'order', outTradeNo })).body.data.status).toBe('paid');
    const receipts = async () => ((await h.call(a, 'fee', { action: 'receipts', householdId: '1-1-101' })).body.data.items as { totalFen: number }[]).filter((r) => r.totalFen === total);
    expect(await receipts()).toHaveLength(1);

    // WeChat's retry of the same notification: acknowledged, nothing booked twice.
    const again = await confirm(outTradeNo);
    expect(again.body.data.notify.status).toBeLessThan(300);
    expect(await receipts()).toHaveLength(1);
  });

  it('a notification WeChat Pay did not sign is refused at /pay/notify and books nothing', async () => {
    const res = await fetch(`${h.url}/pay/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'wechatpay-serial': 'PUB_KEY_ID_0114000000000000000000000000000000', 'wechatpay-timestamp': String(Math.floor(h.platform.clock.now() / 1000)), 'wechatpay-nonce': 'n', 'wechatpay-signature': 'Zm9yZ2Vk' },
      body: '{"id":"x","event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":"n","associated_data":"transaction"}}',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
