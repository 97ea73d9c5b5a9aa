import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { rulesInput, RulesOutput } from '../../schemas/renovation';

/** renovation.rules (being built). */
export async function rules(_ctx: UseCaseContext, _input: z.output<typeof rulesInput>): Promise<Outcome<RulesOutput>> {
  return fail('INTERNAL');
}
