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

/** The stand-in's orders: in memory, written through to `DATA_DIR/wechatpay/orders.json` so a restart keeps them. */
export class SandboxOrders {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'wechatpay', 'orders.json');
    try {
      for (const o of JSON.parse(fs.readFileSync(this.file, 'utf8')) as SandboxOrder[]) this.orders.set(o.out_trade_no, o);
    } catch {
      // No file yet (or an unreadable one): the sandbox starts empty.
    }
  }

  get(outTradeNo: string): SandboxOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  put(order: SandboxOrder) {
    this.orders.set(order.out_trade_no, order);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify([...this.orders.values()]));
    fs.renameSync(tmp, this.file);
  }
}
