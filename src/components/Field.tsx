import { useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { describeControl } from '../lib/fieldFocus';

interface Props {
  label: ReactNode;
  /** Marks the field as required (a red asterisk after the label). */
  required?: boolean;
  /** A grey note after the label, e.g. "（选填）". */
  hint?: ReactNode;
  /** Wraps the children in the bordered input box (`area` for a text area). */
  box?: 'input' | 'area';
  /** A help line under the control. */
  help?: ReactNode;
  helpId?: string;
  /** This field's error (clears when the field is fixed: see useFieldErrors), shown under the control. */
  error?: string;
  /** Defaults to `<id>-error`. */
  errorId?: string;
  /** Spans the whole row of a `.form-grid`. */
  full?: boolean;
  /** Needed for an error: the control is linked to it, and focus is moved here (useFieldErrors). */
  id?: string;
  children?: ReactNode;
}

/**
 * One labelled form field: `.field` > `.field__label` + control (+ `.field__error`, `.field__help`).
 * With an `id`, the field is a labelled group, and its control (the input or text area inside, else the
 * group) is described by its error and help for screen readers, and marked invalid while the error stands.
 */
export function Field({ label, required, hint, box, help, helpId, error, errorId, full, id, children }: Props) {
  const cls = ['field', full ? 'field--full' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ');
  const errId = errorId ?? (id ? `${id}-error` : undefined);
  const labelId = id ? `${id}-label` : undefined;
  const describedBy = [error ? errId : '', help ? helpId : ''].filter((s): s is string => !!s);
  useEffect(() => {
    if (id) describeControl(id, describedBy, !!error);
  });
  return (
    <View className={cls} {...(id ? { id, role: 'group', 'aria-labelledby': labelId } : {})}>
      <View className='field__label' {...(labelId ? { id: labelId } : {})}>
        {label}
        {required ? <Text className='req'>*</Text> : null}
        {hint ? <Text className='card__hint'>{hint}</Text> : null}
      </View>
      {box ? <View className={box === 'area' ? 'field__box field__box--area' : 'field__box'}>{children}</View> : children}
      {error ? (
        <View className='field__error' role='alert' {...(errId ? { id: errId } : {})}>
          {error}
        </View>
      ) : null}
      {help ? (
        <View className='field__help' {...(helpId ? { id: helpId } : {})}>
          {help}
        </View>
      ) : null}
    </View>
  );
}
