import { FEE_ITEM_LABELS, standardsInForce } from '../../domain/fees/standards';
import { renovationFees, type FeeQuery } from '../../domain/renovation/fees';
import type { RenoFeeLine } from '../../domain/renovation/state';
import type { Tx } from '../../ports/store';
import type { QuoteOutput } from '../../schemas/renovation';
import { dayOf } from '../../shanghai';

/** The fees of an application from the community's standards in force today (R-REN-5). */
export async function feesFor(tx: Tx, communityId: string, now: number, q: FeeQuery): Promise<RenoFeeLine[]> {
  return renovationFees(standardsInForce(await tx.feeStandards(communityId), dayOf(now)), q);
}

export function quoteOf(fees: RenoFeeLine[]): QuoteOutput {
  return {
    fees: fees.map((f) => ({ ...f, label: FEE_ITEM_LABELS[f.item] })),
    totalFen: fees.reduce((s, f) => s + f.amountFen, 0),
    refundableFen: fees.filter((f) => f.refundable).reduce((s, f) => s + f.amountFen, 0),
  };
}
