import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input, TextArea } from '../../components/nut';
import { Nums } from '../../components/Num';
import { call } from '../../api/client';
import { useRun, type Props } from './actions';

/** Pauses the clocks while waiting on the resident (住户不在家、等配件), with the reason; resumes them. */
export function PauseCard(p: Props) {
  const { c } = p;
  const [reason, setReason] = useState('');
  const { busy, run } = useRun(p);
  if (c.actions.includes('resume')) {
    return (
      <View className='card act' id='wb-pause'>
        <View className='card__title'>计时已暂停</View>
        <View className='paused-note' id='wb-paused-reason'>
          <Nums>{`暂停原因：${c.paused}`}</Nums>
        </View>
        <Button id='wb-resume' type='primary' fill='outline' block loading={busy === 'resume'} onClick={() => run('resume', () => call('workbench', 'resume', { id: c.id }), '已恢复计时')}>
          恢复计时
        </Button>
      </View>
    );
  }
  if (!c.actions.includes('pause')) return null;
  const submit = () => {
    if (reason.trim().length < 2) return p.onError('请填写暂停原因，住户会看到这条说明');
    return run('pause', () => call('workbench', 'pause', { id: c.id, reason: reason.trim() }), '已暂停计时').then((ok) => ok && setReason(''));
  };
  return (
    <View className='card act' id='wb-pause'>
      <View className='card__title'>暂停计时</View>
      <View className='act__hint'>因住户原因无法继续时（如住户不在家、约定改期），暂停后时限顺延，住户可看到原因。</View>
      <View className='field'>
        <View className='field__box'>
          <Input id='wb-pause-reason' value={reason} onChange={setReason} placeholder='暂停原因，如：住户出差' maxLength={200} />
        </View>
      </View>
      <Button id='wb-pause-submit' fill='outline' type='primary' block loading={busy === 'pause'} onClick={submit}>
        暂停计时
      </Button>
    </View>
  );
}

/** R-ESC-4: only the manager closes what cannot be handled, with a written reason. */
export function CloseCard(p: Props) {
  const { c } = p;
  const [reason, setReason] = useState('');
  const { busy, run } = useRun(p);
  if (!c.actions.includes('closeUnresolvable')) return null;
  const submit = async () => {
    if (reason.trim().length < 10) return p.onError('请写明无法处理的原因（至少 10 个字），住户会看到这段说明');
    const { confirm } = await Taro.showModal({ title: '无法处理关闭', content: '关闭后工单结束，住户会收到说明。确定关闭吗？', confirmText: '确定关闭', confirmColor: '#d6453d' });
    if (!confirm) return;
    return run('close', () => call('workbench', 'closeUnresolvable', { id: c.id, reason: reason.trim() }), '已关闭');
  };
  return (
    <View className='card act card--danger' id='wb-close'>
      <View className='card__title'>无法处理关闭</View>
      <View className='act__hint'>仅经理可操作。请写明原因及已做的努力，住户会看到这段说明。</View>
      <View className='field'>
        <View className='field__box field__box--area'>
          <TextArea id='wb-close-reason' value={reason} onChange={setReason} placeholder='如：该管道属市政供水管网，已报自来水公司，并告知住户报修电话' maxLength={1000} rows={3} />
        </View>
      </View>
      <Button id='wb-close-submit' type='danger' fill='outline' block loading={busy === 'close'} onClick={submit}>
        无法处理，关闭工单
      </Button>
    </View>
  );
}
