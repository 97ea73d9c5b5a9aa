import { View } from '@tarojs/components';
import { EmptyState } from '../../components/ui';
import { Num } from '../../components/Num';
import type { Output } from '../../api/client';
import { formatTime } from '../../lib/format';
import { Bars, Kpi, pct } from './Bars';

type Complaints = Output<'report', 'monthly'>['complaints'];

/** 投诉情况月汇总表 (R-CMP-6): by level, department and cause, deadlines kept, the invalid share. */
export function ComplaintsPart({ report }: { report: Complaints }) {
  return (
    <View id='report-complaints'>
      <View className='section-note'>
        统计截至 <Num>{formatTime(report.asOf)}</Num> · 本月汇总表最迟于 <Num>{formatTime(report.dueBy)}</Num> 前完成
      </View>
      <View className='kpis'>
        <Kpi label='投诉总数' value={report.total} id='report-cmp-total' sub={`已办结 ${report.resolved} · 未办结 ${report.open}`} />
        <Kpi
          label='时限按时率'
          value={pct(report.onTime.onTimeRate)}
          id='report-cmp-ontime'
          warn={report.onTime.onTimeRate !== null && report.onTime.onTimeRate < 100}
          sub={`按时 ${report.onTime.onTime} · 超时 ${report.onTime.late}`}
        />
        <Kpi label='无效投诉占比' value={pct(report.invalid.rate)} id='report-cmp-invalid' sub={`无效 ${report.invalid.count} 件`} />
      </View>
      {report.total === 0 ? (
        <View className='card'>
          <EmptyState title='本月暂无投诉' desc='感谢各部门的用心服务' />
        </View>
      ) : (
        <View className='cols'>
          <View className='cols__main'>
            <View className='card'>
              <View className='card__title'>按级别</View>
              <Bars id='report-cmp-levels' tone='warn' rows={report.byLevel.filter((x) => x.key !== 'unclassified' || x.count > 0)} />
            </View>
            <View className='card'>
              <View className='card__title'>按投诉原因</View>
              <Bars id='report-cmp-causes' rows={report.byCategory} />
            </View>
          </View>
          <View className='cols__side'>
            <View className='card'>
              <View className='card__title'>按责任部门</View>
              <Bars id='report-cmp-departments' tone='calm' rows={report.byDepartment} />
            </View>
            <View className='card' id='report-cmp-deadlines'>
              <View className='card__title'>各时限按时情况</View>
              {report.deadlines.map((d) => (
                <View className='trow' key={d.name} id={`report-cmp-deadline-${d.name}`}>
                  <View className='trow__label'>{d.label}</View>
                  <View className='trow__nums'>
                    按时 {d.onTime} · 超时 {d.late} · <Num>{pct(d.onTimeRate)}</Num>
                  </View>
                </View>
              ))}
            </View>
          </View>
        </View>
      )}
    </View>
  );
}
