import { Text, View } from '@tarojs/components';
import { Num, Nums } from '../../components/Num';
import { Photos } from '../../components/ui';
import { formatTime } from '../../lib/format';
import type { ClosureTestView, InspectionView, ViolationView } from '../../../core/schemas/renovation';

const Pass = ({ ok, id }: { ok: boolean; id?: string }) => (
  <View className={`status status--${ok ? 'success' : 'warning'}`} {...(id ? { id } : {})}>
    {ok ? '合格' : '不合格'}
  </View>
);

/** 闭水试验 records (R-REN-7): when, how long, the result and the note. */
export function ClosureTests({ items, id }: { items: ClosureTestView[]; id: string }) {
  return (
    <View id={id}>
      {items.map((t, i) => (
        <View className='record' key={i} id={`${id}-${i}`}>
          <View className='record__head'>
            <Text>
              闭水试验 <Num>{t.hours} 小时</Num>
            </Text>
            <Pass ok={t.passed} id={`${id}-${i}-result`} />
          </View>
          {t.note ? (
            <View className='record__body'>
              <Nums>{t.note}</Nums>
            </View>
          ) : null}
          <View className='record__meta'>
            <Num>{formatTime(t.at, true)}</Num> 记录{t.ownerPresent ? ' · 业主（或受托人）在场' : ''}
          </View>
          <Photos ids={t.photos} idPrefix={`${id}-${i}-photo`} />
        </View>
      ))}
    </View>
  );
}

/** 装修巡查 records (R-REN-8): each visit's result, checklist and findings. */
export function Inspections({ items, id }: { items: InspectionView[]; id: string }) {
  return (
    <View id={id}>
      {[...items].reverse().map((t, n) => {
        const i = items.length - 1 - n;
        const off = t.checklist.filter((c) => !c.ok);
        return (
          <View className='record' key={i} id={`${id}-${i}`}>
            <View className='record__head'>
              <Text>
                第 <Num>{i + 1}</Num> 次巡查
              </Text>
              <Pass ok={t.passed} id={`${id}-${i}-result`} />
            </View>
            <View className='record__body'>
              <Nums>{t.findings}</Nums>
            </View>
            {off.length ? <View className='record__body'>需整改：{off.map((c) => c.label).join('、')}</View> : null}
            <View className='record__meta'>
              <Num>{formatTime(t.at, true)}</Num>
            </View>
            <Photos ids={t.photos} idPrefix={`${id}-${i}-photo`} />
          </View>
        );
      })}
    </View>
  );
}

/** 装修违章处理通知单 (R-REN-9): what, by when, and where it stands. */
export function Violations({ items, id }: { items: ViolationView[]; id: string }) {
  return (
    <View id={id}>
      {items.map((v, i) => (
        <View className='record' key={v.id} id={`${id}-${i}`}>
          <View className='record__head'>
            <Text>违章整改通知{v.stopOrder ? '（停工整改）' : ''}</Text>
            <View className={`status status--${v.status === 'rectified' ? 'success' : 'warning'}`}>{v.statusLabel}</View>
          </View>
          <View className='record__body'>
            <Nums>{v.description}</Nums>
          </View>
          <View className='record__meta'>
            请于 <Num>{formatTime(v.deadline, true)}</Num> 前整改完毕 · 通知于 <Num>{formatTime(v.at)}</Num>
          </View>
          {v.resolution ? (
            <View className='record__body'>
              处理结果：<Nums>{v.resolution}</Nums>
            </View>
          ) : null}
          <Photos ids={v.proofs} idPrefix={`${id}-${i}-proof`} />
        </View>
      ))}
    </View>
  );
}
