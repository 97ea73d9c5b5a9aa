import { z } from 'zod';
import { lazy } from './lazy';
import { singleLine } from './text';
import { SUBSCRIBE_KEYS } from '../domain/notify/subscribe';
import { entityId, householdId, personName, phone, relation, requestId } from './common';

/** The one-time code of WeChat's getPhoneNumber button (or the local platform's stand-in). */
const phoneCode = lazy(() => z.string().trim().min(1, '手机号验证码有误').max(128, '手机号验证码有误').regex(/^[A-Za-z0-9_-]+$/, '手机号验证码有误'));

export const meInput = lazy(() => z.object({}).strict());
export const bindInput = lazy(() => z
  .object({ requestId: requestId().optional(), householdId: householdId(), name: personName(), phone: phone(), relation: relation(), phoneCode: phoneCode().optional() })
  .strict());
export const bindingsInput = lazy(() => z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), cursor: z.string().max(200).optional() }).strict());
export const approveBindingInput = lazy(() => z.object({ id: entityId() }).strict());
export const rejectBindingInput = lazy(() => z.object({ id: entityId(), reason: singleLine({ min: 2, max: 200, minMessage: '请填写驳回原因' }) }).strict());

/** The templates a resident accepted in `Taro.requestSubscribeMessage` (our keys; each accept allows one send). */
export const subscribeInput = lazy(() => z
  .object({
    requestId: requestId(),
    accepted: z
      .array(z.enum(SUBSCRIBE_KEYS, { message: '订阅消息类型有误' }))
      .max(SUBSCRIBE_KEYS.length, '订阅消息类型有误')
      .refine((a) => new Set(a).size === a.length, '订阅消息类型重复'),
  })
  .strict());
export const subscribeTemplatesInput = lazy(() => z.object({}).strict());
