import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin, type Me } from '../../lib/session';
import { isoAt } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import './index.scss';

type Report = Output<'report', 'monthly'>;

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const pct = (r: number | null) => (r === null ? '—' : `${r}%`);

/** Plain-language findings for the month (R-REP-7 分析), from the same figures. */
function findings(r: Report): string[] {
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

/** R-REP-7: the month's repair and callback summary for the supervisor and the manager. */
export default function MonthlyReport() {
  const [month, setMonth] = useState(() => isoAt(serverNow()).slice(0, 7));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    if (needsLogin() || !me || !may(me, 'report.read')) return;
    setReport(null);
    call('report', 'monthly', { month }).then(
      (r) => {
        setReport(r);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  }, [month, me]);

  const onMe = (m: Me) => {
    syncClock().then(() => {
      setMonth(isoAt(serverNow()).slice(0, 7));
      setMe(m);
    });
  };
  const thisMonth = isoAt(serverNow()).slice(0, 7);
  const maxCount = Math.max(1, ...(report?.byCategory.map((c) => c.count) ?? [1]));

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
                <View className='wb-head__lead'>报修与回访的汇总、统计与分析 · 按报修提交时间统计</View>
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
              </View>
            </View>
            <ErrorNote text={error} id='report-error' />
            {!report ? (
              error ? null : <Loading />
            ) : (
              <>
                <View className='kpis' id='report-kpis'>
                  <View className='kpi'>
                    <View className='kpi__label'>报修总数</View>
                    <View className='kpi__num' id='report-total'>
                      {report.total}
                    </View>
                    <View className='kpi__sub'>急修 {report.emergencies} 单</View>
                  </View>
                  <View className={`kpi ${report.arrival.onTimeRate !== null && report.arrival.onTimeRate < 95 ? 'kpi--warn' : ''}`}>
                    <View className='kpi__label'>按时到场率</View>
                    <View className='kpi__num' id='report-ontime'>
                      {pct(report.arrival.onTimeRate)}
                    </View>
                    <View className='kpi__sub'>
                      按时 {report.arrival.onTime} · 超时 {report.arrival.late}
                      {report.arrival.early ? ` · 早于预约 ${report.arrival.early}` : ''}
                    </View>
                  </View>
                  <View className={`kpi ${report.callback.rate !== null && report.callback.rate < 100 ? 'kpi--warn' : ''}`}>
                    <View className='kpi__label'>回访率</View>
                    <View className='kpi__num' id='report-callback'>
                      {pct(report.callback.rate)}
                    </View>
                    <View className='kpi__sub'>
                      已回访 {report.callback.called}/{report.callback.completed} · 及时率 {pct(report.callback.onTimeRate)}
                    </View>
                  </View>
                  <View className={`kpi ${report.rework.rate ? 'kpi--warn' : ''}`}>
                    <View className='kpi__label'>返工率</View>
                    <View className='kpi__num' id='report-rework'>
                      {pct(report.rework.rate)}
                    </View>
                    <View className='kpi__sub'>返工 {report.rework.reworked} 单</View>
                  </View>
                  <View className='kpi'>
                    <View className='kpi__label'>平均评分</View>
                    <View className='kpi__num' id='report-rating'>
                      {report.rating.average ?? '—'}
                      {report.rating.average !== null ? <Text className='kpi__unit'> / 5</Text> : null}
                    </View>
                    <View className='kpi__sub'>{report.rating.count} 条评价</View>
                  </View>
                </View>

                <View className='cols'>
                  <View className='cols__main'>
                    <View className='card'>
                      <View className='card__title'>按类别统计</View>
                      {report.byCategory.length === 0 ? (
                        <EmptyState title='本月暂无报修' />
                      ) : (
                        <View id='report-categories'>
                          {report.byCategory.map((c) => (
                            <View className='bar' key={c.category} id={`report-cat-${c.category}`}>
                              <View className='bar__label'>{c.label}</View>
                              <View className='bar__track'>
                                <View className='bar__fill' style={{ width: `${Math.max(4, (100 * c.count) / maxCount)}%` }} />
                              </View>
                              <View className='bar__num'>{c.count}</View>
                            </View>
                          ))}
                        </View>
                      )}
                    </View>
                    <View className='card' id='report-attention'>
                      <View className='card__title'>需逐单跟进的工单</View>
                      {report.attention.length === 0 ? (
                        <EmptyState title='本月工单均已按时办结' />
                      ) : (
                        report.attention.map((c) => (
                          <View
                            className='att'
                            key={c.id}
                            id={`report-case-${c.id}`}
                            onClick={() => Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(c.id)}` })}
                          >
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
              </>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
