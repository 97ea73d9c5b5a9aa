import { openSqliteStore } from '../../../adapters/store/sqlite';
import type { Notifier } from '../../ports/notifier';
import { inboxNotifier } from '../../../adapters/notify/inbox';
import { MINUTE } from '../../time';
import { deliverDue, MAX_ATTEMPTS, retryDelay } from './deliverDue';

const log = { info() {}, warn() {}, error() {} };

async function setup() {
  const store = await openSqliteStore(':memory:');
  let now = Date.parse('2026-11-24T09:00:00+08:00');
  const clock = { now: () => now };
  await store.transaction((tx) =>
    tx.enqueue([{ id: 'ob1', channel: 'inbox', to: 'resident-a', template: 'case.received', data: { caseId: 'c_1', kind: '咨询' }, createdAt: now }]),
  );
  return { store, clock, advance: (ms: number) => (now += ms) };
}

describe('outbox delivery', () => {
  it('delivers into the message center exactly once, even when the same message is delivered again', async () => {
    const { store, clock } = await setup();
    expect(await deliverDue({ store, clock, log }, { inbox: inboxNotifier })).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverDue({ store, clock, log }, { inbox: inboxNotifier })).toEqual({ delivered: 0, failed: 0 });
    // A crash after delivery but before marking would deliver again: the inbox keeps one copy.
    const [row] = await store.transaction((tx) => tx.outboxAll());
    await store.transaction((tx) => inboxNotifier.deliver(row, tx, clock.now()));
    const msgs = await store.transaction((tx) => tx.messagesOf('resident-a', 10));
    expect(msgs).toHaveLength(1);
    expect(msgs[0].title).toBe('您的咨询已受理');
    await store.close();
  });

  it('retries a failing channel with growing delays and gives up after the last attempt', async () => {
    const { store, clock, advance } = await setup();
    let calls = 0;
    const flaky: Notifier = {
      async deliver() {
        calls++;
        throw new Error('微信接口超时');
      },
    };
    await deliverDue({ store, clock, log }, { inbox: flaky });
    let [row] = await store.transaction((tx) => tx.outboxAll());
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '微信接口超时' });
    expect(row.nextAttemptAt - clock.now()).toBe(retryDelay(1));
    expect(await deliverDue({ store, clock, log }, { inbox: flaky })).toEqual({ delivered: 0, failed: 0 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      advance(retryDelay(i));
      await deliverDue({ store, clock, log }, { inbox: flaky });
    }
    [row] = await store.transaction((tx) => tx.outboxAll());
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(retryDelay(1)).toBe(MINUTE);
    expect(retryDelay(30)).toBe(60 * MINUTE);
    await store.close();
  });
});
