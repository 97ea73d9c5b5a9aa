import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WbShell } from '../components/WbShell';
import { may } from '../../lib/workbench';
import { Button, Input } from '../../components/nut';
import { EmptyState, ErrorNote, Loading, StatusTag } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime } from '../../lib/format';
import { money } from '../../lib/money';
import { Num, Nums } from '../../components/Num';
import '../cashier.scss';

type Receipt = Output<'cashier', 'receipts'>['items'][number];

/** 收据管理 (R-FEE-6): the community's latest receipts; an issued one may be voided with a reason (who and when are recorded). */
export default function Receipts() {
  const [items, setItems] = useState<Receipt[] | null>(null);
  const [error, setError] = useState('');
  const [voiding, setVoiding] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    if (needsLogin()) return;
    try {
      setItems((await call('cashier', 'receipts', {})).items);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useDidShow(() => {
    load();
  });

  const confirmVoid = async (r: Receipt) => {
    if (reason.trim().length < 2) {
      setError('请填写作废原因（至少 2 个字），作废原因会显示在住户的收据上');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const done = await call('cashier', 'voidReceipt', { number: r.number, reason: reason.trim() });
      setItems((list) => (list ? list.map((x) => (x.number === r.number ? done : x)) : list));
      setVoiding('');
      setReason('');
      Taro.showToast({ title: '收据已作废', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <WbShell tab='receipts'>
      {(me) =>
        !may(me, 'cashier.bill') ? (
          <View className='card'>
            <EmptyState id='receipts-forbidden' title='收据管理由收费员和经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>每笔缴费自动开具收据，编号按年连续。开错的收据请作废并写明原因：编号保留、不再使用，住户的收据和公开验证都会显示「已作废」及原因。</View>
                <View className='wb-head__sub'>这里显示最近 100 张；更早的收据请在「收费日结」中按日期查看。</View>
              </View>
            </View>
            <ErrorNote text={error} id='receipts-error' />
            {items === null ? (
              error ? null : <Loading />
            ) : items.length === 0 ? (
              <View className='card'>
                <EmptyState id='receipts-empty' title='暂无收据' desc='住户缴费成功后，收据会出现在这里。' />
              </View>
            ) : (
              <View className='qt' id='receipts-list'>
                <View className='qt-row qt-row--head'>
                  <View className='qt-c' style={{ width: '240px' }}>
                    收据编号
                  </View>
                  <View className='qt-c qt-house'>房号</View>
                  <View className='qt-c' style={{ width: '140px' }}>
                    金额
                  </View>
                  <View className='qt-content'>缴费时间 · 缴费人</View>
                  <View className='qt-c qt-status'>状态</View>
                  <View className='qt-c' style={{ width: '160px' }}>
                    操作
                  </View>
                </View>
                {items.map((r) => (
                  <View key={r.number} id={`receipt-${r.number}`} className='qt-row' style={{ cursor: 'default', flexWrap: 'wrap' }}>
                    <View className='qt-c' style={{ width: '240px' }}>
                      <Num>{r.number}</Num>
                    </View>
                    <View className='qt-c qt-house'>
                      <View>
                        <Num>{r.householdId}</Num>
                      </View>
                      <View className='qt-sub'>{r.room}</View>
                    </View>
                    <View className='qt-c cz-money' style={{ width: '140px' }}>
                      <Num>{money(r.totalFen)}</Num>
                    </View>
                    <View className='qt-content' style={{ whiteSpace: 'normal' }}>
                      <Num>{formatTime(r.paidAt, true)}</Num> · {r.payer}
                      {r.status === 'voided' ? (
                        <View className='qt-sub cz-voided' id={`receipt-void-reason-${r.number}`}>
                          作废原因：<Nums>{r.voidReason}</Nums>（{r.voidedBy}，<Num>{formatTime(r.voidedAt, true)}</Num>）
                        </View>
                      ) : null}
                    </View>
                    <View className='qt-c qt-status'>
                      <StatusTag status={r.status === 'voided' ? 'cancelled' : 'resolved'} label={r.status === 'voided' ? '已作废' : '已开具'} id={`receipt-status-${r.number}`} />
                    </View>
                    <View className='qt-c' style={{ width: '160px' }}>
                      {r.allowed.void && voiding !== r.number ? (
                        <Button
                          id={`receipt-void-${r.number}`}
                          size='small'
                          onClick={() => {
                            setVoiding(r.number);
                            setReason('');
                          }}
                        >
                          作废
                        </Button>
                      ) : !r.allowed.void ? (
                        <Text className='qt-sub'>编号已保留</Text>
                      ) : null}
                    </View>
                    {voiding === r.number ? (
                      <View className='cz-void-box' role='dialog' aria-label={`作废收据 ${r.number}`} id={`receipt-void-dialog-${r.number}`}>
                        <View className='field__box grow'>
                          <Input
                            id={`receipt-void-input-${r.number}`}
                            value={reason}
                            onChange={(v: string) => {
                              setReason(v);
                              if (error) setError('');
                            }}
                            placeholder='请填写作废原因，如：缴费人信息填写有误，已重新开具'
                            maxLength={200}
                          />
                        </View>
                        <Button id={`receipt-void-confirm-${r.number}`} type='danger' size='small' loading={busy} disabled={busy} onClick={() => confirmVoid(r)}>
                          确认作废
                        </Button>
                        <Button id={`receipt-void-cancel-${r.number}`} size='small' onClick={() => setVoiding('')}>
                          取消
                        </Button>
                      </View>
                    ) : null}
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
