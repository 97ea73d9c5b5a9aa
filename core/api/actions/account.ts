import { action } from '../action';
import * as account from '../../schemas/account';
import { me } from '../../usecases/account/me';
import { bind } from '../../usecases/account/bind';
import { bindings } from '../../usecases/account/bindings';
import { decideBinding } from '../../usecases/account/decideBinding';
import { subscribe, subscribeTemplates } from '../../usecases/account/subscribe';

/** The `account` function's actions (its bundle holds these alone: scripts/bundle-functions.ts). */
export const accountActions = {
  me: action(account.meInput, me, { readOnly: true }),
  bind: action(account.bindInput, bind, { idempotent: true }),
  bindings: action(account.bindingsInput, bindings, { readOnly: true }),
  approveBinding: action(account.approveBindingInput, (ctx, i) => decideBinding(ctx, { id: i.id, decision: 'approved' })),
  rejectBinding: action(account.rejectBindingInput, (ctx, i) => decideBinding(ctx, { id: i.id, decision: 'rejected', reason: i.reason })),
  subscribe: action(account.subscribeInput, subscribe, { idempotent: true }),
  subscribeTemplates: action(account.subscribeTemplatesInput, subscribeTemplates, { readOnly: true }),
} as const;
