import { verifyPath } from './format';

/**
 * The text in a receipt's QR code (mini-program): the verification page's path with the receipt number
 * and its code. The 收据验证 page reads both from it; the number and the code are also printed beside the
 * code for typing in by hand. (A site address for phone cameras belongs with 扫普通链接二维码打开小程序,
 * configured when the product is deployed.)
 */
export function verifyLink(number: string, code: string): string {
  return verifyPath(number, code);
}
