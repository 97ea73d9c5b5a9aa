import { Text, View } from '@tarojs/components';
import { DateField } from '../../components/DateField';
import { WbShell } from '../components/WbShell';
import { usePeriodSheet } from '../components/usePeriodSheet';
import { may } from '../../lib/workbench';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { formatTime, isoAt } from '../../lib/format';
import { money } from '../../lib/money';
import { canHandleSpreadsheets } from '../../lib/spreadsheet';
import { Num, Nums } from '../../components/Num';
import '../cashier.scss';

type Book = Output<'cashier', 'dayBook'>;

const shiftDay = (day: string, by: number) => isoAt(Date.parse(`${day}T12:00:00+08:00`) + by * 86_400_000).slice(0, 10);
const amount = (fen: number) => (fen === 0 ? '¥0.00' : money(fen));

/** 收费日结 (R-FEE-8): one day's receipts, payments, refunds and voided receipts, the totals and whether they reconcile. */
export default function DayBook() {
  const { period: date, setPeriod: setDate, data: book, error, exporting, onMe, onExport, current: today } = usePeriodSheet<Book>({
    unit: 'day',
    permission: 'cashier.bill',
    load: (date) => call('cashier', 'dayBook', { date }),
    exportSheet: (date) => call('cashier', 'exportDayBook', { date }),
  });

  return (
    <WbShell tab='daybook' onMe={onMe}>
      {(who) =>
        !may(who, 'cashier.bill') ? (
          <View className='card'>
            <EmptyState id='daybook-forbidden' title='收费日结由收费员和经理办理' />
          </View>
        ) : (
          <View>
            <View className='wb-head'>
              <View>
                <View className='wb-head__lead'>按日核对收据与收款：每笔收款应有金额一致的收据，收据编号连续、作废有原因和经办人，即为账实相符。</View>
              </View>
              <View className='cz-bar'>
                <Button id='daybook-prev' size='small' onClick={() => setDate(shiftDay(date, -1))}>
                  ‹ 前一天
                </Button>
                <DateField mode='date' value={date} end={today} onChange={setDate} label={`日结日期 ${date}，选择日期`}>
                  <View className='cz-day' id='daybook-date'>
                    {date}
                  </View>
                </DateField>
                <Button id='daybook-next' size='small' disabled={date >= today} onClick={() => setDate(shiftDay(date, 1))}>
                  后一天 ›
                </Button>
                {canHandleSpreadsheets ? (
                  <Button id='daybook-export' size='small' type='primary' loading={exporting} disabled={exporting || !book} onClick={onExport}>
                    导出 Excel
                  </Button>
                ) : (
                  <Text className='cz-hint' id='daybook-export-hint'>
                    导出 Excel 请在电脑端工作台操作
                  </Text>
                )}
              </View>
            </View>
            <ErrorNote text={error} id='daybook-error' />
            {!book ? (
              error ? null : <Loading />
            ) : (
              <View id='daybook'>
                <View className='cz-kpis'>
                  <View className='card cz-kpi'>
                    <View className='cz-kpi__k'>对账结果</View>
                    <View className='cz-kpi__v'>
                      <Text className={`cz-badge ${book.balanced ? 'cz-badge--ok' : 'cz-badge--bad'}`} id='daybook-balanced' data-balanced={book.balanced ? 'yes' : 'no'}>
                        {book.balanced ? '✓ 账实相符' : `✕ 不平（${book.issues.length} 处）`}
                      </Text>
                    </View>
                  </View>
                  <View className='card cz-kpi'>
                    <View className='cz-kpi__k'>收款合计</View>
                    <View className='cz-kpi__v' id='daybook-total'>
                      <Num>{amount(book.totalFen)}</Num>
                    </View>
                  </View>
                  <View className='card cz-kpi'>
                    <View className='cz-kpi__k'>收据合计（不含作废）</View>
                    <View className='cz-kpi__v' id='daybook-receipts-total'>
                      <Num>{amount(book.receiptsFen)}</Num>
                    </View>
                  </View>
                  <View className='card cz-kpi'>
                    <View className='cz-kpi__k'>退款 · 净收款</View>
                    <View className='cz-kpi__v'>
                      <Num>{amount(book.refundsFen)}</Num> · <Num>{amount(book.netFen)}</Num>
                    </View>
                  </View>
                </View>
                <View className='cz-hint' id='daybook-range'>
                  {book.range ? (
                    <>
                      当日收据号段：<Num>{book.range.from}</Num> 至 <Num>{book.range.to}</Num>
                    </>
                  ) : (
                    '当日未开具收据'
                  )}
                </View>

                {book.issues.length ? (
                  <View className='card' id='daybook-issues'>
                    <View className='card__title'>需要核对的事项</View>
                    {book.issues.map((i, k) => (
                      <View className='cz-issue' key={k} id={`daybook-issue-${k}`}>
                        <Text className='cz-issue__kind'>{i.label}</Text>
                        <Nums>{i.text}</Nums>
                      </View>
                    ))}
                  </View>
                ) : null}

                <View className='cz-section'>收款（{book.payments.length} 笔）</View>
                {book.payments.length === 0 ? (
                  <View className='card'>
                    <EmptyState id='daybook-payments-empty' title='当日没有收款' />
                  </View>
                ) : (
                  <View className='qt' id='daybook-payments'>
                    <View className='qt-row qt-row--head'>
                      <View className='qt-c' style={{ width: '360px' }}>
                        订单号
                      </View>
                      <View className='qt-c qt-house'>房号</View>
                      <View className='qt-c' style={{ width: '140px' }}>
                        金额
                      </View>
                      <View className='qt-content'>到账时间 · 收据</View>
                      <View className='qt-c qt-status'>对账</View>
                    </View>
                    {book.payments.map((p) => (
                      <View key={p.outTradeNo} className={`qt-row ${p.reconciled ? '' : 'qt-row--late'}`} style={{ cursor: 'default' }} id={`daybook-payment-${p.outTradeNo}`}>
                        <View className='qt-c' style={{ width: '360px' }}>
                          <Num>{p.outTradeNo}</Num>
                        </View>
                        <View className='qt-c qt-house'>
                          <Num>{p.householdId ?? '—'}</Num>
                        </View>
                        <View className='qt-c cz-money' style={{ width: '140px' }}>
                          <Num>{amount(p.totalFen)}</Num>
                        </View>
                        <View className='qt-content'>
                          <Num>{formatTime(p.paidAt)}</Num> · <Num>{p.receiptNumber ?? '无收据'}</Num>
                        </View>
                        <View className={`qt-c qt-status ${p.reconciled ? '' : 'cz-voided'}`}>{p.reconciled ? '相符' : '不符'}</View>
                      </View>
                    ))}
                  </View>
                )}

                <View className='cz-section'>收据（{book.receipts.length} 张）</View>
                {book.receipts.length === 0 ? (
                  <View className='card'>
                    <EmptyState id='daybook-receipts-empty' title='当日没有开具收据' />
                  </View>
                ) : (
                  <View className='qt' id='daybook-receipts'>
                    <View className='qt-row qt-row--head'>
                      <View className='qt-c' style={{ width: '240px' }}>
                        收据编号
                      </View>
                      <View className='qt-c qt-house'>房号</View>
                      <View className='qt-c' style={{ width: '140px' }}>
                        金额
                      </View>
                      <View className='qt-content'>缴费人 · 状态</View>
                    </View>
                    {book.receipts.map((r) => (
                      <View key={r.number} className='qt-row' style={{ cursor: 'default' }} id={`daybook-receipt-${r.number}`}>
                        <View className='qt-c' style={{ width: '240px' }}>
                          <Num>{r.number}</Num>
                        </View>
                        <View className='qt-c qt-house'>
                          <Num>{r.householdId}</Num>
                        </View>
                        <View className='qt-c cz-money' style={{ width: '140px' }}>
                          <Num>{amount(r.totalFen)}</Num>
                        </View>
                        <View className='qt-content' style={{ whiteSpace: 'normal' }}>
                          {r.payer} ·{' '}
                          {r.status === 'voided' ? (
                            <Text className='cz-voided'>
                              已作废：<Nums>{r.voidReason}</Nums>（{r.voidedBy}）
                            </Text>
                          ) : (
                            '已开具'
                          )}
                        </View>
                      </View>
                    ))}
                  </View>
                )}

                {book.refunds.length || book.voided.length ? (
                  <>
                    <View className='cz-section'>退款与作废</View>
                    <View className='card' id='daybook-other'>
                      {book.refunds.map((f) => (
                        <View className='cz-issue' key={f.outRefundNo}>
                          退款 <Num>{amount(f.amountFen)}</Num> · <Num>{f.householdId}</Num> · <Nums>{f.reason}</Nums> · <Num>{formatTime(f.succeededAt)}</Num>
                        </View>
                      ))}
                      {book.voided.map((r) => (
                        <View className='cz-issue' key={r.number} id={`daybook-voided-${r.number}`}>
                          作废收据 <Num>{r.number}</Num>（<Num>{amount(r.totalFen)}</Num>）· <Nums>{r.voidReason}</Nums> · {r.voidedBy} · <Num>{formatTime(r.voidedAt)}</Num>
                        </View>
                      ))}
                    </View>
                  </>
                ) : null}
              </View>
            )}
          </View>
        )
      }
    </WbShell>
  );
}
