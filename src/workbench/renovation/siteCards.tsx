import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '../../components/nut';
import { ErrorNote } from '../../components/ui';
import { Field } from '../../components/Field';
import { Toggle } from '../../components/Toggle';
import { Num, Nums } from '../../components/Num';
import { DateField } from '../../components/DateField';
import { PhotoField, usePhotos } from '../../components/PhotoField';
import { call } from '../../api/client';
import { canUploadPhotos } from '../../lib/files';
import { isoAt } from '../../lib/format';
import { serverNow } from '../../lib/clock';
import { dayLabel } from '../../renovation/lib/format';
import type { RenoView } from './types';
import { useAct, YesNo, type Done } from './act';

const DAY = 86_400_000;

/**
 * The officer's records on site (R-REN-7, R-REN-9), each with its on-site photos: they are kept with the
 * household's archive and shown to the household and to staff who read renovations (core file access).
 */

/** 闭水试验 (R-REN-7): the result, whether the owner was there, what was seen, and photos of it. */
export function ClosureCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const [passed, setPassed] = useState<'' | 'yes' | 'no'>('');
  const [owner, setOwner] = useState(true);
  const [note, setNote] = useState('');
  const act = useAct();
  const photos = usePhotos({ progress: true, onError: act.setError });
  const save = () =>
    act.run(async () => {
      if (!passed) {
        act.setError('请选择闭水试验结果');
        return;
      }
      if (!note.trim()) {
        act.setError('请填写闭水试验情况');
        return;
      }
      const r = await call('renovation', 'closureTest', { id: v.id, passed: passed === 'yes', ownerPresent: owner, note: note.trim(), ...(photos.fileIds.length ? { photos: photos.fileIds } : {}) });
      onDone(r as RenoView, '闭水试验已记录');
    });
  return (
    <View className='card act' id='wbr-closure-card'>
      <View className='card__title'>记录闭水试验</View>
      <View className='act__hint'>蓄水 24 小时，与业主共同查看楼下有无渗漏，贴砖前完成。</View>
      <Field label='结果' id='wbr-closure-passed-field'>
        <YesNo id='wbr-closure-passed' value={passed} onChange={setPassed} yes='无渗漏，合格' no='有渗漏，不合格' />
      </Field>
      <View className='check-item'>
        <Text className='check-item__label'>业主（或受托人）在场</Text>
        <Toggle id='wbr-closure-owner' label='业主在场' checked={owner} onChange={setOwner} />
      </View>
      <Field label='情况说明' required box='area' id='wbr-closure-note-field'>
        <TextArea id='wbr-closure-note' value={note} onChange={setNote} placeholder='如：卫生间、厨房蓄水 24 小时，楼下无渗漏' maxLength={500} rows={2} autoSize />
      </Field>
      {canUploadPhotos ? <PhotoField photos={photos} idPrefix='wbr-closure' label='现场照片' hint='（选填，如蓄水水位、楼下顶棚）' /> : null}
      <ErrorNote text={act.error} id='wbr-closure-error' />
      <Button id='wbr-closure-save' type='primary' block loading={act.busy} disabled={photos.uploading > 0} onClick={save}>
        记录闭水试验
      </Button>
    </View>
  );
}

/** 装修违章处理通知单 (R-REN-9): what is wrong, the deadline to put it right, and photos of it. */
export function ViolationCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const today = isoAt(serverNow()).slice(0, 10);
  const [desc, setDesc] = useState('');
  const [day, setDay] = useState(() => isoAt(serverNow() + 3 * DAY).slice(0, 10));
  const [stop, setStop] = useState(false);
  const act = useAct();
  const photos = usePhotos({ progress: true, onError: act.setError });
  const save = () =>
    act.run(async () => {
      if (!desc.trim()) {
        act.setError('请填写违章情况');
        return;
      }
      const r = await call('renovation', 'violation', {
        id: v.id,
        description: desc.trim(),
        deadline: `${day}T18:00:00+08:00`,
        stopOrder: stop,
        ...(photos.fileIds.length ? { proofs: photos.fileIds } : {}),
      });
      onDone(r as RenoView, '整改通知已发出');
    });
  return (
    <View className='card act' id='wbr-violation-card'>
      <View className='card__title'>违章整改通知</View>
      <Field label='违章情况' required box='area' id='wbr-violation-desc-field'>
        <TextArea id='wbr-violation-desc' value={desc} onChange={setDesc} placeholder='如：未经申报在阳台外墙开孔，请恢复原状' maxLength={1000} rows={3} autoSize />
      </Field>
      <Field label={<>整改期限（当日 <Num>18:00</Num> 前）</>} required box='input' id='wbr-violation-deadline-field'>
        <DateField mode='date' value={day} start={today} onChange={setDay} label='整改期限'>
          <View className='date-pick' id='wbr-violation-deadline'>
            <Num>{dayLabel(day)}</Num>
          </View>
        </DateField>
      </Field>
      {canUploadPhotos ? <PhotoField photos={photos} idPrefix='wbr-violation' label='现场照片' hint='（选填，留存违章证据）' /> : null}
      <View className='check-item'>
        <Text className='check-item__label'>停工整改</Text>
        <Toggle id='wbr-violation-stop' label='停工整改' checked={stop} onChange={setStop} />
      </View>
      <ErrorNote text={act.error} id='wbr-violation-error' />
      <Button id='wbr-violation-save' block loading={act.busy} disabled={photos.uploading > 0} onClick={save}>
        发出整改通知
      </Button>
    </View>
  );
}

/** A notice still standing (R-REN-9): put right, or — ignored past its deadline — reported in writing to the authority; with proof photos. */
export function ResolveViolationCard({ v, onDone }: { v: RenoView; onDone: Done }) {
  const standing = v.violations.filter((x) => x.status === 'open' || x.status === 'report_due');
  const [note, setNote] = useState('');
  const act = useAct();
  const photos = usePhotos({ progress: true, onError: act.setError });
  if (!standing.length) return null;
  const x = standing[0];
  const resolve = (outcome: 'rectified' | 'reported') =>
    act.run(async () => {
      if (!note.trim()) {
        act.setError('请填写处理情况');
        return;
      }
      const r = await call('renovation', 'resolveViolation', { id: v.id, violationId: x.id, outcome, note: note.trim(), ...(photos.fileIds.length ? { proofs: photos.fileIds } : {}) });
      onDone(r as RenoView, outcome === 'rectified' ? '已记录整改完成' : '已记录书面上报');
    });
  return (
    <View className='card act' id='wbr-resolve-card'>
      <View className='card__title'>违章处理结果</View>
      <View className='act__hint'>
        <Nums>{x.description}</Nums>（{x.statusLabel}）
      </View>
      <Field label='处理情况' required box='area' id='wbr-resolve-note-field'>
        <TextArea id='wbr-resolve-note' value={note} onChange={setNote} placeholder='如：外墙开孔已封堵，复查合格' maxLength={1000} rows={2} autoSize />
      </Field>
      {canUploadPhotos ? <PhotoField photos={photos} idPrefix='wbr-resolve' label='整改或上报凭证' hint='（选填）' /> : null}
      <ErrorNote text={act.error} id='wbr-resolve-error' />
      <View className='btn-pair'>
        <Button id='wbr-resolve-reported' loading={act.busy} disabled={photos.uploading > 0} onClick={() => resolve('reported')}>
          已书面上报
        </Button>
        <Button id='wbr-resolve-rectified' type='primary' loading={act.busy} disabled={photos.uploading > 0} onClick={() => resolve('rectified')}>
          已整改
        </Button>
      </View>
    </View>
  );
}
