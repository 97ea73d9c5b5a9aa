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
  /** Spans the whole row of a `.form-grid`. */
  full?: boolean;
  id?: string;
  children?: ReactNode;
}

/** One labelled form field: `.field` > `.field__label` + control (+ `.field__help`). */
export function Field({ label, required, hint, box, help, helpId, full, id, children }: Props) {
  return (
    <View className={full ? 'field field--full' : 'field'} id={id}>
      <View className='field__label'>
        {label}
        {required ? <Text className='req'>*</Text> : null}
        {hint ? <Text className='card__hint'>{hint}</Text> : null}
      </View>
      {box ? <View className={box === 'area' ? 'field__box field__box--area' : 'field__box'}>{children}</View> : children}
      {help ? (
        <View className='field__help' id={helpId}>
          {help}
        </View>
      ) : null}
    </View>
  );
}
