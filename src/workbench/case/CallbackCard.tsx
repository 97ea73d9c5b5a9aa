import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '../../components/nut';
import { Chips } from '../../components/ui';
import { call } from '../../api/client';
import { CALLBACK_METHOD_LABELS } from '../../lib/labels';
import { useRun, type Props } from './actions';

/** 回访 (R-REP-6) by the desk, never the technician who did the work; a problem re-opens the work. */
export function CallbackCard({ c, ...p }: Props) {
  const [method, setMethod] = useState<'phone' | 'visit'>('phone');
  const [outcome, setOutcome] = useState<'satisfied' | 'problem' | ''>('');
  const [note, setNote] = useState('');
  const { busy, run } = useRun(p);
  if (!c.actions.includes('callback')) return null;
  const submit = () => {
    if (!outcome) return p.onError('请选择回访结果');
    if (outcome === 'problem' && note.trim().length < 2) return p.onError(c.complaint ? '请记录住户反映的问题，便于继续处理' : '请记录住户反映的问题，便于技师返工');
    return run('callback', () => call('workbench', 'callback', { id: c.id, method, outcome, ...(note.trim() ? { note: note.trim() } : {}) }), outcome === 'satisfied' ? '回访完成' : '已安排返工');
  };
  return (
    <View className='card act' id='wb-callback'>
      <View className='card__title'>回访</View>
      <View className='act__hint'>{c.complaint ? '已告知住户处理结果，请回访住户是否满意（回访人不能是处理人）。' : c.status === 'completed' ? '住户尚未确认完工，可先电话了解维修效果。' : '住户已确认完工，请回访满意度。'}</View>
      <View className='field'>
        <View className='field__label'>回访方式</View>
        <Chips idPrefix='wb-callback-method' value={method} onChange={(v) => v && setMethod(v as 'phone' | 'visit')} options={(['phone', 'visit'] as const).map((m) => ({ value: m, label: CALLBACK_METHOD_LABELS[m] }))} />
      </View>
      <View className='field'>
        <View className='field__label'>回访结果</View>
        <Chips
          idPrefix='wb-callback-outcome'
          value={outcome}
          onChange={(v) => setOutcome(v as 'satisfied' | 'problem' | '')}
          options={[
            { value: 'satisfied', label: '住户满意，关闭工单' },
            { value: 'problem', label: c.complaint ? '仍有问题，继续处理' : '仍有问题，安排返工' },
          ]}
        />
      </View>
      <View className='field'>
        <View className='field__box field__box--area'>
          <TextArea id='wb-callback-note' value={note} onChange={setNote} placeholder='回访记录，如：住户表示已不再漏水，对维修很满意' maxLength={500} rows={3} />
        </View>
      </View>
      <Button id='wb-callback-submit' type='primary' block loading={busy === 'callback'} onClick={submit}>
        提交回访记录
      </Button>
    </View>
  );
}
