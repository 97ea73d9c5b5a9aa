import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { usePeriodSheet } from '../components/usePeriodSheet';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { canHandleSpreadsheets } from '../../lib/spreadsheet';
import { RepairsPart } from './RepairsPart';
import { ComplaintsPart } from './ComplaintsPart';
import { SatisfactionPart } from './SatisfactionPart';
import './index.scss';

type Report = Output<'report', 'monthly'>;
type Part = 'repairs' | 'complaints' | 'satisfaction';
const PARTS: { key: Part; label: string }[] = [
  { key: 'repairs', label: '报修与回访' },
  { key: 'complaints', label: '投诉情况月汇总' },
  { key: 'satisfaction', label: '满意度统计' },
];

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The monthly reports for the supervisor and the manager: repairs (R-REP-7), complaints (R-CMP-6), satisfaction (R-SAT-3). */
export default function MonthlyReport() {
  const { period: month, setPeriod: setMonth, data: report, error, exporting, onMe, onExport, current: thisMonth } = usePeriodSheet<Report>({
    unit: 'month',
    permission: 'report.read',
    load: (month) => call('report', 'monthly', { month }),
    exportSheet: (month) => call('report', 'export', { month }),
  });
  const [part, setPart] = useState<Part>('repairs');

  return (
    <WbShell tab='report' onMe={onMe}>
      {(who) =>
        !may(who, 'report.read') ? (
          <View className='card'>
            <EmptyState id='report-forbidden' title='月度报表仅供客服主管和经理查看' />
          </View>
        ) : (
          <View className='report'>
            <View className='wb-head'>
              <View>
                {/* The header names the page (员工工作台 · …): this line says how to work it. */}
                <View className='wb-head__lead'>报修、投诉与满意度的月度汇总 · 本月数据随时可查（截至当前）</View>
              </View>
              <View className='month'>
                <Button id='report-prev' size='small' onClick={() => setMonth(shift(month, -1))}>
                  ‹ 上月
                </Button>
                <Text className='month__label' id='report-month'>
                  {monthLabel(month)}
                </Text>
                <Button id='report-next' size='small' disabled={month >= thisMonth} onClick={() => setMonth(shift(month, 1))}>
                  下月 ›
                </Button>
                {canHandleSpreadsheets ? (
                  <Button id='report-export' size='small' type='primary' loading={exporting} disabled={exporting || !report} onClick={onExport}>
                    导出 Excel
                  </Button>
                ) : (
                  <Text className='month__hint' id='report-export-hint'>
                    导出 Excel 请在电脑端工作台操作
                  </Text>
                )}
              </View>
            </View>
            <View className='tabs' id='report-tabs'>
              {PARTS.map((p) => (
                <View key={p.key} id={`report-tab-${p.key}`} className={`tabs__item ${part === p.key ? 'tabs__item--on' : ''}`} onClick={() => setPart(p.key)}>
                  {p.label}
                </View>
              ))}
            </View>
            <ErrorNote text={error} id='report-error' />
            {!report ? (
              error ? null : <Loading />
            ) : part === 'repairs' ? (
              <RepairsPart report={report.repairs} />
            ) : part === 'complaints' ? (
              <ComplaintsPart report={report.complaints} />
            ) : (
              <SatisfactionPart report={report.satisfaction} />
            )}
          </View>
        )
      }
    </WbShell>
  );
}
