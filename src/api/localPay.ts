import { ApiError, session } from './client';

/**
 * H5 on the local platform only: the sandbox cashier's 确认支付 — what WeChat's payment sheet does in the
 * mini-program. `POST /local/pay/confirm { outTradeNo }` makes the local stand-in for WeChat Pay send the
 * product's notify endpoint a signed, encrypted notification for the order. It confirms nothing by
 * itself: the page still asks `fee.order` until the platform has booked the payment (R-FEE-5).
 */
export async function confirmLocalPayment(outTradeNo: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/local/pay/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session.token() ? { authorization: `Bearer ${session.token()}` } : {}) },
      body: JSON.stringify({ outTradeNo }),
    });
  } catch {
    throw new ApiError('NETWORK', '网络不太稳定，请检查网络后再试');
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (body?.error) throw new ApiError(body.error.code as never, body.error.message);
  throw new ApiError('INTERNAL', '很抱歉，模拟支付暂时不可用，请稍后再试');
}
