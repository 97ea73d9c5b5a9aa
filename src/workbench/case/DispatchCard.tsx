import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '../../components/nut';
import { call } from '../../api/client';
import { useRun, type Props, type Staff } from './actions';

/** The desk dispatches (or re-dispatches) a repair to a technician; the one on duty is marked 值班. */
export function DispatchCard({ c, technicians, ...p }: Props & { technicians: Staff[] }) {
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const { busy, run } = useRun(p);
  if (!c.actions.includes('dispatch')) return null;
  const current = c.work?.technician;
  const submit = () => {
    if (!to) return p.onError('请选择要派单的技师');
    return run('dispatch', () => call('workbench', 'dispatch', { id: c.id, version: c.version, technicianId: to, ...(note.trim() ? { note: note.trim() } : {}) }), '已派单').then((ok) => {
      if (ok) {
        setTo('');
        setNote('');
      }
    });
  };
  return (
    <View className='card act' id='wb-dispatch'>
      <View className='card__title'>{current ? '改派技师' : '派单'}</View>
      <View className='act__hint'>{current ? `当前由${c.work?.technicianName}负责，改派后原技师不再处理。` : '派单后技师会收到维修工作单通知。'}</View>
      {technicians.map((s) => (
        <View
          key={s.id}
          id={`wb-dispatch-to-${s.id}`}
          className={`staff-opt ${to === s.id ? 'staff-opt--on' : ''} ${s.id === current ? 'staff-opt--self' : ''}`}
          onClick={() => s.id !== current && setTo(s.id)}
        >
          <Text>
            {s.name}
            {s.onDuty ? <Text className='duty'>值班</Text> : null}
          </Text>
          <Text className='muted'>{s.id === current ? '当前技师' : s.roleLabel}</Text>
        </View>
      ))}
      <View className='field' style={{ marginTop: '12px' }}>
        <View className='field__box'>
          <Input id='wb-dispatch-note' value={note} onChange={setNote} placeholder='派单说明（选填），例如：请带疏通工具' maxLength={200} />
        </View>
      </View>
      <Button id='wb-dispatch-submit' type='primary' block loading={busy === 'dispatch'} onClick={submit}>
        {current ? '确认改派' : '确认派单'}
      </Button>
    </View>
  );
}
