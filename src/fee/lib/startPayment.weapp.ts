import Taro from '@tarojs/taro';
import type { Output } from '../../api/client';

/**
 * The mini-program: WeChat's payment sheet with the parameters `fee.pay` signed on the server
 * (timeStamp, nonceStr, package=prepay_id=…, signType RSA, paySign). Its success proves nothing: the order
 * page asks `fee.order` until the platform has WeChat Pay's verified word (R-FEE-5).
 */
export async function startPayment(order: Output<'fee', 'pay'>): Promise<'opened' | 'cancelled' | 'sandbox'> {
  try {
    await Taro.requestPayment({ ...order.payment });
    return 'opened';
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(msg)) return 'cancelled';
    // Any other failure: the order page asks the platform what really happened.
    return 'opened';
  }
}
