import { action } from '../action';
import * as reno from '../../schemas/renovation';
import { rules } from '../../usecases/renovation/rules';
import { quote } from '../../usecases/renovation/quote';
import { apply } from '../../usecases/renovation/apply';
import { resubmit } from '../../usecases/renovation/resubmit';
import { list } from '../../usecases/renovation/list';
import { get } from '../../usecases/renovation/get';
import { review } from '../../usecases/renovation/review';
import { closureTest } from '../../usecases/renovation/closureTest';
import { inspect } from '../../usecases/renovation/inspect';
import { violation } from '../../usecases/renovation/violation';
import { resolveViolation } from '../../usecases/renovation/resolveViolation';
import { accept } from '../../usecases/renovation/accept';

/**
 * The `renovation` function's actions (contract §3, service standards §7): the owner or a delegate
 * applies and resubmits (own household only); 装修管理员 reviews, records the closure test, inspections
 * and violations, and accepts the completed work (the deposit refund is written at acceptance).
 */
export const renovationActions = {
  rules: action(reno.rulesInput, rules, { readOnly: true }),
  quote: action(reno.quoteInput, quote, { readOnly: true }),
  apply: action(reno.applyInput, apply, { idempotent: true }),
  resubmit: action(reno.resubmitInput, resubmit),
  list: action(reno.listInput, list, { readOnly: true }),
  get: action(reno.getInput, get, { readOnly: true }),
  review: action(reno.reviewInput, review),
  closureTest: action(reno.closureTestInput, closureTest),
  inspect: action(reno.inspectInput, inspect),
  violation: action(reno.violationInput, violation),
  resolveViolation: action(reno.resolveViolationInput, resolveViolation),
  accept: action(reno.acceptInput, accept),
} as const;
