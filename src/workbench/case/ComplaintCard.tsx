import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '../../components/nut';
import { Chips, KV } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call } from '../../api/client';
import { formatTime } from '../../lib/format';
import { useRun, type Choices, type Props } from './actions';

const LEVELS = [
  { value: 'major', label: '重大', hint: '当日报告经理，2 天内明确答复，10 天内解决' },
  { value: 'serious', label: '重要', hint: '1 小时内移交部门主管，3 天内解决' },
  { value: 'minor', label: '一般', hint: '2 天内解决（住户要求更早的，按住户时间）' },
] as const;

/** What the resident recorded (R-CMP-1), for the desk. */
export function ComplaintFacts({ c }: Pick<Props, 'c'>) {
  const r = c.complaint;
  if (!r) return null;
  return (
    <View className='card' id='wb-complaint'>
      <View className='card__title'>投诉记录{r.levelLabel ? ` · ${r.levelLabel}` : ' · 待分级'}</View>
      {r.harmOngoing ? <View className='follow-note' id='wb-complaint-harm'>住户反映损害仍在发生：请先到场制止，再按流程处理。</View> : null}
      {r.occurredAt ? <KV k='发生时间' v={<Num>{formatTime(r.occurredAt)}</Num>} /> : null}
      {r.place ? <KV k='发生地点' v={<Nums>{r.place}</Nums>} /> : null}
      {r.subject ? <KV k='投诉对象' v={<Nums>{r.subject}</Nums>} /> : null}
      {r.asks ? <KV k='住户诉求' v={<Nums>{r.asks}</Nums>} /> : null}
      {r.wantedBy ? <KV k='希望解决' v={<><Num>{formatTime(r.wantedBy)}</Num> 前</>} /> : null}
      {r.invalidReason ? <KV k='无效原因' v={<Nums>{r.invalidReason}</Nums>} /> : null}
    </View>
  );
}

/**
 * The complaint's steps at the desk (R-CMP-2, R-CMP-3, R-CMP-5): classify (and re-classify), first contact,
 * answer as invalid, archive. Which of them show is the view's `actions` (core decides).
 */
export function ComplaintCard({ c, staff, ...p }: Props & { staff: Choices['assign'] }) {
  const [level, setLevel] = useState<string>(c.level ?? '');
  const [about, setAbout] = useState('');
  const [contactNote, setContactNote] = useState('');
  const [reason, setReason] = useState('');
  const { busy, run } = useRun(p);
  if (!c.complaint) return null;
  const can = (a: string) => c.actions.includes(a as never);
  const classify = () => {
    if (!level) return p.onError('请选择投诉等级');
    return run('classify', () => call('workbench', 'classify', { id: c.id, level: level as 'major', ...(about ? { aboutStaff: about } : {}) }), '已分级');
  };
  const contact = () => {
    if (contactNote.trim().length < 2) return p.onError('请填写联系记录');
    return run('contact', () => call('workbench', 'contact', { id: c.id, note: contactNote.trim() }), '已记录联系');
  };
  const invalid = () => {
    if (reason.trim().length < 5) return p.onError('请写明判定无效的原因（至少 5 个字），该原因会告知住户');
    return run('invalid', () => call('workbench', 'markInvalid', { id: c.id, reason: reason.trim() }), '已答复住户');
  };
  return (
    <>
      {can('classify') ? (
        <View className='card act' id='wb-classify'>
          <View className='card__title'>{c.level ? '调整投诉等级' : '投诉分级'}</View>
          <Chips idPrefix='wb-level' value={level} onChange={(v) => setLevel(v ?? '')} options={LEVELS.map((l) => ({ value: l.value, label: l.label }))} />
          <View className='act__hint'>{LEVELS.find((l) => l.value === level)?.hint ?? '各等级时限自受理时起计'}</View>
          {staff.length ? (
            <View className='field'>
              <View className='field__label'>涉及员工（选填，被投诉人看不到本投诉）</View>
              <Chips idPrefix='wb-about' allowNone value={about} onChange={(v) => setAbout(v ?? '')} options={staff.filter((s) => !s.current).map((s) => ({ value: s.id, label: s.name }))} />
            </View>
          ) : null}
          <Button id='wb-classify-submit' type='primary' block loading={busy === 'classify'} onClick={classify}>
            确认分级
          </Button>
        </View>
      ) : null}
      {can('contact') ? (
        <View className='card act' id='wb-contact'>
          <View className='card__title'>联系住户</View>
          <View className='act__hint'>{c.complaint.contactedAt ? '已首次联系，可继续记录沟通情况。' : '请先与住户取得联系，了解情况并致歉。'}</View>
          <View className='field'>
            <View className='field__box field__box--area'>
              <TextArea id='wb-contact-note' value={contactNote} onChange={setContactNote} placeholder='联系记录（仅内部可见），如：电话联系住户，已致歉并说明处理安排' maxLength={1000} rows={3} />
            </View>
          </View>
          <Button id='wb-contact-submit' type='primary' fill='outline' block loading={busy === 'contact'} onClick={contact}>
            记录联系
          </Button>
        </View>
      ) : null}
      {can('markInvalid') ? (
        <View className='card act' id='wb-invalid'>
          <View className='card__title'>无效投诉</View>
          <View className='act__hint'>判定无效也要答复住户：原因会告知住户，投诉存档。</View>
          <View className='field'>
            <View className='field__box field__box--area'>
              <TextArea id='wb-invalid-reason' value={reason} onChange={setReason} placeholder='如：经核实该商铺不属本小区物业管理范围，已转告街道城管' maxLength={500} rows={3} />
            </View>
          </View>
          <Button id='wb-invalid-submit' fill='outline' block loading={busy === 'invalid'} onClick={invalid}>
            判定无效并答复住户
          </Button>
        </View>
      ) : null}
      {can('close') ? (
        <View className='card act' id='wb-archive'>
          <View className='card__title'>结案归档</View>
          <View className='act__hint'>已答复住户。归档后投诉记录永久保存。</View>
          <Button id='wb-archive-submit' type='primary' block loading={busy === 'archive'} onClick={() => run('archive', () => call('workbench', 'close', { id: c.id }), '已归档')}>
            结案归档
          </Button>
        </View>
      ) : null}
    </>
  );
}
