import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { useListLoad } from '../components/useListLoad';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { Toggle } from '../../components/Toggle';
import { Chips, EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { call, type Input, type Output } from '../../api/client';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { DEADLINE_LABELS, DEPARTMENT_LABELS, KIND_LABELS, STATUS_LABELS } from '../../lib/labels';
import { formatTime, remaining } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import { byUrgency, dueOf } from '../components/due';
import { Num, Nums } from '../../components/Num';

type Q = Input<'workbench', 'queue'>;
type Item = Output<'workbench', 'queue'>['items'][number];
type Staff = Output<'workbench', 'staff'>['items'][number];

const STATUS_OPTS = [
  { value: 'all', label: '全部' },
  ...(['submitted', 'dispatched', 'on_site', 'quoted', 'completed', 'awaiting_callback', 'processing', 'resolved', 'closed', 'cancelled'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const KIND_OPTS = [{ value: 'all', label: '全部' }, ...(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))];
const DEPT_OPTS = [{ value: 'all', label: '全部' }, ...(Object.keys(DEPARTMENT_LABELS) as (keyof typeof DEPARTMENT_LABELS)[]).map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }))];


export default function Queue() {
  const [status, setStatus] = useState('all');
  const [kind, setKind] = useState('all');
  const [dept, setDept] = useState('all');
  const [mine, setMine] = useState(false);
  const [tech, setTech] = useState('all');
  const [late, setLate] = useState(false);
  const [techs, setTechs] = useState<Staff[]>([]);
  const [items, setItems] = useState<Item[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');

  const query = (): Q => ({
    ...(status !== 'all' ? { status: status as Q['status'] } : {}),
    ...(kind !== 'all' ? { kind: kind as Q['kind'] } : {}),
    ...(dept !== 'all' ? { department: dept as Q['department'] } : {}),
    ...(mine ? { mine: true } : {}),
    ...(tech !== 'all' ? { technician: tech } : {}),
    ...(late ? { breached: true } : {}),
  });

  const load = async (more = false) => {
    if (needsLogin()) return;
    try {
      const [r] = await Promise.all([call('workbench', 'queue', { ...query(), ...(more && cursor ? { cursor } : {}) }), syncClock()]);
      setItems((old) => byUrgency(more && old ? [...old, ...r.items] : r.items));
      setCursor(r.cursor);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useListLoad(() => load(), () => setItems(null), [status, kind, dept, mine, tech, late]);

  const onMe = (m: Me) => {
    if (may(m, 'workbench.assign'))
      call('workbench', 'staff', { role: 'technician' }).then(
        (r) => setTechs(r.items),
        () => undefined,
      );
  };

  const lateCount = (items ?? []).filter((c) => dueOf(c).breached).length;
  const waiting = (items ?? []).filter((c) => c.status === 'submitted').length;

  return (
    <WbShell tab='queue' onMe={onMe}>
      {() => (
        <View>
          <View className='wb-head'>
            <View>
              {/* The header names the page (员工工作台 · …): this line says how to work it. */}
              <View className='wb-head__lead'>按紧急程度排序 · 24 小时受理 · 号码已脱敏，进入工单可查看完整联系方式</View>
            </View>
            <Button id='queue-refresh' size='small' onClick={() => load()}>
              刷新
            </Button>
          </View>

          <View className='summary'>
            <View className='stat'>
              <View className='stat__num' id='queue-count'>
                {items ? items.length : '–'}
              </View>
              <View className='stat__label'>当前列表</View>
            </View>
            <View className='stat'>
              <View className='stat__num'>{items ? waiting : '–'}</View>
              <View className='stat__label'>待受理</View>
            </View>
            <View className={`stat ${lateCount ? 'stat--late' : ''}`}>
              <View className='stat__num' id='queue-late-count'>
                {items ? lateCount : '–'}
              </View>
              <View className='stat__label'>已超时</View>
            </View>
          </View>

          <View className='card filters'>
            <View className='filter-row'>
              <View className='filter-row__label'>状态</View>
              <Chips idPrefix='queue-status' value={status} onChange={(v) => v && setStatus(v)} options={STATUS_OPTS} />
            </View>
            <View className='filter-row'>
              <View className='filter-row__label'>类别</View>
              <Chips idPrefix='queue-kind' value={kind} onChange={(v) => v && setKind(v)} options={KIND_OPTS} />
            </View>
            <View className='filter-row'>
              <View className='filter-row__label'>部门</View>
              <Chips idPrefix='queue-dept' value={dept} onChange={(v) => v && setDept(v)} options={DEPT_OPTS} />
            </View>
            {techs.length ? (
              <View className='filter-row'>
                <View className='filter-row__label'>技师</View>
                <Chips
                  idPrefix='queue-tech'
                  value={tech}
                  onChange={(v) => v && setTech(v)}
                  options={[{ value: 'all', label: '全部' }, ...techs.map((t) => ({ value: t.id, label: t.onDuty ? `${t.name}（值班）` : t.name }))]}
                />
              </View>
            ) : null}
            <View className='filter-row filter-row--switches'>
              <View className='filter-row__label'>只看我的</View>
              <Toggle id='queue-mine' label='只看我的' checked={mine} onChange={setMine} />
              <View className='filter-row__label filter-row__label--gap'>只看超时</View>
              <Toggle id='queue-breached' label='只看超时' checked={late} onChange={setLate} />
            </View>
          </View>

          <ErrorNote text={error} id='queue-error' />
          {items === null ? (
            error ? null : <Loading />
          ) : items.length === 0 ? (
            <View className='card'>
              <EmptyState id='queue-empty' title='暂无符合条件的工单' desc='可以调整筛选条件，或通过“代客登记”记录来电、来访。' />
            </View>
          ) : (
            <View className='qt' id='queue-list'>
              <View className='qt-row qt-row--head'>
                <View className='qt-c qt-kind'>类别</View>
                <View className='qt-c qt-house'>房屋</View>
                <View className='qt-content'>内容</View>
                <View className='qt-c qt-contact'>联系人</View>
                <View className='qt-c qt-status'>状态</View>
                <View className='qt-c qt-owner'>负责人</View>
                <View className='qt-c qt-due'>最近时限</View>
              </View>
              {items.map((c) => {
                const { next, breached } = dueOf(c);
                const r = next ? remaining(next.dueAt, serverNow()) : null;
                return (
                  <View
                    key={c.id}
                    id={`queue-item-${c.id}`}
                    className={`qt-row ${breached ? 'qt-row--late' : ''}`}
                    onClick={() => Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(c.id)}` })}
                  >
                    <View className='qt-c qt-kind'>
                      <Text className={`qt-kind__tag ${c.emergency ? 'qt-kind__tag--urgent' : ''}`}>{c.emergency ? '急修' : c.kindLabel}</Text>
                      {c.urged ? (
                        <Text className='urged-mark' id={`queue-urged-${c.id}`}>
                          催办
                        </Text>
                      ) : null}
                      {c.followUp ? (
                        <Text className='urged-mark' id={`queue-followup-${c.id}`}>
                          主管跟进
                        </Text>
                      ) : null}
                      {c.categoryLabel && c.work ? <View className='qt-sub'>{c.categoryLabel}</View> : null}
                      <View className='qt-sub' id={`queue-number-${c.id}`}>
                        <Num>{c.number}</Num>
                      </View>
                    </View>
                    <View className='qt-c qt-house'>
                      <Num>{c.householdId}</Num>
                      <View className='qt-sub'>{c.channelLabel}</View>
                    </View>
                    <View className='qt-content'>
                      <Nums>{c.content}</Nums>
                    </View>
                    <View className='qt-c qt-contact'>
                      <View>{c.contactName}</View>
                      <View className='qt-sub' id={`queue-phone-${c.id}`}>
                        <Num>{c.contactPhone}</Num>
                      </View>
                    </View>
                    <View className='qt-c qt-status'>
                      <StatusTag status={c.status} label={c.statusLabel} id={`queue-status-${c.id}`} />
                    </View>
                    <View className='qt-c qt-owner'>
                      <View>{c.ownerName}</View>
                      <View className='qt-sub' id={`queue-owner-title-${c.id}`}>
                        {c.ownerTitle}
                      </View>
                      {c.work?.technicianName && c.owner !== c.work.technician ? <View className='qt-sub'>技师 {c.work.technicianName}</View> : null}
                    </View>
                    <View className='qt-c qt-due'>
                      {next && r ? (
                        <>
                          <View className={breached ? 'due-late' : ''}>
                            <Text className='qt-due__name'>{DEADLINE_LABELS[next.name] ?? ''}</Text>
                            <Num>{formatTime(next.dueAt)}</Num>
                            {breached ? (
                              <Text className='overdue-mark' id={`queue-overdue-${c.id}`}>
                                超时
                              </Text>
                            ) : null}
                          </View>
                          <View className={`qt-sub ${breached ? 'due-late' : ''}`}><Nums>{next.paused && !breached ? '计时已暂停' : r.text}</Nums></View>
                        </>
                      ) : (
                        <Text className='qt-sub'>—</Text>
                      )}
                    </View>
                  </View>
                );
              })}
            </View>
          )}
          {cursor ? (
            <View style={{ marginTop: '16px' }}>
              <Button id='queue-more' block onClick={() => load(true)}>
                加载更多
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </WbShell>
  );
}
