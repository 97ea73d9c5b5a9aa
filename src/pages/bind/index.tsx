import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, Input } from '../../components/nut';
import { Field } from '../../components/Field';
import { PhoneVerifyButton } from '../../components/PhoneVerifyButton';
import { askSubscribe, prefetchSubscribeTemplates } from '../../lib/subscribe';
import { Chips, ErrorNote, FixNote, StatusTag } from '../../components/ui';
import { useFieldErrors } from '../../components/useFieldErrors';
import { ApiError, call, newRequestId, type Output } from '../../api/client';
import { forgetMe, messageOf, needsLogin } from '../../lib/session';
import { RELATION_LABELS } from '../../lib/labels';
import { formatTime, roomLabel } from '../../lib/format';
import './index.scss';
import { Num } from '../../components/Num';

type Relation = 'owner' | 'family' | 'tenant';
type Binding = Output<'account', 'bindings'>['items'][number];

const BINDING_STATUS: Record<string, string> = { pending: '审核中', approved: '已认证', rejected: '未通过' };
const bindingTone = (s: string) => (s === 'approved' ? 'resolved' : s === 'pending' ? 'submitted' : 'cancelled');

export default function Bind() {
  const [room, setRoom] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<Relation | ''>('');
  /** The one-time code of 「使用微信手机号」 (WeChat's getPhoneNumber; locally the platform's stand-in). */
  const [phoneCode, setPhoneCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ status: string; householdId: string; phoneVerified: boolean } | null>(null);
  const [list, setList] = useState<Binding[]>([]);
  const requestId = useRef(newRequestId());

  const refresh = () =>
    call('account', 'bindings', {}).then(
      (r) => setList(r.items),
      () => undefined,
    );

  useDidShow(() => {
    if (!needsLogin()) {
      refresh();
      prefetchSubscribeTemplates();
    }
  });

  const checks = useFieldErrors([
    { field: 'room', path: 'householdId', ok: /^\d{1,3}-\d{1,2}-\d{3,4}$/.test(room.trim()), message: '请填写正确的房号，格式为 楼栋-单元-房号，如 1-2-201', value: room.trim(), id: 'bind-room-field' },
    { field: 'name', ok: !!name.trim(), message: '请填写您的姓名', value: name.trim(), id: 'bind-name-field' },
    { field: 'phone', ok: /^1[3-9]\d{9}$/.test(phone.trim()), message: '请填写 11 位手机号码', value: phone.trim(), id: 'bind-phone-field' },
    { field: 'relation', ok: !!relation, message: '请选择您与该房屋的关系', value: relation, id: 'bind-relation-field' },
  ]);

  const submit = async () => {
    setError('');
    if (!checks.validate()) return;
    askSubscribe(['bindingResult']); // the review's result, asked from this tap (weapp; nothing on H5)
    setBusy(true);
    setError('');
    try {
      const r = await call('account', 'bind', {
        requestId: requestId.current,
        householdId: room.trim(),
        name: name.trim(),
        phone: phone.trim(),
        relation: relation as Relation,
        ...(phoneCode ? { phoneCode } : {}),
      });
      setResult({ status: r.status, householdId: room.trim(), phoneVerified: r.phoneVerified });
      setPhoneCode('');
      requestId.current = newRequestId();
      forgetMe();
      refresh();
    } catch (e) {
      // The same id was already used for a different body (edited after a lost answer): next try gets a new id.
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') requestId.current = newRequestId();
      // A code may have been spent by a refused request: ask for a new one. A lost answer keeps it, so the
      // retry is the same request and replays the first result.
      if (!(e instanceof ApiError && e.code === 'NETWORK')) setPhoneCode('');
      // Messages about fields go beside them; the rest to the form's note.
      setError(checks.place(e) ?? messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setResult(null);
    setRoom('');
    setName('');
    setPhone('');
    setRelation('');
    setPhoneCode('');
  };

  return (
    <PageShell className='bind'>
      <View className='hero'>
        {/* The header says 房屋认证: the page's own title says what it brings. */}
        <View className='hero__title'>认证后即可在线办理物业业务</View>
        <View className='hero__sub'>一户一档。您的信息仅用于身份核验，我们会严格保密。</View>
      </View>
      <View className='page-pad'>
        {result ? (
          <View className={`card result result--${result.status}`} id='bind-result' data-status={result.status}>
            <View className='result__icon'>{result.status === 'approved' ? '✓' : result.status === 'pending' ? '…' : '!'}</View>
            {result.status === 'approved' ? (
              <>
                <View className='result__title'>欢迎回家！</View>
                <View className='result__text'>{roomLabel(result.householdId)} 已认证成功，现在可以在线办理物业业务了。</View>
              </>
            ) : result.status === 'pending' ? (
              <>
                <View className='result__title'>已提交，请耐心等待物业审核</View>
                <View className='result__text'>物业前台会尽快核实 {roomLabel(result.householdId)} 的信息，审核结果将通过消息通知您，感谢您的耐心。</View>
                <View className='result__text' id='bind-result-phone'>
                  {result.phoneVerified ? '您的手机号已通过微信验证，将一并提供给物业前台核对。' : '您的手机号未经微信验证，物业前台可能会致电与您核实。'}
                </View>
              </>
            ) : (
              <>
                <View className='result__title'>很抱歉，认证未通过</View>
                <View className='result__text'>请核对信息后重新提交，或联系物业服务中心。</View>
              </>
            )}
            <View className='actions'>
              <Button id='bind-home' type='primary' size='large' block onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
                返回首页
              </Button>
              <Button id='bind-again' size='large' block onClick={again}>
                认证其他房屋
              </Button>
            </View>
          </View>
        ) : (
          <View className='card'>
            <View className='card__title'>填写认证信息</View>
            <Field label='房号' required box='input' id='bind-room-field' error={checks.errorOf('room')} errorId='bind-room-error'>
              <Input id='bind-room' value={room} onChange={setRoom} placeholder='楼栋-单元-房号，如 1-2-201' maxLength={12} clearable />
            </Field>
            <Field label='姓名' required box='input' id='bind-name-field' error={checks.errorOf('name')} errorId='bind-name-error'>
              <Input id='bind-name' value={name} onChange={setName} placeholder='请填写您的真实姓名' maxLength={20} clearable />
            </Field>
            <Field
              label='手机号'
              required
              id='bind-phone-field'
              error={checks.errorOf('phone')}
              errorId='bind-phone-error'
              helpId='bind-phone-help'
              help={
                phoneCode
                  ? '已获取您的微信手机号，提交时将以微信验证的手机号为准。'
                  : '业主本人使用微信手机号验证，且姓名、手机号与房屋档案一致时，将自动通过认证；未验证的申请由物业前台审核。'
              }
            >
              <View className='bind-phone'>
                <View className='field__box grow'>
                  <Input id='bind-phone' type='tel' value={phone} onChange={setPhone} placeholder='请填写 11 位手机号码' maxLength={11} clearable />
                </View>
                <PhoneVerifyButton id='bind-verify-phone' verified={!!phoneCode} onCode={setPhoneCode} onError={setError} />
              </View>
            </Field>
            <Field label='与房屋的关系' required id='bind-relation-field' error={checks.errorOf('relation')} errorId='bind-relation-error'>
              <Chips
                idPrefix='bind-relation'
                value={relation}
                onChange={(v) => setRelation(v as Relation)}
                options={(Object.keys(RELATION_LABELS) as Relation[]).map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
              />
            </Field>
            <ErrorNote text={error} id='bind-error' />
            <FixNote count={checks.count} id='bind-fix' />
            <Button id='bind-submit' type='primary' size='large' block loading={busy} onClick={submit}>
              提交认证
            </Button>
          </View>
        )}

        {list.length ? (
          <View className='card' id='bind-list'>
            <View className='card__title'>我的认证记录</View>
            {list.map((b) => (
              <View className='brow' key={b.id} id={`binding-${b.id}`}>
                <View className='grow'>
                  <View className='brow__room'>
                    {roomLabel(b.householdId)} · {b.relationLabel}
                  </View>
                  <View className='muted'>
                    {b.name} <Num>{b.phone}</Num> · 提交于 <Num>{formatTime(b.createdAt)}</Num>
                  </View>
                  <View className='muted' id={`binding-phone-check-${b.id}`}>
                    {b.phoneCheckLabel}
                  </View>
                  {b.status === 'rejected' && b.reason ? <View className='muted brow__reason'>原因：{b.reason}</View> : null}
                </View>
                <StatusTag status={bindingTone(b.status)} label={BINDING_STATUS[b.status] ?? b.status} id={`binding-status-${b.id}`} />
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
