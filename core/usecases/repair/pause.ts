import type { z } from 'zod';
import type { Outcome } from '../../errors';
import type { pauseInput, workIdInput } from '../../schemas/workbench';
import { commitCaseEvent } from '../../domain/case/commit';
import type { CaseView } from '../../domain/case/view';
import type { UseCaseContext } from '../context';
import { loadCase, viewAfter } from '../case/loadCase';

/** Pauses the clocks while waiting on the resident (e.g. 住户不在家), with the reason recorded. */
export async function pause(ctx: UseCaseContext, input: z.output<typeof pauseInput>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.pause');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: 'paused', at: ctx.now, by: c.userId, byName: c.name, note: input.reason }));
}

/** Resumes the clocks; every open deadline moves by the time spent paused. */
export async function resume(ctx: UseCaseContext, input: z.output<typeof workIdInput>): Promise<Outcome<CaseView>> {
  const loaded = await loadCase(ctx, input.id, 'workbench.pause');
  if (!loaded.ok) return loaded;
  const c = ctx.caller!;
  return viewAfter(ctx, await commitCaseEvent(ctx, loaded.data, { type: 'resumed', at: ctx.now, by: c.userId, byName: c.name, note: null }));
}
