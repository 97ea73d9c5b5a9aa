import { paymentsFromEnv } from '../../adapters/payments/wechatpay/config';
import { providePayments } from './deps';

/** WeChat Pay API v3 from the WXPAY_* variables, for the functions that pay (`fee`), settle (`payNotify`) or reconcile and refund (`sla`). */
export function useWechatPay() {
  providePayments(paymentsFromEnv);
}
