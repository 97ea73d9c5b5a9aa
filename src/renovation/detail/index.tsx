import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { ErrorNote, Loading, Timeline } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime, roomLabel } from '../../lib/format';
import { APPLICANT_LABELS } from '../../../core/domain/renovation/vocabulary';
import { FeeLines } from '../components/FeeLines';
import { ClosureTests, Inspections, Violations } from '../components/Records';
import { dayLabel, yuan } from '../lib/format';
import { NEXT_STEP } from '../lib/words';
import '../renovation.scss';

type View_ = Output<'renovation', 'get'>;

const REFUND_WORDS: Record<string, string> = {
  pending: '退款处理中，将原路退回付款账户',
  processing: '退款处理中，将原路退回付款账户',
  succeeded: '已退回付款账户',
  failed: '退款遇到问题，物业会尽快与您联系',
};

/** One application as the resident follows it: status in plain words, what is missing, fees, permit and passes, 闭水, inspections, violations, acceptance and refund. */
export default function RenovationDetail() {
  const router = useRouter();
  const id = router.params.id ?? '';
  const [v, setV] = useState<View_ | null>(null);
  const [error, setError] = useState('');

  const load = async () => {
    if (needsLogin() || !id) return;
    try {
      setV(await call('renovation', 'get', { id }));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!v)
    return (
      <PageShell>
        <View className='page-pad' style={{ paddingTop: '24px' }}>
          {error ? <ErrorNote text={error} id='reno-error' /> : <Loading />}
        </View>
      </PageShell>
    );

  const passes = v.documents.workers.filter((w) => w.passNumber);
  return (
    <PageShell className='reno'>
      <View className='reno-hero'>
        <View className='reno-hero__title'>
          <Num>{roomLabel(v.householdId)}</Num> 装修申请
        </View>
        <View className='reno-hero__sub'>
          申请编号 <Num id='reno-number'>{v.number}</Num> · 提交于 <Num>{formatTime(v.createdAt, true)}</Num>
        </View>
      </View>
      <View className='page-pad'>
        <ErrorNote text={error} id='reno-error' />
        <View className='card' id='reno-status-card'>
          <View className='reno-status'>
            <View className='grow reno-status__word' id='reno-status'>
              {v.statusLabel}
            </View>
          </View>
          <View className='reno-status__next'>{NEXT_STEP[v.status]}</View>
        </View>

        {v.missing.length || v.returnNote ? (
          <View className='card' id='reno-missing'>
            <View className='card__title'>需要补充或修改的资料</View>
            <View className='missing'>
              {v.missing.map((m, i) => (
                <View className='missing__item' key={i} id={`reno-missing-${m.code}`}>
                  {m.label}
                  {m.worker !== undefined ? `（施工人员 ${m.worker + 1}）` : ''}
                </View>
              ))}
            </View>
            {v.returnNote ? (
              <View className='notice notice--info' id='reno-return-note'>
                装修管理员留言：<Nums>{v.returnNote}</Nums>
              </View>
            ) : null}
            {v.allowed.resubmit ? (
              <View style={{ marginTop: '24px' }}>
                <Button id='reno-resubmit' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: `/renovation/resubmit/index?id=${encodeURIComponent(v.id)}` })}>
                  补充资料并重新提交
                </Button>
              </View>
            ) : null}
          </View>
        ) : null}

        <View className='card' id='reno-fees'>
          <View className='card__title'>
            装修费用
            {v.billStatus ? (
              <View className={`status status--${v.billStatus === 'paid' ? 'success' : 'warning'}`} id='reno-bill-status'>
                {v.billStatus === 'paid' ? '已缴费' : '待缴费'}
              </View>
            ) : null}
          </View>
          <FeeLines fees={v.fees} totalFen={v.totalFen} id='reno-fee-lines' />
          {v.allowed.pay ? (
            <View style={{ marginTop: '24px' }}>
              <Button id='reno-pay' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: `/fee/bills/index?householdId=${encodeURIComponent(v.householdId)}` })}>
                去缴费
              </Button>
            </View>
          ) : !v.billStatus ? (
            <View className='muted' style={{ marginTop: '12px' }}>
              申请批准后会生成缴费账单，请您留意消息通知。
            </View>
          ) : null}
        </View>

        {v.permitNumber || passes.length ? (
          <View className='card' id='reno-permits'>
            <View className='card__title'>施工许可证与出入证</View>
            {v.permitNumber ? (
              <View className='permit'>
                <View className='grow'>
                  <View className='permit__label'>装修施工许可证</View>
                  <Num className='permit__number' id='reno-permit'>
                    {v.permitNumber}
                  </Num>
                </View>
              </View>
            ) : null}
            {passes.map((w, i) => (
              <View className='doc-list__row' key={i} id={`reno-pass-${i}`}>
                <Text className='grow'>
                  {w.name} <Num className='muted'>{w.idNumber ?? ''}</Num>
                </Text>
                <Text>
                  出入证 <Num>{w.passNumber}</Num>
                </Text>
              </View>
            ))}
            <View className='muted' style={{ marginTop: '12px' }}>
              请施工人员佩证上岗；竣工后请将许可证和出入证交回物业服务中心。
            </View>
          </View>
        ) : null}

        <View className='card' id='reno-info'>
          <View className='card__title'>申请信息</View>
          <View className='doc-list__row'>
            <Text className='grow'>申请人</Text>
            <Text>
              {v.applicantName} · {APPLICANT_LABELS[v.applicant]}
            </Text>
          </View>
          <View className='doc-list__row'>
            <Text className='grow'>工期</Text>
            <Text>
              <Num>{dayLabel(v.startDate)}</Num> 至 <Num>{dayLabel(v.endDate)}</Num>
            </Text>
          </View>
          <View className='doc-list__row'>
            <Text className='grow'>装修面积</Text>
            <Num>{v.areaM2} m²</Num>
          </View>
          <View className='doc-list__row'>
            <Text className='grow'>装修规定与协议</Text>
            <Text id='reno-rules-accepted'>
              {v.rulesAccepted ? '已阅读并同意' : '未同意'}
              {v.rulesAccepted && v.rulesVersion ? <Num>（版本 {v.rulesVersion}）</Num> : null}
            </Text>
          </View>
          {v.demolitionM2 ? (
            <View className='doc-list__row'>
              <Text className='grow'>拆墙面积</Text>
              <Num>{v.demolitionM2} m²</Num>
            </View>
          ) : null}
          <View className='doc-list__row'>
            <Text className='grow'>装修方案</Text>
          </View>
          <View className='record__body'>
            <Nums>{v.plan}</Nums>
          </View>
        </View>

        {v.closureTests.length ? (
          <View className='card'>
            <View className='card__title'>闭水试验</View>
            <ClosureTests items={v.closureTests} id='reno-closure' />
          </View>
        ) : null}

        {v.inspections.length || v.nextInspectionDueAt ? (
          <View className='card'>
            <View className='card__title'>
              装修巡查
              {v.nextInspectionDueAt ? (
                <Text className='card__hint'>
                  下次巡查 <Num>{formatTime(v.nextInspectionDueAt)}</Num> 前
                </Text>
              ) : null}
            </View>
            {v.inspections.length ? <Inspections items={v.inspections} id='reno-inspections' /> : <View className='muted'>施工开始后，装修管理员会定期上门巡查。</View>}
          </View>
        ) : null}

        {v.violations.length ? (
          <View className='card'>
            <View className='card__title'>整改通知</View>
            <Violations items={v.violations} id='reno-violations' />
          </View>
        ) : null}

        {v.refundFen !== null ? (
          <View className='card' id='reno-acceptance'>
            <View className='card__title'>竣工验收与退款</View>
            {v.deductions.map((x, i) => (
              <View className='doc-list__row' key={i} id={`reno-deduction-${i}`}>
                <Text className='grow'>扣除：{x.reason}</Text>
                <Num>-{yuan(x.amountFen)}</Num>
              </View>
            ))}
            <View className='refund'>
              <View className='muted'>退还金额</View>
              <Num className='refund__amount' id='reno-refund'>
                {yuan(v.refundFen)}
              </Num>
              {v.refundStatus ? (
                <View className='muted' id='reno-refund-status'>
                  {REFUND_WORDS[v.refundStatus]}
                </View>
              ) : null}
            </View>
          </View>
        ) : null}

        {v.timeline.length ? (
          <View className='card'>
            <View className='card__title'>办理记录</View>
            <Timeline id='reno-timeline' items={v.timeline.map((t) => ({ ...t, byName: '' }))} />
          </View>
        ) : null}
        <View className='draft-note'>感谢您的配合，祝您装修顺利、入住愉快！</View>
      </View>
    </PageShell>
  );
}
