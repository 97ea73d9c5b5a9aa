import type { z } from 'zod';
import type { Outcome } from '../../errors';
import { partRefusal } from '../../access/caseActions';
import type { pauseInput, workIdInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseState } from '../../domain/case/types';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/**
 * The desk pauses or resumes any case of its community; a technician only the work order he holds
 * (another technician stopping someone else's clock is 403, as for arrival, quote and completion).
 */
async function loadForPause(ctx: UseCaseContext, id: string, action: 'pause' | 'resume'): Promise<Outcome<CaseState>> {
  const loaded = await loadCase(ctx, id, 'workbench.pause');
  if (!loaded.ok) return loaded;
  return partRefusal(ctx.caller!, loaded.data, action) ?? loaded;
}

/** Pauses the clocks while waiting on the resident (e.g. 住户不在家), with the reason recorded. */
export async function pause(ctx: UseCaseContext, input: z.output<ReturnType<typeof pauseInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadForPause(ctx, input.id, 'pause');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: 'paused', at: ctx.now, by: c.userId, byName: c.name, note: input.reason }));
}

/** Resumes the clocks; every open deadline moves by the time spent paused. */
export async function resume(ctx: UseCaseContext, input: z.output<ReturnType<typeof workIdInput>>): Promise<Outcome<CaseView>> {
  const loaded = await loadForPause(ctx, input.id, 'resume');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: 'resumed', at: ctx.now, by: c.userId, byName: c.name, note: null }));
}
