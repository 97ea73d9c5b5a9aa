import { useState, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/nut';
import { EmptyState, Loading } from '../../components/ui';
import { loadMe, messageOf, needsLogin, isH5, goLogin, type Me } from '../../lib/session';
import { ROLE_LABELS } from '../../lib/labels';
import { isStaff, sectionsOf, workbenchHome, type WbSection } from '../../lib/workbench';
import '../wb.scss';

export type WbTab = WbSection | 'case';

/** The staff workbench frame: a PC-friendly top bar with the sections, and a staff-only guard. */
export function WbShell({ tab, children, onMe, back }: { tab: WbTab; children: (me: Me) => ReactNode; onMe?: (me: Me) => void; back?: WbSection }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (needsLogin()) return;
    loadMe().then(
      (m) => {
        setMe(m);
        onMe?.(m);
      },
      (e) => setError(messageOf(e)),
    );
  });

  const go = (url: string) => Taro.redirectTo({ url });
  const roleText = me
    ? me.roles
        .filter((r) => r in ROLE_LABELS)
        .map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS])
        .join('、')
    : '';

  return (
    <PageShell wide className='wb' header={false}>
      <View className='wb-bar'>
        <View className='wb-bar__inner'>
          <View className='wb-bar__brand'>
            示例花园<Text className='wb-bar__brand-sub'>员工工作台</Text>
          </View>
          <View className='wb-tabs'>
            {sectionsOf(me).map((t) => (
              <View key={t.key} id={`wb-nav-${t.key}`} className={`wb-tab ${tab === t.key || (tab === 'case' && t.key === (back ?? 'queue')) ? 'wb-tab--on' : ''}`} onClick={() => go(t.url)}>
                {t.label}
              </View>
            ))}
          </View>
          <View className='wb-bar__me'>
            {me ? (
              <Text>
                {me.name}
                <Text className='wb-bar__role'>{roleText}</Text>
              </Text>
            ) : null}
            <Text className='wb-bar__link' id='wb-nav-home' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
              返回首页
            </Text>
            {isH5 ? (
              <Text className='wb-bar__link' id='wb-nav-logout' onClick={goLogin}>
                切换账号
              </Text>
            ) : null}
          </View>
        </View>
      </View>
      <View className='wb-main'>
        <PageHeader home={workbenchHome(me)?.url} />
        {error ? (
          <View className='card'>
            <EmptyState title='很抱歉，暂时无法打开工作台' desc={error} />
          </View>
        ) : !me ? (
          <Loading />
        ) : !isStaff(me) ? (
          <View className='card'>
            <EmptyState
              id='wb-forbidden'
              title='该页面仅供物业员工使用'
              desc='如您是物业员工，请使用员工账号登录。'
              action={
                <Button type='primary' size='large' block onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
                  返回首页
                </Button>
              }
            />
          </View>
        ) : (
          children(me)
        )}
      </View>
    </PageShell>
  );
}
