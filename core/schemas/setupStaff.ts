import { z } from 'zod';
import { lazy } from './lazy';
import { entityId, personName, phone, requestId, staffRole } from './common';
import { SHIFTS } from '../domain/community/rota';
import { at } from '../shanghai';

/** The one-time code of WeChat's getPhoneNumber button (or the local platform's stand-in). */
const phoneCode = lazy(() => z.string().trim().min(1, '手机号验证码有误').max(128, '手机号验证码有误').regex(/^[A-Za-z0-9_-]+$/, '手机号验证码有误'));
const communityId = lazy(() => entityId().describe('小区编号；只负责一个小区时可省略'));
const roles = lazy(() => z
  .array(staffRole(), { error: '请选择岗位' })
  .min(1, '请至少选择一个岗位')
  .max(6, '岗位重复')
  .refine((a) => new Set(a).size === a.length, '岗位重复'));
/** A Shanghai day, YYYY-MM-DD. */
export const day = lazy(() => z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    try {
      return at(d) > 0;
    } catch {
      return false;
    }
  }, '日期不存在'));

export const staffInput = lazy(() => z.object({ communityId: communityId().optional() }).strict());
export const inviteStaffInput = lazy(() => z
  .object({
    requestId: requestId(),
    phone: phone(),
    name: personName(),
    roles: roles(),
    communityIds: z.array(entityId()).min(1, '请选择小区').max(20, '小区过多').optional(),
  })
  .strict());
export const revokeInviteInput = lazy(() => z.object({ id: entityId() }).strict());
export const acceptInviteInput = lazy(() => z.object({ requestId: requestId(), phoneCode: phoneCode() }).strict());
export const setStaffRolesInput = lazy(() => z.object({ userId: entityId(), communityId: communityId().optional(), roles: roles() }).strict());
export const deactivateStaffInput = lazy(() => z.object({ userId: entityId(), communityId: communityId().optional() }).strict());
export const rotaInput = lazy(() => z.object({ communityId: communityId().optional(), from: day().optional(), days: z.number().int().min(1).max(31).default(7) }).strict());
export const setRotaInput = lazy(() => z
  .object({
    communityId: communityId().optional(),
    entries: z
      .array(z.object({ day: day(), shift: z.enum(SHIFTS, { message: '班次应为 day（白班）或 night（夜班）' }), technicianId: entityId().nullable() }).strict())
      .min(1, '请至少安排一个班次')
      .max(62, '一次最多安排 31 天'),
  })
  .strict());
