import { requireAccess } from '../../access/requireAccess';
import { SUBSCRIBE_KEYS, type SubscribeKey } from '../../domain/notify/subscribe';
import { ok, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';

export interface SubscribeView {
  /** The templates to ask for with `Taro.requestSubscribeMessage` (only those this deployment has). */
  templates: { key: SubscribeKey; id: string }[];
  /** Sends each template still has from this user's accepts. */
  left: Partial<Record<SubscribeKey, number>>;
}

async function view(ctx: UseCaseContext, userId: string): Promise<SubscribeView> {
  const configured = ctx.subscribeTemplates ?? {};
  const templates = SUBSCRIBE_KEYS.flatMap((key) => (configured[key] ? [{ key, id: configured[key]! }] : []));
  const left = await ctx.tx.grantsLeft(userId);
  return { templates, left: Object.fromEntries(templates.map((t) => [t.key, left[t.key] ?? 0])) };
}

/** `account.subscribeTemplates`: what to ask the user to accept, and what is left of earlier accepts. */
export async function subscribeTemplates(ctx: UseCaseContext, _input: Record<string, never>): Promise<Outcome<SubscribeView>> {
  const access = requireAccess(ctx.caller, 'account.me');
  if (!access.ok) return access;
  return ok(await view(ctx, ctx.caller!.userId));
}

/**
 * `account.subscribe`: records the templates the user accepted in one `requestSubscribeMessage` (a
 * tap): one grant per template, each allowing exactly one send (fanOut binds it to a push). Replayed
 * with the same requestId it records nothing more (R-INT-7). Keys this deployment has no template for
 * are not recorded (the client was never given their ids).
 */
export async function subscribe(ctx: UseCaseContext, input: { requestId: string; accepted: SubscribeKey[] }): Promise<Outcome<SubscribeView>> {
  const access = requireAccess(ctx.caller, 'account.me');
  if (!access.ok) return access;
  const userId = ctx.caller!.userId;
  const configured = ctx.subscribeTemplates ?? {};
  await ctx.tx.insertGrants(
    input.accepted
      .filter((key) => configured[key])
      .map((key) => ({ id: ctx.ids.next('sg'), userId, templateKey: key, requestId: input.requestId, grantedAt: ctx.now, pushId: null })),
  );
  return ok(await view(ctx, userId));
}
