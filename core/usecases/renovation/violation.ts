import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { violationInput, RenovationView } from '../../schemas/renovation';

/** renovation.violation (being built). */
export async function violation(_ctx: UseCaseContext, _input: z.output<typeof violationInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
