import { z } from 'zod';
import { lazy } from '../../schemas/lazy';
import { cleanText } from '../../schemas/text';
import type { CellValue, SheetRow } from '../../ports/spreadsheets';
import type { HouseholdRow } from '../../ports/store';

/**
 * The household register (一户一档) as a spreadsheet (contract §3): the header row, then one household
 * a row. Validation and the import plan are pure; reading the workbook is the spreadsheets port's job.
 */
export const REGISTER_HEADER = ['楼栋', '单元', '房号', '面积', '业主姓名', '业主电话'] as const;
export const REGISTER_SHEET = '房屋档案';
/** Rows one file may hold (a large community has a few thousand households). */
export const MAX_REGISTER_ROWS = 20_000;
/** Row errors reported back (the count is always complete). */
export const MAX_REPORTED_ERRORS = 500;

export interface RegisterEntry {
  row: number;
  building: string;
  unit: string;
  room: string;
  areaM2x100: number;
  ownerName: string;
  ownerPhone: string;
}

export interface RowError {
  row: number;
  message: string;
}

/** A cell as text: numbers as JavaScript writes them (89.5 → '89.5'; never rounded here). */
const text = (c: CellValue) => (c === null ? '' : typeof c === 'string' ? cleanText(c, false) : String(c));
/** Full-width digits and dots (typed with a Chinese input method) read as their ASCII forms. */
const halfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.');

const required = (label: string) => z.string().min(1, `请填写${label}`);
const rowSchema = lazy(() => z.object({
  building: required('楼栋').regex(/^\d{1,3}$/, '楼栋应为 1–3 位数字，如 3'),
  unit: required('单元').regex(/^\d{1,2}$/, '单元应为 1–2 位数字，如 1'),
  room: required('房号').regex(/^\d{3,4}$/, '房号应为 3–4 位数字，如 301'),
  area: required('面积')
    .regex(/^\d{1,5}(\.\d{1,2})?$/, '面积应为平方米数，最多两位小数，如 89.50')
    .transform((s) => {
      const [whole, frac = ''] = s.split('.');
      return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    })
    .refine((x) => x > 0, '面积应大于 0'),
  ownerName: required('业主姓名').refine((s) => [...s].length <= 20, '业主姓名不超过 20 个字'),
  ownerPhone: required('业主电话').regex(/^1[3-9]\d{9}$/, '业主电话应为 11 位手机号码'),
}));

const roomKey = (e: { building: string; unit: string; room: string }) => `${e.building}-${e.unit}-${e.room}`;
export const roomName = (e: { building: string; unit: string; room: string }) => `${e.building}栋${e.unit}单元${e.room}室`;

/**
 * The register's rows checked one by one, row numbers as the spreadsheet shows them (header = row 1):
 * the header itself, required fields, formats, and the same room twice in one file. Every problem of a
 * row is told in one message.
 */
export function validateRegister(rows: SheetRow[]): { entries: RegisterEntry[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const entries: RegisterEntry[] = [];
  const [head, ...body] = rows;
  if (!head || head.cells.slice(0, REGISTER_HEADER.length).map(text).join('|') !== REGISTER_HEADER.join('|')) {
    return { entries, errors: [{ row: head?.row ?? 1, message: `第一行应为表头：${REGISTER_HEADER.join('、')}（可先导出一份作为模板）` }] };
  }
  if (body.length === 0) return { entries, errors: [{ row: head.row + 1, message: '表格中没有房屋数据，请从第 2 行起每行填写一户' }] };
  const seen = new Map<string, number>();
  for (const r of body) {
    const [building, unit, room, area, ownerName, ownerPhone] = r.cells.map(text);
    const parsed = rowSchema().safeParse({ building: halfWidth(building), unit: halfWidth(unit), room: halfWidth(room), area: halfWidth(area), ownerName, ownerPhone: halfWidth(ownerPhone).replace(/[\s-]/g, '') });
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    if (parsed.success) {
      const key = roomKey(parsed.data);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${roomName(parsed.data)}与第 ${first} 行重复，同一房屋只能出现一次`);
      else seen.set(key, r.row);
    }
    if (problems.length) {
      errors.push({ row: r.row, message: problems.join('；') });
      continue;
    }
    const d = parsed.data!;
    entries.push({ row: r.row, building: d.building, unit: d.unit, room: d.room, areaM2x100: d.area, ownerName: d.ownerName, ownerPhone: d.ownerPhone });
  }
  return { entries, errors };
}

export interface RegisterPlan {
  created: HouseholdRow[];
  updated: HouseholdRow[];
  unchanged: number;
}

/**
 * What importing the entries into a community does, room by room (building + unit + room): a room the
 * community has is updated when its area, owner or phone differ (its id kept), else left unchanged; a new
 * room gets the id `newId(entry)`. Rooms missing from the file are left as they are.
 */
export function planRegister(communityId: string, entries: RegisterEntry[], existing: HouseholdRow[], newId: (e: RegisterEntry) => string): RegisterPlan {
  const byRoom = new Map(existing.map((h) => [roomKey(h), h]));
  const plan: RegisterPlan = { created: [], updated: [], unchanged: 0 };
  for (const e of entries) {
    const fields = { building: e.building, unit: e.unit, room: e.room, areaM2x100: e.areaM2x100, ownerName: e.ownerName, ownerPhone: e.ownerPhone };
    const h = byRoom.get(roomKey(e));
    if (!h) plan.created.push({ id: newId(e), communityId, ...fields });
    else if (h.areaM2x100 !== e.areaM2x100 || h.ownerName !== e.ownerName || h.ownerPhone !== e.ownerPhone) plan.updated.push({ ...h, ...fields });
    else plan.unchanged++;
  }
  return plan;
}

/**
 * The id of an imported household: `<community id>-<building>-<unit>-<room>` (e.g. `demo-3-1-301`),
 * unique across communities because the community id is, and readable on the phone. Households that
 * existed before an import (the demo's `1-1-101`) keep their ids.
 */
export const importedHouseholdId = (communityId: string, e: { building: string; unit: string; room: string }) => `${communityId}-${roomKey(e)}`;

/** The register as spreadsheet rows (export; the same format the import reads). */
export function registerRows(households: HouseholdRow[]): CellValue[][] {
  const num = (s: string) => Number(s);
  return [...households]
    .sort((a, b) => num(a.building) - num(b.building) || num(a.unit) - num(b.unit) || num(a.room) - num(b.room) || a.id.localeCompare(b.id))
    .map((h) => [h.building, h.unit, h.room, h.areaM2x100 / 100, h.ownerName, h.ownerPhone]);
}
