import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Output } from '../../api/client';
import { Num } from '../../components/Num';
import { formatTime } from '../../lib/format';
import { monthLabel, yuan } from '../lib/format';

export type Receipt = Output<'fee', 'receipt'>;

/**
 * A receipt as it was issued (R-FEE-6): number, household, every item with its month and amount, the
 * total, date, payer and the verification code — the same on the receipt page and the public
 * verification page (which shows nothing more). `children` go at the foot (the QR code).
 */
export function ReceiptSheet({ r, children, idPrefix }: { r: Receipt; children?: ReactNode; idPrefix: string }) {
  const voided = r.status === 'voided';
  return (
    <View className={`receipt ${voided ? 'receipt--voided' : ''}`} id={`${idPrefix}-sheet`}>
      <View className='receipt__head'>
        <View className='receipt__org'>{r.communityName}物业服务中心</View>
        <View className='receipt__title'>物业费电子收据</View>
        <View className='receipt__no'>
          收据编号 <Num id={`${idPrefix}-number`}>{r.number}</Num>
        </View>
      </View>
      {voided ? (
        <View className='receipt__void' id={`${idPrefix}-voided`}>
          本收据已作废{r.voidReason ? `：${r.voidReason}` : ''}
        </View>
      ) : null}
      <View className='receipt__kv'>
        <View className='receipt__kv-row'>
          <Text className='receipt__k'>房屋</Text>
          <Text className='receipt__v' id={`${idPrefix}-household`}>
            {r.household}
          </Text>
        </View>
        <View className='receipt__kv-row'>
          <Text className='receipt__k'>缴费人</Text>
          <Text className='receipt__v' id={`${idPrefix}-payer`}>
            {r.payer}
          </Text>
        </View>
        <View className='receipt__kv-row'>
          <Text className='receipt__k'>收款时间</Text>
          <Num className='receipt__v' id={`${idPrefix}-paid-at`}>
            {formatTime(r.paidAt, true)}
          </Num>
        </View>
      </View>
      <View className='receipt__table' id={`${idPrefix}-items`}>
        <View className='receipt__tr receipt__tr--head'>
          <Text className='receipt__td receipt__td--month'>所属月份</Text>
          <Text className='receipt__td receipt__td--item'>收费项目</Text>
          <Text className='receipt__td receipt__td--amount'>金额</Text>
        </View>
        {r.items.map((it, i) => (
          <View className='receipt__tr' key={`${it.period}-${it.item}`} id={`${idPrefix}-item-${i}`}>
            <Num className='receipt__td receipt__td--month'>{monthLabel(it.period)}</Num>
            <Text className='receipt__td receipt__td--item'>{it.label}</Text>
            <Num className='receipt__td receipt__td--amount'>{yuan(it.amountFen)}</Num>
          </View>
        ))}
        <View className='receipt__tr receipt__tr--total'>
          <Text className='receipt__td receipt__td--month'>合计</Text>
          <Text className='receipt__td receipt__td--item' />
          <Num className='receipt__td receipt__td--amount' id={`${idPrefix}-total`}>
            {yuan(r.totalFen)}
          </Num>
        </View>
      </View>
      <View className='receipt__code'>
        校验码 <Num id={`${idPrefix}-code`}>{r.code}</Num>
      </View>
      {children}
    </View>
  );
}
