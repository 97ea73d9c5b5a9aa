import { View } from '@tarojs/components';
import { isoAt } from '../../lib/format';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const SLOTS = [
  { key: 'am', label: '上午', from: 9, to: 12 },
  { key: 'pm', label: '下午', from: 14, to: 18 },
  { key: 'eve', label: '晚上', from: 18, to: 21 },
] as const;
export type SlotKey = (typeof SLOTS)[number]['key'];
export type Calendar = ReturnType<typeof days>;

/** The next three days (community time) with the slots that have not started yet. */
export function days(now: number) {
  const today = isoAt(now).slice(0, 10);
  return [0, 1, 2].map((i) => {
    const date = isoAt(Date.parse(`${today}T12:00:00+08:00`) + i * 86_400_000).slice(0, 10);
    const [, mo, d] = date.split('-');
    const wd = WEEKDAYS[new Date(`${date}T12:00:00+08:00`).getUTCDay()];
    const at = (h: number) => `${date}T${String(h).padStart(2, '0')}:00:00+08:00`;
    const slots = SLOTS.filter((s) => Date.parse(at(s.from)) > now).map((s) => ({ ...s, range: { from: at(s.from), to: at(s.to) } }));
    return { i, date, label: `${['今天', '明天', '后天'][i]}`, sub: `${Number(mo)}/${Number(d)} ${wd}`, slots };
  });
}

/** 方便上门的时间: three days, and the slots of the chosen day that have not started; or 尽快安排. */
export function TimePicker(p: { calendar: Calendar; dayIdx: number; slot: SlotKey | 'asap'; onDay: (i: number) => void; onSlot: (s: SlotKey | 'asap') => void }) {
  const chosenDay = p.calendar[p.dayIdx];
  return (
    <>
      <View className='days'>
        {p.calendar.map((d) => (
          <View key={d.i} id={`repair-day-${d.i}`} className={`day ${p.dayIdx === d.i ? 'day--on' : ''} ${d.slots.length ? '' : 'day--off'}`} aria-disabled={!d.slots.length} onClick={() => d.slots.length && p.onDay(d.i)}>
            <View className='day__label'>{d.label}</View>
            <View className='day__sub'>{d.sub}</View>
          </View>
        ))}
      </View>
      <View className='chips slots'>
        <View id='repair-slot-asap' className={`chip ${p.slot === 'asap' ? 'chip--on' : ''}`} onClick={() => p.onSlot('asap')}>
          尽快安排
        </View>
        {SLOTS.map((s) => {
          const ok = chosenDay.slots.some((x) => x.key === s.key);
          return (
            <View key={s.key} id={`repair-slot-${s.key}`} className={`chip ${p.slot === s.key ? 'chip--on' : ''} ${ok ? '' : 'chip--off'}`} aria-disabled={!ok} onClick={() => ok && p.onSlot(s.key)}>
              {s.label} {String(s.from).padStart(2, '0')}:00–{s.to}:00
            </View>
          );
        })}
      </View>
    </>
  );
}
