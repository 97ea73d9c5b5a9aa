import { dayOf } from '../../shanghai';
import { CASE_NUMBER_PREFIXES, type CaseKind } from '../../vocabulary';

/**
 * A case's number people can read out (工单编号): kind prefix, the Shanghai day of submission, and the
 * sequence of that kind that day in the community, 4 digits (BX20261202-0007). The sequence is taken
 * from the store inside the submitting transaction, so a rolled-back submission takes none.
 */
export function caseNumberKey(kind: CaseKind, at: number): { prefix: string; day: string } {
  return { prefix: CASE_NUMBER_PREFIXES[kind], day: dayOf(at).replace(/-/g, '') };
}

export function formatCaseNumber(key: { prefix: string; day: string }, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`not a case sequence: ${seq}`);
  return `${key.prefix}${key.day}-${String(seq).padStart(4, '0')}`;
}
