import { useState } from 'react';
import Taro from '@tarojs/taro';
import { arriveConfirmed } from '../components/arrive';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '../../components/nut';
import { Chips, KV } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, type Me } from '../../lib/session';
import { CALLBACK_METHOD_LABELS, LOCATION_LABELS } from '../../lib/labels';
import { formatTime, timeRange } from '../../lib/format';
import { fenToYuan, money, yuanToFen } from '../../lib/money';

export type CaseView = Output<'workbench', 'get'>;
export type Choices = Output<'workbench', 'assignees'>;
export type Staff = Choices['dispatch'][number];
type Props = { c: CaseView; onDone: (v: CaseView) => void; onError: (msg: string) => void };

/** Runs one action, shows its toast, hands the new view back; errors go to the page's error note. */
function useRun({ onDone, onError }: Pick<Props, 'onDone' | 'onError'>) {
  const [busy, setBusy] = useState('');
  /** `fn` answering null: the staff member chose not to go on (nothing changed, nothing to say). */
  const run = async (name: string, fn: () => Promise<CaseView | null>, ok: string) => {
    setBusy(name);
    onError('');
    try {
      const v = await fn();
      if (!v) return false;
      onDone(v);
      Taro.showToast({ title: ok, icon: 'success' });
      return true;
    } catch (e) {
      onError(messageOf(e));
      return false;
    } finally {
      setBusy('');
    }
  };
  return { busy, run };
}

/** 维修工作单 in the case page: who, when, what was quoted and done. */
export function WorkOrder({ c }: { c: CaseView }) {
  const w = c.work;
  if (!w) return null;
  return (
    <View className='card' id='wb-work'>
      <View className='card__title'>
        维修工作单
        <Text className='link-btn' id='wb-print' onClick={() => Taro.navigateTo({ url: `/workbench/print/index?id=${encodeURIComponent(c.id)}` })}>
          打印工作单 ›
        </Text>
      </View>
      <KV k='维修位置' v={c.location ? `${LOCATION_LABELS[c.location]}${c.location === 'in_home' ? '（有偿，先报价）' : '（免费）'}` : '—'} />
      <KV k='预约时间' v={<Nums>{c.preferredTime ? timeRange(c.preferredTime) : c.emergency ? '急修，立即上门' : '未指定（24 小时内上门）'}</Nums>} />
      <KV k='维修技师' v={<Nums>{w.technicianName ? `${w.technicianName}${w.dispatchedAt ? ` · ${formatTime(w.dispatchedAt)} 派单` : ''}` : '尚未派单'}</Nums>} id='wb-work-tech' />
      <KV k='到场时间' v={<Num>{w.arrivedAt ? formatTime(w.arrivedAt) : '—'}</Num>} id='wb-work-arrived' />
      {w.quote ? (
        <KV
          k='报价'
          v={<Nums>{`${money(w.quote.feeFen)} · ${{ pending: '待住户确认', accepted: '住户已接受', declined: '住户未接受' }[w.quote.decision]}${w.quote.note ? ` · ${w.quote.note}` : ''}`}</Nums>}
          id='wb-work-quote'
        />
      ) : null}
      <KV k='完工时间' v={<Num>{w.completedAt ? formatTime(w.completedAt) : '—'}</Num>} />
      {w.result ? <KV k='维修结果' v={<Nums>{w.result}</Nums>} id='wb-work-result' /> : null}
      {w.materials.length ? <KV k='使用材料' v={<Nums>{w.materials.join('、')}</Nums>} /> : null}
      {w.completedAt ? <KV k='费用' v={<Num>{money(w.feeFen)}</Num>} id='wb-work-fee' /> : null}
      {w.reworks ? <KV k='返工' v={<Num>{`${w.reworks} 次`}</Num>} /> : null}
      {w.confirmedAt ? <KV k='住户确认' v={<Num>{formatTime(w.confirmedAt)}</Num>} /> : null}
      {w.callback ? (
        <KV
          k='回访'
          v={<Nums>{`${CALLBACK_METHOD_LABELS[w.callback.method]} · ${w.callback.outcome === 'satisfied' ? '住户满意' : '发现问题'}${w.callback.note ? ` · ${w.callback.note}` : ''}`}</Nums>}
          id='wb-work-callback'
        />
      ) : null}
    </View>
  );
}

/** The desk dispatches (or re-dispatches) a repair to a technician; the one on duty is marked 值班. */
export function DispatchCard({ c, technicians, ...p }: Props & { technicians: Staff[] }) {
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const { busy, run } = useRun(p);
  if (!c.actions.includes('dispatch')) return null;
  const current = c.work?.technician;
  const submit = () => {
    if (!to) return p.onError('请选择要派单的技师');
    return run('dispatch', () => call('workbench', 'dispatch', { id: c.id, technicianId: to, ...(note.trim() ? { note: note.trim() } : {}) }), '已派单').then((ok) => {
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

/**
 * The technician on the work order: 到场 (arrival time recorded), 报价 (in-home only, in 元), 完工 — as the
 * view's `actions` offer them; while his quote waits on the resident, a note says so.
 */
export function TechnicianCard({ c, me, ...p }: Props & { me: Me }) {
  const [amount, setAmount] = useState('');
  const [quoteNote, setQuoteNote] = useState('');
  const [result, setResult] = useState('');
  const [materials, setMaterials] = useState('');
  const accepted = c.work?.maxFeeFen ?? 0;
  const [fee, setFee] = useState('');
  const { busy, run } = useRun(p);
  if (!c.work) return null;
  const canArrive = c.actions.includes('arrive');
  const canQuote = c.actions.includes('quote');
  const canComplete = c.actions.includes('complete');
  const waitingOnMyQuote = c.status === 'quoted' && c.work.technician === me.id;
  if (!canArrive && !canQuote && !canComplete && !waitingOnMyQuote) return null;

  const quoteFen = yuanToFen(amount);
  const feeFen = fee.trim() ? yuanToFen(fee) : accepted;

  const quote = () => {
    if (quoteFen === null || quoteFen <= 0) return p.onError('请填写正确的报价金额，例如 35 或 35.50（单位：元）');
    if (quoteNote.trim().length < 2) return p.onError('请说明报价包含的项目，例如：更换角阀 1 个（含材料）');
    return run('quote', () => call('workbench', 'quote', { id: c.id, feeFen: quoteFen, note: quoteNote.trim() }), '已发送报价');
  };
  const complete = () => {
    if (result.trim().length < 2) return p.onError('请填写维修结果');
    if (feeFen === null) return p.onError('费用格式有误，请填写金额，例如 35.50（单位：元）');
    if (feeFen > accepted) return p.onError(accepted ? `费用不能超过住户已接受的报价 ¥${fenToYuan(accepted)}` : '未经住户确认报价，本次维修免费，费用请留空');
    const list = materials
      .split(/[,，、;；\n]/)
      .map((m) => m.trim())
      .filter(Boolean);
    return run('complete', () => call('workbench', 'complete', { id: c.id, result: result.trim(), materials: list, feeFen }), '已提交完工');
  };

  return (
    <View className='card act' id='wb-tech'>
      <View className='card__title'>我的维修操作</View>
      {canArrive ? (
        <View className='field'>
          <View className='act__hint'>
            <Nums>{`到达现场后请立即签到，系统记录到场时间${c.emergency ? '（急修须 15 分钟内到场）' : ''}。`}</Nums>
          </View>
          {c.arrivalWarning ? (
            <View className='paused-note' id='wb-arrive-warning'>
              <Nums>{c.arrivalWarning}</Nums>
            </View>
          ) : null}
          <Button id='wb-arrive' type='primary' size='large' block loading={busy === 'arrive'} onClick={() => run('arrive', () => arriveConfirmed(c), '已签到')}>
            到场签到
          </Button>
        </View>
      ) : null}
      {waitingOnMyQuote ? (
        <View className='paused-note'>
          报价 <Num>{money(c.work.quote?.feeFen ?? 0)}</Num> 已发送，等待住户确认后再开始维修。
        </View>
      ) : null}
      {canQuote ? (
        <View className='field' id='wb-quote'>
          <View className='field__label'>有偿维修报价（户内）</View>
          <View className='field__box money-box'>
            <Text className='money-box__sign'>¥</Text>
            <Input id='wb-quote-amount' value={amount} onChange={setAmount} placeholder='金额（元），如 35.50' type='digit' maxLength={10} />
          </View>
          {amount.trim() ? (
            <View className='money-box__echo' id='wb-quote-echo'>
              <Nums>{quoteFen !== null ? `住户将看到报价 ¥${fenToYuan(quoteFen)}` : '金额格式有误：最多两位小数'}</Nums>
            </View>
          ) : null}
          <View className='field__box' style={{ marginTop: '12px' }}>
            <Input id='wb-quote-note' value={quoteNote} onChange={setQuoteNote} placeholder='报价说明，如：更换角阀 1 个（含材料）' maxLength={300} />
          </View>
          <View style={{ marginTop: '12px' }}>
            <Button id='wb-quote-submit' block fill='outline' type='primary' loading={busy === 'quote'} onClick={quote}>
              发送报价给住户确认
            </Button>
          </View>
        </View>
      ) : null}
      {canComplete ? (
        <View id='wb-complete'>
          <View className='field'>
            <View className='field__label'>维修结果</View>
            <View className='field__box field__box--area'>
              <TextArea id='wb-complete-result' value={result} onChange={setResult} placeholder='如：更换洗手池下水管接头，试水 10 分钟无渗漏' maxLength={500} rows={3} />
            </View>
          </View>
          <View className='field'>
            <View className='field__label'>使用材料</View>
            <View className='field__box'>
              <Input id='wb-complete-materials' value={materials} onChange={setMaterials} placeholder='多项用顿号分隔，如：下水管接头、生料带' maxLength={400} />
            </View>
          </View>
          <View className='field'>
            <View className='field__label'>收费（元）</View>
            <View className='field__box money-box'>
              <Text className='money-box__sign'>¥</Text>
              <Input id='wb-complete-fee' value={fee} onChange={setFee} placeholder={accepted ? `默认 ${fenToYuan(accepted)}，即已接受的报价` : '免费维修，无需填写'} type='digit' maxLength={10} disabled={!accepted} />
            </View>
            <View className='money-box__echo'>
              <Nums>{accepted ? `住户已接受报价 ¥${fenToYuan(accepted)}` : c.location === 'common_area' ? '公共区域维修免费' : '未报价的维修免费'}</Nums>
            </View>
          </View>
          <Button id='wb-complete-submit' type='primary' block loading={busy === 'complete'} onClick={complete}>
            提交完工
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 回访 (R-REP-6) by the desk, never the technician who did the work; a problem re-opens the work. */
export function CallbackCard({ c, ...p }: Props) {
  const [method, setMethod] = useState<'phone' | 'visit'>('phone');
  const [outcome, setOutcome] = useState<'satisfied' | 'problem' | ''>('');
  const [note, setNote] = useState('');
  const { busy, run } = useRun(p);
  if (!c.actions.includes('callback')) return null;
  const submit = () => {
    if (!outcome) return p.onError('请选择回访结果');
    if (outcome === 'problem' && note.trim().length < 2) return p.onError('请记录住户反映的问题，便于技师返工');
    return run('callback', () => call('workbench', 'callback', { id: c.id, method, outcome, ...(note.trim() ? { note: note.trim() } : {}) }), outcome === 'satisfied' ? '回访完成' : '已安排返工');
  };
  return (
    <View className='card act' id='wb-callback'>
      <View className='card__title'>回访</View>
      <View className='act__hint'>{c.status === 'completed' ? '住户尚未确认完工，可先电话了解维修效果。' : '住户已确认完工，请回访满意度。'}</View>
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
            { value: 'problem', label: '仍有问题，安排返工' },
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
          <Input id='wb-pause-reason' value={reason} onChange={setReason} placeholder='暂停原因，如：住户出差，约定周六上门' maxLength={200} />
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
