import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { focusField } from '../lib/fieldFocus';

/** One field of a form, in the form's order. */
export interface Check {
  field: string;
  /** Whether the value passes the form's own rule now; left out for a field only the platform checks. */
  ok?: boolean;
  /** What to say when `ok` is false. */
  message?: string;
  /** The field's value now: a message from the platform about this field stands until it changes. */
  value?: unknown;
  /** The platform's name for the field (its input's path), when not `field`. */
  path?: string;
  /** The field's element id (its Field `id`): focus is moved there when it is the first to fix. */
  id?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Field errors that follow the form. `validate()` (on submit) marks the fields failing the form's own rules
 * then; `place(e)` puts the platform's INPUT.INVALID messages (`fields`, keyed by input path) beside their
 * fields. Each shows until that field is fixed — the checks are re-read on every render, so a message
 * clears the moment the field passes again (or, for the platform's word, the moment its value changes),
 * not at the next submit. Either way focus moves to the first field to fix.
 */
export function useFieldErrors(checks: Check[]) {
  const [marked, setMarked] = useState<string[]>([]);
  const [server, setServer] = useState<Record<string, { message: string; value: unknown }>>({});
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (focus) focusField(focus.id);
  }, [focus]);

  const errorOf = (field: string): string => {
    const c = checks.find((x) => x.field === field);
    if (!c) return '';
    if (c.ok === false && marked.includes(field)) return c.message ?? '';
    const s = server[field];
    return s && same(s.value, c.value) ? s.message : '';
  };
  const moveFocus = (fields: string[]) => {
    const first = checks.find((c) => fields.includes(c.field) && c.id);
    if (first?.id) setFocus((f) => ({ id: first.id!, n: (f?.n ?? 0) + 1 }));
  };
  const firstField = checks.find((c) => errorOf(c.field));

  return {
    errorOf,
    /** The first field error still standing. */
    firstError: firstField ? errorOf(firstField.field) : '',
    /** How many fields show an error now. */
    count: checks.filter((c) => errorOf(c.field)).length,
    /** Marks the fields failing now and focuses the first; true when none does. */
    validate(): boolean {
      const bad = checks.filter((c) => c.ok === false).map((c) => c.field);
      setMarked(bad);
      setServer({});
      moveFocus(bad);
      return bad.length === 0;
    },
    /**
     * Places a failed call's field messages (INPUT.INVALID) beside their fields and focuses the first.
     * Answers what is left for the form's own note: the messages about fields this form does not show,
     * or null when `e` is not about fields at all (show it as usual).
     */
    place(e: unknown): string | null {
      if (!(e instanceof ApiError) || e.code !== 'INPUT.INVALID' || !e.fields) return null;
      const placed: Record<string, { message: string; value: unknown }> = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(e.fields)) {
        const c = checks.find((x) => { const p = x.path ?? x.field; return path === p || path.startsWith(`${p}.`); });
        if (c) placed[c.field] ??= { message, value: c.value };
        else rest.push(message);
      }
      setMarked([]);
      setServer(placed);
      moveFocus(Object.keys(placed));
      return rest.length ? rest.join('；') : Object.keys(placed).length ? '' : e.message;
    },
  };
}
