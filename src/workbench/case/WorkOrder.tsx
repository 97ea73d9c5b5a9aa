import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { KV } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { CALLBACK_METHOD_LABELS, LOCATION_LABELS } from '../../lib/labels';
import { formatTime, timeRange } from '../../lib/format';
import { money } from '../../lib/money';
import type { CaseView } from './actions';

/** 维修工作单 in the case page: who, when, what was quoted and done. */
export function WorkOrder({ c }: { c: CaseView }) {
  const w = c.work;
  if (!w) return null;
  return (
    <View className='card' id='wb-work'>
      <View className='card__title'>
        维修工作单
        <Text className='link-btn' id='wb-print' onClick={() => Taro.navigateTo({ url: `/workbench/print/index?id=${encodeURIComponent(c.id)}` })}>
          打印工作单 ›
        </Text>
      </View>
      <KV k='维修位置' v={c.location ? `${LOCATION_LABELS[c.location]}${c.location === 'in_home' ? '（有偿，先报价）' : '（免费）'}` : '—'} />
      <KV k='预约时间' v={<Nums>{c.preferredTime ? timeRange(c.preferredTime) : c.emergency ? '急修，立即上门' : '未指定（24 小时内上门）'}</Nums>} />
      <KV k='维修技师' v={<Nums>{w.technicianName ? `${w.technicianName}${w.dispatchedAt ? ` · ${formatTime(w.dispatchedAt)} 派单` : ''}` : '尚未派单'}</Nums>} id='wb-work-tech' />
      <KV k='到场时间' v={<Num>{w.arrivedAt ? formatTime(w.arrivedAt) : '—'}</Num>} id='wb-work-arrived' />
      {w.quote ? (
        <KV
          k='报价'
          v={<Nums>{`${money(w.quote.feeFen)} · ${{ pending: '待住户确认', accepted: '住户已接受', declined: '住户未接受' }[w.quote.decision]}${w.quote.note ? ` · ${w.quote.note}` : ''}`}</Nums>}
          id='wb-work-quote'
        />
      ) : null}
      <KV k='完工时间' v={<Num>{w.completedAt ? formatTime(w.completedAt) : '—'}</Num>} />
      {w.result ? <KV k='维修结果' v={<Nums>{w.result}</Nums>} id='wb-work-result' /> : null}
      {w.materials.length ? <KV k='使用材料' v={<Nums>{w.materials.join('、')}</Nums>} /> : null}
      {w.completedAt ? <KV k='费用' v={<Num>{money(w.feeFen)}</Num>} id='wb-work-fee' /> : null}
      {w.reworks ? <KV k='返工' v={<Num>{`${w.reworks} 次`}</Num>} /> : null}
      {w.confirmedAt ? <KV k='住户确认' v={<Num>{formatTime(w.confirmedAt)}</Num>} /> : null}
      {w.callback ? (
        <KV
          k='回访'
          v={<Nums>{`${CALLBACK_METHOD_LABELS[w.callback.method]} · ${w.callback.outcome === 'satisfied' ? '住户满意' : '发现问题'}${w.callback.note ? ` · ${w.callback.note}` : ''}`}</Nums>}
          id='wb-work-callback'
        />
      ) : null}
    </View>
  );
}
