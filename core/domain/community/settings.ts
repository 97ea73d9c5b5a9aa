import { z } from 'zod';
import { lazy } from '../../schemas/lazy';
import { fail, ok, type Outcome } from '../../errors';
import { DAY, HOUR, MINUTE } from '../../time';
import { DEPARTMENT_LABELS, type Department } from '../../vocabulary';
import { DEFAULT_SLA, type SlaConfig } from '../case/deadlines';
import type { ResponsibleMap } from '../case/routing';
import { durationLabel, durationMs } from './duration';

/**
 * A community's settings (小区服务设置), kept as JSON with the community (`config_json`) and parsed
 * here — at the store adapter on every read, at platform start, and by the action that saves them —
 * never trusted as they lie. Durations are named (`PT15M`, `PT24H`, `P2D`); whatever is left out takes
 * the rule book's default, key by key at every depth, so a partial value can never leave a deadline
 * undefined (NaN). Every window is bounded: the rule book's figure is the longest a community may
 * promise (the emergency window may only be shortened, R-REP-3), and none is shorter than the sweep
 * can keep.
 *
 * ```json
 * { "responsible": { "customer_service": "frontdesk" },
 *   "sla": { "emergencyArrival": "PT10M", "repairResponse": "PT4H", "complaintResolution": { "minor": "P1D" } } }
 * ```
 */
export interface CommunitySettings {
  responsible: ResponsibleMap;
  sla: SlaConfig;
  renovation: RenovationSettings;
}

/** Renovation (R-REN-7, R-REN-8): how often the officer inspects, how long the water-closure test lasts. */
export interface RenovationSettings {
  inspectionIntervalMs: number;
  closureTestMs: number;
}

/** The rule book's figures: inspections every 2 days (R-REN-8), a 24-hour closure test (R-REN-7). */
export const DEFAULT_RENOVATION_SETTINGS: RenovationSettings = { inspectionIntervalMs: 2 * DAY, closureTestMs: 24 * HOUR };

const FORMAT = '请写成时长，如 PT15M（15 分钟）、PT24H（24 小时）、P2D（2 天）';

/** A named duration between `min` and `max` (the rule book's figure unless stated), default the rule book's. */
function window(label: string, fallback: number, min: number, max = fallback, why = '') {
  return z
    .string({ error: `${label}${FORMAT}` })
    .transform((text, ctx) => {
      const ms = durationMs(text.trim());
      if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: `${label}格式有误，${FORMAT}` });
      else if (ms > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${durationLabel(max)}${why}` });
      else if (ms < min) ctx.addIssue({ code: 'custom', message: `${label}不能短于 ${durationLabel(min)}` });
      return ms;
    })
    .default(fallback);
}

const D = DEFAULT_SLA;

/** Labels of the settings, for messages that name the setting (path → Chinese name). */
export const SETTING_LABELS: Record<string, string> = {
  responsible: '各部门负责人',
  sla: '服务时限',
  'sla.emergencyArrival': '急修到场时限',
  'sla.repairResponse': '报修默认上门时限',
  'sla.reply': '咨询类答复时限',
  'sla.complaintResolution': '投诉办结时限',
  'sla.complaintResolution.major': '重大投诉办结时限',
  'sla.complaintResolution.serious': '重要投诉办结时限',
  'sla.complaintResolution.minor': '一般投诉办结时限',
  'sla.callback': '维修回访时限',
  'sla.leakCallback': '漏水维修回访时限',
  'sla.supervisorAfter': '转客服主管时限',
  'sla.managerAfter': '转经理时限',
  'sla.warnShare': '预警比例',
  renovation: '装修管理',
  'renovation.inspectionInterval': '装修巡查间隔',
  'renovation.closureTest': '闭水试验时长',
};
const L = (path: string) => SETTING_LABELS[path];

const slaSettings = lazy(() => z
  .strictObject(
    {
      // R-REP-3: on site within 15 minutes, configurable only downward.
      emergencyArrival: window(L('sla.emergencyArrival'), D.emergencyArrivalMs, MINUTE, D.emergencyArrivalMs, '（急修时限只能缩短）'),
      // R-REP-4: when no time was agreed; the rule book's 24 hours is the longest promise.
      repairResponse: window(L('sla.repairResponse'), D.repairResponseMs, 15 * MINUTE),
      reply: window(L('sla.reply'), D.replyMs, HOUR),
      // R-CMP-2: major 10 days, serious 3 days, minor 2 days — "within", so at most.
      complaintResolution: z
        .strictObject(
          {
            major: window(L('sla.complaintResolution.major'), D.complaintResolutionMs.major, HOUR),
            serious: window(L('sla.complaintResolution.serious'), D.complaintResolutionMs.serious, HOUR),
            minor: window(L('sla.complaintResolution.minor'), D.complaintResolutionMs.minor, HOUR),
          },
          { error: `${L('sla.complaintResolution')}应按级别填写，如 {"minor":"P1D"}` },
        )
        .prefault({}),
      // R-REP-6: callback within 2 days; leak repairs within 3 days of the leak test.
      callback: window(L('sla.callback'), D.callbackMs, HOUR),
      leakCallback: window(L('sla.leakCallback'), D.leakCallbackMs, HOUR),
      // R-ESC-2 / R-ESC-3: 2 days → 客服主管, 1 week → 经理; a community may escalate sooner, never later.
      supervisorAfter: window(L('sla.supervisorAfter'), D.supervisorAfterMs, HOUR),
      managerAfter: window(L('sla.managerAfter'), D.managerAfterMs, 2 * HOUR),
      warnShare: z
        .number({ error: `${L('sla.warnShare')}应为 0 到 1 之间的小数，如 0.2` })
        .gt(0, `${L('sla.warnShare')}应大于 0`)
        .lt(1, `${L('sla.warnShare')}应小于 1`)
        .default(D.warnShare),
    },
    { error: `${L('sla')}应为对象，如 {"repairResponse":"PT4H"}` },
  )
  .superRefine((s, ctx) => {
    if (s.managerAfter <= s.supervisorAfter) {
      ctx.addIssue({ code: 'custom', path: ['managerAfter'], message: `${L('sla.managerAfter')}应晚于${L('sla.supervisorAfter')}（${durationLabel(s.supervisorAfter)}）` });
    }
  })
  .transform(
    (s): SlaConfig => ({
      emergencyArrivalMs: s.emergencyArrival,
      repairResponseMs: s.repairResponse,
      replyMs: s.reply,
      complaintResolutionMs: { ...s.complaintResolution },
      callbackMs: s.callback,
      leakCallbackMs: s.leakCallback,
      supervisorAfterMs: s.supervisorAfter,
      managerAfterMs: s.managerAfter,
      warnShare: s.warnShare,
    }),
  ));

const userId = (label: string) => z.string({ error: `${label}应为员工编号` }).trim().min(1, `请指定${label}`).max(64, `${label}编号过长`);

const who = (d: Department) => `${DEPARTMENT_LABELS[d]}负责人`;
const responsible = lazy(() => z.strictObject(
  {
    customer_service: userId(who('customer_service')),
    maintenance: userId(who('maintenance')).optional(),
    security: userId(who('security')).optional(),
    cleaning: userId(who('cleaning')).optional(),
    greening: userId(who('greening')).optional(),
    developer_liaison: userId(who('developer_liaison')).optional(),
  } satisfies Record<Department, z.ZodType>,
  { error: `请设置${L('responsible')}，至少包括${who('customer_service')}` },
));

const R = DEFAULT_RENOVATION_SETTINGS;
/** Inspections at least daily-ish (12 h) and at most weekly; the closure test never shorter than the rule's 24 hours. */
const renovationSettings = lazy(() => z
  .strictObject(
    {
      inspectionInterval: window(L('renovation.inspectionInterval'), R.inspectionIntervalMs, 12 * HOUR, 7 * DAY),
      closureTest: window(L('renovation.closureTest'), R.closureTestMs, R.closureTestMs, 3 * DAY, '（规定为 24 小时，可适当延长）'),
    },
    { error: `${L('renovation')}应为对象，如 {"inspectionInterval":"P2D"}` },
  )
  .transform((s): RenovationSettings => ({ inspectionIntervalMs: s.inspectionInterval, closureTestMs: s.closureTest })));

export const communitySettings = lazy(() => z.strictObject(
  { responsible: responsible(), sla: slaSettings().prefault({}), renovation: renovationSettings().prefault({}) },
  { error: '小区服务设置应为对象' },
));

/** Zod's issues as path → Chinese message; an unknown key is named so that a typo cannot pass silently. */
function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...at, key].join('.')] = `未知的设置项「${[...at, key].join('.')}」，请检查拼写`;
    } else {
      fields[at.join('.') || '(settings)'] ??= issue.message;
    }
  }
  return fields;
}

/**
 * Parses a community's settings (the JSON value, already decoded): the complete settings with the
 * rule book's defaults, or INPUT.INVALID with a Chinese message per setting (path → message). The
 * action that saves settings returns the failure as it is; reads and start-up throw it
 * ({@link CommunitySettingsError}).
 */
export function parseCommunitySettings(raw: unknown): Outcome<CommunitySettings> {
  const r = communitySettings().safeParse(raw);
  if (!r.success) return fail('INPUT.INVALID', fieldsOf(r.error));
  return ok({ responsible: r.data.responsible, sla: r.data.sla, renovation: r.data.renovation });
}

/** A community whose stored settings do not parse: refused at start and on every read (a bug, not a user's mistake). */
export class CommunitySettingsError extends Error {
  constructor(
    readonly communityId: string,
    readonly fields: Record<string, string>,
  ) {
    super(`小区「${communityId}」的服务设置有误，请修正后再启动：${Object.entries(fields).map(([path, message]) => `${path}（${message}）`).join('；')}`);
    this.name = 'CommunitySettingsError';
  }
}

/** Decodes and parses the stored JSON text, or throws {@link CommunitySettingsError} naming each bad setting. */
export function communitySettingsOf(communityId: string, json: string): CommunitySettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CommunitySettingsError(communityId, { '(settings)': '不是合法的 JSON' });
  }
  const parsed = parseCommunitySettings(raw);
  if (!parsed.ok) throw new CommunitySettingsError(communityId, parsed.error.fields ?? {});
  return parsed.data;
}
