import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { MultiChips } from '../components/MultiChips';
import { may } from '../../lib/workbench';
import { Button, Input } from '../../components/nut';
import { Field } from '../../components/Field';
import { EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { ROLE_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/format';
import { Num } from '../../components/Num';
import type { StaffRole } from '../../../core/vocabulary';

type View_ = Output<'setup', 'staff'>;
const ROLES = Object.keys(ROLE_LABELS) as StaffRole[];
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const tone = (s: string) => (s === 'accepted' ? 'resolved' : s === 'pending' ? 'submitted' : 'cancelled');

/** 员工管理 (经理): who works here and as what, invitations by phone, deactivation that keeps the history. */
export default function Staff() {
  const [data, setData] = useState<View_ | null>(null);
  const [error, setError] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(['technician']);
  const [busy, setBusy] = useState('');
  const [editing, setEditing] = useState<{ id: string; roles: StaffRole[] } | null>(null);
  const [confirming, setConfirming] = useState('');
  const [notice, setNotice] = useState('');
  const requestId = useRef(newRequestId());

  const load = async () => {
    if (needsLogin()) return;
    try {
      setData(await call('setup', 'staff', {}));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const run = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setError('');
    setNotice('');
    try {
      await fn();
      Taro.showToast({ title: done, icon: 'success' });
      await load();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') requestId.current = newRequestId();
      setError(messageOf(e));
      return false;
    } finally {
      setBusy('');
    }
  };

  const invite = async () => {
    if (!name.trim() || !/^1[3-9]\d{9}$/.test(phone.trim()) || !roles.length) {
      setError('请填写姓名、11 位手机号，并至少选择一个岗位');
      return;
    }
    const ok = await run('invite', () => call('setup', 'inviteStaff', { requestId: requestId.current, name: name.trim(), phone: phone.trim(), roles }), '邀请已发出');
    if (ok) {
      requestId.current = newRequestId();
      setName('');
      setPhone('');
      setNotice(`已邀请 ${name.trim()}：请对方用手机号 ${phone.trim().slice(0, 3)}****${phone.trim().slice(-4)} 登录小程序，在「我的」中点击「接受员工邀请」并验证手机号，7 天内有效。`);
    }
  };

  const deactivate = async (id: string, who: string) => {
    setBusy(`off-${id}`);
    setError('');
    try {
      const r = await call('setup', 'deactivateStaff', { userId: id });
      setConfirming('');
      setNotice(r.openCases.length ? `已停用 ${who} 的账号。其名下还有 ${r.openCases.length} 个未完成工单（${r.openCases.map((c) => c.number).join('、')}），请在工单队列中转交或重新派单。` : `已停用 ${who} 的账号，历史工单中的记录保留不变。`);
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <WbShell tab='staff'>
      {(me) =>
        !may(me, 'setup.staff') ? (
          <View className='card'>
            <EmptyState title='员工管理由经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>邀请新同事、调整岗位、停用离职员工的账号；停用后立即失去权限，历史记录保留。手机号已脱敏</View>
              </View>
            </View>
            <ErrorNote text={error} id='staff-error' />
            {notice ? (
              <View className='notice notice--info' id='staff-notice' role='status'>
                {notice}
              </View>
            ) : null}
            <View className='card' id='staff-invite'>
              <View className='card__title'>邀请新同事</View>
              <View className='form-grid'>
                <Field label='姓名' required box='input'>
                  <Input id='invite-name' value={name} onChange={setName} placeholder='新同事的真实姓名' maxLength={20} />
                </Field>
                <Field label='手机号' required box='input' help='对方需用此手机号在小程序中验证后才能加入'>
                  <Input id='invite-phone' type='tel' value={phone} onChange={setPhone} placeholder='11 位手机号码' maxLength={11} />
                </Field>
                <Field label='岗位' required full>
                  <MultiChips idPrefix='invite-role' value={roles} onChange={setRoles} options={ROLE_OPTIONS} />
                </Field>
              </View>
              <View className='row' style={{ justifyContent: 'flex-end' }}>
                <Button id='invite-submit' type='primary' loading={busy === 'invite'} onClick={invite} style={{ minWidth: '200px' }}>
                  发出邀请
                </Button>
              </View>
            </View>

            {data === null ? (
              error ? null : <Loading />
            ) : (
              <>
                <View className='card__title' style={{ margin: '24px 0 12px' }}>
                  在职员工（{data.members.length} 人）
                </View>
                <View className='qt' id='staff-members'>
                  <View className='qt-row qt-row--head'>
                    <View className='qt-c' style={{ width: '220px' }}>
                      姓名
                    </View>
                    <View className='qt-content'>岗位</View>
                    <View className='qt-c' style={{ width: '420px' }}>
                      操作
                    </View>
                  </View>
                  {data.members.map((m) => (
                    <View key={m.id} id={`staff-${m.id}`} className='qt-row' style={{ cursor: 'default', flexWrap: 'wrap' }}>
                      <View className='qt-c' style={{ width: '220px' }}>
                        <View>
                          {m.name}
                          {m.self ? <Text className='qt-sub'>（本人）</Text> : null}
                        </View>
                        <View className='qt-sub'>
                          <Num>{m.phone || '未登记手机号'}</Num>
                        </View>
                      </View>
                      <View className='qt-content' id={`staff-roles-${m.id}`}>
                        {editing?.id === m.id ? (
                          <MultiChips idPrefix={`staff-role-${m.id}`} value={editing.roles} onChange={(r) => setEditing({ id: m.id, roles: r })} options={ROLE_OPTIONS} />
                        ) : (
                          <Text>
                            {m.roles.map((r) => r.label).join('、')}
                            {m.onDuty ? ' · 默认值班' : ''}
                          </Text>
                        )}
                      </View>
                      <View className='qt-c row' style={{ width: '420px', gap: '12px' }}>
                        {editing?.id === m.id ? (
                          <>
                            <Button
                              id={`staff-roles-save-${m.id}`}
                              type='primary'
                              size='small'
                              loading={busy === `roles-${m.id}`}
                              onClick={async () => {
                                if (!editing.roles.length) return setError('请至少保留一个岗位；如该员工离职，请使用「停用账号」');
                                if (await run(`roles-${m.id}`, () => call('setup', 'setStaffRoles', { userId: m.id, roles: editing.roles }), '岗位已更新')) setEditing(null);
                              }}
                            >
                              保存岗位
                            </Button>
                            <Button id={`staff-roles-cancel-${m.id}`} size='small' onClick={() => setEditing(null)}>
                              取消
                            </Button>
                          </>
                        ) : confirming === m.id ? (
                          <>
                            <Text className='qt-sub'>确认停用 {m.name} 的账号？</Text>
                            <Button id={`staff-off-confirm-${m.id}`} type='danger' size='small' loading={busy === `off-${m.id}`} onClick={() => deactivate(m.id, m.name)}>
                              确认停用
                            </Button>
                            <Button id={`staff-off-cancel-${m.id}`} size='small' onClick={() => setConfirming('')}>
                              取消
                            </Button>
                          </>
                        ) : (
                          <>
                            <Button id={`staff-edit-${m.id}`} size='small' onClick={() => setEditing({ id: m.id, roles: m.roles.map((r) => r.role) })}>
                              调整岗位
                            </Button>
                            {m.self ? null : (
                              <Button id={`staff-off-${m.id}`} size='small' type='danger' fill='outline' onClick={() => setConfirming(m.id)}>
                                停用账号
                              </Button>
                            )}
                          </>
                        )}
                      </View>
                    </View>
                  ))}
                </View>

                <View className='card__title' style={{ margin: '24px 0 12px' }}>
                  邀请记录
                </View>
                {data.invitations.length === 0 ? (
                  <View className='card'>
                    <EmptyState id='staff-invites-empty' title='暂无邀请记录' />
                  </View>
                ) : (
                  <View className='qt' id='staff-invites'>
                    {data.invitations.map((i) => (
                      <View key={i.id} id={`invite-${i.id}`} className='qt-row' style={{ cursor: 'default' }}>
                        <View className='qt-c' style={{ width: '220px' }}>
                          <View>{i.name}</View>
                          <View className='qt-sub'>
                            <Num>{i.phone}</Num>
                          </View>
                        </View>
                        <View className='qt-content'>
                          {i.roles.map((r) => r.label).join('、')}
                          <View className='qt-sub'>
                            <Num>{formatTime(i.createdAt)}</Num> 邀请 · <Num>{formatTime(i.expiresAt)}</Num> 前有效
                          </View>
                        </View>
                        <View className='qt-c qt-status'>
                          <StatusTag status={tone(i.status)} label={i.statusLabel} id={`invite-status-${i.id}`} />
                        </View>
                        <View className='qt-c' style={{ width: '120px' }}>
                          {i.status === 'pending' ? (
                            <Button id={`invite-revoke-${i.id}`} size='small' loading={busy === `revoke-${i.id}`} onClick={() => run(`revoke-${i.id}`, () => call('setup', 'revokeInvite', { id: i.id }), '邀请已撤回')}>
                              撤回
                            </Button>
                          ) : null}
                        </View>
                      </View>
                    ))}
                  </View>
                )}

                {data.former.length ? (
                  <>
                    <View className='card__title' style={{ margin: '24px 0 12px' }}>
                      已停用的账号（历史工单中的记录保留）
                    </View>
                    <View className='qt' id='staff-former'>
                      {data.former.map((f) => (
                        <View key={`${f.id}-${f.deactivatedAt}`} id={`former-${f.id}`} className='qt-row' style={{ cursor: 'default' }}>
                          <View className='qt-c' style={{ width: '220px' }}>
                            {f.name}
                          </View>
                          <View className='qt-content'>
                            原岗位：{f.roles.map((r) => r.label).join('、')}
                            <View className='qt-sub'>
                              <Num>{formatTime(f.deactivatedAt, true)}</Num> 由 {f.deactivatedBy} 停用
                            </View>
                          </View>
                        </View>
                      ))}
                    </View>
                  </>
                ) : null}
              </>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
