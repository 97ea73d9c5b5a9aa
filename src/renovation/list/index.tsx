import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { HouseholdField, ResidentGate } from '../../components/ResidentGate';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf } from '../../lib/session';
import { roomLabel } from '../../lib/format';
import { dayLabel } from '../lib/format';
import { hasDraft } from '../lib/draft';
import { STATUS_TONE } from '../lib/words';
import '../renovation.scss';

type Item = Output<'renovation', 'list'>['items'][number];

/** 装修申请: the household's applications, newest first (分户装修档案, R-REN-11), and the way to a new one. */
export default function RenovationList() {
  const [householdId, setHouseholdId] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [draft, setDraft] = useState(false);
  const [error, setError] = useState('');

  const load = async (hid: string) => {
    if (!hid) return;
    setDraft(hasDraft(hid));
    try {
      const r = await call('renovation', 'list', { householdId: hid });
      setItems(r.items);
      setError('');
    } catch (e) {
      setItems([]);
      setError(messageOf(e));
    }
  };
  usePullDownRefresh(() => {
    load(householdId).finally(() => Taro.stopPullDownRefresh());
  });

  const start = () => Taro.navigateTo({ url: `/renovation/${draft ? 'apply' : 'rules'}/index?householdId=${encodeURIComponent(householdId)}` });

  return (
    <ResidentGate
      idPrefix='reno-list'
      action='办理装修申请'
      padLoading
      onLoad={(me) => {
        const hid = me.households.some((h) => h.id === householdId) ? householdId : me.households[0].id;
        setHouseholdId(hid);
        load(hid);
      }}
    >
      {(me) => (
        <PageShell className='reno'>
          <View className='reno-hero'>
            <View className='reno-hero__title'>装修申请与备案</View>
            <View className='reno-hero__sub'>您好！装修前请先在线申请备案，审核通过、缴费后即可领取施工许可证。我们会全程为您做好服务。</View>
          </View>
          <View className='page-pad'>
            {me.households.length > 1 ? (
              <View className='card'>
                <HouseholdField
                  idPrefix='reno-list'
                  label='选择房屋'
                  variant='chips'
                  households={me.households}
                  value={householdId}
                  onChange={(id) => {
                    setHouseholdId(id);
                    setItems(null);
                    load(id);
                  }}
                />
              </View>
            ) : null}

            <View className='card'>
              <View className='card__title'>办理流程</View>
              <View className='muted' id='reno-list-flow'>
                阅读装修管理规定并签署协议 → 填写申请、登记施工人员、上传资料 → 物业审核 → 缴纳费用、领取许可证 → 施工与巡查 → 竣工验收、退还押金
              </View>
              <View style={{ marginTop: '24px' }}>
                <Button id='reno-list-new' type='primary' size='large' block onClick={start}>
                  {draft ? '继续填写未提交的申请' : '申请装修'}
                </Button>
              </View>
            </View>

            <View className='section-title'>
              <Num>{roomLabel(householdId)}</Num> 的装修档案
            </View>
            <ErrorNote text={error} id='reno-list-error' />
            {items === null ? (
              <Loading />
            ) : items.length === 0 ? (
              error ? null : (
                <View className='card'>
                  <EmptyState id='reno-list-empty' title='暂无装修申请' desc='提交装修申请后，审核、缴费、巡查与验收的每一步都会记录在这里。' />
                </View>
              )
            ) : (
              <View id='reno-list-items'>
                {items.map((a) => (
                  <View key={a.id} className='card app-row' id={`reno-item-${a.id}`} onClick={() => Taro.navigateTo({ url: `/renovation/detail/index?id=${encodeURIComponent(a.id)}` })}>
                    <View className='grow'>
                      <View className='app-row__title'>
                        装修申请 <Num>{a.number}</Num>
                      </View>
                      <View className='app-row__meta'>
                        工期 <Num>{dayLabel(a.startDate)}</Num> 至 <Num>{dayLabel(a.endDate)}</Num>
                      </View>
                    </View>
                    <View className={`status status--${STATUS_TONE[a.status]}`}>{a.statusLabel}</View>
                    <Text className='chev'>›</Text>
                  </View>
                ))}
              </View>
            )}
            <View className='fee__tip muted' style={{ textAlign: 'center', margin: '28px 0' }}>
              如有疑问，请致电物业服务中心，感谢您的配合
            </View>
          </View>
        </PageShell>
      )}
    </ResidentGate>
  );
}
