import type { CellValue, SheetSpec } from '../../ports/spreadsheets';
import type { MonthlyReport } from './monthly';

/** Sheet names of the monthly export, one per section of report.monthly. */
export const REPORT_SHEETS = { repairs: '报修汇总', complaints: '投诉情况月汇总表', satisfaction: '满意度统计' } as const;
/** The label of each sheet's totals row. */
export const TOTAL = '合计';

const blank: CellValue[] = [];

/** 报修汇总 (R-REP-7): count by category, the total, then the month's rates. */
function repairsSheet(r: MonthlyReport['repairs']): SheetSpec {
  const rows: CellValue[][] = [
    ...r.byCategory.map((c) => ['类别', c.label, c.count]),
    [TOTAL, '', r.total],
    blank,
    ['指标', '急修单数', r.emergencies],
    ['指标', '按时到场率(%)', r.arrival.onTimeRate],
    ['指标', '回访率(%)', r.callback.rate],
    ['指标', '回访及时率(%)', r.callback.onTimeRate],
    ['指标', '返工率(%)', r.rework.rate],
    ['指标', '平均评分', r.rating.average],
    blank,
    ...r.attention.map((a) => ['需跟进工单', a.number, `${a.categoryLabel} · ${a.room} · ${a.statusLabel} · ${a.reasonLabels.join('、')}`]),
  ];
  return { name: REPORT_SHEETS.repairs, header: ['项目', '名称', '数量'], rows, widths: [14, 22, 48], bold: [r.byCategory.length + 1] };
}

/** 投诉情况月汇总表 (R-CMP-6): by level, department and cause (each summing to the total), deadlines, invalid share. */
function complaintsSheet(c: MonthlyReport['complaints']): SheetSpec {
  const rows: CellValue[][] = [
    ...c.byLevel.map((x) => ['级别', x.label, x.count, null]),
    ...c.byDepartment.map((x) => ['责任部门', x.label, x.count, null]),
    ...c.byCategory.map((x) => ['投诉原因', x.label, x.count, null]),
    [TOTAL, '', c.total, null],
    blank,
    ...c.deadlines.map((d) => ['时限', `${d.label}（按时 ${d.onTime} / 超时 ${d.late}）`, d.judged, d.onTimeRate]),
    ['时限', `全部时限（按时 ${c.onTime.onTime} / 超时 ${c.onTime.late}）`, c.onTime.judged, c.onTime.onTimeRate],
    ['办理', '已办结', c.resolved, null],
    ['办理', '未办结', c.open, null],
    ['办理', '已撤销', c.cancelled, null],
    ['无效投诉', '无效投诉', c.invalid.count, c.invalid.rate],
  ];
  const totalRow = c.byLevel.length + c.byDepartment.length + c.byCategory.length + 1;
  return { name: REPORT_SHEETS.complaints, header: ['分类', '项目', '件数', '比率(%)'], rows, widths: [12, 36, 10, 10], bold: [totalRow] };
}

/** 满意度统计 (R-SAT-3): per department and staff member, the totals, the star distribution and the follow-ups. */
function satisfactionSheet(s: MonthlyReport['satisfaction']): SheetSpec {
  const line = (what: string, x: { label: string; ratings: number; average: number | null; low: number; callbacks: number; problems: number }): CellValue[] => [what, x.label, x.ratings, x.average, x.low, x.callbacks, x.problems];
  const rows: CellValue[][] = [
    ...s.byDepartment.map((x) => line('部门', x)),
    ...s.byStaff.map((x) => line('员工', x)),
    [TOTAL, '', s.ratings.count, s.ratings.average, s.ratings.low, s.callbacks.count, s.callbacks.problem],
    blank,
    ...s.ratings.distribution.map((d) => ['星级分布', `${d.stars} 星`, d.count, null, null, null, null]),
    ...s.callbacks.byMethod.map((m) => ['回访方式', m.label, null, null, null, m.count, null]),
    blank,
    ...s.followUps.items.map((f) => ['主管跟进', f.number, null, null, null, null, `${f.sourceLabel}：${f.reason}`]),
  ];
  return {
    name: REPORT_SHEETS.satisfaction,
    header: ['维度', '名称', '评价数', '平均分', '低分(≤2星)', '回访数', '回访发现问题'],
    rows,
    widths: [12, 20, 10, 10, 12, 10, 40],
    bold: [s.byDepartment.length + s.byStaff.length + 1],
  };
}

/** The monthly report as sheets (Chinese headers, a totals row on each). */
export const reportSheets = (r: MonthlyReport): SheetSpec[] => [repairsSheet(r.repairs), complaintsSheet(r.complaints), satisfactionSheet(r.satisfaction)];
