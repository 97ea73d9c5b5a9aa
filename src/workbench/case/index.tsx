import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { Button, Input, TextArea } from '../../components/nut';
import { Deadlines, EmptyState, ErrorNote, KV, Loading, Photos, StatusTag, Timeline } from '../../components/ui';
import { call } from '../../api/client';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { workbenchHome } from '../../lib/workbench';
import { formatTime, roomLabel } from '../../lib/format';
import { ESCALATION_LABELS } from '../../lib/labels';
import { syncClock, useNow } from '../../lib/clock';
import { dueOf } from '../components/due';
import type { CaseView, Choices } from './actions';
import { WorkOrder } from './WorkOrder';
import { DispatchCard } from './DispatchCard';
import { TechnicianCard } from './TechnicianCard';
import { CallbackCard } from './CallbackCard';
import { CloseCard, PauseCard } from './PauseCard';
import { ComplaintCard, ComplaintFacts } from './ComplaintCard';
import { Num, Nums } from '../../components/Num';

export default function WbCase() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [c, setCase] = useState<CaseView | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  // Who the case can go to, as core decides (转交 / 派单): the page lists them, it never filters roles.
  const [choices, setChoices] = useState<Choices>({ assign: [], dispatch: [] });
  const [error, setError] = useState('');
  const [actionError, setActionError] = useState('');
  const [to, setTo] = useState('');
  const [assignNote, setAssignNote] = useState('');
  const [reply, setReply] = useState('');
  // Time left on the promises (剩余 2 小时 5 分), on the platform's clock, refreshed every half minute.
  const now = useNow(!!c?.open, 30_000);
  const [busy, setBusy] = useState('');

  /** The case, and whenever it changes, whom it can go to now. */
  const show = (v: CaseView) => {
    setCase(v);
    if (v.actions.includes('assign') || v.actions.includes('dispatch'))
      call('workbench', 'assignees', { id: v.id }).then(setChoices, () => setChoices({ assign: [], dispatch: [] }));
    else setChoices({ assign: [], dispatch: [] });
  };

  const load = () => {
    if (needsLogin() || !id) return;
    Promise.all([call('workbench', 'get', { id }), syncClock()]).then(
      ([v]) => {
        show(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  };
  useDidShow(load);

  const onMe = (m: Me) => setMe(m);

  const assign = async () => {
    if (!c) return;
    if (!to) {
      setActionError('请选择要转交的同事');
      return;
    }
    setBusy('assign');
    setActionError('');
    try {
      const next = await call('workbench', 'assign', { id: c.id, to, ...(assignNote.trim() ? { note: assignNote.trim() } : {}) });
      show(next);
      setTo('');
      setAssignNote('');
      Taro.showToast({ title: '已转交', icon: 'success' });
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const sendReply = async () => {
    if (!c) return;
    if (reply.trim().length < 2) {
      setActionError('请填写答复内容');
      return;
    }
    setBusy('reply');
    setActionError('');
    try {
      show(await call('workbench', 'reply', { id: c.id, note: reply.trim() }));
      setReply('');
      Taro.showToast({ title: '已答复住户', icon: 'success' });
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const home = workbenchHome(me);
  return (
    <WbShell tab='case' onMe={onMe} back={home?.key ?? 'queue'}>
      {() =>
        !c ? (
          error ? (
            <View className='card'>
              <EmptyState id='wb-case-error' title='很抱歉，暂时无法查看该工单' desc={error} />
            </View>
          ) : (
            <Loading />
          )
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__title'>
                  {c.kindLabel}
                  {c.categoryLabel ? ` · ${c.categoryLabel}` : ''} <StatusTag status={c.status} label={c.statusLabel} id='wb-case-status' />
                  {c.emergency ? <Text className='urgent-mark-wb'>{c.complaint ? '紧急' : '急修'}</Text> : null}
                  {dueOf(c).breached ? (
                    <Text className='overdue-mark' id='wb-case-overdue'>
                      超时
                    </Text>
                  ) : null}
                  {c.escalationLevel ? (
                    <Text className='esc-mark' id='wb-case-escalated'>
                      {ESCALATION_LABELS[c.escalationLevel]}
                    </Text>
                  ) : null}
                </View>
                <View className='wb-head__sub'>
                  工单号 <Num id='wb-case-number'>{c.number}</Num> · <Num>{formatTime(c.createdAt, true)}</Num> 受理 · {c.channelLabel}
                </View>
              </View>
              {/* The way back is the header's (H5) or WeChat's navigation bar: no second 返回 here. */}
            </View>

            <View className='cols'>
              <View className='cols__main'>
                <View className='card'>
                  <View className='card__title'>诉求内容</View>
                  <View className='case__content' id='wb-case-content' style={{ whiteSpace: 'pre-wrap' }}>
                    <Nums>{c.content}</Nums>
                  </View>
                  {c.photos.length ? (
                    <View style={{ marginTop: '12px' }}>
                      <Photos ids={c.photos} idPrefix='wb-case-photo' />
                    </View>
                  ) : null}
                </View>
                <View className='card'>
                  <View className='card__title'>住户与工单信息</View>
                  <KV k='房屋' v={<Nums>{`${c.householdId}（${roomLabel(c.householdId)}）`}</Nums>} />
                  <KV k='联系人' v={c.contactName} />
                  <KV k='联系电话' v={<Num>{c.contactPhone}</Num>} id='wb-case-phone' />
                  <KV k='受理渠道' v={c.channelLabel} />
                  <KV k='负责人' v={`${c.ownerName}（${c.ownerTitle}）`} id='wb-case-owner' />
                  <KV k='归口部门' v={c.departmentLabel} id='wb-case-department' />
                  {c.resolution && c.resolution !== c.work?.result ? <KV k={c.work ? '处理结果' : '答复结果'} v={<Nums>{c.resolution}</Nums>} id='wb-case-resolution' /> : null}
                  {c.rating ? <KV k='住户评价' v={`${'★'.repeat(c.rating.stars)}${'☆'.repeat(5 - c.rating.stars)} ${c.rating.comment ?? ''}`} id='wb-case-rating' /> : null}
                </View>
                {c.followUp ? (
                  <View className='follow-note' id='wb-case-followup'>
                    低分跟进（<Num>{formatTime(c.followUp.at)}</Num>）：<Nums>{c.followUp.reason}</Nums>
                  </View>
                ) : null}
                <ComplaintFacts c={c} />
                <WorkOrder c={c} />
                <View className='card'>
                  <View className='card__title'>承诺时限</View>
                  {c.paused ? (
                    <View className='paused-note'>
                      <Nums>{`计时已暂停：${c.paused}`}</Nums>
                    </View>
                  ) : null}
                  <Deadlines items={c.deadlines} now={now} id='wb-case-deadlines' />
                </View>
                <View className='card'>
                  <View className='card__title'>处理记录</View>
                  <Timeline items={c.timeline ?? []} id='wb-case-timeline' />
                </View>
              </View>

              <View className='cols__side'>
                <ErrorNote text={actionError} id='wb-action-error' />
                {me ? <TechnicianCard key={`${c.id}-${c.status}`} c={c} me={me} onDone={show} onError={setActionError} /> : null}
                <DispatchCard c={c} technicians={choices.dispatch} onDone={show} onError={setActionError} />
                <ComplaintCard key={`${c.id}-cmp-${c.updatedAt}`} c={c} staff={choices.assign} onDone={show} onError={setActionError} />
                <CallbackCard c={c} onDone={show} onError={setActionError} />
                {c.actions.includes('reply') ? (
                  <View className='card'>
                    <View className='card__title'>{c.complaint ? '告知处理结果' : '答复住户'}</View>
                    <View className='field'>
                      <View className='field__box field__box--area'>
                        <TextArea
                          id='wb-reply-note'
                          value={reply}
                          onChange={setReply}
                          placeholder='请以礼貌、清晰的语言答复住户，例如：您好，感谢您的咨询……'
                          maxLength={1000}
                          showCount
                          rows={4}
                        />
                      </View>
                      <View className='field__help'>{c.complaint ? '处理完毕当天告知住户结果；之后由处理人以外的同事回访。' : '答复后工单办结，住户会收到消息通知。'}</View>
                    </View>
                    <Button id='wb-reply-submit' type='primary' block loading={busy === 'reply'} onClick={sendReply}>
                      {c.complaint ? '告知住户处理结果' : '发送答复并办结'}
                    </Button>
                  </View>
                ) : null}
                {c.actions.includes('assign') ? (
                  <View className='card'>
                    <View className='card__title'>{c.work ? '转交跟进人' : '转交同事'}</View>
                    <View id='wb-assign-list'>
                      {choices.assign.map((s) => (
                        <View
                          key={s.id}
                          id={`wb-assign-to-${s.id}`}
                          className={`staff-opt ${to === s.id ? 'staff-opt--on' : ''} ${s.current ? 'staff-opt--self' : ''}`}
                          onClick={() => setTo(s.id)}
                        >
                          <Text>
                            {s.name}
                            {s.onDuty ? <Text className='duty'>值班</Text> : null}
                          </Text>
                          <Text className='muted'>
                            {s.current ? '当前负责' : s.title}
                          </Text>
                        </View>
                      ))}
                    </View>
                    <View className='field' style={{ marginTop: '12px' }}>
                      <View className='field__box'>
                        <Input id='wb-assign-note' value={assignNote} onChange={setAssignNote} placeholder='转交说明（选填）' maxLength={200} />
                      </View>
                    </View>
                    <Button id='wb-assign-submit' type='primary' fill='outline' block loading={busy === 'assign'} onClick={assign}>
                      确认转交
                    </Button>
                  </View>
                ) : null}
                <PauseCard c={c} onDone={show} onError={setActionError} />
                <CloseCard c={c} onDone={show} onError={setActionError} />
                {!c.open ? (
                  <View className='card muted' id='wb-case-done'>
                    该工单已{c.statusLabel}，无需进一步处理。
                  </View>
                ) : c.actions.length === 0 ? (
                  <View className='card muted'>您当前的岗位可查看工单，派单、回访与答复由前台、客服主管或经理办理。</View>
                ) : null}
              </View>
            </View>
          </View>
        )
      }
    </WbShell>
  );
}
