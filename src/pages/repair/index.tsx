import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button, TextArea } from '../../components/nut';
import { ErrorNote, FixNote } from '../../components/ui';
import { Field } from '../../components/Field';
import { Nums } from '../../components/Num';
import { HouseholdField, ResidentGate } from '../../components/ResidentGate';
import { MAX_PHOTOS, PhotoField, usePhotos } from '../../components/PhotoField';
import { useCaseSubmit } from '../../components/useCaseSubmit';
import { useFieldErrors } from '../../components/useFieldErrors';
import { needsLogin } from '../../lib/session';
import { canUploadPhotos } from '../../lib/files';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_CODES, type RepairCategory, type RepairLocation } from '../../lib/labels';
import { timeRange } from '../../lib/format';
import { TimePicker, days, type SlotKey } from './TimePicker';
import { serverNow, syncClock } from '../../lib/clock';
import './index.scss';

const EMERGENCY = REPAIR_CATEGORY_CODES.filter((c) => REPAIR_CATEGORIES[c].emergency);
const ORDINARY = REPAIR_CATEGORY_CODES.filter((c) => !REPAIR_CATEGORIES[c].emergency);
const isCategory = (c: string | undefined): c is RepairCategory => !!c && (REPAIR_CATEGORY_CODES as readonly string[]).includes(c);

/**
 * 在线报修. An emergency (急修) is reported in seconds: pick its category, then the one button — the place
 * defaults to 户内 and the description may be a few words, a photo or nothing (the rule is core's: the
 * platform answers which fields are missing). Ordinary repairs keep the full form. `?category=` preselects.
 */
export default function Repair() {
  const { params } = useRouter();
  const preset = isCategory(params.category) ? params.category : '';
  const [householdId, setHouseholdId] = useState('');
  const [category, setCategory] = useState<RepairCategory | ''>(preset);
  const [location, setLocation] = useState<RepairLocation | ''>(preset && REPAIR_CATEGORIES[preset].emergency ? 'in_home' : '');
  const [day, setDay] = useState(0);
  const [slot, setSlot] = useState<SlotKey | 'asap'>('asap');
  const [content, setContent] = useState('');
  const [error, setError] = useState('');
  const photos = usePhotos({ progress: true, onError: setError });
  const { uploading } = photos;
  const [now, setNow] = useState(serverNow);

  useDidShow(() => {
    if (needsLogin()) return;
    syncClock().then(() => setNow(serverNow()));
  });

  const emergency = !!category && REPAIR_CATEGORIES[category].emergency;
  const calendar = days(now);
  // Late in the evening today has no slot left: the first day that has one is shown instead.
  const dayIdx = calendar[day]?.slots.length ? day : Math.max(0, calendar.findIndex((d) => d.slots.length));
  const chosenDay = calendar[dayIdx];
  const chosenSlot = slot === 'asap' ? null : chosenDay.slots.find((s) => s.key === slot) ?? null;

  // In the form's order. The description's length is core's rule (an emergency needs none): the
  // platform's word on it (INPUT.INVALID, field `content`) is placed beside it, like any other field's.
  const checks = useFieldErrors([
    { field: 'category', ok: !!category, message: '请选择报修类别，便于安排对应的技师', value: category, id: 'repair-category-field' },
    { field: 'location', ok: !!location, message: '请选择维修位置：户内或公共区域', value: location, id: 'repair-location-field' },
    { field: 'preferredTime', value: chosenSlot?.range ?? null, id: 'repair-time' },
    { field: 'content', value: content.trim(), id: 'repair-content-field' },
    { field: 'photos', value: photos.fileIds, id: 'repair-photos-field' },
    { field: 'household', path: 'householdId', ok: !!householdId, message: '请选择报修的房屋', value: householdId, id: 'repair-household-field' },
  ]);
  const { busy, send } = useCaseSubmit(setError, checks.place);

  const pickCategory = (c: RepairCategory) => {
    setCategory(c);
    setError('');
    // Someone standing in water is not asked where: at home, unless they say otherwise.
    if (REPAIR_CATEGORIES[c].emergency) setLocation((cur) => cur || 'in_home');
  };

  const pickDay = (i: number) => {
    setDay(i);
    if (slot === 'asap' || !calendar[i].slots.some((s) => s.key === slot)) setSlot(calendar[i].slots[0]?.key ?? 'asap');
  };

  const submit = async () => {
    setError('');
    // (The checks cover category and location; the repeat narrows their types.)
    if (!checks.validate() || !category || !location) return;
    if (uploading) return setError('照片还在上传中，请稍候再提交');
    await send(
      {
        householdId,
        kind: 'repair',
        category,
        location,
        content: content.trim(),
        photos: photos.fileIds,
        ...(!emergency && chosenSlot ? { preferredTime: chosenSlot.range } : {}),
      },
      emergency ? '已通知值班技师' : '报修已提交',
    );
  };

  // An emergency's one confirmation tap sits right under its category (and again below the photos).
  const submitButton = (id: string) => (
    <Button id={id} type={emergency ? 'danger' : 'primary'} size='large' block loading={busy} disabled={uploading > 0} onClick={submit}>
      {busy ? '正在提交…' : emergency ? '提交急修，立即派技师' : '提交报修'}
    </Button>
  );
  const chip = (c: RepairCategory, danger: boolean) => (
    <View key={c} id={`repair-category-${c}`} className={`chip ${category === c ? (danger ? 'chip--danger' : 'chip--on') : ''} ${danger ? 'chip--urgent' : ''}`} onClick={() => pickCategory(c)}>
      {REPAIR_CATEGORIES[c].label}
    </View>
  );
  const water = category === 'power_outage' ? false : emergency;

  return (
    <ResidentGate idPrefix='repair' action='报修' padLoading onLoad={(m) => setHouseholdId((cur) => cur || m.households[0]?.id || '')}>
      {(me) => (
        <PageShell className='repair'>
          <View className='hero'>
            {/* The header says 在线报修: the page's own title invites, the line under it promises. */}
            <View className='hero__title'>告诉我们哪里需要维修</View>
            <View className='hero__sub'>
              <Nums>物业工程部会尽快安排技师上门；急修 15 分钟内到场。</Nums>
            </View>
          </View>
          <View className='page-pad'>
            <View className='card'>
              <Field label='报修类别' required id='repair-category-field' error={checks.errorOf('category')}>
                <View className='repair__group'>
                  <Text className='repair__group-title repair__group-title--urgent'>紧急情况 · 急修</Text>
                  <View className='chips'>{EMERGENCY.map((c) => chip(c, true))}</View>
                </View>
                <View className='repair__group'>
                  <Text className='repair__group-title'>日常维修</Text>
                  <View className='chips' id='repair-categories'>
                    {ORDINARY.map((c) => chip(c, false))}
                  </View>
                </View>
              </Field>

              {emergency ? (
                <View className='urgent' id='repair-emergency-banner'>
                  <View className='urgent__head'>
                    <View className='urgent__icon'>!</View>
                    <View className='urgent__title'>急修：值班技师将在 15 分钟内上门</View>
                  </View>
                  <View className='urgent__text'>
                    {water
                      ? '为减少损失，请先关闭入户总水阀，移开贵重物品，注意用电安全，远离积水处的电源插座。'
                      : '请先关闭入户总闸，不要触碰裸露电线；如闻到焦糊味，请立即离开并拨打 119。'}
                  </View>
                  <View className='urgent__quick' id='repair-emergency-quick'>
                    描述和照片可不填，直接提交即可；值班技师出发前会与您电话联系。
                  </View>
                  <ErrorNote text={error} id='repair-emergency-error' />
                  <FixNote count={checks.count} />
                  {submitButton('repair-submit')}
                </View>
              ) : null}

              <Field
                label='维修位置'
                required
                id='repair-location-field'
                error={checks.errorOf('location')}
                helpId='repair-location-help'
                help={
                  location === 'in_home'
                    ? '户内维修为有偿服务（保修期内的项目免费）：技师上门查看后先报价，经您在小程序确认后才开始维修，不会擅自收费。'
                    : location === 'common_area'
                      ? '公共区域的设施由物业负责维护，维修免费，感谢您的反馈。'
                      : '公共区域维修免费；户内有偿维修需先确认报价，经您同意后才开始维修。'
                }
              >
                <View className='loc'>
                  <View id='repair-location-in_home' className={`loc__opt ${location === 'in_home' ? 'loc__opt--on' : ''}`} onClick={() => setLocation('in_home')}>
                    <View className='loc__title'>户内</View>
                    <View className='loc__desc'>家中水电、门窗、墙面等</View>
                    <View className='loc__tag loc__tag--paid'>有偿 · 先报价</View>
                  </View>
                  <View id='repair-location-common_area' className={`loc__opt ${location === 'common_area' ? 'loc__opt--on' : ''}`} onClick={() => setLocation('common_area')}>
                    <View className='loc__title'>公共区域</View>
                    <View className='loc__desc'>楼道、电梯、公共照明等</View>
                    <View className='loc__tag'>免费维修</View>
                  </View>
                </View>
              </Field>

              {emergency ? null : (
                <Field
                  label='方便上门的时间'
                  id='repair-time'
                  error={checks.errorOf('preferredTime')}
                  helpId='repair-time-summary'
                  help={<Nums>{chosenSlot ? `技师将在 ${timeRange(chosenSlot.range)} 上门，到时请保持电话畅通。` : '不指定时间：我们将在 24 小时内与您联系并上门。'}</Nums>}
                >
                  <TimePicker calendar={calendar} dayIdx={dayIdx} slot={slot} onDay={pickDay} onSlot={setSlot} />
                </Field>
              )}

              <Field label={emergency ? '情况描述（选填）' : '故障描述'} required={!emergency} box='area' id='repair-content-field' error={checks.errorOf('content')}>
                <TextArea
                  id='repair-content'
                  value={content}
                  onChange={setContent}
                  placeholder={emergency ? '可简单写几个字，例如：厨房水管爆了；也可以只拍照片' : '请描述故障的位置和情况，例如：卫生间洗手池下方水管接口漏水，地面已有积水。'}
                  maxLength={1000}
                  showCount
                  rows={4}
                  autoSize
                />
              </Field>

              {canUploadPhotos ? <PhotoField photos={photos} idPrefix='repair' label='现场照片' hint={`（选填，最多 ${MAX_PHOTOS} 张，自动压缩）`} error={checks.errorOf('photos')} /> : null}

              <HouseholdField idPrefix='repair' label='报修房屋' variant='chips' households={me.households} value={householdId} onChange={setHouseholdId} error={checks.errorOf('household')} />

              <ErrorNote text={error} id='repair-error' />
              <FixNote count={checks.count} id='repair-fix' />
              {submitButton(emergency ? 'repair-submit-bottom' : 'repair-submit')}
              <View className='repair__tip'>物业服务中心 24 小时受理 · 急修 15 分钟到场 · 一般维修 24 小时内上门</View>
            </View>
          </View>
        </PageShell>
      )}
    </ResidentGate>
  );
}
