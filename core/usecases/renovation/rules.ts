import type { z } from 'zod';
import { RENOVATION_RULES } from '../../domain/renovation/rules';
import { ok, type Outcome } from '../../errors';
import type { rulesInput, RulesOutput } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';

/** renovation.rules: the texts an applicant reads and accepts (R-REN-4); anyone may read them. */
export async function rules(_ctx: UseCaseContext, _input: z.output<ReturnType<typeof rulesInput>>): Promise<Outcome<RulesOutput>> {
  return ok(RENOVATION_RULES);
}
