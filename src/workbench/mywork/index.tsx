import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { Button } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { LOCATION_LABELS } from '../../lib/labels';
import { clockTime, dayTime, spaced, excerpt, remaining, roomLabel, timeRange } from '../../lib/format';
import { syncClock, useNow } from '../../lib/clock';
import { byUrgency, dueOf } from '../components/due';
import { arriveConfirmed } from '../components/arrive';
import './index.scss';
import { Num, Nums } from '../../components/Num';

type Item = Output<'workbench', 'queue'>['items'][number];
type Seg = 'active' | 'done' | 'all';

/** Still to be worked on: open, and the work not yet completed. */
const active = (c: Item) => c.open && !c.work?.completedAt;
const SEGS: { value: Seg; label: string }[] = [
  { value: 'active', label: '进行中' },
  { value: 'done', label: '已完工' },
  { value: 'all', label: '全部' },
];

/** 我的工单: the technician's work orders (queue with technician = self), most urgent first. */
export default function MyWork() {
  const [me, setMe] = useState<Me | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [seg, setSeg] = useState<Seg>('active');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const [emergencyMinutes, setEmergencyMinutes] = useState<number | null>(null);

  /** Open work comes first (most urgent first): the first page, or (`more`) the one after it, for older orders. */
  const load = async (who: Me | null = me, more = false) => {
    if (needsLogin() || !who) return;
    try {
      const [r] = await Promise.all([call('workbench', 'queue', { technician: who.id, limit: 100, ...(more && cursor ? { cursor } : {}) }), syncClock()]);
      setItems((old) => byUrgency(more && old ? [...old, ...r.items] : r.items));
      setCursor(r.cursor);
      setEmergencyMinutes(r.emergencyArrivalMinutes);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });
  const onMe = (m: Me) => {
    setMe(m);
    load(m);
  };

  const shown = (items ?? []).filter((c) => (seg === 'all' ? true : seg === 'active' ? active(c) : !active(c) && c.status !== 'cancelled'));
  const waiting = (items ?? []).filter((c) => c.status === 'dispatched');
  // Time left and time past both count on, on the platform's clock.
  const live = waiting.length > 0;
  const now = useNow(live);

  const arrive = async (c: Item) => {
    setBusy(c.id);
    setError('');
    try {
      if (!(await arriveConfirmed(c))) return;
      Taro.showToast({ title: '已签到', icon: 'success' });
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const open = (c: Item) => Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(c.id)}` });

  return (
    <WbShell tab='mywork' onMe={onMe}>
      {(who) => (
        <View className='mywork'>
          <View className='wb-head'>
            <View>
              {/* The header says 我的工单: this line greets the technician and says what matters most. */}
              <View className='wb-head__title'>{who.name}，您好</View>
              <View className='wb-head__sub'>
                急修 <Num>15 分钟</Num>内到场 · 到达现场请先签到
              </View>
            </View>
            <Button id='mywork-refresh' size='small' onClick={() => load()}>
              刷新
            </Button>
          </View>

          <View className='summary'>
            <View className='stat'>
              <View className='stat__num' id='mywork-waiting'>
                {items ? waiting.length : '–'}
              </View>
              <View className='stat__label'>待上门</View>
            </View>
            <View className='stat'>
              <View className='stat__num'>{items ? items.filter((c) => c.status === 'on_site' || c.status === 'quoted').length : '–'}</View>
              <View className='stat__label'>维修中</View>
            </View>
            <View className={`stat ${items?.some((c) => dueOf(c).breached) ? 'stat--late' : ''}`}>
              <View className='stat__num'>{items ? items.filter((c) => dueOf(c).breached).length : '–'}</View>
              <View className='stat__label'>已超时</View>
            </View>
          </View>

          <View className='mywork__segs'>
            <Chips idPrefix='mywork-seg' value={seg} onChange={(v) => v && setSeg(v as Seg)} options={SEGS} />
          </View>
          <ErrorNote text={error} id='mywork-error' />

          {items === null ? (
            error ? null : <Loading />
          ) : shown.length === 0 ? (
            <View className='card'>
              <EmptyState id='mywork-empty' title={seg === 'active' ? '暂无待处理的工单' : '暂无工单'} desc='新的派单和急修会通过消息通知您，请保持手机畅通。' />
            </View>
          ) : (
            <View className='jobs' id='mywork-list'>
              {shown.map((c) => {
                const { next, breached } = dueOf(c);
                const arrival = next && next.name === 'arrival' ? next : undefined;
                const left = arrival ? remaining(arrival.dueAt, now, true) : null;
                const late = breached || (!!left && !arrival!.paused && left.overdue);
                return (
                  <View key={c.id} id={`mywork-item-${c.id}`} className={`card job ${c.emergency ? 'job--urgent' : ''} ${late ? 'job--late' : ''}`}>
                    <View className='job__head'>
                      <View className='job__kind'>
                        {c.emergency ? <Text className='urgent-mark-wb job__urgent'>急修</Text> : null}
                        {c.categoryLabel ?? c.kindLabel}
                        {late ? (
                          <Text className='overdue-mark' id={`mywork-overdue-${c.id}`}>
                            超时
                          </Text>
                        ) : null}
                      </View>
                      <StatusTag status={c.status} label={c.statusLabel} id={`mywork-status-${c.id}`} />
                    </View>
                    <View className='job__where'>
                      <Num>{roomLabel(c.householdId)}</Num>
                      <Text className='muted'>
                        {' '}
                        · {c.location ? LOCATION_LABELS[c.location] : ''} · {c.contactName} <Num>{c.contactPhone}</Num>
                      </Text>
                    </View>
                    <View className='job__content'>
                      <Nums>{excerpt(c.content, 80)}</Nums>
                    </View>
                    {arrival ? (
                      <View className={`job__due ${late ? 'job__due--late' : ''}`} id={`mywork-due-${c.id}`}>
                        <Nums>
                        {arrival.paused
                          ? `计时已暂停${c.paused ? `：${c.paused}` : ''}`
                          : late
                            ? `${remaining(arrival.dueAt, now).text} · 须于${spaced(dayTime(arrival.dueAt, now))} 前到场，请尽快赶到并签到`
                            : c.preferredTime && Date.parse(c.preferredTime.from) > now
                              ? `住户预约${spaced(dayTime(c.preferredTime.from, now))}–${clockTime(c.preferredTime.to)} 上门`
                              : `${left!.text} · 须于${spaced(dayTime(arrival.dueAt, now))} 前到场`}
                        </Nums>
                      </View>
                    ) : c.preferredTime && active(c) ? (
                      <View className='job__due'>
                        预约 <Num>{timeRange(c.preferredTime)}</Num>
                      </View>
                    ) : null}
                    <View className='job__actions'>
                      <Button id={`mywork-print-${c.id}`} size='small' onClick={() => Taro.navigateTo({ url: `/workbench/print/index?id=${encodeURIComponent(c.id)}` })}>
                        工作单
                      </Button>
                      <Button id={`mywork-open-${c.id}`} size='small' type='primary' fill='outline' onClick={() => open(c)}>
                        {c.actions.includes('complete') ? '报价 / 完工' : '查看详情'}
                      </Button>
                      {c.actions.includes('arrive') ? (
                        <Button id={`mywork-arrive-${c.id}`} size='small' type='primary' loading={busy === c.id} onClick={() => arrive(c)}>
                          到场签到
                        </Button>
                      ) : null}
                    </View>
                  </View>
                );
              })}
            </View>
          )}
          {items !== null && cursor ? (
            <Button id='mywork-more' block onClick={() => load(me, true)}>
              加载更多
            </Button>
          ) : null}
          <View className='muted mywork__foot'>
            {emergencyMinutes !== null ? (
              <>
                急修须 <Num>{`${emergencyMinutes} 分钟`}</Num>内到场 ·{' '}
              </>
            ) : null}
            户内有偿维修须住户确认报价后开工
          </View>
        </View>
      )}
    </WbShell>
  );
}
