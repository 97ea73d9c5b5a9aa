import type { Kysely } from 'kysely';
import type { PushRow, SubscribeGrant, Tx } from '../../../core/ports/store';
import type { DB } from './schema';
import { duePushesQuery } from './dueQueries';

const num = (v: number | string | null) => (v === null ? null : Number(v));
const toPush = (r: DB['pushes']): PushRow => ({
  id: r.id,
  outboxId: r.outbox_id,
  channel: r.channel as PushRow['channel'],
  target: r.target,
  template: r.template as PushRow['template'],
  data: JSON.parse(r.data_json),
  createdAt: Number(r.created_at),
  status: r.status as PushRow['status'],
  attempts: r.attempts,
  nextAttemptAt: Number(r.next_attempt_at),
  sendKey: r.send_key,
  claimedAt: num(r.claimed_at),
  sentAt: num(r.sent_at),
  lastError: r.last_error,
});

type PushTx = Pick<Tx, 'enqueuePushes' | 'duePushes' | 'pushesWithKey' | 'updatePush' | 'sendsSince' | 'pushesAll' | 'insertGrants' | 'useGrant' | 'grantsLeft'>;

/** The pushes and subscribe grants (migration 0012_notification_pushes). */
export function pushTx(db: Kysely<DB>, dialect: { insertIgnore: 'or ignore' | 'ignore' }): PushTx {
  return {
    async enqueuePushes(rows) {
      if (rows.length === 0) return;
      const values = rows.map((p) => ({
        id: p.id,
        outbox_id: p.outboxId,
        channel: p.channel,
        target: p.target,
        template: p.template,
        data_json: JSON.stringify(p.data),
        created_at: p.createdAt,
        status: p.status,
        attempts: p.attempts,
        next_attempt_at: p.nextAttemptAt,
        send_key: p.sendKey,
        claimed_at: p.claimedAt,
        sent_at: p.sentAt,
        last_error: p.lastError,
      }));
      await (dialect.insertIgnore === 'or ignore' ? db.insertInto('pushes').orIgnore() : db.insertInto('pushes').ignore()).values(values).execute();
    },
    async duePushes(now, limit) {
      const rows = await duePushesQuery(db, now).limit(limit).execute();
      return rows.map(toPush);
    },
    async pushesWithKey(sendKey) {
      return (await db.selectFrom('pushes').selectAll().where('send_key', '=', sendKey).orderBy('created_at').orderBy('id').execute()).map(toPush);
    },
    async updatePush(id, expect, p) {
      const r = await db
        .updateTable('pushes')
        .set({
          status: p.status,
          attempts: p.attempts,
          next_attempt_at: p.nextAttemptAt,
          send_key: p.sendKey,
          claimed_at: p.claimedAt,
          sent_at: p.sentAt,
          last_error: p.lastError === null ? null : p.lastError.slice(0, 480),
        })
        .where('id', '=', id)
        .where('status', '=', expect.status)
        .where('attempts', '=', expect.attempts)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async sendsSince(channel, target, since) {
      const r = await db
        .selectFrom('pushes')
        .select((e) => e.fn.count<number>('send_key').distinct().as('n'))
        .where('channel', '=', channel)
        .where('target', '=', target)
        .where('claimed_at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async pushesAll() {
      return (await db.selectFrom('pushes').selectAll().orderBy('created_at').orderBy('id').execute()).map(toPush);
    },
    async insertGrants(rows: SubscribeGrant[]) {
      if (rows.length === 0) return;
      const values = rows.map((g) => ({ id: g.id, user_id: g.userId, template_key: g.templateKey, request_id: g.requestId, granted_at: g.grantedAt, push_id: g.pushId }));
      await (dialect.insertIgnore === 'or ignore' ? db.insertInto('subscribe_grants').orIgnore() : db.insertInto('subscribe_grants').ignore()).values(values).execute();
    },
    async useGrant(userId, templateKey, pushId) {
      const bound = await db.selectFrom('subscribe_grants').select('id').where('push_id', '=', pushId).executeTakeFirst();
      if (bound) return true;
      // Each miss means a concurrent transaction took that grant and committed (the conditional UPDATE
      // waited for its row lock), so every turn retires one grant: bounded by the grants there are, not
      // by a fixed few tries that a burst of concurrent deliveries could use up while grants remain.
      for (let i = 0; i < 100; i++) {
        const g = await db
          .selectFrom('subscribe_grants')
          .select('id')
          .where('user_id', '=', userId)
          .where('template_key', '=', templateKey)
          .where('push_id', 'is', null)
          .orderBy('granted_at')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (!g) return false;
        const r = await db.updateTable('subscribe_grants').set({ push_id: pushId }).where('id', '=', g.id).where('push_id', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) return true; // else another transaction took it: try the next one
      }
      return false;
    },
    async grantsLeft(userId) {
      const rows = await db
        .selectFrom('subscribe_grants')
        .select(['template_key', (e) => e.fn.countAll<number>().as('n')])
        .where('user_id', '=', userId)
        .where('push_id', 'is', null)
        .groupBy('template_key')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.template_key, Number(r.n)]));
    },
  };
}
