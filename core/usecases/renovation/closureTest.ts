import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { closureTestInput, RenovationView } from '../../schemas/renovation';

/** renovation.closureTest (being built). */
export async function closureTest(_ctx: UseCaseContext, _input: z.output<typeof closureTestInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
