import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime } from '../../lib/format';
import { yuan } from '../lib/format';
import { backToBills } from '../lib/nav';
import '../fee.scss';
import '../receipt.scss';

type Item = Output<'fee', 'receipts'>['items'][number];
type Refund = Output<'fee', 'refunds'>['items'][number];
const REFUND_CHIP: Record<Refund['status'], string> = { processing: 'status--primary', succeeded: 'status--success', failed: 'status--warning' };

/**
 * 我的收据: every receipt issued to the resident's household, newest first; each opens its detail. Below
 * them 退款记录: money going back to the household (e.g. a renovation deposit), with where it is.
 */
export default function Receipts() {
  const { params } = useRouter();
  const householdId = decodeURIComponent(params.householdId ?? '');
  const [items, setItems] = useState<Item[] | null>(null);
  const [refunds, setRefunds] = useState<Refund[]>([]);
  const [error, setError] = useState('');

  const load = async () => {
    if (needsLogin()) return;
    const which = householdId ? { householdId } : {};
    try {
      const [r, f] = await Promise.all([call('fee', 'receipts', which), call('fee', 'refunds', which)]);
      setItems(r.items);
      setRefunds(f.items);
      setError('');
    } catch (e) {
      setItems([]);
      setRefunds([]);
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageShell className='fee'>
      <View className='page-pad fee__pad'>
        <ErrorNote text={error} id='receipts-error' />
        {items === null ? (
          <Loading />
        ) : items.length === 0 ? (
          error ? null : (
            <View className='card'>
              <EmptyState
                id='receipts-empty'
                title='暂无收据'
                desc='缴费成功后，电子收据会保存在这里，随时可以查看和验证。'
                action={
                  <Button id='receipts-to-bills' type='primary' size='large' block onClick={backToBills}>
                    去缴费
                  </Button>
                }
              />
            </View>
          )
        ) : (
          <View id='receipts-list'>
            {items.map((r) => (
              <View key={r.number} className='card receipt-card' id={`receipt-item-${r.number}`} onClick={() => Taro.navigateTo({ url: `/fee/receipt/index?number=${encodeURIComponent(r.number)}` })}>
                <View className='row row--between'>
                  <View className='receipt-card__title'>物业费收据</View>
                  {r.status === 'voided' ? <View className='status status--default'>已作废</View> : <View className='status status--success'>已开具</View>}
                </View>
                <View className='receipt-card__amount'>
                  <Num>{yuan(r.totalFen)}</Num>
                </View>
                <View className='receipt-card__meta'>
                  <Num>{r.number}</Num>
                  <Num>{formatTime(r.paidAt, true)}</Num>
                </View>
                <View className='receipt-card__house muted'>{r.household}</View>
              </View>
            ))}
            <View className='muted fee__end'>没有更多了</View>
          </View>
        )}
        {refunds.length ? (
          <View id='refunds-list' className='refunds'>
            <View className='refunds__title' role='heading' aria-level={2}>
              退款记录
            </View>
            {refunds.map((f) => (
              <View key={f.outRefundNo} className='card receipt-card' id={`refund-item-${f.outRefundNo}`}>
                <View className='row row--between'>
                  <View className='receipt-card__title'>
                    <Nums>{f.reason}</Nums>
                  </View>
                  <View className={`status ${REFUND_CHIP[f.status]}`}>{f.statusLabel}</View>
                </View>
                <View className='receipt-card__amount'>
                  <Num>{yuan(f.amountFen)}</Num>
                </View>
                <View className='refunds__text'>
                  <Nums>{f.statusText}</Nums>
                </View>
                <View className='receipt-card__meta'>
                  <Num>退款单号 {f.outRefundNo}</Num>
                  <Num>{formatTime(f.succeededAt ?? f.requestedAt, true)}</Num>
                </View>
                <View className='receipt-card__house muted'>{f.household}</View>
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
