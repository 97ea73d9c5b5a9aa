import ExcelJS from 'exceljs';

/** One register row as a person types it: 楼栋, 单元, 房号, 面积, 业主姓名, 业主电话. */
export type RegisterCells = (string | number | null)[];

export const HEADER = ['楼栋', '单元', '房号', '面积', '业主姓名', '业主电话'];

/**
 * An .xlsx made the way an office makes one (exceljs' in-memory workbook, not the product's writer):
 * the header row, then the rows; shared strings on, like Excel.
 */
export async function registerXlsx(rows: RegisterCells[], opts: { header?: string[]; extraSheet?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(opts.header ?? HEADER);
  for (const r of rows) ws.addRow(r);
  if (opts.extraSheet) wb.addWorksheet('说明').addRow(['这一页不会被导入']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet of an .xlsx as plain rows (to read an export back). */
export async function readXlsx(bytes: ArrayBuffer | Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** `n` households: buildings 1…, 2 units, 4 floors × 4 rooms per unit and building; owner and phone per row. */
export function registerRows(n: number, opts: { firstBuilding?: number } = {}): RegisterCells[] {
  const rows: RegisterCells[] = [];
  const first = opts.firstBuilding ?? 3;
  for (let i = 0; i < n; i++) {
    const building = first + Math.floor(i / 32);
    const unit = 1 + (Math.floor(i / 16) % 2);
    const room = 100 * (1 + (Math.floor(i / 4) % 4)) + 1 + (i % 4);
    rows.push([String(building), String(unit), String(room), 60 + (i % 90) + 0.25 * (i % 4), `业主${i + 1}`, `139${String(10_000_000 + i).slice(-8)}`]);
  }
  return rows;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /local/upload with one file (multipart), as the workbench page sends it. */
export async function uploadFile(url: string, token: string | null, bytes: Buffer, name = 'register.xlsx', type = XLSX_TYPE) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${url}/local/upload`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as { fileId?: string; error?: { code: string } } };
}
