import { View } from '@tarojs/components';
import type { DateFieldProps } from './DateField';
import './dateField.scss';

/**
 * A date or time chooser around what `children` show, in the browser: the browser's own date/time
 * input laid over it (the front desk's PC gets its calendar and keyboard entry). Taro's H5 Picker would
 * add some 35 KB of script to every page's first load (bench/README.md §7).
 */
export function DateField({ mode, value, start, end, onChange, label, children }: DateFieldProps) {
  return (
    <View className='date-field'>
      {children}
      <input
        className='date-field__input'
        type={mode}
        value={value}
        min={start}
        max={end}
        aria-label={label}
        onClick={(e) => (e.currentTarget as HTMLInputElement & { showPicker?: () => void }).showPicker?.()}
        onChange={(e) => e.currentTarget.value && onChange(e.currentTarget.value)}
      />
    </View>
  );
}
