import { View } from '@tarojs/components';

/** Chips where several may be on (岗位): the same look as `Chips`, each a toggle. */
export function MultiChips<T extends string>({ options, value, onChange, idPrefix }: { options: { value: T; label: string }[]; value: T[]; onChange: (v: T[]) => void; idPrefix: string }) {
  return (
    <View className='chips'>
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <View key={o.value} id={`${idPrefix}-${o.value}`} className={`chip ${on ? 'chip--on' : ''}`} onClick={() => onChange(on ? value.filter((x) => x !== o.value) : [...value, o.value])}>
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
