import { z } from 'zod';
import { lazy } from './lazy';
import { entityId, requestId } from './common';
import { day } from './setupStaff';
import { parseCommunitySettings } from '../domain/community/settings';
import { FEE_BASES, FEE_ITEMS, MAX_PRICE_FEN } from '../domain/fees/standards';

const communityId = lazy(() => entityId().describe('小区编号；只负责一个小区时可省略'));

export const settingsInput = lazy(() => z.object({ communityId: communityId().optional() }).strict());
/**
 * The community's settings as JSON (core/domain/community/settings.ts), checked here with the same
 * parseCommunitySettings the engine reads them with: each wrong setting is named (`settings.sla.reply`).
 */
const settingsValue = lazy(() => z.unknown().superRefine((v, ctx) => {
  const parsed = parseCommunitySettings(v);
  if (parsed.ok) return;
  for (const [path, message] of Object.entries(parsed.error.fields ?? { '(settings)': '服务设置有误' })) {
    ctx.addIssue({ code: 'custom', message, path: path === '(settings)' ? [] : path.split('.') });
  }
}));
export const saveSettingsInput = lazy(() => z.object({ requestId: requestId(), communityId: communityId().optional(), effectiveFrom: day(), settings: settingsValue() }).strict());
export const feeStandardsInput = lazy(() => z.object({ communityId: communityId().optional(), day: day().optional() }).strict());
export const saveFeeStandardInput = lazy(() => z
  .object({
    requestId: requestId(),
    communityId: communityId().optional(),
    item: z.enum(FEE_ITEMS, { message: '收费项目有误' }),
    basis: z.enum(FEE_BASES, { message: '计费方式有误' }),
    priceFen: z.number({ error: '请填写单价' }).int('单价应为整数分').min(0, '单价不能为负').max(MAX_PRICE_FEN, '单价不超过 10000 元'),
    effectiveFrom: day(),
  })
  .strict());
