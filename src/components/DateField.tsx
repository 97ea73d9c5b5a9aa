import type { ReactNode } from 'react';
import { Picker } from '@tarojs/components';

export interface DateFieldProps {
  mode: 'date' | 'time';
  /** `YYYY-MM-DD` or `HH:mm`. */
  value: string;
  /** Bounds, same form as `value`. */
  start?: string;
  end?: string;
  onChange: (value: string) => void;
  /** What the screen reader says the field is (H5). */
  label: string;
  /** What is shown: the chosen value or a prompt. */
  children: ReactNode;
}

/** A date or time chooser around what `children` show: the mini-program's own picker. */
export function DateField({ mode, value, start, end, onChange, children }: DateFieldProps) {
  return (
    <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      {children}
    </Picker>
  );
}
