import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { ReceiptOutput, verifyReceiptInput } from '../../schemas/fee';
import type { UseCaseContext } from '../context';
import { receiptView } from './views';

/**
 * Anyone — signed out too — verifies a receipt by its number and the code printed on it (R-FEE-6): the
 * answer shows what the receipt shows and nothing more. A wrong code is RECEIPT.NOT_FOUND, exactly as
 * a number that does not exist (the number alone tells nothing). The code is compared in constant time.
 */
export async function verifyReceipt(ctx: UseCaseContext, input: z.output<ReturnType<typeof verifyReceiptInput>>): Promise<Outcome<ReceiptOutput & { verified: true }>> {
  const r = await ctx.tx.receipt(input.number);
  if (!r || !sameCode(r.code, input.code)) return fail('RECEIPT.NOT_FOUND');
  return ok({ ...receiptView(r, (await ctx.tx.community(r.communityId))?.name ?? ''), verified: true });
}

function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}
