import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '../../components/nut';
import { Num } from '../../components/Num';
import { confirmLocalPayment } from '../../api/localPay';
import { messageOf } from '../../lib/session';
import { yuan } from '../lib/format';

/**
 * H5 on the local platform: a stand-in for WeChat's payment sheet, clearly marked 本地模拟支付. Its button
 * asks the local WeChat Pay stand-in to send the signed notification; the page then waits for the
 * platform's own word (fee.order), never this button's.
 */
export function SandboxCashier({ outTradeNo, totalFen, onConfirmed, onError }: { outTradeNo: string; totalFen: number; onConfirmed: () => void; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await confirmLocalPayment(outTradeNo);
      onConfirmed();
    } catch (e) {
      onError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card sandbox' id='sandbox-cashier'>
      <View className='sandbox__banner' id='sandbox-banner' role='note'>
        本地模拟支付 · 不会产生真实扣款
      </View>
      <View className='sandbox__body'>
        <View className='sandbox__payee'>物业服务费</View>
        <Num className='sandbox__amount' id='sandbox-amount'>
          {yuan(totalFen)}
        </Num>
        <View className='muted'>
          订单号 <Num>{outTradeNo}</Num>
        </View>
        <View className='sandbox__note'>在微信中，这里是微信支付的付款界面；本地演示环境由模拟收银台代替，确认后将按微信支付的方式发送支付结果通知。</View>
        <Button id='sandbox-confirm' type='primary' size='large' block loading={busy} disabled={busy} onClick={confirm}>
          确认支付（模拟）
        </Button>
      </View>
    </View>
  );
}
