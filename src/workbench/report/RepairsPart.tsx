import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import type { Output } from '../../api/client';
import { Bars, Kpi, pct } from './Bars';

type Repairs = Output<'report', 'monthly'>['repairs'];

/** Plain-language findings for the month (R-REP-7 分析), from the same figures. */
function findings(r: Repairs): string[] {
  const out: string[] = [];
  if (r.total === 0) return ['本月暂无报修记录。'];
  out.push(`本月共受理报修 ${r.total} 单${r.emergencies ? `，其中急修 ${r.emergencies} 单` : ''}；最多的类别是「${r.byCategory[0]?.label}」（${r.byCategory[0]?.count} 单）。`);
  if (r.arrival.onTimeRate !== null && r.arrival.onTimeRate < 95) out.push(`按时到场率 ${r.arrival.onTimeRate}%，有 ${r.arrival.late + r.arrival.early} 单未按承诺时间到场，建议复核值班安排与急修响应。`);
  else if (r.arrival.onTimeRate !== null) out.push(`按时到场率 ${r.arrival.onTimeRate}%，到场承诺履行良好。`);
  if (r.callback.completed > r.callback.called) out.push(`回访率 ${pct(r.callback.rate)}：尚有 ${r.callback.completed - r.callback.called} 单完工未回访，规范要求 100% 回访。`);
  else if (r.callback.completed) out.push(`完工工单已全部回访${r.callback.onTimeRate !== null && r.callback.onTimeRate < 100 ? `，但及时率为 ${r.callback.onTimeRate}%` : ''}。`);
  if (r.rework.reworked) out.push(`返工 ${r.rework.reworked} 单（返工率 ${pct(r.rework.rate)}），建议对返工原因逐单分析。`);
  if (r.rating.average !== null) out.push(`住户平均评分 ${r.rating.average} 分（${r.rating.count} 条评价）${r.rating.average < 4 ? '，低于 4 分，请主管重点跟进。' : '。'}`);
  return out;
}

/** R-REP-7: the month's repair and callback summary. */
export function RepairsPart({ report }: { report: Repairs }) {
  return (
    <View id='report-repairs'>
      <View className='kpis' id='report-kpis'>
        <Kpi label='报修总数' value={report.total} id='report-total' sub={`急修 ${report.emergencies} 单`} />
        <Kpi
          label='按时到场率'
          value={pct(report.arrival.onTimeRate)}
          id='report-ontime'
          warn={report.arrival.onTimeRate !== null && report.arrival.onTimeRate < 95}
          sub={`按时 ${report.arrival.onTime} · 超时 ${report.arrival.late}${report.arrival.early ? ` · 早于预约 ${report.arrival.early}` : ''}`}
        />
        <Kpi
          label='回访率'
          value={pct(report.callback.rate)}
          id='report-callback'
          warn={report.callback.rate !== null && report.callback.rate < 100}
          sub={`已回访 ${report.callback.called}/${report.callback.completed} · 及时率 ${pct(report.callback.onTimeRate)}`}
        />
        <Kpi label='返工率' value={pct(report.rework.rate)} id='report-rework' warn={!!report.rework.rate} sub={`返工 ${report.rework.reworked} 单`} />
        <Kpi label='平均评分' value={report.rating.average ?? '—'} unit={report.rating.average !== null ? ' / 5' : undefined} id='report-rating' sub={`${report.rating.count} 条评价`} />
      </View>
      <View className='cols'>
        <View className='cols__main'>
          <View className='card'>
            <View className='card__title'>按类别统计</View>
            {report.byCategory.length === 0 ? <EmptyState title='本月暂无报修' /> : <Bars id='report-categories' itemPrefix='report-cat' rows={report.byCategory.map((c) => ({ key: c.category, label: c.label, count: c.count }))} />}
          </View>
          <View className='card' id='report-attention'>
            <View className='card__title'>需逐单跟进的工单</View>
            {report.attention.length === 0 ? (
              <EmptyState title='本月工单均已按时办结' />
            ) : (
              report.attention.map((c) => (
                <View className='att' key={c.id} id={`report-case-${c.id}`} onClick={() => Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(c.id)}` })}>
                  <Num className='att__no'>{c.number}</Num>
                  <Text className='att__what'>
                    {c.categoryLabel} · <Num>{c.room}</Num> · {c.statusLabel}
                  </Text>
                  <Text className='att__why'>{c.reasonLabels.join('、')}</Text>
                </View>
              ))
            )}
          </View>
        </View>
        <View className='cols__side'>
          <View className='card' id='report-findings'>
            <View className='card__title'>本月分析</View>
            {findings(report).map((t, i) => (
              <View className='finding' key={i}>
                <Nums>{t}</Nums>
              </View>
            ))}
          </View>
        </View>
      </View>
    </View>
  );
}
