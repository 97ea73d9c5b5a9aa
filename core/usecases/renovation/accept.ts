import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { acceptInput, AcceptOutput } from '../../schemas/renovation';

/** renovation.accept (being built). */
export async function accept(_ctx: UseCaseContext, _input: z.output<typeof acceptInput>): Promise<Outcome<AcceptOutput>> {
  return fail('INTERNAL');
}
