import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { PhoneVerifyButton } from '../../components/PhoneVerifyButton';
import { ErrorNote } from '../../components/ui';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { loadMe, messageOf, needsLogin } from '../../lib/session';
import { workbenchHome } from '../../lib/workbench';

type Accepted = Output<'setup', 'acceptInvite'>;

/**
 * 接受员工邀请: a new colleague the manager invited by phone proves that phone with WeChat
 * (getPhoneNumber; locally the platform's one-time code) and joins the staff with the invited roles.
 */
export default function Join() {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Accepted | null>(null);
  const requestId = useRef(newRequestId());

  useDidShow(() => {
    if (needsLogin()) Taro.redirectTo({ url: '/pages/login/index' });
  });

  const accept = async () => {
    if (!code) {
      setError('请先点击「使用微信手机号」验证您被邀请的手机号');
      return;
    }
    setBusy(true);
    setError('');
    try {
      setDone(await call('setup', 'acceptInvite', { requestId: requestId.current, phoneCode: code }));
      await loadMe(true);
    } catch (e) {
      // A code is used once: ask for a fresh one (and a fresh request) before trying again.
      setCode('');
      requestId.current = newRequestId();
      setError(e instanceof ApiError && e.code === 'INVITE.NOT_FOUND' ? e.message : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const enter = async () => {
    const home = workbenchHome(await loadMe());
    Taro.reLaunch({ url: home?.url ?? '/pages/index/index' });
  };

  return (
    <PageShell>
      <View className='page-pad'>
        {done ? (
          <View className='card' id='join-done'>
            <View className='card__title'>欢迎加入，{done.name}！</View>
            <View className='muted' id='join-roles'>
              您的岗位：{done.communities.map((c) => c.roles.map((r) => r.label).join('、')).join('；')}
            </View>
            <View style={{ marginTop: '24px' }}>
              <Button id='join-enter' type='primary' size='large' block onClick={enter}>
                进入员工工作台
              </Button>
            </View>
          </View>
        ) : (
          <View className='card' id='join-form'>
            <View className='card__title'>您好，欢迎加入物业服务中心</View>
            <View className='muted'>经理已用您的手机号发出邀请。请验证该手机号，验证通过后即可使用员工工作台。</View>
            <View className='row' style={{ margin: '24px 0', gap: '12px' }}>
              <PhoneVerifyButton id='join-verify-phone' verified={!!code} onCode={setCode} onError={setError} />
            </View>
            <ErrorNote text={error} id='join-error' />
            <Button id='join-accept' type='primary' size='large' block loading={busy} onClick={accept}>
              接受邀请
            </Button>
          </View>
        )}
      </View>
    </PageShell>
  );
}
