import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import type { Output } from '../../api/client';
import { formatTime } from '../../lib/format';
import { Bars, Kpi, pct } from './Bars';

type Satisfaction = Output<'report', 'monthly'>['satisfaction'];
type Row = Satisfaction['byStaff'][number];

function Table({ rows, id, title }: { rows: Row[]; id: string; title: string }) {
  return (
    <View className='card' id={id}>
      <View className='card__title'>{title}</View>
      {rows.length === 0 ? (
        <EmptyState title='本月暂无评价与回访' />
      ) : (
        <View className='table'>
          <View className='table__row table__row--head'>
            <View className='table__name'>名称</View>
            <View className='table__cell'>评价</View>
            <View className='table__cell'>平均分</View>
            <View className='table__cell'>低分</View>
            <View className='table__cell'>回访</View>
            <View className='table__cell'>发现问题</View>
          </View>
          {rows.map((r) => (
            <View className='table__row' key={r.key} id={`${id}-${r.key}`}>
              <View className='table__name'>{r.label}</View>
              <View className='table__cell'>{r.ratings}</View>
              <View className='table__cell'>{r.average ?? '—'}</View>
              <View className={`table__cell ${r.low ? 'table__cell--warn' : ''}`}>{r.low}</View>
              <View className='table__cell'>{r.callbacks}</View>
              <View className={`table__cell ${r.problems ? 'table__cell--warn' : ''}`}>{r.problems}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** R-SAT-3: the month's ratings and callbacks per department and staff member; R-SAT-2's follow-ups. */
export function SatisfactionPart({ report }: { report: Satisfaction }) {
  return (
    <View id='report-satisfaction'>
      <View className='kpis'>
        <Kpi label='平均评分' value={report.ratings.average ?? '—'} unit={report.ratings.average !== null ? ' / 5' : undefined} id='report-sat-average' sub={`${report.ratings.count} 条评价`} />
        <Kpi label='低分评价（≤2 星）' value={report.ratings.low} id='report-sat-low' warn={report.ratings.low > 0} sub='每条均转主管跟进' />
        <Kpi label='回访满意率' value={pct(report.callbacks.satisfiedRate)} id='report-sat-callbacks' sub={`回访 ${report.callbacks.count} · 发现问题 ${report.callbacks.problem}`} />
        <Kpi label='主管跟进' value={report.followUps.count} id='report-sat-followups' warn={report.followUps.count > 0} sub='低分评价与回访发现问题' />
      </View>
      <View className='cols'>
        <View className='cols__main'>
          <Table rows={report.byDepartment} id='report-sat-departments' title='按部门' />
          <Table rows={report.byStaff} id='report-sat-staff' title='按员工' />
        </View>
        <View className='cols__side'>
          <View className='card'>
            <View className='card__title'>评分分布</View>
            <Bars id='report-sat-stars' tone='calm' rows={report.ratings.distribution.map((d) => ({ key: String(d.stars), label: `${d.stars} 星`, count: d.count }))} />
          </View>
          <View className='card' id='report-sat-followup-list'>
            <View className='card__title'>待主管跟进</View>
            {report.followUps.items.length === 0 ? (
              <EmptyState title='本月没有需要跟进的评价或回访' />
            ) : (
              report.followUps.items.map((f) => (
                <View className='att' key={`${f.id}-${f.at}`} id={`report-followup-${f.id}`} onClick={() => Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(f.id)}` })}>
                  <Num className='att__no'>{f.number}</Num>
                  <Text className='att__what'>
                    {f.kindLabel} · <Num>{formatTime(f.at)}</Num>
                  </Text>
                  <Text className='att__why'>
                    <Nums>{f.reason}</Nums>
                  </Text>
                </View>
              ))
            )}
          </View>
        </View>
      </View>
    </View>
  );
}
