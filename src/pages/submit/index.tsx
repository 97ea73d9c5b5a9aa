import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, TextArea } from '../../components/nut';
import { Chips, EmptyState, ErrorNote, Loading } from '../../components/ui';
import { ApiError, call, newRequestId } from '../../api/client';
import { loadMe, messageOf, needsLogin, type Me } from '../../lib/session';
import { canUploadPhotos, uploadImage } from '../../lib/files';
import { CATEGORY_CODES, CATEGORY_LABELS, KIND_HINTS, RELATION_LABELS, RESIDENT_KINDS, type ResidentKind } from '../../lib/labels';
import { roomLabel } from '../../lib/format';
import './index.scss';

const MAX_PHOTOS = 9;
type LocalPhoto = { fileId: string; preview: string };

export default function Submit() {
  const router = useRouter();
  const initialKind = (RESIDENT_KINDS as readonly string[]).includes(router.params.kind ?? '') ? (router.params.kind as ResidentKind) : 'consultation';
  const [kind, setKind] = useState<ResidentKind>(initialKind);
  const [me, setMe] = useState<Me | null>(null);
  const [loadError, setLoadError] = useState('');
  const [householdId, setHouseholdId] = useState('');
  const [category, setCategory] = useState('');
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // One request id per form: a retry of the same submission never creates a second case (R-INT-7).
  const requestId = useRef(newRequestId());

  useDidShow(() => {
    if (needsLogin()) return;
    loadMe(true).then(
      (m) => {
        setMe(m);
        setLoadError('');
        if (!householdId && m.households.length) setHouseholdId(m.households[0].id);
      },
      (e) => setLoadError(messageOf(e)),
    );
  });

  const hint = KIND_HINTS[kind];

  const addPhotos = async () => {
    const left = MAX_PHOTOS - photos.length - uploading;
    if (left <= 0) {
      Taro.showToast({ title: `最多上传 ${MAX_PHOTOS} 张照片`, icon: 'none' });
      return;
    }
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // the resident closed the picker
    }
    const files = chosen.tempFiles.slice(0, left);
    setUploading((n) => n + files.length);
    setError('');
    for (const f of files) {
      try {
        const original = (f as { originalFileObj?: Blob }).originalFileObj;
        const fileId = await uploadImage(f.path, original);
        setPhotos((list) => (list.length < MAX_PHOTOS ? [...list, { fileId, preview: f.path }] : list));
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const removePhoto = (fileId: string) => setPhotos((list) => list.filter((p) => p.fileId !== fileId));

  const submit = async () => {
    if (content.trim().length < 5) {
      setError('请至少填写 5 个字，便于我们了解情况');
      return;
    }
    if (!householdId) {
      setError('请选择要办理业务的房屋');
      return;
    }
    if (uploading) {
      setError('照片还在上传中，请稍候再提交');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const c = await call('case', 'submit', {
        requestId: requestId.current,
        householdId,
        kind,
        content: content.trim(),
        ...(category ? { category: category as (typeof CATEGORY_CODES)[number] } : {}),
        photos: photos.map((p) => p.fileId),
      });
      Taro.showToast({ title: '提交成功', icon: 'success' });
      Taro.redirectTo({ url: `/pages/case/index?id=${encodeURIComponent(c.id)}&created=1` });
    } catch (e) {
      // The same id was already used for a different body (edited after a lost answer): next try gets a new id.
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') requestId.current = newRequestId();
      setError(messageOf(e));
      setBusy(false);
    }
  };

  if (!me) {
    return <PageShell>{loadError ? <ErrorNote text={loadError} /> : <Loading />}</PageShell>;
  }

  if (!me.households.length) {
    return (
      <PageShell>
        <View className='page-pad' style={{ paddingTop: '24px' }}>
          <View className='card'>
            <EmptyState
              id='submit-need-bind'
              title='请先完成房屋认证'
              desc='为保护您和邻居的隐私，在线办理业务前需要先认证房屋，只需一分钟。'
              action={
                <Button id='submit-go-bind' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
                  去认证
                </Button>
              }
            />
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className='submit'>
      <View className='hero'>
        <View className='hero__title'>在线{hint.title}</View>
        <View className='hero__sub'>{hint.intro}</View>
      </View>
      <View className='page-pad'>
        <View className='card'>
          <View className='field'>
            <View className='field__label'>业务类型</View>
            <Chips
              idPrefix='submit-kind'
              value={kind}
              onChange={(v) => v && setKind(v as ResidentKind)}
              options={RESIDENT_KINDS.map((k) => ({ value: k, label: KIND_HINTS[k].title }))}
            />
          </View>

          <View className='field'>
            <View className='field__label'>办理房屋</View>
            {me.households.length > 1 ? (
              <View className='houses'>
                {me.households.map((h) => (
                  <View key={h.id} id={`submit-household-${h.id}`} className={`house-opt ${householdId === h.id ? 'house-opt--on' : ''}`} onClick={() => setHouseholdId(h.id)}>
                    <View className='house-opt__radio' />
                    <View className='grow'>
                      {roomLabel(h.id)}
                      <Text className='muted'> · {RELATION_LABELS[h.relation as keyof typeof RELATION_LABELS] ?? h.relation}</Text>
                    </View>
                  </View>
                ))}
              </View>
            ) : (
              <View className='house-fixed' id='submit-household'>
                {roomLabel(me.households[0].id)}
                <Text className='muted'> · {RELATION_LABELS[me.households[0].relation as keyof typeof RELATION_LABELS] ?? me.households[0].relation}</Text>
              </View>
            )}
          </View>

          <View className='field'>
            <View className='field__label'>
              内容描述<Text className='req'>*</Text>
            </View>
            <View className='field__box field__box--area'>
              <TextArea id='submit-content' value={content} onChange={setContent} placeholder={hint.placeholder} maxLength={1000} showCount rows={5} autoSize />
            </View>
          </View>

          <View className='field'>
            <View className='field__label'>
              问题分类<Text className='card__hint'>（选填，便于转给对应部门）</Text>
            </View>
            <Chips idPrefix='submit-category' allowNone value={category} onChange={setCategory} options={CATEGORY_CODES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          </View>

          {canUploadPhotos ? (
            <View className='field'>
              <View className='field__label'>
                照片<Text className='card__hint'>（选填，最多 {MAX_PHOTOS} 张）</Text>
              </View>
              <View className='photos' id='submit-photos'>
                {photos.map((p, i) => (
                  <View className='photo' key={p.fileId} id={`submit-photo-${i}`}>
                    <Image className='photo__img' src={p.preview} mode='aspectFill' />
                    <View className='photo__remove' id={`submit-photo-remove-${i}`} onClick={() => removePhoto(p.fileId)}>
                      ×
                    </View>
                  </View>
                ))}
                {Array.from({ length: uploading }).map((_, i) => (
                  <View className='photo' key={`up-${i}`}>
                    <View className='photo__ph'>上传中…</View>
                  </View>
                ))}
                {photos.length + uploading < MAX_PHOTOS ? (
                  <View className='photo photo--add' id='submit-add-photo' onClick={addPhotos}>
                    <View className='plus'>+</View>
                    <View>
                      {photos.length}/{MAX_PHOTOS}
                    </View>
                  </View>
                ) : null}
              </View>
            </View>
          ) : null}

          <ErrorNote text={error} id='submit-error' />
          <Button id='submit-button' type='primary' size='large' block loading={busy} disabled={uploading > 0} onClick={submit}>
            {busy ? '正在提交…' : '提交'}
          </Button>
          <View className='submit__tip'>物业服务中心 24 小时受理，我们会在承诺时限内答复您</View>
        </View>
      </View>
    </PageShell>
  );
}
