import { useState } from 'react';
import { Button } from './nut';
import { localPhoneCode } from '../api/localPhoneCode';
import { messageOf } from '../lib/session';

export interface PhoneVerifyProps {
  id: string;
  /** A code was obtained: the form sends it as `phoneCode`. */
  verified: boolean;
  onCode(code: string): void;
  onError(message: string): void;
}

/**
 * 「使用微信手机号」 on H5 (the local platform): asks the platform for a one-time code, as WeChat's
 * getPhoneNumber button does in the mini-program (PhoneVerifyButton.weapp.tsx).
 */
export function PhoneVerifyButton({ id, verified, onCode, onError }: PhoneVerifyProps) {
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    try {
      onCode(await localPhoneCode());
    } catch (e) {
      onError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button id={id} size='small' type={verified ? 'success' : 'primary'} fill='outline' loading={busy} disabled={verified} onClick={ask}>
      {verified ? '已获取微信手机号' : '使用微信手机号'}
    </Button>
  );
}
