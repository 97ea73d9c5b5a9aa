import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Rate, TextArea } from '../../components/nut';
import { ErrorNote, KV } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf } from '../../lib/session';
import { askSubscribe, prefetchSubscribeTemplates } from '../../lib/subscribe';
import { CALLBACK_METHOD_LABELS, LOCATION_LABELS } from '../../lib/labels';
import { formatTime, timeRange } from '../../lib/format';
import { money } from '../../lib/money';

export type CaseView = Output<'case', 'get'>;
type Work = NonNullable<CaseView['work']>;

const STAR_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'];

/** The work order as the resident sees it: where, when, who, what was done, materials and the fee. */
export function WorkSummary({ c }: { c: CaseView }) {
  const work = c.work as Work;
  return (
    <View className='card' id='case-work'>
      <View className='card__title'>维修信息</View>
      <KV k='维修位置' v={c.location ? `${LOCATION_LABELS[c.location]}${c.location === 'in_home' ? '（有偿维修，先报价）' : '（免费维修）'}` : '—'} id='case-location' />
      {c.preferredTime ? <KV k='预约时间' v={<Num>{timeRange(c.preferredTime)}</Num>} id='case-preferred' /> : null}
      {work.quote ? (
        <KV
          k='维修报价'
          v={<Nums>{`${money(work.quote.feeFen)}（${{ pending: '待您确认', accepted: '已接受', declined: '未接受' }[work.quote.decision]}）${work.quote.note ? ` · ${work.quote.note}` : ''}`}</Nums>}
          id='case-quote-summary'
        />
      ) : null}
      {work.completedAt ? (
        <>
          <KV k='维修结果' v={<Nums>{work.result}</Nums>} id='case-result' />
          {work.materials.length ? <KV k='使用材料' v={<Nums>{work.materials.join('、')}</Nums>} /> : null}
          <KV k='维修费用' v={<Num>{money(work.feeFen)}</Num>} id='case-fee' />
        </>
      ) : null}
      {work.callback ? <KV k='回访' v={`${CALLBACK_METHOD_LABELS[work.callback.method]} · ${work.callback.outcome === 'satisfied' ? '满意' : '发现问题，已安排返工'}`} /> : null}
    </View>
  );
}

/** R-REP-2: paid in-home work starts only after the resident accepts the quote. */
export function QuoteCard({ c, onChange }: { c: CaseView; onChange: (v: CaseView) => void }) {
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const q = c.work?.quote;
  useEffect(prefetchSubscribeTemplates, []);
  if (!q || !c.actions.includes('acceptQuote')) return null;
  const run = async (what: 'accept' | 'decline') => {
    if (what === 'accept') askSubscribe(['caseProgress']); // from the tap, before any await
    setBusy(what);
    setError('');
    try {
      const v = what === 'accept' ? await call('case', 'acceptQuote', { id: c.id }) : await call('case', 'declineQuote', { id: c.id, ...(note.trim() ? { note: note.trim() } : {}) });
      onChange(v);
      Taro.showToast({ title: what === 'accept' ? '已接受报价' : '已取消维修', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };
  return (
    <View className='card action-card' id='case-quote'>
      <View className='card__title'>维修报价待您确认</View>
      <View className='quote__amount' id='case-quote-amount'>
        <Num>{money(q.feeFen)}</Num>
      </View>
      {q.note ? (
        <View className='quote__note'>
          <Nums>{q.note}</Nums>
        </View>
      ) : null}
      <View className='quote__explain'>接受后技师即开始维修，完工后按此金额收费，不会额外加价。若暂不维修，工单将关闭，不收取任何费用。</View>
      <ErrorNote text={error} id='case-quote-error' />
      {declining ? (
        <View>
          <View className='field__box field__box--area'>
            <TextArea id='case-quote-decline-note' value={note} onChange={setNote} placeholder='可以告诉我们原因（选填），例如：想自行购买配件' maxLength={200} rows={3} />
          </View>
          <View className='btn-row'>
            <Button id='case-quote-decline-cancel' size='large' onClick={() => setDeclining(false)}>
              再想想
            </Button>
            <Button id='case-quote-decline-submit' size='large' type='danger' fill='outline' loading={busy === 'decline'} onClick={() => run('decline')}>
              确认暂不维修
            </Button>
          </View>
        </View>
      ) : (
        <View className='btn-col'>
          <Button id='case-quote-accept' size='large' block type='primary' loading={busy === 'accept'} onClick={() => run('accept')}>
            接受报价，开始维修
          </Button>
          <Button id='case-quote-decline' size='large' block onClick={() => setDeclining(true)}>
            暂不维修
          </Button>
        </View>
      )}
    </View>
  );
}

/** The resident confirms the work, or reports a problem, which sends the technician back (返工). */
export function ConfirmCard({ c, onChange }: { c: CaseView; onChange: (v: CaseView) => void }) {
  const [problem, setProblem] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  useEffect(prefetchSubscribeTemplates, []);
  if (!c.actions.includes('confirm')) return null;
  const run = async (ok: boolean) => {
    if (!ok && note.trim().length < 2) return setError('请简单描述仍存在的问题，便于技师返工');
    if (!ok) askSubscribe(['caseProgress']); // rework: its progress, from the tap
    setBusy(ok ? 'ok' : 'problem');
    setError('');
    try {
      onChange(await call('case', 'confirm', { id: c.id, ok, ...(ok ? {} : { note: note.trim() }) }));
      Taro.showToast({ title: ok ? '感谢您的确认' : '已安排返工', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };
  return (
    <View className='card action-card' id='case-confirm'>
      <View className='card__title'>维修效果满意吗？</View>
      <View className='text-2 confirm__text'><Nums>{c.work?.result ? `技师反馈：${c.work.result}` : '技师已完成维修，请检查一下效果。'}</Nums></View>
      <ErrorNote text={error} id='case-confirm-error' />
      {problem ? (
        <View>
          <View className='field__box field__box--area'>
            <TextArea id='case-confirm-note' value={note} onChange={setNote} placeholder='请描述仍存在的问题，例如：接口处仍在滴水' maxLength={500} rows={3} />
          </View>
          <View className='btn-row'>
            <Button id='case-confirm-back' size='large' onClick={() => setProblem(false)}>
              返回
            </Button>
            <Button id='case-confirm-submit' size='large' type='primary' loading={busy === 'problem'} onClick={() => run(false)}>
              提交，安排返工
            </Button>
          </View>
        </View>
      ) : (
        <View className='btn-col'>
          <Button id='case-confirm-ok' size='large' block type='primary' loading={busy === 'ok'} onClick={() => run(true)}>
            确认维修完成
          </Button>
          <Button id='case-confirm-problem' size='large' block onClick={() => setProblem(true)}>
            还有问题，需要返工
          </Button>
        </View>
      )}
    </View>
  );
}

/** R-SAT-1: 1–5 stars and a comment, once per case. */
export function RateCard({ c, onChange }: { c: CaseView; onChange: (v: CaseView) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (c.rating) {
    return (
      <View className='card' id='case-rating'>
        <View className='card__title'>我的评价</View>
        <View className='rate-row'>
          <Rate value={c.rating.stars} readOnly />
          <Text className='rate-word'>{STAR_WORDS[c.rating.stars]}</Text>
        </View>
        {c.rating.comment ? (
          <View className='rate-comment'>
            <Nums>{c.rating.comment}</Nums>
          </View>
        ) : null}
        <View className='muted'>感谢您的评价，我们会继续努力！</View>
      </View>
    );
  }
  if (!c.actions.includes('rate')) return null;
  const submit = async () => {
    if (stars < 1) return setError('请点亮星星，为本次服务打分');
    setBusy(true);
    setError('');
    try {
      onChange(await call('case', 'rate', { id: c.id, stars, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
      Taro.showToast({ title: '感谢您的评价', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card' id='case-rate'>
      <View className='card__title'>
        为本次服务评分<Text className='card__hint'>每个工单可评价一次</Text>
      </View>
      <View className='rate-row' id='case-rate-stars'>
        <Rate value={stars} onChange={setStars} />
        <Text className='rate-word'>{STAR_WORDS[stars] ?? ''}</Text>
      </View>
      <View className='field__box field__box--area'>
        <TextArea id='case-rate-comment' value={comment} onChange={setComment} placeholder='说说您的感受（选填），您的意见会帮助我们做得更好' maxLength={500} rows={3} />
      </View>
      <ErrorNote text={error} id='case-rate-error' />
      <Button id='case-rate-submit' type='primary' size='large' block loading={busy} onClick={submit}>
        提交评价
      </Button>
    </View>
  );
}
