import type { z } from 'zod';
import { fail, type Outcome } from '../../errors';
import type { UseCaseContext } from '../context';
import type { listInput, ListOutput } from '../../schemas/renovation';

/** renovation.list (being built). */
export async function list(_ctx: UseCaseContext, _input: z.output<typeof listInput>): Promise<Outcome<ListOutput>> {
  return fail('INTERNAL');
}
