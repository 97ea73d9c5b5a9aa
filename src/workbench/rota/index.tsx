import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { at, dayOf, wallClock } from '../../../core/shanghai';

type Rota = Output<'setup', 'rota'>;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const dayLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAYS[wallClock(at(day, 12)).weekday]}`;
const shiftDays = (day: string, n: number) => dayOf(at(day, 12) + n * 86_400_000);

/** 值班表: who is on duty each shift (白班 08:00–20:00, 夜班 20:00–次日 08:00); the emergency pager follows it. */
export default function RotaPage() {
  const [rota, setRota] = useState<Rota | null>(null);
  const [from, setFrom] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  const load = async (start = from) => {
    if (needsLogin()) return;
    try {
      const r = await call('setup', 'rota', start ? { from: start, days: 7 } : { days: 7 });
      setRota(r);
      setFrom(r.from);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const assign = async (day: string, shift: 'day' | 'night', technicianId: string | null) => {
    setBusy(`${day}-${shift}`);
    setError('');
    try {
      await call('setup', 'setRota', { entries: [{ day, shift, technicianId }] });
      await load(from);
      Taro.showToast({ title: technicianId ? '已安排值班' : '已取消安排', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <WbShell tab='rota'>
      {(me) =>
        !may(me, 'setup.rota') ? (
          <View className='card'>
            <EmptyState title='值班表由经理或客服主管安排' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>急修工单提交后立即呼叫当班技师；未安排的班次呼叫默认值班技师。白班 08:00–20:00，夜班 20:00–次日 08:00（北京时间）</View>
              </View>
              <View className='row' style={{ gap: '12px' }}>
                <Button id='rota-prev' size='small' onClick={() => load(shiftDays(from, -7))} disabled={!from}>
                  上一周
                </Button>
                <Button id='rota-next' size='small' onClick={() => load(shiftDays(from, 7))} disabled={!from}>
                  下一周
                </Button>
              </View>
            </View>
            <ErrorNote text={error} id='rota-error' />
            {rota === null ? (
              error ? null : <Loading />
            ) : (
              <>
                <View className='notice notice--info' id='rota-now' role='status'>
                  {rota.onDutyNow ? `当前值班：${rota.onDutyNow.name}（${rota.onDutyNow.source === 'rota' ? '按值班表' : '默认值班技师'}），急修将立即呼叫该技师。` : '当前没有值班技师，请尽快安排，以免急修无人响应。'}
                </View>
                {rota.technicians.length === 0 ? (
                  <View className='card'>
                    <EmptyState title='本小区暂无维修技师' desc='请先在「员工管理」中邀请维修技师。' />
                  </View>
                ) : (
                  <View className='qt' id='rota-table'>
                    {rota.days.map((d) => (
                      <View key={d.day} id={`rota-${d.day}`} className='qt-row' style={{ cursor: 'default', alignItems: 'flex-start' }}>
                        <View className='qt-c' style={{ width: '170px' }}>
                          <Text>{dayLabel(d.day)}</Text>
                        </View>
                        {d.shifts.map((s) => (
                          <View key={s.shift} className='qt-content' id={`rota-${d.day}-${s.shift}`}>
                            <View className='qt-sub'>
                              {rota.shifts.find((x) => x.shift === s.shift)?.label}
                              {s.current ? ' · 当前班次' : ''}
                              {busy === `${d.day}-${s.shift}` ? ' · 保存中…' : ''}
                            </View>
                            {s.past ? (
                              <Text>{s.name ?? '未安排'}（已结束）</Text>
                            ) : (
                              <Chips
                                idPrefix={`rota-${d.day}-${s.shift}-tech`}
                                allowNone
                                value={s.technicianId ?? ''}
                                onChange={(v) => assign(d.day, s.shift, v || null)}
                                options={rota.technicians.map((t) => ({ value: t.id, label: t.name }))}
                              />
                            )}
                          </View>
                        ))}
                      </View>
                    ))}
                  </View>
                )}
              </>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
