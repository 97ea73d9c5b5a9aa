import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { getInput, RenovationView } from '../../schemas/renovation';

/** renovation.get (being built). */
export async function get(_ctx: UseCaseContext, _input: z.output<typeof getInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
