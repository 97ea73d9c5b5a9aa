import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, Input } from '../../components/nut';
import { Field } from '../../components/Field';
import { ErrorNote } from '../../components/ui';
import { useFieldErrors } from '../../components/useFieldErrors';
import { call } from '../../api/client';
import { messageOf } from '../../lib/session';
import { ReceiptSheet, type Receipt } from '../components/ReceiptSheet';
import '../fee.scss';
import '../receipt.scss';

/**
 * 收据验证 (R-FEE-6), open to anyone (no sign-in): the receipt number and its verification code — from the
 * receipt's QR code or typed in — answer exactly what the receipt shows, or a polite refusal.
 */
export default function VerifyPage() {
  const { params } = useRouter();
  const [number, setNumber] = useState(decodeURIComponent(params.number ?? ''));
  const [code, setCode] = useState(decodeURIComponent(params.code ?? ''));
  const [r, setR] = useState<Receipt | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(false);

  const checks = useFieldErrors([
    { field: 'number', ok: !!number.trim(), message: '请填写收据编号', value: number.trim(), id: 'verify-number-field' },
    { field: 'code', ok: !!code.trim(), message: '请填写校验码', value: code.trim(), id: 'verify-code-field' },
  ]);

  const verify = async (n = number, c = code) => {
    setError('');
    setR(null);
    setBusy(true);
    try {
      setR(await call('fee', 'verifyReceipt', { number: n.trim(), code: c.trim().toUpperCase() }));
    } catch (e) {
      setError(checks.place(e) ?? messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // Opened from a QR code: both are in the address; check at once.
  useDidShow(() => {
    if (asked) return;
    setAsked(true);
    if (number.trim() && code.trim()) verify();
  });

  return (
    <PageShell public className='fee'>
      <View className='page-pad fee__pad'>
        <View className='card'>
          <View className='card__title'>核验物业费电子收据</View>
          <View className='muted verify__intro'>您好，请输入收据上的收据编号与校验码，我们将为您核验收据的真伪。</View>
          <Field label='收据编号' required box='input' id='verify-number-field' error={checks.errorOf('number')}>
            <Input id='verify-input-number' value={number} onChange={setNumber} placeholder='如 demo-2026-000001' maxLength={48} clearable />
          </Field>
          <Field label='校验码' required box='input' id='verify-code-field' error={checks.errorOf('code')}>
            <Input id='verify-input-code' value={code} onChange={setCode} placeholder='收据上的 8 位校验码' maxLength={8} clearable />
          </Field>
          <Button id='verify-submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => checks.validate() && verify()}>
            立即验证
          </Button>
        </View>

        {error ? (
          <View className='verify__fail' id='verify-fail'>
            <ErrorNote text={error} />
          </View>
        ) : null}

        {r ? (
          <View id='verify-result'>
            {r.status === 'voided' ? (
              <View className='notice notice--warn verify__banner' id='verify-status'>
                该收据真实存在，但已作废，请以物业服务中心重新开具的收据为准。
              </View>
            ) : (
              <View className='notice notice--info verify__banner verify__banner--ok' id='verify-status'>
                ✓ 验证通过：这是{r.communityName}物业服务中心开具的有效收据
              </View>
            )}
            <ReceiptSheet r={r} idPrefix='verify' />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
