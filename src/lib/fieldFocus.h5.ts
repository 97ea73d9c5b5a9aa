/**
 * H5: a field's control told apart for screen readers, and focus moved to the first field to fix.
 * Taro draws each input inside its own element (<taro-input-core><input></taro-input-core>), so the
 * native control is found inside the field and given the attributes itself.
 */
const control = (field: Element) => field.querySelector<HTMLElement>('input, textarea');

/**
 * The control of field `#fieldId` (or the field itself, a group of choices) is named by the field's label
 * (`<fieldId>-label`), described by its error and help (`aria-describedby`) and marked `aria-invalid`
 * while its error stands.
 */
export function describeControl(fieldId: string, describedBy: string[], invalid: boolean): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  const el = control(field) ?? field;
  // The native control is named by the field's label (not only by its placeholder).
  if (el !== field && document.getElementById(`${fieldId}-label`)) el.setAttribute('aria-labelledby', `${fieldId}-label`);
  if (describedBy.length) el.setAttribute('aria-describedby', describedBy.join(' '));
  else el.removeAttribute('aria-describedby');
  if (el !== field) {
    if (invalid) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
}

/** Focuses the field's control (a group of choices takes focus itself) and brings it into view. */
export function focusField(fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  const el = control(field) ?? field;
  if (el === field && !field.hasAttribute('tabindex')) field.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}
