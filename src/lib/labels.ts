import type { CaseKind, CaseStatus } from '../../core/vocabulary';
import { CATEGORIES, type CategoryCode } from '../../core/domain/case/routing';

// The words come from core (zod-free modules, so the app bundle does not pull in the validators).
export {
  KIND_LABELS,
  STATUS_LABELS,
  DEPARTMENT_LABELS,
  CHANNEL_LABELS,
  RELATION_LABELS,
  ROLE_LABELS,
  DEADLINE_LABELS,
  REPAIR_CATEGORIES,
  REPAIR_CATEGORY_CODES,
  CALLBACK_METHOD_LABELS,
  isRepairCategory,
} from '../../core/vocabulary';
export type { RepairCategory, CallbackMethod } from '../../core/vocabulary';

export const CATEGORY_LABELS = Object.fromEntries(Object.entries(CATEGORIES).map(([code, c]) => [code, c.label])) as Record<CategoryCode, string>;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as CategoryCode[];

/** Kinds a resident can submit from the app today (the others are built later). */
export const RESIDENT_KINDS = ['consultation', 'suggestion', 'praise', 'help'] as const satisfies readonly CaseKind[];
export type ResidentKind = (typeof RESIDENT_KINDS)[number];

export const KIND_HINTS: Record<ResidentKind, { title: string; placeholder: string; intro: string }> = {
  consultation: {
    title: '咨询',
    intro: '有任何疑问，请告诉我们，客服中心会尽快为您解答。',
    placeholder: '请描述您想咨询的问题，例如：小区快递柜的开放时间是？',
  },
  suggestion: {
    title: '建议',
    intro: '感谢您帮助我们把小区变得更好，每一条建议我们都会认真阅读。',
    placeholder: '请写下您的建议，例如：希望在 3 号楼门口增设一处非机动车停放点。',
  },
  praise: {
    title: '表扬',
    intro: '您的认可是对我们最大的鼓励，我们会转达给相关同事。',
    placeholder: '请写下您想表扬的人和事，例如：感谢保洁阿姨每天把楼道打扫得干干净净。',
  },
  help: {
    title: '求助',
    intro: '遇到困难请告诉我们，物业服务中心 24 小时受理。',
    placeholder: '请描述您需要的帮助，例如：家中老人行动不便，想请物业协助搬运重物。',
  },
};

/** Pill colour: waiting on someone (amber), being worked (blue), done (green), withdrawn (grey). */
export const statusTone = (s: CaseStatus | string): 'primary' | 'warning' | 'success' | 'default' =>
  s === 'submitted' || s === 'quoted' || s === 'completed'
    ? 'warning'
    : s === 'processing' || s === 'dispatched' || s === 'on_site' || s === 'awaiting_callback'
      ? 'primary'
      : s === 'resolved' || s === 'closed'
        ? 'success'
        : 'default';

export const LOCATION_LABELS = { in_home: '户内', common_area: '公共区域' } as const;
export type RepairLocation = keyof typeof LOCATION_LABELS;

/** 一级督办 / 二级督办 by the escalation ladder's rung (R-ESC-2, R-ESC-3). */
export const ESCALATION_LABELS: Record<number, string> = { 1: '已升级至客服主管督办', 2: '已升级至经理督办' };
