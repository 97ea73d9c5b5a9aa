import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { ResidentGate, HouseholdField } from '../../components/ResidentGate';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { Num } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf } from '../../lib/session';
import { roomLabel } from '../../lib/format';
import { BillLines } from '../components/BillLines';
import { monthLabel, yuan } from '../lib/format';
import '../fee.scss';
import './index.scss';

type Bill = Output<'fee', 'bills'>['items'][number];
type Tab = 'unpaid' | 'paid';

/** What the resident may tick: an unpaid bill no payment is under way for (the view says both). */
const payable = (b: Bill) => b.status === 'unpaid' && !b.paying;

/** 物业缴费: the household's bills by month, 待缴 and 已缴; tick months and go on to confirm (R-FEE-1). */
export default function Bills() {
  const [householdId, setHouseholdId] = useState('');
  const [bills, setBills] = useState<Bill[] | null>(null);
  const [tab, setTab] = useState<Tab>('unpaid');
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState('');

  const load = async (hid: string) => {
    if (!hid) return;
    try {
      const r = await call('fee', 'bills', { householdId: hid });
      setBills(r.items);
      // Every month that can be paid starts ticked: most residents pay all they owe at once.
      setPicked(r.items.filter(payable).map((b) => b.id));
      setError('');
    } catch (e) {
      setBills([]);
      setError(messageOf(e));
    }
  };
  usePullDownRefresh(() => {
    load(householdId).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <ResidentGate
      idPrefix='bills'
      action='缴费'
      padLoading
      onLoad={(me) => {
        const hid = me.households.some((h) => h.id === householdId) ? householdId : me.households[0].id;
        setHouseholdId(hid);
        load(hid);
      }}
    >
      {(me) => {
        const unpaid = (bills ?? []).filter((b) => b.status === 'unpaid');
        const shown = (bills ?? []).filter((b) => b.status === tab);
        const owedFen = unpaid.reduce((s, b) => s + b.totalFen, 0);
        const chosen = (bills ?? []).filter((b) => picked.includes(b.id) && payable(b));
        const chosenFen = chosen.reduce((s, b) => s + b.totalFen, 0);
        const toggle = (b: Bill) => payable(b) && setPicked((p) => (p.includes(b.id) ? p.filter((x) => x !== b.id) : [...p, b.id]));
        const toPreview = (ids: string[]) => Taro.navigateTo({ url: `/fee/preview/index?billIds=${encodeURIComponent(ids.join(','))}` });
        const goPay = () => toPreview(chosen.map((b) => b.id));
        return (
          <PageShell className='fee'>
            <View className='fee-hero'>
              <View className='fee-hero__label'>
                <Num>{roomLabel(householdId)}</Num> 待缴金额
              </View>
              <View className='fee-hero__amount' id='bills-owed'>
                {bills ? <Num>{yuan(owedFen)}</Num> : '—'}
              </View>
              <View className='fee-hero__sub'>
                {bills === null ? '正在查询账单…' : unpaid.length ? <>共 <Num>{unpaid.length} 个月</Num>待缴，请您在方便时缴纳，感谢您的支持</> : '您已缴清全部物业费用，感谢您的支持！'}
              </View>
            </View>
            <View className='page-pad fee__body'>
              {me.households.length > 1 ? (
                <View className='card'>
                  <HouseholdField
                    idPrefix='bills'
                    label='选择房屋'
                    variant='chips'
                    households={me.households}
                    value={householdId}
                    onChange={(id) => {
                      setHouseholdId(id);
                      setBills(null);
                      load(id);
                    }}
                  />
                </View>
              ) : null}

              <View className='card fee-links'>
                <View className='fee-links__item' id='bills-standards' onClick={() => Taro.navigateTo({ url: `/fee/standards/index?householdId=${encodeURIComponent(householdId)}` })}>
                  <View className='fee-links__text'>收费标准公示</View>
                  <View className='muted'>收费项目、单价与依据</View>
                </View>
                <View className='fee-links__item' id='bills-receipts' onClick={() => Taro.navigateTo({ url: `/fee/receipts/index?householdId=${encodeURIComponent(householdId)}` })}>
                  <View className='fee-links__text'>我的收据</View>
                  <View className='muted'>电子收据，随时查验</View>
                </View>
              </View>

              <View className='fee-tabs' role='tablist' aria-label='账单状态'>
                {(['unpaid', 'paid'] as const).map((t) => (
                  <View key={t} id={`bills-tab-${t}`} role='tab' aria-selected={tab === t ? 'true' : 'false'} className={`fee-tabs__tab ${tab === t ? 'fee-tabs__tab--on' : ''}`} onClick={() => setTab(t)}>
                    {t === 'unpaid' ? '待缴' : '已缴'}
                    {bills ? <Text className='fee-tabs__count'>（{(bills ?? []).filter((b) => b.status === t).length}）</Text> : null}
                  </View>
                ))}
              </View>

              <ErrorNote text={error} id='bills-error' />
              {bills === null ? (
                <Loading />
              ) : shown.length === 0 ? (
                error ? null : (
                  <View className='card'>
                    <EmptyState id='bills-empty' title={tab === 'unpaid' ? '暂无待缴账单' : '暂无已缴账单'} desc={tab === 'unpaid' ? '本期费用均已缴清，感谢您对物业工作的支持。' : '缴费成功后，账单会显示在这里。'} />
                  </View>
                )
              ) : (
                <View id={`bills-list-${tab}`}>
                  {shown.map((b) => {
                    const can = payable(b);
                    const on = can && picked.includes(b.id);
                    return (
                      <View key={b.id} className={`card bill ${on ? 'bill--on' : ''}`} id={`bill-${b.period}`}>
                        <View
                          className='bill__head'
                          onClick={() => toggle(b)}
                          {...(can ? { role: 'checkbox', 'aria-checked': on ? 'true' : 'false', id: `bill-pick-${b.period}` } : {})}
                        >
                          {can ? <View className={`tick ${on ? 'tick--on' : ''}`} aria-hidden='true' /> : null}
                          <View className='grow bill__month'>
                            <Num>{monthLabel(b.period)}</Num>
                          </View>
                          {b.status === 'paid' ? (
                            <View className='status status--success'>已缴</View>
                          ) : b.paying ? (
                            <View className='status status--primary'>{b.canResume ? '待完成支付' : '支付处理中'}</View>
                          ) : (
                            <View className='status status--warning'>待缴</View>
                          )}
                        </View>
                        <BillLines lines={b.lines} totalFen={b.totalFen} idPrefix={`bill-${b.period}`} />
                        {b.status === 'paid' && b.receiptNumber ? (
                          <View className='bill__foot link' id={`bill-receipt-${b.period}`} onClick={() => Taro.navigateTo({ url: `/fee/receipt/index?number=${encodeURIComponent(b.receiptNumber!)}` })}>
                            查看收据 <Num>{b.receiptNumber}</Num> ›
                          </View>
                        ) : b.canResume ? (
                          <View className='bill__foot bill__resume'>
                            <View className='grow muted'>您有一笔支付尚未完成，可继续支付（约 30 分钟内有效）</View>
                            <Button id={`bill-resume-${b.period}`} type='primary' size='small' onClick={() => toPreview(b.resumeBillIds)}>
                              继续支付
                            </Button>
                          </View>
                        ) : b.paying ? (
                          <View className='bill__foot muted'>该月费用有一笔支付正在进行（可能由家人发起），请稍候刷新查看结果，感谢您的耐心</View>
                        ) : null}
                      </View>
                    );
                  })}
                </View>
              )}
            </View>
            {tab === 'unpaid' && unpaid.some(payable) ? (
              <View className='paybar' id='bills-paybar'>
                <View className='grow'>
                  <View className='paybar__sum'>
                    合计 <Num id='bills-chosen-total'>{yuan(chosenFen)}</Num>
                  </View>
                  <View className='muted'>{chosen.length ? <>已选 <Num>{chosen.length} 个月</Num></> : '请勾选要缴纳的月份'}</View>
                </View>
                <Button id='bills-pay' type='primary' disabled={!chosen.length} onClick={goPay}>
                  去缴费
                </Button>
              </View>
            ) : null}
          </PageShell>
        );
      }}
    </ResidentGate>
  );
}
