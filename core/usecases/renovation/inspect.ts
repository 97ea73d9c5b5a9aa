import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { inspectInput, RenovationView } from '../../schemas/renovation';

/** renovation.inspect (being built). */
export async function inspect(_ctx: UseCaseContext, _input: z.output<typeof inspectInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
