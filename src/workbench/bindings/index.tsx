import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { useListLoad } from '../components/useListLoad';
import { may } from '../../lib/workbench';
import { Button, Input } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime, roomLabel } from '../../lib/format';
import { Num } from '../../components/Num';

type Binding = Output<'account', 'bindings'>['items'][number];
type Filter = 'pending' | 'approved' | 'rejected' | 'all';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
  { value: 'all', label: '全部' },
];
const LABEL: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };
const tone = (s: string) => (s === 'approved' ? 'resolved' : s === 'pending' ? 'submitted' : 'cancelled');

export default function Bindings() {
  const [filter, setFilter] = useState<Filter>('pending');
  const [items, setItems] = useState<Binding[] | null>(null);
  const [error, setError] = useState('');
  const [rejecting, setRejecting] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);

  /** The first page of the filter, or (`more`) the page after the last one shown. */
  const load = async (f: Filter = filter, more = false) => {
    if (needsLogin()) return;
    try {
      const r = await call('account', 'bindings', { ...(f === 'all' ? {} : { status: f }), ...(more && cursor ? { cursor } : {}) });
      setItems((old) => (more && old ? [...old, ...r.items] : r.items));
      setCursor(r.cursor ?? null);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useListLoad(() => load(filter), () => setItems(null), [filter]);

  const decide = async (b: Binding, approve: boolean) => {
    if (!approve && reason.trim().length < 2) {
      setError('请填写驳回原因（至少 2 个字），便于住户修改后重新提交');
      return;
    }
    setBusy(b.id);
    setError('');
    try {
      const done = approve ? await call('account', 'approveBinding', { id: b.id }) : await call('account', 'rejectBinding', { id: b.id, reason: reason.trim() });
      setItems((list) => (list ? list.map((x) => (x.id === b.id ? { ...x, ...done } : x)) : list));
      setRejecting('');
      setReason('');
      Taro.showToast({ title: approve ? '已通过认证' : '已驳回', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <WbShell tab='bindings'>
      {(me) =>
        !may(me, 'binding.review') ? (
          <View className='card'>
            <EmptyState title='房屋认证审核由前台、客服主管或经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                {/* The header names the page (员工工作台 · …): this line says how to work it. */}
                <View className='wb-head__lead'>请与房屋档案核对后审核；手机号已脱敏（为业主保密）。未经微信验证的手机号，请致电或当面核实后再通过</View>
              </View>
              <Chips idPrefix='bindings-filter' value={filter} onChange={(v) => v && setFilter(v as Filter)} options={FILTERS} />
            </View>
            <ErrorNote text={error} id='bindings-error' />
            {items === null ? (
              error ? null : <Loading />
            ) : items.length === 0 ? (
              <View className='card'>
                <EmptyState id='bindings-empty' title={filter === 'pending' ? '暂无待审核的认证申请' : '暂无记录'} desc='新的认证申请提交后会出现在这里，并通过消息提醒您。' />
              </View>
            ) : (
              <View className='qt' id='bindings-list'>
                <View className='qt-row qt-row--head'>
                  <View className='qt-c qt-house'>房号</View>
                  <View className='qt-c' style={{ width: '260px' }}>
                    申请人
                  </View>
                  <View className='qt-c' style={{ width: '100px' }}>
                    关系
                  </View>
                  <View className='qt-content'>提交时间</View>
                  <View className='qt-c qt-status'>状态</View>
                  <View className='qt-c' style={{ width: '380px' }}>
                    操作
                  </View>
                </View>
                {items.map((b) => (
                  <View key={b.id} id={`binding-${b.id}`} className='qt-row' style={{ cursor: 'default', flexWrap: 'wrap' }}>
                    <View className='qt-c qt-house'>
                      <View>{b.householdId}</View>
                      <View className='qt-sub'>{roomLabel(b.householdId)}</View>
                    </View>
                    <View className='qt-c' style={{ width: '260px' }}>
                      <View>{b.name}</View>
                      <View className='qt-sub' id={`binding-phone-${b.id}`}>
                        <Num>{b.phone}</Num>
                      </View>
                      <View
                        className={b.phoneVerified ? 'qt-sub phone-check phone-check--ok' : 'qt-sub phone-check phone-check--no'}
                        id={`binding-verified-${b.id}`}
                        data-verified={b.phoneVerified ? 'yes' : 'no'}
                      >
                        {b.phoneCheckLabel}
                      </View>
                    </View>
                    <View className='qt-c' style={{ width: '100px' }}>
                      {b.relationLabel}
                    </View>
                    <View className='qt-content'>
                      <Num>{formatTime(b.createdAt, true)}</Num>
                      {b.reason ? <View className='qt-sub'>{b.reason}</View> : null}
                    </View>
                    <View className='qt-c qt-status'>
                      <StatusTag status={tone(b.status)} label={LABEL[b.status] ?? b.status} id={`binding-status-${b.id}`} />
                    </View>
                    <View className='qt-c row' style={{ width: '380px', gap: '12px' }}>
                      {b.status === 'pending' && rejecting !== b.id ? (
                        <>
                          <Button id={`binding-approve-${b.id}`} type='primary' size='small' loading={busy === b.id} onClick={() => decide(b, true)}>
                            通过
                          </Button>
                          <Button
                            id={`binding-reject-${b.id}`}
                            size='small'
                            onClick={() => {
                              setRejecting(b.id);
                              setReason('');
                            }}
                          >
                            驳回
                          </Button>
                        </>
                      ) : b.status !== 'pending' ? (
                        <Text className='qt-sub'>{b.decidedAt ? <><Num>{formatTime(b.decidedAt)}</Num> 已处理</> : '已处理'}</Text>
                      ) : null}
                    </View>
                    {rejecting === b.id ? (
                      <View className='reject-box' style={{ width: '100%', display: 'flex', gap: '12px', alignItems: 'center', marginTop: '8px' }}>
                        <View className='field__box grow'>
                          <Input id={`binding-reason-${b.id}`} value={reason} onChange={setReason} placeholder='请填写驳回原因，如：与房屋档案登记信息不一致' maxLength={200} />
                        </View>
                        <Button id={`binding-reject-confirm-${b.id}`} type='danger' size='small' loading={busy === b.id} onClick={() => decide(b, false)}>
                          确认驳回
                        </Button>
                        <Button id={`binding-reject-cancel-${b.id}`} size='small' onClick={() => setRejecting('')}>
                          取消
                        </Button>
                      </View>
                    ) : null}
                  </View>
                ))}
                {cursor ? (
                  <View style={{ padding: '16px' }}>
                    <Button id='bindings-more' block onClick={() => load(filter, true)}>
                      加载更多
                    </Button>
                  </View>
                ) : null}
              </View>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
