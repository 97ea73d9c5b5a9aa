import type { z } from 'zod';
import { ok, type Outcome } from '../../errors';
import type { getInput, RenovationView } from '../../schemas/renovation';
import type { UseCaseContext } from '../context';
import { loadRenovation, viewOf } from './shared';

/** renovation.get: one application with its full record (R-REN-11): its household's residents, or staff who read renovations in its community. */
export async function get(ctx: UseCaseContext, input: z.output<ReturnType<typeof getInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'read');
  if (!found.ok) return found;
  return ok(await viewOf(ctx, found.data.s, found.data.viewer));
}
