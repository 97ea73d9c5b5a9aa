import { Text, View } from '@tarojs/components';
import { Num } from '../../components/Num';
import { yuan } from '../lib/format';

export interface Line {
  item: string;
  label: string;
  amountFen: number;
}

/** A bill's items, each with its amount, and the bill's total under them. */
export function BillLines({ lines, totalFen, idPrefix, totalLabel = '本月合计' }: { lines: Line[]; totalFen: number; idPrefix: string; totalLabel?: string }) {
  return (
    <View className='lines'>
      {lines.map((l) => (
        <View className='lines__row' key={l.item} id={`${idPrefix}-line-${l.item}`}>
          <Text className='lines__label'>{l.label}</Text>
          <Num className='lines__amount'>{yuan(l.amountFen)}</Num>
        </View>
      ))}
      <View className='lines__row lines__row--total'>
        <Text className='lines__label'>{totalLabel}</Text>
        <Num className='lines__total' id={`${idPrefix}-total`}>
          {yuan(totalFen)}
        </Num>
      </View>
    </View>
  );
}
