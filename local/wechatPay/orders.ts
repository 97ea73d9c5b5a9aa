import fs from 'node:fs';
import path from 'node:path';

/** One order as the stand-in for WeChat Pay keeps it (field names as WeChat's API writes them). */
export interface SandboxOrder {
  appid: string;
  mchid: string;
  description: string;
  out_trade_no: string;
  time_expire?: string;
  /** ms; orders without time_expire stay payable for 2 hours (the prepay_id's life). */
  expiresAt: number;
  attach?: string;
  notify_url: string;
  amount: { total: number; currency: string };
  payer: { openid: string };
  prepay_id: string;
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transaction_id?: string;
  success_time?: string;
  /** The payment notification's id, kept across resends (as WeChat keeps it across retries). */
  notification_id?: string;
  createdAt: number;
}

/** One refund as the stand-in keeps it (field names as WeChat's API writes them). */
export interface SandboxRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  reason?: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  amount: { total: number; refund: number; currency: string };
  create_time: string;
  success_time?: string;
  createdAt: number;
}

/** The stand-in's orders: in memory, written through to `DATA_DIR/wechatpay/orders.json` so a restart keeps them. */
export class SandboxOrders {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly refunds = new Map<string, SandboxRefund>();
  private readonly file: string;
  private readonly refundFile: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'wechatpay', 'orders.json');
    this.refundFile = path.join(dataDir, 'wechatpay', 'refunds.json');
    try {
      for (const o of JSON.parse(fs.readFileSync(this.file, 'utf8')) as SandboxOrder[]) this.orders.set(o.out_trade_no, o);
    } catch {
      // No file yet (or an unreadable one): the sandbox starts empty.
    }
    try {
      for (const r of JSON.parse(fs.readFileSync(this.refundFile, 'utf8')) as SandboxRefund[]) this.refunds.set(r.out_refund_no, r);
    } catch {
      // No refunds yet.
    }
  }

  refund(outRefundNo: string): SandboxRefund | undefined {
    return this.refunds.get(outRefundNo);
  }

  /** The refunds of one order, oldest first. */
  refundsOf(outTradeNo: string): SandboxRefund[] {
    return [...this.refunds.values()].filter((r) => r.out_trade_no === outTradeNo).sort((a, b) => a.createdAt - b.createdAt);
  }

  putRefund(refund: SandboxRefund) {
    this.refunds.set(refund.out_refund_no, refund);
    this.write(this.refundFile, [...this.refunds.values()]);
  }

  private write(file: string, rows: object[]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(rows));
    fs.renameSync(tmp, file);
  }

  get(outTradeNo: string): SandboxOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  put(order: SandboxOrder) {
    this.orders.set(order.out_trade_no, order);
    this.write(this.file, [...this.orders.values()]);
  }
}
