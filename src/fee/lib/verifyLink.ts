import { verifyPath } from './format';

/**
 * The text in a receipt's QR code (H5): the address of the public verification page on this site, which
 * any phone camera opens. The number and the code are also printed beside it for typing in by hand.
 */
export function verifyLink(number: string, code: string): string {
  return `${window.location.origin}/#${verifyPath(number, code)}`;
}
