import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { EmptyState, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { call } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { ReceiptSheet, type Receipt } from '../components/ReceiptSheet';
import { QrImage } from '../components/QrImage';
import { verifyPath } from '../lib/format';
import { verifyLink } from '../lib/verifyLink';
import '../fee.scss';
import '../receipt.scss';

/** 电子收据 (R-FEE-6): the receipt with its verification code and a QR code anyone can check it with. */
export default function ReceiptPage() {
  const { params } = useRouter();
  const number = decodeURIComponent(params.number ?? '');
  const [r, setR] = useState<Receipt | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (needsLogin() || !number) return;
    call('fee', 'receipt', { number }).then(
      (v) => {
        setR(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  if (!r) {
    return (
      <PageShell>
        <View className='page-pad fee__pad'>
          {error || !number ? (
            <View className='card'>
              <EmptyState id='receipt-error' title='很抱歉，未找到该收据' desc={error} />
            </View>
          ) : (
            <Loading />
          )}
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className='fee'>
      <View className='page-pad fee__pad'>
        <ReceiptSheet r={r} idPrefix='receipt'>
          <View className='receipt__qr'>
            <QrImage text={verifyLink(r.number, r.code)} label={`收据 ${r.number} 的验证二维码`} id='receipt-qr' />
            <View className='receipt__qr-text'>
              扫描二维码，或在「收据验证」中输入收据编号与校验码，即可核验本收据。
            </View>
          </View>
        </ReceiptSheet>
        <View className='fee__links-row'>
          <View className='link' id='receipt-verify' onClick={() => Taro.navigateTo({ url: verifyPath(r.number, r.code) })}>
            验证这张收据 ›
          </View>
        </View>
        <View className='fee__tip'>
          如对收据有疑问，请联系物业服务中心，并告知收据编号 <Num>{r.number}</Num>，感谢您的支持。
        </View>
      </View>
    </PageShell>
  );
}
