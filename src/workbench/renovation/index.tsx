import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { Deadlines, EmptyState, ErrorNote, KV, Loading, Photos, Timeline } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call } from '../../api/client';
import type { RenoView } from './types';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime, roomLabel } from '../../lib/format';
import { syncClock, serverNow } from '../../lib/clock';
import { APPLICANT_LABELS, PREMISES_LABELS } from '../../../core/domain/renovation/vocabulary';
import { FeeLines } from '../../renovation/components/FeeLines';
import { ClosureTests, Inspections, Violations } from '../../renovation/components/Records';
import { dayLabel, yuan } from '../../renovation/lib/format';
import { AcceptCard, InspectCard, ReviewCard } from './cards';
import { ClosureCard, ResolveViolationCard, ViolationCard } from './siteCards';
import '../../renovation/renovation.scss';
import '../renovation.scss';


const TONE: Record<string, string> = { submitted: 'primary', returned: 'warning', approved: 'success', in_progress: 'primary', accepted: 'success', refunded: 'default' };

/** One application on the workbench: everything it carries, and the officer's actions the view allows now. */
export default function WbRenovation() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [v, setV] = useState<RenoView | null>(null);
  const [error, setError] = useState('');

  const load = () => {
    if (needsLogin() || !id) return;
    Promise.all([call('renovation', 'get', { id }), syncClock()]).then(
      ([r]) => {
        setV(r);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  };
  useDidShow(load);
  const done = (next: RenoView | null, message: string) => {
    Taro.showToast({ title: message, icon: 'none' });
    if (next) setV(next);
    else load();
  };

  return (
    <WbShell tab='case' back='renovations'>
      {() =>
        error && !v ? (
          <View className='card'>
            <EmptyState id='wbr-error' title='很抱歉，暂时无法打开该申请' desc={error} />
          </View>
        ) : !v ? (
          <Loading />
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__title'>
                  装修申请 <Num id='wbr-number'>{v.number}</Num>
                </View>
                <View className='wb-head__sub'>
                  <Num>{roomLabel(v.householdId)}</Num> · 申请人 {v.applicantName}（{APPLICANT_LABELS[v.applicant]}）· 提交于 <Num>{formatTime(v.createdAt, true)}</Num>
                </View>
              </View>
              <View className={`status status--${TONE[v.status]}`} id='wbr-status'>
                {v.statusLabel}
              </View>
            </View>
            <View className='cols'>
              <View className='cols__main'>
                <View className='card'>
                  <View className='card__title'>申请信息</View>
                  <KV k='房屋用途' v={PREMISES_LABELS[v.premises]} />
                  <KV k='工期' v={<><Num>{dayLabel(v.startDate)}</Num> 至 <Num>{dayLabel(v.endDate)}</Num></>} />
                  <KV k='装修面积' v={<Num>{v.areaM2} m²</Num>} />
                  <KV k='拆墙面积' v={v.demolitionM2 ? <Num>{v.demolitionM2} m²</Num> : '无'} />
                  <KV k='拆改主体结构' v={v.structuralChange ? '是' : '否'} id='wbr-structural' />
                  <KV k='二次装修' v={v.secondRenovation ? '是' : '否'} />
                  <KV k='装修规定与协议' v={v.rulesAccepted ? <>已阅读并同意{v.rulesVersion ? <>（版本 <Num>{v.rulesVersion}</Num>）</> : null}</> : '未同意'} />
                  <KV k='装修方案' v={<Nums>{v.plan}</Nums>} />
                  {v.permitNumber ? <KV k='施工许可证' v={<Num id='wbr-permit'>{v.permitNumber}</Num>} /> : null}
                </View>

                {v.allowed.review ? (
                  <ReviewCard v={v} onDone={done} />
                ) : (
                  <View className='card' id='wbr-documents'>
                    <View className='card__title'>申请资料</View>
                    <Docs v={v} />
                  </View>
                )}

                <View className='card' id='wbr-workers'>
                  <View className='card__title'>施工人员（身份证号已脱敏）</View>
                  {v.documents.workers.map((w, i) => (
                    <View className='wk' key={i} id={`wbr-worker-${i}`}>
                      <Photos ids={w.photo ? [w.photo] : []} idPrefix={`wbr-worker-${i}-photo`} />
                      <View className='grow'>
                        <View>{w.name}</View>
                        <Num className='muted'>{w.idNumber ?? '未登记身份证号'}</Num>
                      </View>
                      {w.passNumber ? (
                        <Text>
                          出入证 <Num>{w.passNumber}</Num>
                        </Text>
                      ) : null}
                    </View>
                  ))}
                </View>

                <View className='card'>
                  <View className='card__title'>
                    装修费用
                    {v.billStatus ? <Text className='card__hint'>{v.billStatus === 'paid' ? '已缴费' : '待缴费'}</Text> : null}
                  </View>
                  <FeeLines fees={v.fees} totalFen={v.totalFen} id='wbr-fees' />
                </View>

                {v.closureTests.length ? (
                  <View className='card'>
                    <View className='card__title'>闭水试验</View>
                    <ClosureTests items={v.closureTests} id='wbr-closure' />
                  </View>
                ) : null}
                {v.inspections.length ? (
                  <View className='card'>
                    <View className='card__title'>巡查记录</View>
                    <Inspections items={v.inspections} id='wbr-inspections' />
                  </View>
                ) : null}
                {v.violations.length ? (
                  <View className='card'>
                    <View className='card__title'>违章整改</View>
                    <Violations items={v.violations} id='wbr-violations' />
                  </View>
                ) : null}
                {v.refundFen !== null ? (
                  <View className='card' id='wbr-acceptance'>
                    <View className='card__title'>竣工验收</View>
                    {v.deductions.map((d, i) => (
                      <KV key={i} k='扣款' v={<>{d.reason} <Num>-{yuan(d.amountFen)}</Num></>} />
                    ))}
                    <KV k='退还金额' v={<Num id='wbr-refund'>{yuan(v.refundFen)}</Num>} />
                  </View>
                ) : null}
                {v.internalNotes?.length ? (
                  <View className='card'>
                    <View className='card__title'>内部备注（住户不可见）</View>
                    {v.internalNotes.map((n, i) => (
                      <View className='record' key={i}>
                        <View className='record__body'>
                          <Nums>{n.note}</Nums>
                        </View>
                        <View className='record__meta'>
                          <Num>{formatTime(n.at)}</Num>
                        </View>
                      </View>
                    ))}
                  </View>
                ) : null}
              </View>

              <View className='cols__side'>
                {v.deadlines.length ? (
                  <View className='card'>
                    <View className='card__title'>时限</View>
                    <Deadlines id='wbr-deadlines' items={v.deadlines.map((d) => ({ ...d, metAt: d.metAt ?? undefined }))} now={serverNow()} />
                  </View>
                ) : null}
                {/* Keyed by what they record: a recorded one starts the next with an empty form (and no photos). */}
                {v.allowed.closureTest ? <ClosureCard key={`c${v.closureTests.length}`} v={v} onDone={done} /> : null}
                {v.allowed.inspect ? <InspectCard key={`i${v.inspections.length}`} v={v} onDone={done} /> : null}
                {v.allowed.resolveViolation ? <ResolveViolationCard key={`r${v.violations.filter((x) => x.resolvedAt).length}`} v={v} onDone={done} /> : null}
                {v.allowed.violation ? <ViolationCard key={`v${v.violations.length}`} v={v} onDone={done} /> : null}
                {v.allowed.accept ? <AcceptCard v={v} onDone={done} /> : null}
                {v.acceptBlockers.length ? (
                  <View className='card act' id='wbr-accept-blocked'>
                    <View className='card__title'>竣工验收</View>
                    <View className='act__hint'>办理竣工验收前，还需完成：</View>
                    {v.acceptBlockers.map((b, i) => (
                      <View className='check-item' key={b} id={`wbr-accept-blocker-${i}`}>
                        <Text className='check-item__label'>· {b}</Text>
                      </View>
                    ))}
                  </View>
                ) : null}
                <View className='card'>
                  <View className='card__title'>办理记录</View>
                  <Timeline id='wbr-timeline' items={v.timeline.map((t) => ({ ...t, byName: '' }))} />
                </View>
              </View>
            </View>
          </View>
        )
      }
    </WbShell>
  );
}

/** The documents as uploaded (read-only, once reviewed). */
export function Docs({ v }: { v: RenoView }) {
  const d = v.documents;
  const rows: [string, string, string[]][] = [
    ['form', '装修申请表', d.form ? [d.form] : []],
    ['drawings', '装修图纸', d.drawings],
    ['licence', '营业执照', d.licence ? [d.licence] : []],
    ['qualification', '资质证书', d.qualification ? [d.qualification] : []],
    ['authority', '主管部门审批文件', d.authority ? [d.authority] : []],
    ['poa', '业主委托书', d.powerOfAttorney ? [d.powerOfAttorney] : []],
    ['delegate', '受托人身份证件', d.delegateId ? [d.delegateId] : []],
  ];
  if (!rows.some(([, , ids]) => ids.length)) return <View className='muted'>暂无上传的资料</View>;
  return (
    <View>
      {rows
        .filter(([, , ids]) => ids.length)
        .map(([key, label, ids]) => (
          <View className='rv-row' key={key}>
            <View className='rv-row__label'>{label}</View>
            <View className='rv-row__body'>
              <Photos ids={ids} idPrefix={`wbr-doc-${key}`} />
            </View>
          </View>
        ))}
    </View>
  );
}
