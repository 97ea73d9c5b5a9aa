import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell, canDesk } from '../components/WbShell';
import { Button, Input, TextArea } from '../../components/nut';
import { Deadlines, EmptyState, ErrorNote, KV, Loading, Photos, StatusTag, Timeline } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { formatTime, roomLabel } from '../../lib/format';
import { dueOf } from '../components/due';

type CaseView = Output<'workbench', 'get'>;
type Staff = Output<'workbench', 'staff'>['items'][number];

export default function WbCase() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [c, setCase] = useState<CaseView | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [error, setError] = useState('');
  const [actionError, setActionError] = useState('');
  const [to, setTo] = useState('');
  const [assignNote, setAssignNote] = useState('');
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState('');

  const load = () => {
    if (needsLogin() || !id) return;
    call('workbench', 'get', { id }).then(
      (v) => {
        setCase(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  };
  useDidShow(load);

  const onMe = (m: Me) => {
    setMe(m);
    if (canDesk(m))
      call('workbench', 'staff', {}).then(
        (r) => setStaff(r.items),
        () => undefined,
      );
  };

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
      setCase(next);
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
      setCase(await call('workbench', 'reply', { id: c.id, note: reply.trim() }));
      setReply('');
      Taro.showToast({ title: '已答复住户', icon: 'success' });
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <WbShell tab='case' onMe={onMe}>
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
                  {dueOf(c).breached ? <Text className='overdue-mark'>超时</Text> : null}
                </View>
                <View className='wb-head__sub'>
                  工单号 {c.id} · {formatTime(c.createdAt, true)} 受理 · {c.channelLabel}
                </View>
              </View>
              <Button id='wb-case-back' size='small' onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/workbench/queue/index' }))}>
                返回队列
              </Button>
            </View>

            <View className='cols'>
              <View className='cols__main'>
                <View className='card'>
                  <View className='card__title'>诉求内容</View>
                  <View className='case__content' id='wb-case-content' style={{ whiteSpace: 'pre-wrap' }}>
                    {c.content}
                  </View>
                  {c.photos.length ? (
                    <View style={{ marginTop: '12px' }}>
                      <Photos ids={c.photos} idPrefix='wb-case-photo' />
                    </View>
                  ) : null}
                </View>
                <View className='card'>
                  <View className='card__title'>住户与工单信息</View>
                  <KV k='房屋' v={`${c.householdId}（${roomLabel(c.householdId)}）`} />
                  <KV k='联系人' v={c.contactName} />
                  <KV k='联系电话' v={c.contactPhone} id='wb-case-phone' />
                  <KV k='受理渠道' v={c.channelLabel} />
                  <KV k='责任部门' v={c.departmentLabel} />
                  <KV k='负责人' v={c.ownerName} id='wb-case-owner' />
                  {c.resolution ? <KV k='答复结果' v={c.resolution} id='wb-case-resolution' /> : null}
                </View>
                <View className='card'>
                  <View className='card__title'>承诺时限</View>
                  <Deadlines items={c.deadlines} id='wb-case-deadlines' />
                </View>
                <View className='card'>
                  <View className='card__title'>处理记录</View>
                  <Timeline items={c.timeline ?? []} id='wb-case-timeline' />
                </View>
              </View>

              <View className='cols__side'>
                <ErrorNote text={actionError} id='wb-action-error' />
                {!canDesk(me) ? (
                  <View className='card muted'>您当前的岗位可查看工单，转交与答复由前台、客服主管或经理办理。</View>
                ) : c.allowed.length === 0 ? (
                  <View className='card muted' id='wb-case-done'>
                    该工单已{c.statusLabel}，无需进一步处理。
                  </View>
                ) : (
                  <>
                    {c.allowed.includes('replied') ? (
                      <View className='card'>
                        <View className='card__title'>答复住户</View>
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
                          <View className='field__help'>答复后工单办结，住户会收到消息通知。</View>
                        </View>
                        <Button id='wb-reply-submit' type='primary' block loading={busy === 'reply'} onClick={sendReply}>
                          发送答复并办结
                        </Button>
                      </View>
                    ) : null}
                    {c.allowed.includes('assigned') ? (
                      <View className='card'>
                        <View className='card__title'>转交同事</View>
                        <View id='wb-assign-list'>
                          {staff.map((s) => (
                            <View
                              key={s.id}
                              id={`wb-assign-to-${s.id}`}
                              className={`staff-opt ${to === s.id ? 'staff-opt--on' : ''} ${s.id === c.owner ? 'staff-opt--self' : ''}`}
                              onClick={() => setTo(s.id)}
                            >
                              <Text>
                                {s.name}
                                {s.onDuty ? <Text className='duty'>值班</Text> : null}
                              </Text>
                              <Text className='muted'>
                                {s.roleLabel}
                                {s.id === c.owner ? ' · 当前负责' : ''}
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
                  </>
                )}
              </View>
            </View>
          </View>
        )
      }
    </WbShell>
  );
}
