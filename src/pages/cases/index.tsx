import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { call, ApiError, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { STATUS_LABELS } from '../../lib/labels';
import { excerpt, formatTime, roomLabel } from '../../lib/format';
import './index.scss';
import { Num, Nums } from '../../components/Num';

type CaseItem = Output<'case', 'list'>['items'][number];
type Filter = 'all' | 'submitted' | 'processing' | 'dispatched' | 'completed' | 'resolved' | 'closed' | 'cancelled';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(['submitted', 'processing', 'dispatched', 'completed', 'resolved', 'closed', 'cancelled'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

export default function Cases() {
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<CaseItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notBound, setNotBound] = useState(false);

  const load = async (f: Filter = filter, more = false) => {
    if (needsLogin()) return;
    try {
      const r = await call('case', 'list', { ...(f !== 'all' ? { status: f } : {}), ...(more && cursor ? { cursor } : {}) });
      setItems((old) => (more && old ? [...old, ...r.items] : r.items));
      setCursor(r.cursor);
      setError('');
      setNotBound(false);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'HOUSEHOLD.NOT_BOUND' || e.code === 'AUTH.FORBIDDEN')) {
        setNotBound(true);
        setItems([]);
      } else setError(messageOf(e));
    }
  };

  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  const pick = (f: Filter) => {
    setFilter(f);
    setItems(null);
    load(f);
  };

  return (
    <PageShell className='cases'>
      <View className='page-pad cases__top'>
        <Chips idPrefix='cases-filter' value={filter} onChange={(v) => v && pick(v as Filter)} options={FILTERS} />
      </View>
      <View className='page-pad'>
        <ErrorNote text={error} />
        {items === null ? (
          error ? null : <Loading />
        ) : notBound ? (
          <View className='card'>
            <EmptyState
              title='请先完成房屋认证'
              desc='认证房屋后，您提交的工单会显示在这里。'
              action={
                <Button id='cases-go-bind' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
                  去认证
                </Button>
              }
            />
          </View>
        ) : items.length === 0 ? (
          <View className='card'>
            <EmptyState
              id='cases-empty'
              title='暂无工单'
              desc='有任何需要，欢迎随时告诉我们，物业服务中心 24 小时受理。'
              action={
                <Button id='cases-new' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/submit/index?kind=consultation' })}>
                  在线咨询
                </Button>
              }
            />
          </View>
        ) : (
          <View id='cases-list'>
            {items.map((c) => {
              const open = c.deadlines.find((d) => !d.metAt);
              return (
                <View key={c.id} className='card case-card' id={`case-item-${c.id}`} onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${encodeURIComponent(c.id)}` })}>
                  <View className='row row--between'>
                    <View className='case-card__kind'>
                      {c.kindLabel}
                      {c.categoryLabel ? <Text className='case-card__cat'> · {c.categoryLabel}</Text> : null}
                      {c.emergency ? <Text className='case-card__urgent'>急修</Text> : null}
                    </View>
                    <StatusTag status={c.status} label={c.statusLabel} id={`case-item-status-${c.id}`} />
                  </View>
                  <View className='case-card__content'>
                    <Nums>{excerpt(c.content, 60)}</Nums>
                  </View>
                  <View className='case-card__meta'>
                    <Num id={`case-item-number-${c.id}`}>{c.number}</Num>
                    <Num>{roomLabel(c.householdId)}</Num>
                    <Num>{formatTime(c.createdAt)}</Num>
                  </View>
                  {c.status === 'completed' ? (
                    <View className='case-card__due case-card__due--ask'>技师已完工，请您确认维修效果</View>
                  ) : c.status === 'quoted' ? (
                    <View className='case-card__due case-card__due--ask'>有偿维修报价待您确认</View>
                  ) : open && c.open ? (
                    <View className={`case-card__due ${open.breached ? 'case-card__due--late' : ''}`}>
                      <Nums>
                      {open.breached
                        ? '很抱歉，已超出承诺时限，我们正在加紧处理'
                        : open.paused
                          ? `计时已暂停${c.paused ? `：${c.paused}` : ''}`
                          : open.name === 'arrival'
                            ? `技师将于 ${formatTime(open.dueAt)} 前到达${c.work?.technicianName ? ` · ${c.work.technicianName}` : ''}`
                            : open.name === 'callback'
                              ? `客服将于 ${formatTime(open.dueAt)} 前回访`
                              : `承诺 ${formatTime(open.dueAt)} 前答复 · 负责人 ${c.ownerName}`}
                      </Nums>
                    </View>
                  ) : null}
                </View>
              );
            })}
            {cursor ? (
              <Button id='cases-more' block onClick={() => load(filter, true)}>
                加载更多
              </Button>
            ) : (
              <View className='muted cases__end'>没有更多了</View>
            )}
          </View>
        )}
      </View>
    </PageShell>
  );
}
