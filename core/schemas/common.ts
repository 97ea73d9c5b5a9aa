import { z } from 'zod';
import { lazy } from './lazy';
import { singleLine } from './text';
import { CASE_KINDS, CASE_STATUSES, CHANNELS, COMPLAINT_LEVELS, DEPARTMENTS, RELATIONS, STAFF_ROLES } from '../vocabulary';

export * from '../vocabulary';

export const caseKind = lazy(() => z.enum(CASE_KINDS));

export const caseStatus = lazy(() => z.enum(CASE_STATUSES));

export const channel = lazy(() => z.enum(CHANNELS));

export const department = lazy(() => z.enum(DEPARTMENTS));

export const relation = lazy(() => z.enum(RELATIONS));

export const staffRole = lazy(() => z.enum(STAFF_ROLES));

export const complaintLevel = lazy(() => z.enum(COMPLAINT_LEVELS));

/** Client-made request id for creating actions (contract §1: ≤ 64 chars). */
export const requestId = lazy(() => z.string().trim().min(8, '请求编号至少 8 位').max(64, '请求编号不超过 64 位').regex(/^[A-Za-z0-9_-]+$/, '请求编号格式有误'));

/** Room code 栋-单元-房号, e.g. 1-2-201. */
/**
 * A household: its room code `楼栋-单元-房号` (the demo's `1-2-201`), or an imported household's id, the
 * same code after its community's id (`demo-3-1-301`, core/domain/community/register.ts).
 */
export const householdId = lazy(() => z.string().trim().regex(/^(?:[A-Za-z0-9_-]{1,40}-)?\d{1,3}-\d{1,2}-\d{3,4}$/, '房号格式应为 楼栋-单元-房号，如 1-2-201'));

/** Mainland mobile number. */
export const phone = lazy(() => z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码'));

export const personName = lazy(() => singleLine({ min: 1, max: 20, minMessage: '请填写姓名', maxMessage: '姓名不超过 20 个字' }));

export const entityId = lazy(() => z.string().trim().min(1).max(64));

export const fileId = lazy(() => z.string().trim().regex(/^f_[A-Za-z0-9_-]{4,60}$/, '图片编号有误'));

export const isoTime = lazy(() => z.iso.datetime({ offset: true, message: '时间格式有误' }));

