import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Field } from '../../components/Field';
import { Photo } from '../../components/ui';
import { compressPhoto, uploadImage } from '../../lib/files';
import { messageOf } from '../../lib/session';

/** Chooses one picture, makes it smaller and uploads it; answers its fileId (null when the picker was closed). */
async function pickAndUpload(onProgress: (p: number) => void): Promise<string | null> {
  let chosen: Taro.chooseImage.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return null;
  }
  const f = chosen.tempFiles[0];
  if (!f) return null;
  const small = await compressPhoto(f.path, (f as { originalFileObj?: Blob }).originalFileObj);
  return uploadImage(small.path, small.blob, onProgress);
}

interface Props {
  /** Ids: `<id>` (the field), `<id>-add`, `<id>-0…` (the pictures), `<id>-remove-N`. */
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** The uploaded pictures (one for most documents; several for drawings). */
  value: string[];
  onChange: (fileIds: string[]) => void;
  max?: number;
  error?: string;
  /** Marks the slot as asked for again by the officer (after a return). */
  flagged?: boolean;
}

/** One document to upload (装修申请表, 营业执照…): a photo or scan of each page, shown as thumbnails. */
export function DocSlot({ id, label, hint, required, value, onChange, max = 1, error, flagged }: Props) {
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState('');
  const add = async () => {
    setFailed('');
    try {
      setProgress(0);
      const fileId = await pickAndUpload(setProgress);
      if (fileId) onChange(max === 1 ? [fileId] : [...value, fileId].slice(0, max));
    } catch (e) {
      setFailed(messageOf(e));
    } finally {
      setProgress(null);
    }
  };
  const full = value.length >= max;
  return (
    <Field label={label} required={required} hint={hint} id={id} error={error || failed}>
      <View className={`doc ${flagged ? 'doc--flagged' : ''}`}>
        {flagged ? <View className='doc__flag'>请重新上传</View> : null}
        <View className='photos'>
          {value.map((f, i) => (
            <View key={f} className='doc__item' id={`${id}-${i}`} data-done='1'>
              <Photo fileId={f} />
              <View className='photo__remove' id={`${id}-remove-${i}`} role='button' aria-label={`删除${label}第 ${i + 1} 张`} onClick={() => onChange(value.filter((x) => x !== f))}>
                ×
              </View>
            </View>
          ))}
          {progress !== null ? (
            <View className='photo'>
              <View className='photo__ph'>上传中 {progress}%</View>
            </View>
          ) : null}
          {progress === null && (!full || max === 1) ? (
            <View className='photo photo--add' id={`${id}-add`} role='button' aria-label={value.length && max === 1 ? `重新上传${label}` : `上传${label}`} onClick={add}>
              <View className='plus'>+</View>
              <View>{value.length && max === 1 ? '重新上传' : '上传'}</View>
            </View>
          ) : null}
        </View>
      </View>
    </Field>
  );
}
