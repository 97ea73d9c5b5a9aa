import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, KV, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { BillLines } from '../components/BillLines';
import { startPayment } from '../lib/startPayment';
import { monthLabel, yuan } from '../lib/format';
import '../fee.scss';

type Preview = Output<'fee', 'preview'>;

/** 确认缴费信息 (R-FEE-3): household, months, every item and the total, then one clear 确认支付. */
export default function PreviewPage() {
  const { params } = useRouter();
  const billIds = decodeURIComponent(params.billIds ?? '')
    .split(',')
    .filter(Boolean);
  const [p, setP] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** Paid meanwhile (another tap, another device): the receipt that paid them, from the answer. */
  const [paidBy, setPaidBy] = useState('');
  // One request id for this confirmation: a retried tap pays the same order, never a second one.
  const [requestId] = useState(newRequestId);

  useDidShow(() => {
    if (needsLogin() || !billIds.length) return;
    call('fee', 'preview', { billIds }).then(
      (v) => {
        setP(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  const pay = async () => {
    if (!p) return;
    setBusy(true);
    setError('');
    try {
      const order = await call('fee', 'pay', { requestId, billIds });
      const opened = await startPayment(order);
      Taro.redirectTo({ url: `/fee/order/index?outTradeNo=${encodeURIComponent(order.outTradeNo)}${opened === 'cancelled' ? '&cancelled=1' : ''}` });
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError && e.code === 'BILL.ALREADY_PAID' && e.fields?.receiptNumber) setPaidBy(e.fields.receiptNumber);
    } finally {
      setBusy(false);
    }
  };

  if (!billIds.length) {
    return (
      <PageShell>
        <View className='page-pad fee__pad'>
          <View className='card'>
            <EmptyState title='请先选择要缴纳的月份' action={<Button type='primary' block onClick={() => Taro.navigateBack()}>返回账单</Button>} />
          </View>
        </View>
      </PageShell>
    );
  }
  if (!p) {
    return (
      <PageShell>
        <View className='page-pad fee__pad'>{error ? <View className='card'><EmptyState id='preview-error' title='很抱歉，暂时无法核对缴费信息' desc={error} /></View> : <Loading />}</View>
      </PageShell>
    );
  }

  return (
    <PageShell className='fee'>
      <View className='page-pad fee__pad'>
        <View className='notice notice--info'>您好，请核对以下缴费信息，确认无误后再支付。</View>

        <View className='card' id='preview-household'>
          <View className='card__title'>缴费房屋</View>
          <KV k='小区' v={p.communityName} />
          <KV k='房屋' v={<Num>{p.household.address}</Num>} id='preview-address' />
          <KV k='建筑面积' v={<Num>{p.household.areaM2} m²</Num>} />
          <KV k='业主' v={p.household.ownerName} />
        </View>

        <View className='card' id='preview-months'>
          <View className='card__title'>
            缴费月份<Text className='card__hint'>共 <Num>{p.months.length} 个月</Num></Text>
          </View>
          <View className='months'>
            {p.months.map((m) => (
              <Num key={m} className='months__chip'>
                {monthLabel(m)}
              </Num>
            ))}
          </View>
        </View>

        {p.bills.map((b) => (
          <View className='card' key={b.id} id={`preview-bill-${b.period}`}>
            <View className='card__title'>
              <Num>{monthLabel(b.period)}</Num>
              <Text className='card__hint'>费用明细</Text>
            </View>
            <BillLines lines={b.lines} totalFen={b.totalFen} idPrefix={`preview-bill-${b.period}`} totalLabel='小计' />
          </View>
        ))}

        <View className='card total-card'>
          <View className='total-card__label'>应付合计</View>
          <Num className='total-card__amount' id='preview-total'>
            {yuan(p.totalFen)}
          </Num>
        </View>

        <ErrorNote text={error} id='preview-pay-error' />
        {paidBy ? (
          <Button id='preview-paid-receipt' type='primary' size='large' block onClick={() => Taro.redirectTo({ url: `/fee/receipt/index?number=${encodeURIComponent(paidBy)}` })}>
            查看收据<Num className='btn-amount'>{paidBy}</Num>
          </Button>
        ) : (
          <Button id='preview-pay' type='primary' size='large' block loading={busy} disabled={busy} onClick={pay}>
            确认支付<Num className='btn-amount'>{yuan(p.totalFen)}</Num>
          </Button>
        )}
        <View className='fee__tip'>支付结果以微信支付的通知为准，缴费成功后将为您开具电子收据。</View>
      </View>
    </PageShell>
  );
}
