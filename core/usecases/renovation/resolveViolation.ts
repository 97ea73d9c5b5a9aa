import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { resolveViolationInput, RenovationView } from '../../schemas/renovation';

/** renovation.resolveViolation (being built). */
export async function resolveViolation(_ctx: UseCaseContext, _input: z.output<typeof resolveViolationInput>): Promise<Outcome<RenovationView>> {
  return fail('INTERNAL');
}
