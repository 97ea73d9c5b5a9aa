import type { z } from 'zod';
import { fail, ok, type Outcome } from '../../errors';
import type { closureTestInput, RenovationView } from '../../schemas/renovation';
import { HOUR, parseIso } from '../../time';
import type { UseCaseContext } from '../context';
import { byName, checkFiles, commit, loadRenovation, settingsOf, viewOf } from './shared';

/**
 * renovation.closureTest (R-REN-7): the water-closure test (闭水试验) recorded with the owner, before
 * tiling. When its start is given, the result is recorded only once the community's test time (24 hours
 * by default) has run.
 */
export async function closureTest(ctx: UseCaseContext, input: z.output<ReturnType<typeof closureTestInput>>): Promise<Outcome<RenovationView>> {
  const found = await loadRenovation(ctx, input.id, 'manage');
  if (!found.ok) return found;
  const { s, viewer } = found.data;
  const files = await checkFiles(ctx, input.photos ?? []);
  if (!files.ok) return files;
  const settings = await settingsOf(ctx.tx, s.communityId);
  const startedAt = input.startedAt === undefined ? null : parseIso(input.startedAt);
  if (startedAt !== null && startedAt > ctx.now) return fail('INPUT.INVALID', { startedAt: '开始时间不能晚于现在' });
  if (startedAt !== null && ctx.now - startedAt < settings.closureTestMs) return fail('RENOVATION.CLOSURE_TOO_SHORT');
  const next = await commit(ctx, s, [
    {
      type: 'closure_tested',
      ...byName(ctx),
      passed: input.passed,
      note: input.note,
      startedAt,
      hours: Math.round(settings.closureTestMs / HOUR),
      ownerPresent: input.ownerPresent ?? true,
      photos: input.photos ?? [],
    },
  ]);
  return ok(await viewOf(ctx, next, viewer));
}
