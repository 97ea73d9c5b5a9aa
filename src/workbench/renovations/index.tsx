import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { useListLoad } from '../components/useListLoad';
import { Button } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { call, type Input, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime, remaining } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import { RENOVATION_STATUSES, RENOVATION_STATUS_LABELS } from '../../../core/domain/renovation/vocabulary';
import '../renovation.scss';

type Item = Output<'renovation', 'list'>['items'][number];
type Status = NonNullable<Input<'renovation', 'list'>['status']>;

const STATUS_OPTS = [{ value: 'all', label: '全部' }, ...RENOVATION_STATUSES.map((s) => ({ value: s, label: RENOVATION_STATUS_LABELS[s] }))];
const TONE: Record<string, string> = { submitted: 'primary', returned: 'warning', approved: 'success', in_progress: 'primary', accepted: 'success', refunded: 'default' };

/** The next promise of an application (审核, 巡查, 整改) and whether one has been missed: from the view's deadlines. */
const nextDue = (a: Item) => {
  const open = a.deadlines.filter((d) => !d.metAt).sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
  return { next: open[0] ?? null, breached: a.deadlines.some((d) => d.breached && !d.metAt) };
};

/** 装修管理: the officer's queue of applications — 待审核 first, then the works under way by their next inspection. */
export default function WbRenovations() {
  const [status, setStatus] = useState('all');
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState('');

  const load = async () => {
    if (needsLogin()) return;
    try {
      const [r] = await Promise.all([call('renovation', 'list', status !== 'all' ? { status: status as Status } : {}), syncClock()]);
      setItems(r.items);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useListLoad(() => load(), () => setItems(null), [status]);

  const list = items ?? [];
  const count = (s: string) => list.filter((a) => a.status === s).length;
  const late = list.filter((a) => nextDue(a).breached).length;

  return (
    <WbShell tab='renovations'>
      {() => (
        <View>
          <View className='wb-head'>
            <View className='wb-head__lead'>装修申请审核、闭水试验、巡查、违章整改与竣工验收 · 身份证号已脱敏</View>
            <Button id='renos-refresh' size='small' onClick={() => load()}>
              刷新
            </Button>
          </View>
          <View className='summary'>
            <View className='stat'>
              <View className='stat__num' id='renos-submitted'>
                {items ? count('submitted') : '–'}
              </View>
              <View className='stat__label'>待审核</View>
            </View>
            <View className='stat'>
              <View className='stat__num'>{items ? count('in_progress') + count('approved') : '–'}</View>
              <View className='stat__label'>已批准 / 施工中</View>
            </View>
            <View className={`stat ${late ? 'stat--late' : ''}`}>
              <View className='stat__num' id='renos-late'>
                {items ? late : '–'}
              </View>
              <View className='stat__label'>已超时</View>
            </View>
          </View>
          <View className='card filters'>
            <View className='filter-row'>
              <View className='filter-row__label'>状态</View>
              <Chips idPrefix='renos-status' value={status} onChange={(v) => v && setStatus(v)} options={STATUS_OPTS} />
            </View>
          </View>
          <ErrorNote text={error} id='renos-error' />
          {items === null ? (
            error ? null : <Loading />
          ) : items.length === 0 ? (
            <View className='card'>
              <EmptyState id='renos-empty' title='暂无装修申请' desc='住户在线提交装修申请后，会出现在这里。' />
            </View>
          ) : (
            <View className='qt' id='renos-list'>
              <View className='qt-row qt-row--head'>
                <View className='qt-c qt-renonum'>编号</View>
                <View className='qt-c qt-house'>房屋</View>
                <View className='qt-content'>装修方案</View>
                <View className='qt-c qt-contact'>申请人</View>
                <View className='qt-c qt-status'>状态</View>
                <View className='qt-c qt-due'>最近时限</View>
              </View>
              {items.map((a) => {
                const { next, breached } = nextDue(a);
                const r = next ? remaining(next.dueAt, serverNow()) : null;
                return (
                  <View key={a.id} id={`renos-item-${a.id}`} className={`qt-row ${breached ? 'qt-row--late' : ''}`} onClick={() => Taro.navigateTo({ url: `/workbench/renovation/index?id=${encodeURIComponent(a.id)}` })}>
                    <View className='qt-c qt-renonum'>
                      <Num>{a.number}</Num>
                      <View className='qt-sub'>{a.structuralChange ? '拆改主体结构' : '一般装修'}</View>
                    </View>
                    <View className='qt-c qt-house'>
                      <Num>{a.householdId}</Num>
                    </View>
                    <View className='qt-content'>{a.plan.length > 40 ? `${a.plan.slice(0, 40)}…` : a.plan}</View>
                    <View className='qt-c qt-contact'>{a.applicantName}</View>
                    <View className='qt-c qt-status'>
                      <View className={`status status--${TONE[a.status]}`} id={`renos-status-${a.id}`}>
                        {a.statusLabel}
                      </View>
                    </View>
                    <View className='qt-c qt-due'>
                      {next && r ? (
                        <View className={breached ? 'due-late' : ''}>
                          <Text className='qt-due__name'>{next.label}</Text>
                          <Num>{formatTime(next.dueAt)}</Num>
                          {breached ? (
                            <Text className='overdue-mark' id={`renos-overdue-${a.id}`}>
                              超时
                            </Text>
                          ) : null}
                          <View className='qt-sub'>{r.text}</View>
                        </View>
                      ) : (
                        <Text className='qt-sub'>—</Text>
                      )}
                    </View>
                  </View>
                );
              })}
            </View>
          )}
        </View>
      )}
    </WbShell>
  );
}
