import { useState } from 'react';

/** One rule of a form: the field it belongs to, whether the value passes now, and what to say if not. */
export interface Check {
  field: string;
  ok: boolean;
  message: string;
}

/**
 * Field errors that follow the form. `validate()` (on submit) marks the fields failing then; each shows
 * its message until that field passes its check again — the checks are re-read on every render, so a
 * message clears the moment the field is fixed, not at the next submit.
 */
export function useFieldErrors(checks: Check[]) {
  const [marked, setMarked] = useState<string[]>([]);
  const failing = (field: string) => checks.find((c) => c.field === field && !c.ok);
  const errorOf = (field: string) => (marked.includes(field) ? (failing(field)?.message ?? '') : '');
  const first = checks.find((c) => !c.ok && marked.includes(c.field));
  return {
    errorOf,
    /** The first field error still standing (for the note by the submit button). */
    firstError: first?.message ?? '',
    /** Marks the fields failing now; true when none does. */
    validate(): boolean {
      const bad = checks.filter((c) => !c.ok).map((c) => c.field);
      setMarked(bad);
      return bad.length === 0;
    },
  };
}
