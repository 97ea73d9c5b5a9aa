import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime } from '../../lib/format';
import { money } from '../../lib/money';
import { Num, Nums } from '../../components/Num';
import '../cashier.scss';

type Item = Output<'cashier', 'arrears'>['items'][number];

const dayText = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** 欠费催缴 (R-FEE-7): households with overdue bills, where each ladder stands, and its next step. */
export default function Arrears() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');

  const load = async () => {
    if (needsLogin()) return;
    try {
      setItems((await call('cashier', 'arrears', {})).items);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const remind = async (i: Item) => {
    setBusy(i.householdId);
    setError('');
    setDone('');
    try {
      const r = await call('cashier', 'remind', { householdId: i.householdId });
      setDone(
        r.sentTo > 0
          ? `已向 ${i.room} 的住户发送缴费提醒：欠费 ${money(r.owedFen)}，请于 ${r.deadlineDay} 前缴纳。`
          : `已记录对 ${i.room} 的缴费提醒（欠费 ${money(r.owedFen)}，缴费期限 ${r.deadlineDay}）。该房屋暂无认证住户，请电话或上门提醒业主。`,
      );
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };
  const letter = async (i: Item) => {
    // A formal step of the ladder: recorded, and the residents told. Asked once more before it is issued.
    const { confirm } = await Taro.showModal({
      title: '出具催缴函',
      content: `将为${i.room}出具催缴函（欠费 ${money(i.owedFen)}），记入催缴记录并通知已认证的住户。确定出具吗？`,
      confirmText: '确定出具',
      cancelText: '再想想',
      confirmColor: '#d6453d',
    });
    if (!confirm) return;
    setBusy(i.householdId);
    setError('');
    try {
      await call('cashier', 'demandLetter', { householdId: i.householdId });
      Taro.navigateTo({ url: `/workbench/letter/index?householdId=${encodeURIComponent(i.householdId)}` });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <WbShell tab='arrears'>
      {(me) =>
        !may(me, 'cashier.bill') ? (
          <View className='card'>
            <EmptyState id='arrears-forbidden' title='欠费催缴由收费员和经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>账单所属月份结束后仍未缴纳即为逾期。催缴依次为：缴费提醒 → 提醒满三个月仍未缴纳出具催缴函 → 催缴函满三个月仍未缴纳转法律途径；缴清后自动结束。</View>
                <View className='wb-head__sub'>业主手机号已脱敏（为业主保密）；到期的催缴步骤会通过消息提醒您。</View>
              </View>
            </View>
            <ErrorNote text={error} id='arrears-error' />
            {done ? (
              <View className='notice notice--info' id='arrears-done'>
                <Nums>{done}</Nums>
              </View>
            ) : null}
            {items === null ? (
              error ? null : <Loading />
            ) : items.length === 0 ? (
              <View className='card'>
                <EmptyState id='arrears-empty' title='目前没有逾期欠费的房屋' desc='感谢您的辛勤工作！账单逾期后会出现在这里。' />
              </View>
            ) : (
              <View className='qt' id='arrears-list'>
                <View className='qt-row qt-row--head'>
                  <View className='qt-c qt-house'>房号</View>
                  <View className='qt-c' style={{ width: '180px' }}>
                    业主
                  </View>
                  <View className='qt-c' style={{ width: '200px' }}>
                    逾期欠费
                  </View>
                  <View className='qt-content'>催缴进度</View>
                  <View className='qt-c' style={{ width: '300px' }}>
                    操作
                  </View>
                </View>
                {items.map((i) => (
                  <View key={i.householdId} id={`arrears-${i.householdId}`} className={`qt-row ${i.nextStepDue ? 'qt-row--late' : ''}`} style={{ cursor: 'default', alignItems: 'flex-start' }}>
                    <View className='qt-c qt-house'>
                      <View>
                        <Num>{i.householdId}</Num>
                      </View>
                      <View className='qt-sub'>{i.room}</View>
                    </View>
                    <View className='qt-c' style={{ width: '180px' }}>
                      <View>{i.ownerName}</View>
                      <View className='qt-sub' id={`arrears-phone-${i.householdId}`}>
                        <Num>{i.ownerPhone}</Num>
                      </View>
                    </View>
                    <View className='qt-c' style={{ width: '200px' }}>
                      <View className='cz-money' id={`arrears-owed-${i.householdId}`}>
                        <Num>{money(i.owedFen)}</Num>
                      </View>
                      <View className='qt-sub'>
                        <Num>{i.months}</Num> 个月（<Num>{i.periods.join('、')}</Num>）
                      </View>
                    </View>
                    <View className='qt-content cz-ladder' style={{ whiteSpace: 'normal' }} id={`arrears-ladder-${i.householdId}`}>
                      {i.steps.map((s, k) => (
                        <Text key={k} className='cz-step'>
                          ✓ {s.label} · <Num>{formatTime(s.at, true)}</Num> · {s.byName}
                          {s.deadlineDay ? (
                            <>
                              {' '}
                              · 缴费期限 <Num>{s.deadlineDay}</Num>
                            </>
                          ) : null}
                        </Text>
                      ))}
                      {i.nextStep ? (
                        <Text className={`cz-step ${i.nextStepDue ? 'cz-step--due' : 'cz-step--next'}`} id={`arrears-next-${i.householdId}`}>
                          下一步：{i.nextStepLabel}
                          {i.nextStepDue ? '（已到期，请办理）' : <>（<Num>{dayText(i.nextStepDueAt)}</Num> 到期）</>}
                        </Text>
                      ) : (
                        <Text className='cz-step cz-step--due' id={`arrears-next-${i.householdId}`}>
                          已进入法律途径，请经理决定后续处理
                        </Text>
                      )}
                    </View>
                    <View className='qt-c cz-actions' style={{ width: '300px' }}>
                      {i.allowed.remind ? (
                        <Button id={`arrears-remind-${i.householdId}`} size='small' type='primary' loading={busy === i.householdId} disabled={!!busy} onClick={() => remind(i)}>
                          {i.steps.some((s) => s.step === 'reminder') ? '再次提醒' : '发送缴费提醒'}
                        </Button>
                      ) : null}
                      {i.allowed.demandLetter ? (
                        <Button id={`arrears-letter-${i.householdId}`} size='small' type='danger' disabled={!!busy} onClick={() => letter(i)}>
                          出具催缴函
                        </Button>
                      ) : null}
                      {i.allowed.printLetter ? (
                        <Button id={`arrears-print-${i.householdId}`} size='small' onClick={() => Taro.navigateTo({ url: `/workbench/letter/index?householdId=${encodeURIComponent(i.householdId)}` })}>
                          查看催缴函
                        </Button>
                      ) : null}
                    </View>
                  </View>
                ))}
              </View>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
