import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

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
  errorId?: string;
  /** Spans the whole row of a `.form-grid`. */
  full?: boolean;
  id?: string;
  children?: ReactNode;
}

/** One labelled form field: `.field` > `.field__label` + control (+ `.field__help`). */
export function Field({ label, required, hint, box, help, helpId, error, errorId, full, id, children }: Props) {
  const cls = ['field', full ? 'field--full' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ');
  return (
    <View className={cls} id={id}>
      <View className='field__label'>
        {label}
        {required ? <Text className='req'>*</Text> : null}
        {hint ? <Text className='card__hint'>{hint}</Text> : null}
      </View>
      {box ? <View className={box === 'area' ? 'field__box field__box--area' : 'field__box'}>{children}</View> : children}
      {error ? (
        <View className='field__error' id={errorId} role='alert'>
          {error}
        </View>
      ) : null}
      {help ? (
        <View className='field__help' id={helpId}>
          {help}
        </View>
      ) : null}
    </View>
  );
}
