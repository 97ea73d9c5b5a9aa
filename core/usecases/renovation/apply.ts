import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { applyInput, ApplyOutput } from '../../schemas/renovation';

/** renovation.apply (being built). */
export async function apply(_ctx: UseCaseContext, _input: z.output<typeof applyInput>): Promise<Outcome<ApplyOutput>> {
  return fail('INTERNAL');
}
