import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { resubmitInput, RenovationView } from '../../schemas/renovation';

/** renovation.resubmit (being built). */
export async function resubmit(_ctx: UseCaseContext, _input: z.output<typeof resubmitInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
