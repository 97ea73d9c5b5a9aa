import { importedHouseholdId, planRegister, registerRows, validateRegister, REGISTER_HEADER } from './register';
import type { SheetRow } from '../../ports/spreadsheets';
import type { HouseholdRow } from '../../ports/store';

const sheet = (...rows: (string | number | null)[][]): SheetRow[] => [{ row: 1, cells: [...REGISTER_HEADER] }, ...rows.map((cells, i) => ({ row: i + 2, cells }))];
const h = (room: string, area = 8950, owner = '李明', phone = '13800001101'): HouseholdRow => ({ id: `1-1-${room}`, communityId: 'demo', building: '1', unit: '1', room, areaM2x100: area, ownerName: owner, ownerPhone: phone });

describe('the household register', () => {
  it('reads areas digit by digit (89.5, "89.50", 0.01) and refuses a third decimal, zero and negatives', () => {
    const { entries, errors } = validateRegister(sheet(['1', '1', '101', 89.5, '李明', '13800001101'], ['1', '1', '102', '89.50', '陈静', 13800001102], ['1', '1', '103', 0.01, '王', '13800001103'], ['1', '1', '104', 1.005, '赵', '13800001104'], ['1', '1', '105', 0, '钱', '13800001105'], ['1', '1', '106', -3, '孙', '13800001106']));
    expect(entries.map((e) => e.areaM2x100)).toEqual([8950, 8950, 1]);
    expect(errors.map((e) => e.row)).toEqual([5, 6, 7]);
    expect(errors[1].message).toBe('面积应大于 0');
  });

  it('names every problem of a row in one message, with the row number the spreadsheet shows (blank rows keep their numbers)', () => {
    const rows: SheetRow[] = [{ row: 1, cells: [...REGISTER_HEADER] }, { row: 5, cells: ['A', '1', '101', 80, '', '12345'] }];
    expect(validateRegister(rows).errors).toEqual([{ row: 5, message: '楼栋应为 1–3 位数字，如 3；请填写业主姓名；业主电话应为 11 位手机号码' }]);
  });

  it('a room twice in one file is refused at its second row, naming the first', () => {
    const { errors } = validateRegister(sheet(['2', '1', '301', 80, '甲', '13800000001'], ['2', '1', '302', 80, '乙', '13800000002'], ['2', '1', '301', 81, '丙', '13800000003']));
    expect(errors).toEqual([{ row: 4, message: '2栋1单元301室与第 2 行重复，同一房屋只能出现一次' }]);
  });

  it('plans by room: new rooms get community-prefixed ids, changed rooms keep theirs, the same data is unchanged', () => {
    const { entries } = validateRegister(sheet(['1', '1', '101', 89.5, '李明', '13800001101'], ['1', '1', '102', 90, '陈静', '13800001102'], ['3', '1', '301', 70, '新', '13800003301']));
    const plan = planRegister('demo', entries, [h('101'), h('102', 8950, '陈静', '13800001102')], (e) => importedHouseholdId('demo', e));
    expect(plan.unchanged).toBe(1);
    expect(plan.updated).toEqual([{ ...h('102', 9000, '陈静', '13800001102') }]);
    expect(plan.created.map((x) => x.id)).toEqual(['demo-3-1-301']);
  });

  it('exports rows sorted by building, unit and room as numbers, areas as square metres', () => {
    expect(registerRows([h('1001'), h('102', 12000), h('101', 8950)]).map((r) => [r[2], r[3]])).toEqual([['101', 89.5], ['102', 120], ['1001', 89.5]]);
  });
});
