import { Button } from './nut';
import type { PhoneVerifyProps } from './PhoneVerifyButton';

/**
 * 「使用微信手机号」 in the mini-program: WeChat's getPhoneNumber button (手机号快速验证). Its `code` goes
 * to `account.bind` as `phoneCode`; the server exchanges it for the verified phone with WeChat.
 */
export function PhoneVerifyButton({ id, verified, onCode, onError }: PhoneVerifyProps) {
  const got = (e: { detail?: { code?: string; errMsg?: string } }) => {
    if (e.detail?.code) onCode(e.detail.code);
    else if (!/deny|cancel/i.test(e.detail?.errMsg ?? '')) onError('很抱歉，暂时无法获取微信手机号，请稍后再试，或直接提交由物业审核');
  };
  return (
    <Button id={id} size='small' type={verified ? 'success' : 'primary'} fill='outline' disabled={verified} openType='getPhoneNumber' onGetPhoneNumber={got}>
      {verified ? '已获取微信手机号' : '使用微信手机号'}
    </Button>
  );
}
