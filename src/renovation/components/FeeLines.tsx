import { Text, View } from '@tarojs/components';
import { Num } from '../../components/Num';
import { yuan } from '../lib/format';

export interface FeeLine {
  item: string;
  label: string;
  amountFen: number;
  quantity?: string;
  refundable?: boolean;
}

/** A line's quantity as people read it: an area (89.50 m²) or a count (× 2); a single item says nothing. */
const quantityText = (q?: string) => (!q || q === '1' ? '' : q.includes('.') ? `${q} m²` : `× ${q}`);

/** The renovation fees as the platform computed them: each item, what it is for, and whether it comes back at acceptance. */
export function FeeLines({ fees, totalFen, refundableFen, id }: { fees: FeeLine[]; totalFen: number; refundableFen?: number; id: string }) {
  return (
    <View className='lines' id={id}>
      {fees.map((f) => (
        <View className='lines__row' key={f.item} id={`${id}-${f.item}`}>
          <View className='grow'>
            <Text className='lines__label'>{f.label}</Text>
            {quantityText(f.quantity) || f.refundable ? (
              <View className='fee-line__meta'>
                {quantityText(f.quantity) ? <Num>{quantityText(f.quantity)}</Num> : null}
                {f.refundable ? <Text className='fee-line__back'>验收合格后退还</Text> : null}
              </View>
            ) : null}
          </View>
          <Num className='lines__amount'>{yuan(f.amountFen)}</Num>
        </View>
      ))}
      <View className='lines__row lines__row--total'>
        <Text className='lines__label'>合计</Text>
        <Num className='lines__total' id={`${id}-total`}>
          {yuan(totalFen)}
        </Num>
      </View>
      {refundableFen ? (
        <View className='fee-line__note' id={`${id}-refundable`}>
          其中 <Num>{yuan(refundableFen)}</Num> 为押金及证件费，验收合格、证件交回后退还
        </View>
      ) : null}
    </View>
  );
}
