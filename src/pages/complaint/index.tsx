import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { DateField } from '../../components/DateField';
import { PageShell } from '../../components/PageShell';
import { Button, Input, TextArea } from '../../components/nut';
import { Chips, ErrorNote, FixNote } from '../../components/ui';
import { Field } from '../../components/Field';
import { HouseholdField, ResidentGate } from '../../components/ResidentGate';
import { MAX_PHOTOS, PhotoField, usePhotos } from '../../components/PhotoField';
import { useCaseSubmit } from '../../components/useCaseSubmit';
import { useFieldErrors } from '../../components/useFieldErrors';
import { canUploadPhotos } from '../../lib/files';
import { needsLogin } from '../../lib/session';
import { isoAt } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import { CATEGORY_CODES, CATEGORY_LABELS } from '../../lib/labels';
import './index.scss';

/** 希望解决时间: by the end of today, tomorrow or the day after (community time); none by default. */
const WANTED = [
  { value: 'd0', label: '今天内', days: 0 },
  { value: 'd1', label: '明天内', days: 1 },
  { value: 'd2', label: '后天内', days: 2 },
] as const;
const endOfDayIso = (now: number, days: number) => `${isoAt(Date.parse(`${isoAt(now).slice(0, 10)}T12:00:00+08:00`) + days * 86_400_000).slice(0, 10)}T23:59:00+08:00`;

/**
 * 投诉 (R-CMP-1): what happened, when, where, about whom, what the resident asks for, photos, an optional
 * "by when" — and whether the harm is still going on (R-CMP-4: the platform pages the department at
 * once). The page apologises first and never argues; deadlines and levels are the desk's (core).
 */
export default function ComplaintForm() {
  const [householdId, setHouseholdId] = useState('');
  const [content, setContent] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [subject, setSubject] = useState('');
  const [asks, setAsks] = useState('');
  const [category, setCategory] = useState('');
  const [wanted, setWanted] = useState('');
  const [harm, setHarm] = useState(false);
  const [error, setError] = useState('');
  const [now, setNow] = useState(serverNow);
  const photos = usePhotos({ onError: setError });
  const { uploading } = photos;

  useDidShow(() => {
    if (needsLogin()) return;
    syncClock().then(() => setNow(serverNow()));
  });

  const checks = useFieldErrors([
    { field: 'household', path: 'householdId', ok: !!householdId, message: '请选择您的房屋', value: householdId, id: 'complaint-household-field' },
    { field: 'content', ok: content.trim().length >= 5, message: '请至少填写 5 个字，便于我们了解情况', value: content.trim(), id: 'complaint-content-field' },
    { field: 'occurredAt', value: date + time, id: 'complaint-when-field' },
    { field: 'place', value: place, id: 'complaint-place-field' },
    { field: 'subject', value: subject, id: 'complaint-subject-field' },
    { field: 'asks', value: asks, id: 'complaint-asks-field' },
    { field: 'wantedBy', value: wanted, id: 'complaint-wanted-field' },
    { field: 'photos', value: photos.fileIds, id: 'complaint-photos-field' },
  ]);
  const { busy, send } = useCaseSubmit(setError, checks.place);

  const submit = async () => {
    setError('');
    if (!checks.validate()) return;
    if (uploading) {
      setError('照片还在上传中，请稍候再提交');
      return;
    }
    const by = WANTED.find((w) => w.value === wanted);
    await send(
      {
        householdId,
        kind: 'complaint',
        content: content.trim(),
        photos: photos.fileIds,
        harmOngoing: harm,
        ...(category ? { category: category as (typeof CATEGORY_CODES)[number] } : {}),
        ...(date && time ? { occurredAt: `${date}T${time}:00+08:00` } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(asks.trim() ? { asks: asks.trim() } : {}),
        ...(by ? { wantedBy: endOfDayIso(serverNow(), by.days) } : {}),
      },
      '投诉已提交',
    );
  };

  const today = isoAt(now).slice(0, 10);
  return (
    <ResidentGate idPrefix='complaint' action='投诉' onLoad={(m) => setHouseholdId((cur) => cur || m.households[0]?.id || '')}>
      {(me) => (
        <PageShell className='submit complaint'>
          <View className='hero'>
            <View className='hero__title'>我们认真对待每一条投诉</View>
            <View className='hero__sub' id='complaint-apology'>
              非常抱歉给您带来了不好的体验。请告诉我们发生了什么，我们会认真核实、尽快处理，并把结果告诉您。
            </View>
          </View>
          <View className='page-pad'>
            <View className='card'>
              <HouseholdField idPrefix='complaint' label='您的房屋' variant='radio' households={me.households} value={householdId} onChange={setHouseholdId} error={checks.errorOf('household')} />

              <View className={`harm ${harm ? 'harm--on' : ''}`} id='complaint-harm'>
                <View className='grow'>
                  <View className='harm__title'>损害仍在发生</View>
                  <View className='harm__desc'>如噪音、漏水、占道等仍在持续，请点选「仍在发生」：我们会立即通知相关部门先到场制止。</View>
                </View>
                <Chips idPrefix='complaint-harm' allowNone value={harm ? 'yes' : ''} onChange={(v) => setHarm(v === 'yes')} options={[{ value: 'yes', label: '仍在发生' }]} />
              </View>

              <Field label='发生了什么' required box='area' id='complaint-content-field' error={checks.errorOf('content')} errorId='complaint-content-error'>
                <TextArea id='complaint-content' value={content} onChange={setContent} placeholder='请描述具体情况，我们会认真核实' maxLength={1000} showCount rows={4} autoSize />
              </Field>

              <Field label='发生时间' hint='（选填）' id='complaint-when-field' error={checks.errorOf('occurredAt')}>
                <View className='when'>
                  <DateField mode='date' value={date || today} end={today} onChange={setDate} label='发生日期'>
                    <View className={`when__pick ${date ? '' : 'when__pick--empty'}`} id='complaint-date'>
                      {date || '选择日期'}
                    </View>
                  </DateField>
                  <DateField mode='time' value={time || '20:00'} onChange={setTime} label='发生时间'>
                    <View className={`when__pick ${time ? '' : 'when__pick--empty'}`} id='complaint-time'>
                      {time || '选择时间'}
                    </View>
                  </DateField>
                </View>
              </Field>

              <Field label='发生地点' hint='（选填）' id='complaint-place-field' error={checks.errorOf('place')}>
                <Input id='complaint-place' value={place} onChange={setPlace} placeholder='如：3栋楼下、地下车库入口' maxLength={100} />
              </Field>

              <Field label='投诉对象' hint='（选填，相关人员或部门）' id='complaint-subject-field' error={checks.errorOf('subject')}>
                <Input id='complaint-subject' value={subject} onChange={setSubject} placeholder='如：夜班保安、保洁部' maxLength={100} />
              </Field>

              <Field label='问题分类' hint='（选填，便于转给对应部门）' id='complaint-category-field'>
                <Chips idPrefix='complaint-category' allowNone value={category} onChange={setCategory} options={CATEGORY_CODES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
              </Field>

              <Field label='您的诉求' hint='（选填）' box='area' id='complaint-asks-field' error={checks.errorOf('asks')}>
                <TextArea id='complaint-asks' value={asks} onChange={setAsks} placeholder='希望我们怎样处理' maxLength={500} rows={2} autoSize />
              </Field>

              <Field label='希望解决时间' hint='（选填）' id='complaint-wanted-field' error={checks.errorOf('wantedBy')}>
                <Chips idPrefix='complaint-wanted' allowNone value={wanted} onChange={setWanted} options={WANTED.map((w) => ({ value: w.value, label: w.label }))} />
              </Field>

              {canUploadPhotos ? <PhotoField photos={photos} idPrefix='complaint' label='照片' hint={`（选填，最多 ${MAX_PHOTOS} 张）`} error={checks.errorOf('photos')} /> : null}

              <ErrorNote text={error} id='complaint-error' />
              <FixNote count={checks.count} id='complaint-fix' />
              <Button id='complaint-submit' type='primary' size='large' block loading={busy} disabled={uploading > 0} onClick={submit}>
                {busy ? '正在提交…' : '提交投诉'}
              </Button>
              <View className='submit__tip'>24 小时受理。我们会尽快与您联系，处理结果第一时间告诉您，感谢您的监督。</View>
            </View>
          </View>
        </PageShell>
      )}
    </ResidentGate>
  );
}
