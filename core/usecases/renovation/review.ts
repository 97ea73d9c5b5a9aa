import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { reviewInput, RenovationView } from '../../schemas/renovation';

/** renovation.review (being built). */
export async function review(_ctx: UseCaseContext, _input: z.output<typeof reviewInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
