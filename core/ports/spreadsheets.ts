/** One cell as the register reads it: text, a number, a yes/no, or nothing. */
export type CellValue = string | number | boolean | null;

/** A row of the first sheet, numbered as the spreadsheet shows it (the first row is 1). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export type SheetRead =
  | { ok: true; rows: SheetRow[] }
  /** `unreadable`: not an .xlsx workbook (or a damaged one); `too_many_rows`: past `maxRows` non-empty rows. */
  | { ok: false; reason: 'unreadable' | 'too_many_rows' | 'no_sheet' };

/**
 * Spreadsheets (.xlsx) in and out. Core never parses a workbook itself: the adapter reads the first
 * sheet as plain cells (streamed, row by row) and writes one sheet from plain cells.
 */
export interface Spreadsheets {
  /** The non-empty rows of the first worksheet, at most `maxRows` of them, each cut to `maxColumns` cells. */
  readFirstSheet(bytes: Uint8Array, limits: { maxRows: number; maxColumns: number }): Promise<SheetRead>;
  /** A workbook of one sheet: the header row, then the rows. */
  write(sheet: SheetSpec): Promise<Uint8Array>;
  /** A workbook of these sheets, in order (names unique, at most 31 characters). */
  writeBook(sheets: SheetSpec[]): Promise<Uint8Array>;
}

/** One sheet to write: its header row (bold), then the rows; `bold` marks further rows (1-based, after the header) to set in bold. */
export interface SheetSpec {
  name: string;
  header: string[];
  rows: CellValue[][];
  widths?: number[];
  bold?: number[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
