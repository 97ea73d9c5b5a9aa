import { PassThrough, Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import type { CellValue, SheetRead, SheetSpec, Spreadsheets } from '../../core/ports/spreadsheets';

/** What exceljs hands over for one cell, reduced to text, number or yes/no (rich text, formulas, links, dates). */
export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; sharedFormula?: unknown; formula?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return plainCell(o.result);
    if (typeof o.text === 'string' || (o.text && typeof o.text === 'object')) return plainCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** exceljs, evaluated on first use: a function instance that only loads (or answers other actions) does not pay for it. */
let loaded: typeof ExcelJSModule | null = null;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJSModule => (loaded ??= require('exceljs') as typeof ExcelJSModule);

const isEmpty = (c: CellValue) => c === null || (typeof c === 'string' && c.trim() === '');

/**
 * Spreadsheets through exceljs: reading is streamed (WorkbookReader: the zip is read entry by entry, the
 * first worksheet row by row; other sheets are skipped), so a workbook never sits in memory as a model.
 */
export function excelSpreadsheets(): Spreadsheets {
  return {
    async readFirstSheet(bytes, limits): Promise<SheetRead> {
      // The zip's signature first: anything else is not a workbook (exceljs would fail less politely).
      if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, reason: 'unreadable' };
      const rows: { row: number; cells: CellValue[] }[] = [];
      const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(new PassThrough());
      const reader = new (excel().stream.xlsx.WorkbookReader)(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
      let sheets = 0;
      try {
        for await (const sheet of reader) {
          sheets++;
          if (sheets > 1) {
            // Only the first sheet counts; the rest of the stream is drained, not parsed into rows.
            for await (const _ of sheet) void _;
            continue;
          }
          for await (const r of sheet) {
            const values = (r.values as unknown[]) ?? [];
            const cells: CellValue[] = [];
            for (let c = 1; c <= limits.maxColumns; c++) cells.push(plainCell(values[c]));
            if (cells.every(isEmpty)) continue;
            if (rows.length >= limits.maxRows) return { ok: false, reason: 'too_many_rows' };
            rows.push({ row: r.number, cells });
          }
        }
      } catch {
        return { ok: false, reason: 'unreadable' };
      }
      if (sheets === 0) return { ok: false, reason: 'no_sheet' };
      return { ok: true, rows };
    },

    write(sheet) {
      return writeBook([sheet]);
    },
    writeBook,
  };
}

/** A workbook streamed into memory (WorkbookWriter): each sheet's header row bold, then its rows. */
async function writeBook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.header.map((h, i) => ({ header: h, width: sheet.widths?.[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    sheet.rows.forEach((r, i) => {
      const row = ws.addRow(r);
      if (sheet.bold?.includes(i + 1)) row.font = { bold: true };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
