import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import { fenToYuan } from '../../money';
import { XLSX_MIME, type CellValue, type SheetSpec } from '../../ports/spreadsheets';
import type { OutsideIO } from '../../api/action';
import { storeWorkbook, type StoredExport } from '../file/storeWorkbook';
import type { DayBookOutput, dayBookInput } from '../../schemas/cashier';
import type { UseCaseContext } from '../context';
import { communityFor } from '../setup/scope';
import { dayBookOf } from './dayBook';

interface Written {
  fileId: string;
  name: string;
  bytes: Uint8Array;
}

const yuan = (fen: number) => Number(fenToYuan(fen));
const time = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '');

/** The day book as sheets: 收据, 收款, 退款与作废, 对账 (Chinese headers; amounts in 元, two decimals). */
export function dayBookSheets(d: DayBookOutput): SheetSpec[] {
  const receipts: CellValue[][] = d.receipts.map((r) => [r.number, r.room, r.payer, yuan(r.totalFen), time(r.paidAt), r.status === 'voided' ? '已作废' : '已开具', r.voidReason ?? '', r.voidedBy ?? '']);
  const payments: CellValue[][] = d.payments.map((p) => [p.outTradeNo, p.transactionId, p.householdId ?? '', yuan(p.totalFen), time(p.paidAt), p.receiptNumber ?? '', p.reconciled ? '相符' : '不符']);
  const other: CellValue[][] = [
    ...d.refunds.map((f) => ['退款', f.outRefundNo, f.householdId, yuan(f.amountFen), time(f.succeededAt), f.reason]),
    ...d.voided.map((r) => ['作废', r.number, r.householdId, yuan(r.totalFen), time(r.voidedAt), `${r.voidReason ?? ''}（${r.voidedBy ?? ''}）`]),
  ];
  const summary: CellValue[][] = [
    ['日期', d.date],
    ['收据号段', d.range ? `${d.range.from} 至 ${d.range.to}` : '当日未开具收据'],
    ['收款合计(元)', yuan(d.totalFen)],
    ['收据合计(元)', yuan(d.receiptsFen)],
    ['退款合计(元)', yuan(d.refundsFen)],
    ['净收款(元)', yuan(d.netFen)],
    ['对账结果', d.balanced ? '账实相符' : `不平，${d.issues.length} 处需核对`],
    [],
    ...d.issues.map((i) => [i.label, i.text]),
  ];
  return [
    { name: '对账', header: ['项目', '内容'], rows: summary, widths: [16, 80], bold: [7] },
    { name: '收据', header: ['收据编号', '房屋', '缴费人', '金额(元)', '开具时间', '状态', '作废原因', '作废人'], rows: [...receipts, ['合计', '', '', yuan(d.receiptsFen), '', '', '', '']], widths: [22, 18, 10, 12, 20, 8, 24, 10], bold: [receipts.length + 1] },
    { name: '收款', header: ['订单号', '微信支付单号', '房屋', '金额(元)', '到账时间', '收据编号', '对账'], rows: [...payments, ['合计', '', '', yuan(d.totalFen), '', '', '']], widths: [26, 30, 12, 12, 20, 22, 8], bold: [payments.length + 1] },
    { name: '退款与作废', header: ['类型', '编号', '房屋', '金额(元)', '时间', '原因'], rows: other, widths: [8, 26, 12, 12, 20, 40] },
  ];
}

/**
 * cashier.exportDayBook (R-FEE-8): the day book as an .xlsx readable by its maker through
 * `GET /local/file/<fileId>` — written here (CPU only), its bytes stored after the commit, as report.export.
 */
export async function exportDayBook(ctx: UseCaseContext, input: z.output<ReturnType<typeof dayBookInput>>): Promise<Outcome<Written>> {
  const scope = communityFor(ctx.caller, 'cashier.bill', input.communityId);
  if (!scope.ok) return scope;
  if (!ctx.sheets) throw new Error('no spreadsheets port configured');
  const book = await dayBookOf(ctx, scope.data.communityId, input.date);
  const bytes = await ctx.sheets.writeBook(dayBookSheets(book));
  const fileId = ctx.ids.next('f');
  await ctx.tx.insertFile({ id: fileId, ownerId: ctx.caller!.userId, mime: XLSX_MIME, size: bytes.length, createdAt: ctx.now, cloudId: null });
  return ok({ fileId, name: `收费日结-${input.date}.xlsx`, bytes });
}

/** After the commit: the workbook's bytes into file storage. */
export const storeDayBook = (io: OutsideIO, w: Written): Promise<Outcome<StoredExport>> => storeWorkbook(io, w);
