import { useEffect, useState, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Tag } from './nut';
import { photoUrl } from '../lib/files';
import { previewPhotos } from '../lib/preview';
import { DEADLINE_LABELS, statusTone } from '../lib/labels';
import { formatTime, remaining } from '../lib/format';
import { Num, Nums } from './Num';

export function StatusTag({ status, label, id }: { status: string; label: string; id?: string }) {
  const tone = statusTone(status);
  return (
    <View className={`status status--${tone}`} {...(id ? { id } : {})}>
      {label}
    </View>
  );
}

export function KindTag({ label }: { label: string }) {
  return (
    <Tag type='primary' plain round>
      {label}
    </Tag>
  );
}

export function ErrorNote({ text, id }: { text: string; id?: string }) {
  if (!text) return null;
  return (
    <View className='notice notice--error' {...(id ? { id } : {})} role='alert'>
      {text}
    </View>
  );
}

/**
 * By the submit button, when fields show errors: how many, and where to look. Not an alert — each field's
 * own message is one (Field), and focus has moved to the first.
 */
export function FixNote({ count, id }: { count: number; id?: string }) {
  if (!count) return null;
  return (
    <View className='notice notice--error' {...(id ? { id } : {})}>
      {count > 1 ? `还有 ${count} 处需要补充或修改，请看标红的提示` : '还有 1 处需要补充或修改，请看标红的提示'}
    </View>
  );
}

export function Loading({ text = '正在加载，请稍候…' }: { text?: string }) {
  return <View className='loading-block'>{text}</View>;
}

/** A friendly empty state drawn with CSS (no remote images). */
export function EmptyState({ title, desc, action, id }: { title: string; desc?: string; action?: ReactNode; id?: string }) {
  return (
    <View className='empty' {...(id ? { id } : {})}>
      <View className='empty__art'>
        <View className='empty__sheet' />
        <View className='empty__sheet empty__sheet--front' />
      </View>
      <View className='empty__title'>{title}</View>
      {desc ? <View className='empty__desc'>{desc}</View> : null}
      {action ? <View className='empty__action'>{action}</View> : null}
    </View>
  );
}

/** An uploaded photo (fetched with the session on H5); tap to preview. */
export function Photo({ fileId, all, id }: { fileId: string; all?: string[]; id?: string }) {
  const [src, setSrc] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    photoUrl(fileId).then(
      (u) => live && setSrc(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [fileId]);
  const preview = async () => {
    if (!src) return;
    const urls = all ? await Promise.all(all.map((f) => photoUrl(f).catch(() => ''))) : [src];
    await previewPhotos(src, urls.filter(Boolean));
  };
  return (
    <View className='photo' {...(id ? { id } : {})} onClick={preview}>
      {src ? <Image className='photo__img' src={src} mode='aspectFill' nativeProps={{ alt: '照片，点按查看大图' }} /> : <View className='photo__ph'>{failed ? '图片加载失败' : '加载中'}</View>}
    </View>
  );
}

export function Photos({ ids, idPrefix = 'photo' }: { ids: string[]; idPrefix?: string }) {
  if (!ids.length) return null;
  return (
    <View className='photos'>
      {ids.map((f, i) => (
        <Photo key={f} fileId={f} all={ids} id={`${idPrefix}-${i}`} />
      ))}
    </View>
  );
}

export interface TimelineItem {
  type: string;
  label: string;
  at: string;
  by: string;
  byName: string;
  note: string | null;
}

/** Newest first, each event with who and when (R-INT-4). */
export function Timeline({ items, id }: { items: TimelineItem[]; id?: string }) {
  const list = [...items].reverse();
  return (
    <View className='timeline' {...(id ? { id } : {})}>
      {list.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`tl-item ${i === 0 ? 'tl-item--latest' : ''}`} id={id ? `${id}-${list.length - 1 - i}` : undefined}>
          <View className='tl-dot' />
          <View className='tl-head'>
            <Text className='tl-label'>{t.label}</Text>
            <Num className='tl-time'>{formatTime(t.at)}</Num>
          </View>
          {t.byName ? <View className='tl-by'>经办：{t.byName}</View> : null}
          {t.note ? (
            <View className='tl-note'>
              <Nums>{t.note}</Nums>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export interface DeadlineItem {
  name: string;
  dueAt: string;
  /** The promise in words (from core; a complaint's 移交 goes to the department supervisor). */
  label?: string;
  metAt?: string;
  breached: boolean;
  paused?: boolean;
  /** Met before the agreed window opened: arrived, not on time (core decides). */
  early?: boolean;
}

/** 承诺时限: each deadline with its due time and whether it was met, is running, or was missed. */
export function Deadlines({ items, resident, id, now }: { items: DeadlineItem[]; resident?: boolean; id?: string; now?: number }) {
  return (
    <View {...(id ? { id } : {})}>
      {items.map((d) => {
        const r = remaining(d.dueAt, now);
        let state: string;
        let late = false;
        if (d.metAt) {
          state = d.breached ? `已完成（超出时限）` : d.early ? '早于预约时间（不计按时）' : '已按时完成';
          late = d.breached;
        } else if (d.paused && !d.breached) {
          state = '计时已暂停';
        } else if (d.breached || r.overdue) {
          state = resident ? '很抱歉，已超出承诺时限，我们正在加紧处理' : r.text;
          late = true;
        } else {
          state = r.text;
        }
        return (
          <View className='deadline' key={d.name} id={id ? `${id}-${d.name}` : undefined}>
            <View className='grow'>
              <View className='deadline__name'>{d.label ?? DEADLINE_LABELS[d.name] ?? d.name}</View>
              <View className='deadline__due'>
                {d.metAt ? (
                  <>
                    <Num>{formatTime(d.metAt)}</Num> 完成 · 承诺 <Num>{formatTime(d.dueAt)}</Num> 前
                  </>
                ) : (
                  <>
                    承诺于 <Num>{formatTime(d.dueAt)}</Num> 前
                  </>
                )}
              </View>
            </View>
            <View className={`deadline__state ${late ? 'deadline__state--late' : ''}`}>
              <Nums>{state}</Nums>
            </View>
          </View>
        );
      })}
    </View>
  );
}

export function KV({ k, v, id }: { k: string; v: ReactNode; id?: string }) {
  return (
    <View className='kv'>
      <View className='kv__k'>{k}</View>
      <View className='kv__v' {...(id ? { id } : {})}>
        {v}
      </View>
    </View>
  );
}

export function Chips<T extends string>({
  options,
  value,
  onChange,
  idPrefix,
  allowNone,
}: {
  options: { value: T; label: string }[];
  value: T | '' | undefined;
  onChange: (v: T | '') => void;
  idPrefix: string;
  allowNone?: boolean;
}) {
  return (
    <View className='chips'>
      {options.map((o) => (
        <View
          key={o.value}
          id={`${idPrefix}-${o.value}`}
          className={`chip ${value === o.value ? 'chip--on' : ''}`}
          onClick={() => onChange(allowNone && value === o.value ? '' : o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
