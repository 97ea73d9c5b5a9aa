import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button, Input, TextArea } from '../../components/nut';
import { Field } from '../../components/Field';
import { Chips, EmptyState, ErrorNote, FixNote } from '../../components/ui';
import { useFieldErrors } from '../../components/useFieldErrors';
import { ApiError, call, newRequestId, type Input as In } from '../../api/client';
import { messageOf } from '../../lib/session';
import { CATEGORY_CODES, CATEGORY_LABELS, CHANNEL_LABELS, KIND_LABELS } from '../../lib/labels';

type Body = In<'workbench', 'intake'>;
type Channel = Body['channel'];
type Kind = Body['kind'];

const CHANNELS: Channel[] = ['phone', 'visit', 'letter'];
const KINDS: Kind[] = ['consultation', 'suggestion', 'praise', 'help', 'repair', 'complaint', 'other'];

export default function Intake() {
  const [channel, setChannel] = useState<Channel>('phone');
  const [householdId, setHouseholdId] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [kind, setKind] = useState<Kind>('consultation');
  const [category, setCategory] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Same id for retries of this record: one call, one case (R-INT-7).
  const requestId = useRef(newRequestId());

  const checks = useFieldErrors([
    { field: 'household', path: 'householdId', ok: /^\d{1,3}-\d{1,2}-\d{3,4}$/.test(householdId.trim()), message: '请填写正确的房号，如 1-2-201', value: householdId.trim(), id: 'intake-household-field' },
    { field: 'name', path: 'contactName', ok: !!contactName.trim(), message: '请填写联系人姓名', value: contactName.trim(), id: 'intake-name-field' },
    { field: 'phone', path: 'contactPhone', ok: /^1[3-9]\d{9}$/.test(contactPhone.trim()), message: '请填写 11 位联系电话', value: contactPhone.trim(), id: 'intake-phone-field' },
    { field: 'category', value: category, id: 'intake-category-field' },
    { field: 'content', ok: content.trim().length >= 5, message: '请至少填写 5 个字的诉求内容', value: content.trim(), id: 'intake-content-field' },
  ]);

  const submit = async () => {
    setError('');
    if (!checks.validate()) return;
    setBusy(true);
    setError('');
    try {
      const c = await call('workbench', 'intake', {
        requestId: requestId.current,
        channel,
        householdId: householdId.trim(),
        contactName: contactName.trim(),
        contactPhone: contactPhone.trim(),
        kind,
        content: content.trim(),
        ...(category ? { category: category as Body['category'] } : {}),
      });
      requestId.current = newRequestId();
      Taro.showToast({ title: '已登记', icon: 'success' });
      Taro.redirectTo({ url: `/workbench/case/index?id=${encodeURIComponent(c.id)}` });
    } catch (e) {
      // The same id was already used for a different body (edited after a lost answer): next try gets a new id.
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') requestId.current = newRequestId();
      // Messages about fields go beside them; the rest to the form's note.
      setError(checks.place(e) ?? messageOf(e));
      setBusy(false);
    }
  };

  return (
    <WbShell tab='intake'>
      {(me) =>
        !may(me, 'workbench.intake') ? (
          <View className='card'>
            <EmptyState title='代客登记由前台、客服主管或经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                {/* The header names the page (员工工作台 · …): this line says how to work it. */}
                <View className='wb-head__lead'>记录来电、来访、信函诉求；与小程序提交的工单同等受理、同样计时</View>
              </View>
            </View>
            <View className='card'>
              <View className='form-grid'>
                <Field label='受理渠道' full>
                  <Chips idPrefix='intake-channel' value={channel} onChange={(v) => v && setChannel(v as Channel)} options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
                </Field>
                <Field label='房号' required box='input' id='intake-household-field' error={checks.errorOf('household')} errorId='intake-household-error'>
                  <Input id='intake-household' value={householdId} onChange={setHouseholdId} placeholder='如 1-2-201' maxLength={12} />
                </Field>
                <Field label='联系人' required box='input' id='intake-name-field' error={checks.errorOf('name')} errorId='intake-name-error'>
                  <Input id='intake-name' value={contactName} onChange={setContactName} placeholder='住户姓名' maxLength={20} />
                </Field>
                <Field label='联系电话' required box='input' id='intake-phone-field' error={checks.errorOf('phone')} errorId='intake-phone-error'>
                  <Input id='intake-phone' type='tel' value={contactPhone} onChange={setContactPhone} placeholder='11 位手机号码' maxLength={11} />
                </Field>
                <Field label='接待类别' full>
                  <Chips idPrefix='intake-kind' value={kind} onChange={(v) => v && setKind(v as Kind)} options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
                </Field>
                <Field label='问题分类（选填）' full id='intake-category-field' error={checks.errorOf('category')}>
                  <Chips idPrefix='intake-category' allowNone value={category} onChange={setCategory} options={CATEGORY_CODES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
                </Field>
                <Field label='诉求内容' required box='area' full id='intake-content-field' error={checks.errorOf('content')} errorId='intake-content-error'>
                  <TextArea id='intake-content' value={content} onChange={setContent} placeholder='请完整记录住户的诉求：时间、地点、事情经过、住户的要求' maxLength={1000} showCount rows={5} />
                </Field>
              </View>
              <ErrorNote text={error} id='intake-error' />
              <FixNote count={checks.count} id='intake-fix' />
              <View className='row' style={{ justifyContent: 'flex-end' }}>
                <Button id='intake-submit' type='primary' size='large' loading={busy} onClick={submit} style={{ minWidth: '240px' }}>
                  登记并生成工单
                </Button>
              </View>
            </View>
          </View>
        )
      }
    </WbShell>
  );
}
