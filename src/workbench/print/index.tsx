import { useState, type ReactNode } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { EmptyState, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { isH5, messageOf, needsLogin } from '../../lib/session';
import { CALLBACK_METHOD_LABELS, LOCATION_LABELS } from '../../lib/labels';
import { formatTime, isoAt, roomLabel, timeRange } from '../../lib/format';
import { serverNow, syncClock } from '../../lib/clock';
import { money } from '../../lib/money';
import './index.scss';
import { Num, Nums } from '../../components/Num';

type CaseView = Output<'workbench', 'get'>;

function Cell({ k, children, wide, id, tall }: { k: string; children?: ReactNode; wide?: boolean; id?: string; tall?: boolean }) {
  return (
    <View className={`wo-cell ${wide ? 'wo-cell--wide' : ''} ${tall ? 'wo-cell--tall' : ''}`}>
      <View className='wo-k'>{k}</View>
      <View className='wo-v' {...(id ? { id } : {})}>
        {children ?? ''}
      </View>
    </View>
  );
}

/** 维修工作单 (R-REP-5): one printable sheet per repair, with the signatures the paper copy needs. */
export default function PrintWorkOrder() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (needsLogin() || !id) return;
    Promise.all([call('workbench', 'get', { id }), syncClock()]).then(
      ([v]) => {
        setCase(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  const back = () => Taro.navigateBack().catch(() => Taro.redirectTo({ url: `/workbench/case/index?id=${encodeURIComponent(id)}` }));

  if (!c) {
    return (
      <PageShell className='wo-page'>
        <View className='wo-wrap'>{error ? <EmptyState id='wo-error' title='很抱歉，暂时无法打开工作单' desc={error} /> : <Loading />}</View>
      </PageShell>
    );
  }
  const w = c.work;
  const printed = formatTime(isoAt(serverNow()), true);

  return (
    <PageShell className='wo-page'>
      <View className='wo-toolbar no-print'>
        <View className='wo-btn' id='wo-back' onClick={back}>
          ‹ 返回工单
        </View>
        {isH5 ? (
          <View className='wo-btn wo-btn--primary' id='wo-print' onClick={() => window.print()}>
            打印工作单
          </View>
        ) : (
          <Text className='wo-hint'>请在电脑端打开工作台打印</Text>
        )}
      </View>
      <View className='wo-wrap'>
        <View className='wo-sheet' id='wo-sheet'>
          <View className='wo-org'>示例花园物业服务中心 · 工程维修部</View>
          <View className='wo-title-row'>
            <View className='wo-title'>
              维修工作单
              {c.emergency ? <Text className='wo-urgent'>急修</Text> : null}
            </View>
            <View className='wo-no'>
              No. <Num id='wo-no'>{c.number}</Num>
            </View>
          </View>

          <View className='wo-section'>报修信息</View>
          <View className='wo-grid'>
            <Cell k='工单编号' id='wo-number'>
              <Num>{c.number}</Num>
            </Cell>
            <Cell k='报修时间'>
              <Num>{formatTime(c.createdAt, true)}</Num>
            </Cell>
            <Cell k='房屋' id='wo-household'>
              <Num>{c.householdId}</Num>（<Num>{roomLabel(c.householdId)}</Num>）
            </Cell>
            <Cell k='受理渠道'>{c.channelLabel}</Cell>
            <Cell k='联系人' id='wo-contact'>
              {c.contactName}
            </Cell>
            <Cell k='联系电话' id='wo-phone'>
              <Num>{c.contactPhone}</Num>
            </Cell>
            <Cell k='报修类别' id='wo-category'>
              {c.categoryLabel ?? c.kindLabel}
              {c.emergency ? '（急修）' : ''}
            </Cell>
            <Cell k='维修位置' id='wo-location'>
              {c.location ? `${LOCATION_LABELS[c.location]}${c.location === 'in_home' ? '（有偿维修）' : '（免费维修）'}` : '—'}
            </Cell>
            <Cell k='预约时间' wide>
              <Nums>{c.preferredTime ? timeRange(c.preferredTime) : c.emergency ? '急修，15 分钟内到场' : '未指定（24 小时内上门）'}</Nums>
            </Cell>
            <Cell k='报修内容' wide tall id='wo-content'>
              <Nums>{c.content}</Nums>
            </Cell>
          </View>

          <View className='wo-section'>派工与维修</View>
          <View className='wo-grid'>
            <Cell k='维修技师' id='wo-tech'>
              {w?.technicianName ?? ''}
            </Cell>
            <Cell k='派单时间'>
              <Num>{formatTime(w?.dispatchedAt)}</Num>
            </Cell>
            <Cell k='到场时间' id='wo-arrived'>
              <Num>{formatTime(w?.arrivedAt)}</Num>
            </Cell>
            <Cell k='完工时间'>
              <Num>{formatTime(w?.completedAt)}</Num>
            </Cell>
            <Cell k='报价' wide>
              <Nums>{w?.quote ? `${money(w.quote.feeFen)}（${{ pending: '待住户确认', accepted: '住户已接受', declined: '住户未接受' }[w.quote.decision]}）${w.quote.note ? ` ${w.quote.note}` : ''}` : c.location === 'common_area' ? '公共区域，免费维修' : ''}</Nums>
            </Cell>
            <Cell k='维修结果' wide tall id='wo-result'>
              <Nums>{w?.result ?? ''}</Nums>
            </Cell>
            <Cell k='使用材料' wide id='wo-materials'>
              <Nums>{w?.materials.join('、') ?? ''}</Nums>
            </Cell>
            <Cell k='收费金额' id='wo-fee'>
              <Num>{w?.completedAt ? money(w.feeFen) : ''}</Num>
            </Cell>
            <Cell k='返工次数'>
              <Num>{w?.completedAt || w?.reworks ? `${w?.reworks ?? 0} 次` : ''}</Num>
            </Cell>
            <Cell k='回访' wide>
              <Nums>{w?.callback ? `${formatTime(w.callback.at)} ${CALLBACK_METHOD_LABELS[w.callback.method]}，${w.callback.outcome === 'satisfied' ? '住户满意' : '发现问题，返工'}${w.callback.note ? `：${w.callback.note}` : ''}` : ''}</Nums>
            </Cell>
          </View>

          <View className='wo-signs'>
            <View className='wo-sign'>
              <View className='wo-sign__k'>技师签字</View>
              <View className='wo-sign__line' />
              <View className='wo-sign__date'>日期：　　年　　月　　日</View>
            </View>
            <View className='wo-sign'>
              <View className='wo-sign__k'>住户签字确认</View>
              <View className='wo-sign__line' />
              <View className='wo-sign__date'>日期：　　年　　月　　日</View>
            </View>
          </View>
          <View className='wo-foot'>
            <Text>住户满意度：□ 非常满意　□ 满意　□ 一般　□ 不满意</Text>
            <Text className='wo-foot__printed'>
              打印时间 <Num>{printed}</Num>
            </Text>
          </View>
          <View className='wo-note'>本单一式两联，技师与住户各执一联。户内有偿维修以住户确认的报价为准，不另收费。服务监督：物业服务中心前台（24 小时）。</View>
        </View>
      </View>
    </PageShell>
  );
}
