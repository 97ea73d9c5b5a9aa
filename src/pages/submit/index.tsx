import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, TextArea } from '../../components/nut';
import { Chips, ErrorNote, FixNote } from '../../components/ui';
import { useFieldErrors } from '../../components/useFieldErrors';
import { Field } from '../../components/Field';
import { HouseholdField, ResidentGate } from '../../components/ResidentGate';
import { MAX_PHOTOS, PhotoField, usePhotos } from '../../components/PhotoField';
import { useCaseSubmit } from '../../components/useCaseSubmit';
import { canUploadPhotos } from '../../lib/files';
import { CATEGORY_CODES, CATEGORY_LABELS, KIND_HINTS, RESIDENT_KINDS, type ResidentKind } from '../../lib/labels';

export default function Submit() {
  const router = useRouter();
  const initialKind = (RESIDENT_KINDS as readonly string[]).includes(router.params.kind ?? '') ? (router.params.kind as ResidentKind) : 'consultation';
  const [kind, setKind] = useState<ResidentKind>(initialKind);
  const [householdId, setHouseholdId] = useState('');
  const [category, setCategory] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState('');
  const photos = usePhotos({ onError: setError });
  const { uploading } = photos;

  const hint = KIND_HINTS[kind];

  // In the form's order; the platform's word on a field (INPUT.INVALID) is placed beside it too.
  const checks = useFieldErrors([
    { field: 'household', path: 'householdId', ok: !!householdId, message: '请选择要办理业务的房屋', value: householdId, id: 'submit-household-field' },
    { field: 'content', ok: content.trim().length >= 5, message: '请至少填写 5 个字，便于我们了解情况', value: content.trim(), id: 'submit-content-field' },
    { field: 'category', value: category, id: 'submit-category-field' },
    { field: 'photos', value: photos.fileIds, id: 'submit-photos-field' },
  ]);
  const { busy, send } = useCaseSubmit(setError, checks.place);

  const submit = async () => {
    setError('');
    if (!checks.validate()) return;
    if (uploading) {
      setError('照片还在上传中，请稍候再提交');
      return;
    }
    await send(
      {
        householdId,
        kind,
        content: content.trim(),
        ...(category ? { category: category as (typeof CATEGORY_CODES)[number] } : {}),
        photos: photos.fileIds,
      },
      '提交成功',
    );
  };

  return (
    <ResidentGate idPrefix='submit' action='办理业务' onLoad={(m) => setHouseholdId((cur) => cur || m.households[0]?.id || '')}>
      {(me) => (
        <PageShell className='submit'>
          <View className='hero'>
            <View className='hero__title'>在线{hint.title}</View>
            <View className='hero__sub'>{hint.intro}</View>
          </View>
          <View className='page-pad'>
            <View className='card'>
              <Field label='业务类型'>
                <Chips
                  idPrefix='submit-kind'
                  value={kind}
                  onChange={(v) => v && setKind(v as ResidentKind)}
                  options={RESIDENT_KINDS.map((k) => ({ value: k, label: KIND_HINTS[k].title }))}
                />
              </Field>

              <HouseholdField idPrefix='submit' label='办理房屋' variant='radio' households={me.households} value={householdId} onChange={setHouseholdId} error={checks.errorOf('household')} />

              <Field label='内容描述' required box='area' id='submit-content-field' error={checks.errorOf('content')} errorId='submit-content-error'>
                <TextArea id='submit-content' value={content} onChange={setContent} placeholder={hint.placeholder} maxLength={1000} showCount rows={5} autoSize />
              </Field>

              <Field label='问题分类' hint='（选填，便于转给对应部门）' id='submit-category-field' error={checks.errorOf('category')}>
                <Chips idPrefix='submit-category' allowNone value={category} onChange={setCategory} options={CATEGORY_CODES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
              </Field>

              {canUploadPhotos ? <PhotoField photos={photos} idPrefix='submit' label='照片' hint={`（选填，最多 ${MAX_PHOTOS} 张）`} error={checks.errorOf('photos')} /> : null}

              <ErrorNote text={error} id='submit-error' />
              <FixNote count={checks.count} id='submit-fix' />
              <Button id='submit-button' type='primary' size='large' block loading={busy} disabled={uploading > 0} onClick={submit}>
                {busy ? '正在提交…' : '提交'}
              </Button>
              <View className='submit__tip'>物业服务中心 24 小时受理，我们会在承诺时限内答复您</View>
            </View>
          </View>
        </PageShell>
      )}
    </ResidentGate>
  );
}
