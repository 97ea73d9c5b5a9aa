import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { isH5, messageOf, needsLogin } from '../../lib/session';
import { SandboxCashier } from '../components/SandboxCashier';
import { yuan } from '../lib/format';
import { backToBills } from '../lib/nav';
import '../fee.scss';

type Order = Output<'fee', 'order'>;
/** cashier: H5's sandbox cashier is open; waiting: asking the platform until WeChat Pay's word is in. */
type Phase = 'loading' | 'cashier' | 'waiting' | 'cancelled' | 'slow';

const POLL_MS = 1500;
const POLL_TRIES = 40;

/**
 * 支付订单: after the payment sheet (WeChat) or the sandbox cashier (H5), asks `fee.order` until the
 * platform has booked the payment from WeChat Pay's verified notification (R-FEE-5): 支付处理中… then
 * 支付成功 with the receipt. The client's word that it paid is never taken.
 */
export default function OrderPage() {
  const { params } = useRouter();
  const outTradeNo = decodeURIComponent(params.outTradeNo ?? '');
  const [order, setOrder] = useState<Order | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const alive = useRef(true);
  const polling = useRef(false);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const poll = async () => {
    if (polling.current) return;
    polling.current = true;
    setPhase('waiting');
    try {
      for (let i = 0; i < POLL_TRIES && alive.current; i++) {
        const o = await call('fee', 'order', { outTradeNo }).catch(() => null);
        if (o) setOrder(o);
        if (o && o.status !== 'pending') return;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      if (alive.current) setPhase('slow');
    } finally {
      polling.current = false;
    }
  };

  useDidShow(() => {
    if (needsLogin() || !outTradeNo) return;
    call('fee', 'order', { outTradeNo }).then(
      (o) => {
        setOrder(o);
        setError('');
        if (o.status !== 'pending') return;
        if (isH5) setPhase((ph) => (ph === 'loading' ? 'cashier' : ph));
        else if (params.cancelled === '1') setPhase('cancelled');
        else poll();
      },
      (e) => setError(messageOf(e)),
    );
  });

  if (!order) {
    return (
      <PageShell>
        <View className='page-pad fee__pad'>
          {error || !outTradeNo ? (
            <View className='card'>
              <EmptyState id='order-error' title='很抱歉，未找到该订单' desc={error} />
            </View>
          ) : (
            <Loading />
          )}
        </View>
      </PageShell>
    );
  }

  const toBills = backToBills;
  return (
    <PageShell className='fee'>
      <View className='page-pad fee__pad'>
        <ErrorNote text={error} id='order-error-note' />
        {order.status === 'paid' ? (
          <View className='card fee-result' id='order-paid'>
            <View className='fee-result__icon fee-result__icon--ok' aria-hidden='true'>
              ✓
            </View>
            <View className='fee-result__title' id='order-status'>
              支付成功
            </View>
            <Num className='fee-result__amount'>{yuan(order.totalFen)}</Num>
            <View className='fee-result__text'>感谢您的支持！款项已到账，电子收据已为您开具。</View>
            {order.receiptNumber ? (
              <View className='fee-result__meta'>
                收据编号 <Num id='order-receipt-number'>{order.receiptNumber}</Num>
              </View>
            ) : null}
            <View className='actions'>
              {order.receiptNumber ? (
                <Button id='order-receipt' type='primary' size='large' block onClick={() => Taro.redirectTo({ url: `/fee/receipt/index?number=${encodeURIComponent(order.receiptNumber!)}` })}>
                  查看电子收据
                </Button>
              ) : null}
              <Button id='order-bills' size='large' block onClick={toBills}>
                返回账单
              </Button>
            </View>
          </View>
        ) : order.status === 'closed' ? (
          <View className='card fee-result' id='order-closed'>
            <View className='fee-result__icon fee-result__icon--off' aria-hidden='true'>
              !
            </View>
            <View className='fee-result__title' id='order-status'>
              订单已关闭
            </View>
            <View className='fee-result__text'>该订单未完成支付，已自动关闭，账单仍为待缴。如需缴费，请返回账单重新发起，感谢您的理解。</View>
            <Button id='order-bills' type='primary' size='large' block onClick={toBills}>
              返回账单
            </Button>
          </View>
        ) : phase === 'cashier' ? (
          <SandboxCashier outTradeNo={order.outTradeNo} totalFen={order.totalFen} onConfirmed={poll} onError={setError} />
        ) : phase === 'cancelled' ? (
          <View className='card fee-result' id='order-cancelled'>
            <View className='fee-result__title' id='order-status'>
              您已取消支付
            </View>
            <View className='fee-result__text'>账单仍为待缴，您可以随时返回账单重新缴费。</View>
            <Button id='order-bills' type='primary' size='large' block onClick={toBills}>
              返回账单
            </Button>
          </View>
        ) : (
          <View className='card fee-result' id='order-waiting' aria-live='polite'>
            <View className='fee-result__spinner' aria-hidden='true' />
            <View className='fee-result__title' id='order-status'>
              {phase === 'slow' ? '支付结果确认中' : '支付处理中…'}
            </View>
            <Num className='fee-result__amount'>{yuan(order.totalFen)}</Num>
            <View className='fee-result__text'>
              {phase === 'slow' ? '我们还在等待微信支付的结果通知。如已扣款，确认后会自动为您开具收据，请稍后在账单页查看，感谢您的耐心。' : '正在向微信支付确认结果，请稍候，不要重复支付。'}
            </View>
            {phase === 'slow' ? (
              <View className='actions'>
                <Button id='order-retry' type='primary' size='large' block onClick={poll}>
                  再次查询
                </Button>
                <Button id='order-bills' size='large' block onClick={toBills}>
                  返回账单
                </Button>
              </View>
            ) : null}
          </View>
        )}
        {phase === 'cashier' && order.status === 'pending' ? null : (
          <View className='fee__tip'>
            订单号 <Num id='order-number'>{order.outTradeNo}</Num>
          </View>
        )}
      </View>
    </PageShell>
  );
}
