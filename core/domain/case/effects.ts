import type { CaseState, Effect } from './types';

export const notify = (to: string | null, template: Effect['template'], data: Record<string, string>): Effect[] => (to ? [{ type: 'notify', to, template, data }] : []);
/** The household's messages go to the resident who submitted (none for a case recorded for no bound resident). */
export const toHousehold = (s: Pick<CaseState, 'submittedBy'>, template: Effect['template'], data: Record<string, string>) => notify(s.submittedBy === 'system' ? null : s.submittedBy, template, data);

export type TransitionResult = { ok: true; next: CaseState; effects: Effect[] } | { ok: false };
