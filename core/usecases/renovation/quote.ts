import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { quoteInput, QuoteOutput } from '../../schemas/renovation';

/** renovation.quote (being built). */
export async function quote(_ctx: UseCaseContext, _input: z.output<typeof quoteInput>): Promise<Outcome<QuoteOutput>> {
  return fail('INTERNAL');
}
