import { Text, View } from '@tarojs/components';

export interface BarRow {
  key: string;
  label: string;
  count: number;
}

/**
 * A horizontal bar chart drawn with views (no chart library: the same markup renders in H5 and the
 * mini-program, and the workbench subpackage stays small). Bars scale to the largest count.
 */
export function Bars({ rows, id, itemPrefix, tone = 'brand', unit = '' }: { rows: BarRow[]; id?: string; itemPrefix?: string; tone?: 'brand' | 'warn' | 'calm'; unit?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View {...(id ? { id } : {})} className='bars'>
      {rows.map((r) => (
        <View className='bar' key={r.key} id={`${itemPrefix ?? id ?? 'bar'}-${r.key}`}>
          <View className='bar__label'>{r.label}</View>
          <View className='bar__track'>
            <View className={`bar__fill bar__fill--${tone}`} style={{ width: r.count ? `${Math.max(4, (100 * r.count) / max)}%` : '0%' }} />
          </View>
          <View className='bar__num'>
            {r.count}
            {unit}
          </View>
        </View>
      ))}
    </View>
  );
}

/** One headline figure: a label, the number, a line under it; `warn` colours it when the figure needs attention. */
export function Kpi({ label, value, sub, warn, id, unit }: { label: string; value: string | number; sub?: string; warn?: boolean; id?: string; unit?: string }) {
  return (
    <View className={`kpi ${warn ? 'kpi--warn' : ''}`}>
      <View className='kpi__label'>{label}</View>
      <View className='kpi__num' {...(id ? { id } : {})}>
        {value}
        {unit ? <Text className='kpi__unit'>{unit}</Text> : null}
      </View>
      {sub ? <View className='kpi__sub'>{sub}</View> : null}
    </View>
  );
}

export const pct = (r: number | null) => (r === null ? '—' : `${r}%`);
