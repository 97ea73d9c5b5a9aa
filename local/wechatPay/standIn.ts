import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/ports/clock';
import type { Payments } from '../../core/ports/payments';
import { wechatPayments } from '../../adapters/payments/wechatpay/client';
import { verificationKeys } from '../../adapters/payments/wechatpay/verifier';
import { WXPAY_PREFIX, wxpayApi, type SandboxContext } from './api';
import { confirmPayment, refundOutcome } from './confirm';
import { loadSandboxKeys, type SandboxKeys } from './keys';
import { SandboxOrders } from './orders';

export interface WechatPayStandIn {
  /** The product's adapter (the real one), pointed at this stand-in: `<platform>/local/wxpay`, notify to `<platform>/pay/notify`. */
  payments(platformUrl: string): Payments;
  /** `/local/wxpay/v3/…`, `POST /local/pay/confirm` and `POST /local/pay/refund`; true when it answered. */
  route(req: IncomingMessage, res: ServerResponse, p: string): Promise<boolean>;
  /** The sandbox's keys (generated on first use). */
  keys(): SandboxKeys;
}

/** The local stand-in for WeChat Pay (contract §2), keys and orders under DATA_DIR/wechatpay. */
export function wechatPayStandIn(dataDir: string, clock: Clock): WechatPayStandIn {
  let loaded: SandboxKeys | null = null;
  const keys = () => (loaded ??= loadSandboxKeys(dataDir));
  const ctx: SandboxContext = { keys, orders: new SandboxOrders(dataDir), clock };
  return {
    keys,
    payments(platformUrl) {
      // Keys are read on the first call, not at start: a platform that never takes a payment never generates them.
      let adapter: Payments | null = null;
      const real = () => {
        if (adapter) return adapter;
        const k = keys();
        adapter = wechatPayments(
          {
            mchid: k.mchid,
            appid: k.appid,
            merchantSerial: k.merchantSerial,
            merchantPrivateKey: k.merchantPrivateKey,
            apiV3Key: k.apiV3Key,
            keys: verificationKeys({ publicKeys: [{ id: k.publicKeyId, pem: k.wechatPublicKeyPem }] }),
            notifyUrl: `${platformUrl}/pay/notify`,
            baseUrl: `${platformUrl}${WXPAY_PREFIX}`,
          },
          clock,
        );
        return adapter;
      };
      return {
        get mchid() {
          return real().mchid;
        },
        get appid() {
          return real().appid;
        },
        createJsapiOrder: (order) => real().createJsapiOrder(order),
        queryOrder: (no) => real().queryOrder(no),
        closeOrder: (no) => real().closeOrder(no),
        refund: (r) => real().refund(r),
        queryRefund: (no) => real().queryRefund(no),
        checkNotification: (raw, now) => real().checkNotification(raw, now),
      };
    },
    async route(req, res, p) {
      if (req.method === 'POST' && p === '/local/pay/confirm') {
        await confirmPayment(ctx, req, res);
        return true;
      }
      if (req.method === 'POST' && p === '/local/pay/refund') {
        await refundOutcome(ctx, req, res);
        return true;
      }
      return wxpayApi(ctx, req, res, p);
    },
  };
}
