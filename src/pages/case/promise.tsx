import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nut';
import { ErrorNote } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { ApiError, call } from '../../api/client';
import { messageOf } from '../../lib/session';
import { CALLBACK_METHOD_LABELS } from '../../lib/labels';
import { clockTime, dayTime, spaced, formatTime, remaining, timeRange } from '../../lib/format';
import type { CaseView } from './repair';

type Work = NonNullable<CaseView['work']>;

/** Whether the arrival promise is running (counting down, or counting the minutes past it): drives the tick. */
export function arrivalLive(c: CaseView): boolean {
  const a = c.deadlines.find((d) => d.name === 'arrival');
  return !!a && !a.metAt && !a.paused && c.open;
}

/**
 * The live promise (R-REP-3/4) as time left, on the platform's clock: 剩余 14 分 57 秒, each second, under
 * 技师将于 10:32 前到达; 已超时 3 分 when missed (and who now follows it, in resident words: 客服主管周丽已亲自跟进); 计时已暂停 with the reason while
 * paused; then the arrival (按时, 早于预约 or late), the work and the callback.
 */
export function RepairPromise({ c, now, onChange }: { c: CaseView; now: number; onChange: (v: CaseView) => void }) {
  const work = c.work as Work;
  const arrival = c.deadlines.find((d) => d.name === 'arrival');
  const callback = c.deadlines.find((d) => d.name === 'callback');
  // The arrival promise is kept (met) on arrival, or ends with a cancelled or closed case.
  const waitingArrival = !!arrival && !arrival.metAt;
  const dueMs = arrival ? Date.parse(arrival.dueAt) : 0;
  const late = !!arrival && (arrival.breached || (waitingArrival && !arrival.paused && now >= dueMs));

  let tone = 'live';
  let title = '';
  let face: string | null = null;
  let text = '';
  if (c.status === 'cancelled') {
    tone = 'done';
    title = '工单已撤销';
    text = '如仍需维修，欢迎随时重新报修。';
  } else if (waitingArrival && arrival!.paused && !late) {
    tone = 'paused';
    title = '计时已暂停';
    text = `暂停原因：${c.paused ?? '等待住户'}。恢复后将继续为您计时。`;
  } else if (waitingArrival && late) {
    tone = 'late';
    title = remaining(arrival!.dueAt, now).text;
    text = `很抱歉，技师未能在承诺的${spaced(dayTime(arrival!.dueAt, now))} 前到达。${c.escalationLevel ? `${c.ownerTitle.split(' · ')[0]}${c.ownerName}已亲自跟进，` : ''}我们正在全力协调，请您稍候。`;
  } else if (waitingArrival && c.preferredTime && Date.parse(c.preferredTime.from) > now) {
    // Booked for later: the appointment is the promise; the countdown starts when the window opens.
    title = `技师将于${spaced(dayTime(c.preferredTime.from, now))}–${clockTime(c.preferredTime.to)} 上门`;
    text = work.technicianName ? `已为您预约，技师${work.technicianName}上门前会先与您电话联系` : '已为您预约，工程部正在安排技师，上门前会先与您电话联系';
  } else if (waitingArrival) {
    title = `技师将于${spaced(dayTime(arrival!.dueAt, now))} 前到达`;
    face = remaining(arrival!.dueAt, now, true).text;
    text = c.emergency
      ? work.technicianName
        ? `急修 · 值班技师${work.technicianName}已接单，正在赶来，请注意安全`
        : '急修 · 正在呼叫值班技师'
      : c.preferredTime
        ? `按您预约的时间 ${timeRange(c.preferredTime)} 上门`
        : work.technicianName
          ? `技师${work.technicianName}已接单，上门前会先与您电话联系`
          : '正在为您安排技师，上门前会先与您电话联系';
  } else if (c.status === 'on_site') {
    title = '技师已到场，正在维修';
    text = `${clockTime(work.arrivedAt)} 到场${arrival?.breached ? '（晚于承诺时间，再次向您致歉）' : arrival?.early ? '（早于您预约的时间，技师已与您确认）' : '，按时到达'}`;
  } else if (c.status === 'quoted') {
    tone = 'paused';
    title = '等待您确认报价';
    text = '计时已暂停：户内有偿维修需您确认报价后才开始。';
  } else if (c.status === 'completed') {
    tone = 'action';
    title = '维修已完成，请您确认';
    text = `${formatTime(work.completedAt)} 完工。如仍有问题，请点“还有问题”，我们会安排返工。`;
  } else if (c.status === 'awaiting_callback') {
    tone = 'done';
    title = '感谢您的确认';
    text = callback && !callback.metAt ? `客服将于${spaced(dayTime(callback.dueAt, now))} 前回访，了解您的满意度。` : '客服将尽快回访。';
  } else if (c.status === 'closed') {
    tone = 'done';
    title = work.completedAt ? '维修已完成' : '工单已关闭';
    text = work.callback ? `${formatTime(work.callback.at)} 已${CALLBACK_METHOD_LABELS[work.callback.method]}，感谢您的支持。` : (c.resolution ?? '');
  }

  return (
    <View className={`promise promise--${tone}`} id='case-promise' data-tone={tone}>
      <View className='promise__title' id='case-promise-title'>
        <Nums>{title}</Nums>
      </View>
      {face ? (
        <View className='promise__clock'>
          <Text className='promise__face' id='case-countdown'>
            {face.split(/(\d+)/).map((part, i) => (
              <Text key={i} className={/^\d+$/.test(part) ? 'promise__num' : 'promise__unit'}>
                {part}
              </Text>
            ))}
          </Text>
        </View>
      ) : null}
      {text ? (
        <View className='promise__text' id='case-promise-text'>
          <Nums>{text}</Nums>
        </View>
      ) : null}
      {work.technician ? (
        <View className='tech' id='case-technician'>
          <View className='tech__avatar'>{(work.technicianName ?? '技').slice(0, 1)}</View>
          <View className='grow'>
            <View className='tech__name'>
              {work.technicianName}
              <Text className='tech__role'>维修技师</Text>
            </View>
            <View className='tech__sub'>
              <Nums>
                {[work.dispatchedAt ? `${formatTime(work.dispatchedAt)} 派单` : '', work.arrivedAt ? `${clockTime(work.arrivedAt)} 到场` : '', work.reworks ? `返工 ${work.reworks} 次` : '']
                  .filter(Boolean)
                  .join(' · ')}
              </Nums>
            </View>
          </View>
        </View>
      ) : null}
      <UrgeButton c={c} now={now} onChange={onChange} />
    </View>
  );
}

/** 催单 when the view offers it; after use the button rests until `nextUrgeAt` with a polite note (RATE.LIMITED is shown too). */
function UrgeButton({ c, now, onChange }: { c: CaseView; now: number; onChange: (v: CaseView) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!c.actions.includes('urge')) return null;
  const resting = !!c.nextUrgeAt && now < Date.parse(c.nextUrgeAt);
  const urge = async () => {
    setBusy(true);
    setError('');
    try {
      onChange(await call('case', 'urge', { id: c.id }));
      Taro.showToast({ title: '已催办', icon: 'success' });
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'RATE.LIMITED' ? e.message : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='urge'>
      <Button id='case-urge' size='large' block fill='outline' type='primary' disabled={resting} loading={busy} onClick={urge}>
        {resting ? '已催办' : '催一催'}
      </Button>
      {resting ? (
        <View className='urge__note' id='case-urge-note'>
          您已于 <Num>{clockTime(c.lastUrgedAt)}</Num> 催办，我们已通知负责人加紧处理，感谢您的耐心。如需再次催办，请于 <Num>{clockTime(c.nextUrgeAt)}</Num> 后操作。
        </View>
      ) : null}
      <ErrorNote text={error} id='case-urge-error' />
    </View>
  );
}

