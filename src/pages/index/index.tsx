import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Ask, Comment, Complaint, Fabulous, Home as HomeIcon, Notice, Order, Repairman, Service, Setting, Tips, Wallet } from '@nutui/icons-react-taro';
import { PageShell } from '../../components/PageShell';
import { Badge, Button, Tag } from '../../components/nut';
import { Toggle } from '../../components/Toggle';
import { ErrorNote } from '../../components/ui';
import { EmergencyQuick } from '../../components/EmergencyQuick';
import { call } from '../../api/client';
import { largeText } from '../../lib/prefs';
import { isH5, loadMe, messageOf, needsLogin, goLogin, type Me } from '../../lib/session';
import { RELATION_LABELS, ROLE_LABELS } from '../../lib/labels';
import { sectionsOf, workbenchHome } from '../../lib/workbench';
import { greeting, roomCode, roomLabel } from '../../lib/format';
import { Num, Nums } from '../../components/Num';
import './index.scss';

type Service = { key: string; label: string; icon: JSX.Element; kind?: string; url?: string; soon?: boolean };

const SERVICES: Service[] = [
  { key: 'repair', label: '报修', icon: <Repairman />, url: '/pages/repair/index' },
  { key: 'complaint', label: '投诉', icon: <Complaint />, url: '/pages/complaint/index' },
  { key: 'fee', label: '缴费', icon: <Wallet />, url: '/fee/bills/index' },
  { key: 'renovation', label: '装修', icon: <HomeIcon />, url: '/renovation/list/index' },
  { key: 'consultation', label: '咨询建议', icon: <Ask />, kind: 'consultation' },
  { key: 'praise', label: '表扬', icon: <Fabulous />, kind: 'praise' },
  { key: 'help', label: '求助', icon: <Tips />, kind: 'help' },
];

export default function Index() {
  const [me, setMe] = useState<Me | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState('');
  const [large, setLarge] = useState(largeText.get());

  useDidShow(() => {
    setLarge(largeText.get());
    if (needsLogin()) return;
    loadMe(true).then(
      (m) => {
        setMe(m);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
    call('message', 'list', {}).then(
      (r) => setUnread(r.unread),
      () => undefined,
    );
  });

  const home = workbenchHome(me);
  const staff = !!home;
  const technician = home?.key === 'mywork';
  const households = me?.households ?? [];
  const pending = (me?.pendingBindings ?? []).filter((b) => b.status === 'pending');
  const staffRoleText = me
    ? me.roles
        .filter((r) => r in ROLE_LABELS)
        .map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS])
        .join('、')
    : '';

  const open = (s: Service) => {
    if (s.soon) {
      Taro.showToast({ title: `${s.label}服务即将上线，敬请期待`, icon: 'none' });
      return;
    }
    Taro.navigateTo({ url: s.url ?? `/pages/submit/index?kind=${s.kind}` });
  };

  const toggleLarge = (on: boolean) => {
    setLarge(on);
    largeText.set(on);
  };

  return (
    <PageShell className='home'>
      <View className='hero'>
        <View className='hero__title' id='home-greeting'>
          您好，{me?.name ?? '欢迎回家'}
        </View>
        <View className='hero__sub'>
          {greeting()}！示例花园物业服务中心 24 小时为您服务
          {staffRoleText ? ` · ${staffRoleText}` : ''}
        </View>
      </View>

      <View className='page-pad'>
        <ErrorNote text={error} id='home-error' />

        {staff ? (
          <View className='card staff-card' id='home-workbench' onClick={() => home && Taro.navigateTo({ url: home.url })}>
            <View className='staff-card__icon'>
              <Setting />
            </View>
            <View className='grow'>
              <View className='staff-card__title'>员工工作台</View>
              <View className='muted'>{technician ? '我的维修工单：到场签到、报价与完工' : `${sectionsOf(me).slice(0, 4).map((s) => s.label).join('、')}${sectionsOf(me).length > 4 ? ' 等' : ''}`}</View>
            </View>
            <Text className='chev'>›</Text>
          </View>
        ) : null}

        {households.length ? (
          <View className='card house' id='home-household'>
            <View className='card__title'>
              我的房屋
              <Text className='card__hint link' id='home-add-household' onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
                + 添加房屋
              </Text>
            </View>
            {households.map((h) => (
              <View className='house__row' key={h.id} id={`home-household-${h.id}`}>
                <View className='house__badge'>
                  <HomeIcon />
                </View>
                <View className='grow'>
                  <View className='house__room'>{roomLabel(h.id)}</View>
                  <View className='house__meta'>
                    <Tag round background='#e6f4f1' color='#0a6b62' className='house__tag'>
                      {RELATION_LABELS[h.relation as keyof typeof RELATION_LABELS] ?? h.relation} · 已认证
                    </Tag>
                    <Text className='muted'>
                      房号 <Num>{roomCode(h.id)}</Num>
                    </Text>
                  </View>
                </View>
              </View>
            ))}
            {pending.length ? <View className='notice notice--warn house__pending'>另有 {pending.length} 条房屋认证正在审核，请耐心等待</View> : null}
          </View>
        ) : me && !staff ? (
          <View className='card bind-prompt' id='home-bind-prompt'>
            <View className='bind-prompt__title'>{pending.length ? '房屋认证审核中' : '请先完成房屋认证'}</View>
            <View className='bind-prompt__text'>
              <Nums>
              {pending.length
                ? `您提交的 ${pending.map((p) => p.householdId).join('、')} 认证申请正在审核，物业前台会尽快处理，感谢您的耐心。`
                : '认证后即可在线报修、咨询、建议等，物业服务中心会第一时间为您处理。'}
              </Nums>
            </View>
            <Button id='home-bind' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
              {pending.length ? '查看认证进度' : '立即认证'}
            </Button>
          </View>
        ) : null}

        <EmergencyQuick households={households} />

        <View className='card'>
          <View className='card__title'>在线办理</View>
          <View className='services'>
            {SERVICES.map((s) => (
              <View key={s.key} id={`service-${s.key}`} className={`svc ${s.soon ? 'svc--soon' : ''}`} onClick={() => open(s)} aria-disabled={s.soon ? 'true' : undefined}>
                <View className='svc__icon'>{s.icon}</View>
                <View className='svc__label'>{s.label}</View>
                {s.soon ? <View className='svc__soon'>即将上线</View> : null}
              </View>
            ))}
          </View>
        </View>

        <View className='card links'>
          <View className='link-row' id='home-cases' onClick={() => Taro.navigateTo({ url: '/pages/cases/index' })}>
            <View className='link-row__icon'>
              <Order />
            </View>
            <View className='grow link-row__text'>我的工单</View>
            <Text className='chev'>›</Text>
          </View>
          <View className='link-row' id='home-messages' onClick={() => Taro.navigateTo({ url: '/pages/messages/index' })}>
            <View className='link-row__icon'>
              <Notice />
            </View>
            <View className='grow link-row__text'>消息中心</View>
            {unread > 0 ? (
              <View className='unread' id='home-unread'>
                <Badge value={unread} max={99} />
              </View>
            ) : null}
            <Text className='chev'>›</Text>
          </View>
          <View className='link-row'>
            <View className='link-row__icon'>
              <Comment />
            </View>
            <View className='grow'>
              <View className='link-row__text'>大字模式</View>
              <View className='muted'>字号更大，按钮更好点</View>
            </View>
            <Toggle id='large-toggle' label='大字模式' checked={large} onChange={toggleLarge} />
          </View>
          {me && !staff ? (
            <View className='link-row' id='home-join' onClick={() => Taro.navigateTo({ url: '/pages/join/index' })}>
              <View className='link-row__icon'>
                <Setting />
              </View>
              <View className='grow'>
                <View className='link-row__text'>接受员工邀请</View>
                <View className='muted'>物业新同事请在此验证手机号，加入工作台</View>
              </View>
              <Text className='chev'>›</Text>
            </View>
          ) : null}
          {isH5 ? (
            <View className='link-row' id='home-switch-user' onClick={goLogin}>
              <View className='link-row__icon'>
                <Service />
              </View>
              <View className='grow link-row__text'>切换演示账号</View>
              <Text className='chev'>›</Text>
            </View>
          ) : null}
        </View>

        <View className='footer'>示例花园物业服务中心 · 24 小时受理 · 感谢您的信任与支持</View>
      </View>
    </PageShell>
  );
}
