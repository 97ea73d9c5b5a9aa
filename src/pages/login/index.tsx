import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { ErrorNote } from '../../components/ui';
import { session } from '../../api/client';
import { forgetMe, isH5, loadMe } from '../../lib/session';
import { isStaff, workbenchHome } from '../../lib/workbench';
import './index.scss';

/** The demo users of the local platform (contract §2) with their Chinese role labels. */
const DEMO_USERS: { key: string; role: string; desc: string; group: 'resident' | 'staff' }[] = [
  { key: 'resident-a', role: '业主', desc: '1栋1单元101室 · 已认证', group: 'resident' },
  { key: 'resident-b', role: '业主', desc: '1栋1单元102室 · 已认证', group: 'resident' },
  { key: 'resident-new', role: '新住户', desc: '尚未认证房屋', group: 'resident' },
  { key: 'frontdesk', role: '前台', desc: '客户接待 · 受理与派单', group: 'staff' },
  { key: 'tech-1', role: '维修技师', desc: '今日值班', group: 'staff' },
  { key: 'tech-2', role: '维修技师', desc: '工程维修部', group: 'staff' },
  { key: 'supervisor', role: '客服主管', desc: '跟进与升级', group: 'staff' },
  { key: 'manager', role: '经理', desc: '物业服务中心', group: 'staff' },
  { key: 'reno-officer', role: '装修管理员', desc: '装修申请与巡查', group: 'staff' },
  { key: 'cashier', role: '收费员', desc: '账单与票据', group: 'staff' },
];

export default function Login() {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!isH5) return;
    fetch('/local/users')
      .then((r) => r.json())
      .then((b: { data?: { items?: { key: string; name: string }[] } }) => setNames(Object.fromEntries((b.data?.items ?? []).map((u) => [u.key, u.name]))))
      .catch(() => undefined);
  }, []);

  const login = async (user: string) => {
    if (busy) return;
    setBusy(user);
    setError('');
    try {
      const res = await fetch('/local/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      const body = (await res.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
      if (!res.ok || !body.token) throw new Error(body.error?.message || '很抱歉，登录失败，请稍后再试');
      session.set(body.token);
      forgetMe();
      const me = await loadMe(true).catch(() => null);
      const staffOnly = isStaff(me) && me!.households.length === 0;
      // Staff start from their workbench's first section (technicians: their own work orders).
      Taro.reLaunch({ url: staffOnly ? (workbenchHome(me)?.url ?? '/pages/index/index') : '/pages/index/index' });
    } catch (e) {
      setError(e instanceof Error && e.message && !/fetch/i.test(e.message) ? e.message : '网络不太稳定，请检查本地服务是否已启动');
      setBusy('');
    }
  };

  const group = (g: 'resident' | 'staff') =>
    DEMO_USERS.filter((u) => u.group === g).map((u) => (
      <View key={u.key} id={`login-${u.key}`} className={`who ${busy === u.key ? 'who--busy' : ''}`} onClick={() => login(u.key)}>
        <View className={`who__avatar who__avatar--${g}`}>{(names[u.key] ?? u.role).slice(0, 1)}</View>
        <View className='grow'>
          <View className='who__role'>
            {names[u.key] ? `${names[u.key]} · ${u.role}` : u.role}
            <Text className='who__key'>{u.key}</Text>
          </View>
          <View className='muted'>{u.desc}</View>
        </View>
        <Text className='who__go'>{busy === u.key ? '登录中…' : '进入'}</Text>
      </View>
    ));

  return (
    <PageShell public className='login'>
      <View className='hero'>
        <View className='hero__title'>您好，欢迎使用物业服务</View>
        <View className='hero__sub'>本地演示环境：请选择一个演示账号进入（正式小程序中由微信自动识别身份）</View>
      </View>
      <View className='page-pad'>
        {!isH5 ? <View className='notice notice--info'>该页面仅用于本地演示环境。</View> : null}
        <ErrorNote text={error} id='login-error' />
        <View className='card'>
          <View className='card__title'>住户</View>
          {group('resident')}
        </View>
        <View className='card'>
          <View className='card__title'>物业员工</View>
          {group('staff')}
        </View>
      </View>
    </PageShell>
  );
}
