import type { Output } from '../../api/client';

/**
 * H5 (the local platform): nothing to open here — the order page shows the sandbox cashier
 * (本地模拟支付), which stands in for WeChat's payment sheet. See startPayment.weapp.ts.
 */
export async function startPayment(_order: Output<'fee', 'pay'>): Promise<'opened' | 'cancelled' | 'sandbox'> {
  return 'sandbox';
}
