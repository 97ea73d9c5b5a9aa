import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { Field } from './Field';
import { messageOf } from '../lib/session';
import { compressPhoto, uploadImage } from '../lib/files';
import './resident.scss';

export const MAX_PHOTOS = 9;

export type PhotoItem = { key: string; preview: string; progress: number; fileId?: string; failed?: boolean };

interface Options {
  /**
   * Compress before uploading and keep each photo's tile in place with its progress (a failed upload
   * stays as a "上传失败" tile to remove). Without it a photo only joins the list once uploaded, and a
   * failed one is dropped.
   */
  progress?: boolean;
  /** Receives '' when a new batch starts and the message of a failed upload. */
  onError: (message: string) => void;
}

export interface Photos {
  items: PhotoItem[];
  progress: boolean;
  /** Photos still uploading. */
  uploading: number;
  /** The uploaded photos' file ids, in order. */
  fileIds: string[];
  add: () => Promise<void>;
  remove: (key: string) => void;
}

/** The photos a resident has chosen, uploading or uploaded (up to MAX_PHOTOS). */
export function usePhotos({ progress = false, onError }: Options): Photos {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const pending = items.filter((p) => !p.fileId && !p.failed);
  const uploading = pending.length;
  const fileIds = items.filter((p) => p.fileId).map((p) => p.fileId!);

  const add = async () => {
    const left = MAX_PHOTOS - fileIds.length - uploading;
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
    const files = chosen.tempFiles.slice(0, left).map((f, n) => ({ f, key: `${Date.now()}-${n}` }));
    onError('');
    setItems((list) => [...list, ...files.map(({ f, key }) => ({ key, preview: f.path, progress: 0 }))]);
    const set = (key: string, patch: Partial<PhotoItem>) => setItems((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
    const drop = (key: string) => setItems((list) => list.filter((p) => p.key !== key));
    for (const { f, key } of files) {
      const original = (f as { originalFileObj?: Blob }).originalFileObj;
      try {
        if (progress) {
          const small = await compressPhoto(f.path, original);
          const fileId = await uploadImage(small.path, small.blob, (percent) => set(key, { progress: percent }));
          set(key, { fileId, progress: 100 });
        } else {
          const fileId = await uploadImage(f.path, original);
          // Uploaded photos are listed in the order they finished.
          setItems((list) => {
            const rest = list.filter((p) => p.key !== key);
            const done = rest.filter((p) => p.fileId).length;
            return done < MAX_PHOTOS ? [...rest, { key, preview: f.path, progress: 100, fileId }] : rest;
          });
        }
      } catch (e) {
        if (progress) set(key, { failed: true });
        else drop(key);
        onError(messageOf(e));
      }
    }
  };

  const remove = (key: string) => setItems((list) => list.filter((p) => p.key !== key));

  return { items, progress, uploading, fileIds, add, remove };
}

interface FieldProps {
  photos: Photos;
  /** Ids: `${idPrefix}-photos`, `${idPrefix}-photo-N`, `${idPrefix}-photo-remove-N`, `${idPrefix}-add-photo`. */
  idPrefix: string;
  label: string;
  hint: string;
  /** This field's error (useFieldErrors); the field's id is `<idPrefix>-photos-field`. */
  error?: string;
}

/** The photo picker field: thumbnails with remove buttons, upload state, and the "+ n/9" tile. */
export function PhotoField({ photos, idPrefix, label, hint, error }: FieldProps) {
  const { items, progress, uploading, add, remove } = photos;
  const done = items.filter((p) => p.fileId);
  const kept = items.filter((p) => !p.failed).length;
  return (
    <Field label={label} hint={hint} id={`${idPrefix}-photos-field`} error={error}>
      <View className='photos' id={`${idPrefix}-photos`}>
        {progress
          ? items.map((p, i) => (
              <View className='photo' key={p.key} id={`${idPrefix}-photo-${i}`} data-done={p.fileId ? '1' : '0'}>
                <Image className='photo__img' src={p.preview} mode='aspectFill' nativeProps={{ alt: `已选照片 ${i + 1}` }} />
                {!p.fileId ? (
                  <View className={`photo__veil ${p.failed ? 'photo__veil--failed' : ''}`}>
                    {p.failed ? '上传失败' : `${p.progress}%`}
                    {p.failed ? null : (
                      <View className='photo__bar'>
                        <View className='photo__bar-fill' style={{ width: `${p.progress}%` }} />
                      </View>
                    )}
                  </View>
                ) : null}
                {p.fileId || p.failed ? (
                  <View className='photo__remove' id={`${idPrefix}-photo-remove-${i}`} role='button' aria-label={`删除照片 ${i + 1}`} onClick={() => remove(p.key)}>
                    ×
                  </View>
                ) : null}
              </View>
            ))
          : [
              ...done.map((p, i) => (
                <View className='photo' key={p.key} id={`${idPrefix}-photo-${i}`}>
                  <Image className='photo__img' src={p.preview} mode='aspectFill' nativeProps={{ alt: `已选照片 ${i + 1}` }} />
                  <View className='photo__remove' id={`${idPrefix}-photo-remove-${i}`} role='button' aria-label={`删除照片 ${i + 1}`} onClick={() => remove(p.key)}>
                    ×
                  </View>
                </View>
              )),
              ...Array.from({ length: uploading }).map((_, i) => (
                <View className='photo' key={`up-${i}`}>
                  <View className='photo__ph'>上传中…</View>
                </View>
              )),
            ]}
        {kept < MAX_PHOTOS ? (
          <View className='photo photo--add' id={`${idPrefix}-add-photo`} onClick={add}>
            <View className='plus'>+</View>
            <View>
              {progress ? kept : done.length}/{MAX_PHOTOS}
            </View>
          </View>
        ) : null}
      </View>
    </Field>
  );
}
