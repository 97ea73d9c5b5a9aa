import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { arriveConfirmed } from '../components/arrive';
import { Button, Input, TextArea } from '../../components/nut';
import { Num, Nums } from '../../components/Num';
import { call } from '../../api/client';
import type { Me } from '../../lib/session';
import { fenToYuan, money, yuanToFen } from '../../lib/money';
import { useRun, type Props } from './actions';

/**
 * The technician on the work order: 到场 (arrival time recorded), 报价 (in-home only, in 元), 完工 — as the
 * view's `actions` offer them; while his quote waits on the resident, a note says so.
 */
export function TechnicianCard({ c, me, ...p }: Props & { me: Me }) {
  const [amount, setAmount] = useState('');
  const [quoteNote, setQuoteNote] = useState('');
  const [result, setResult] = useState('');
  const [materials, setMaterials] = useState('');
  const accepted = c.work?.maxFeeFen ?? 0;
  const [fee, setFee] = useState('');
  const { busy, run } = useRun(p);
  if (!c.work) return null;
  const canArrive = c.actions.includes('arrive');
  const canQuote = c.actions.includes('quote');
  const canComplete = c.actions.includes('complete');
  const waitingOnMyQuote = c.status === 'quoted' && c.work.technician === me.id;
  if (!canArrive && !canQuote && !canComplete && !waitingOnMyQuote) return null;

  const quoteFen = yuanToFen(amount);
  const feeFen = fee.trim() ? yuanToFen(fee) : accepted;

  const quote = () => {
    if (quoteFen === null || quoteFen <= 0) return p.onError('请填写正确的报价金额，例如 35 或 35.50（单位：元）');
    if (quoteNote.trim().length < 2) return p.onError('请说明报价包含的项目，例如：更换角阀 1 个（含材料）');
    return run('quote', () => call('workbench', 'quote', { id: c.id, feeFen: quoteFen, note: quoteNote.trim() }), '已发送报价');
  };
  const complete = () => {
    if (result.trim().length < 2) return p.onError('请填写维修结果');
    if (feeFen === null) return p.onError('费用格式有误，请填写金额，例如 35.50（单位：元）');
    if (feeFen > accepted) return p.onError(accepted ? `费用不能超过住户已接受的报价 ¥${fenToYuan(accepted)}` : '未经住户确认报价，本次维修免费，费用请留空');
    const list = materials
      .split(/[,，、;；\n]/)
      .map((m) => m.trim())
      .filter(Boolean);
    return run('complete', () => call('workbench', 'complete', { id: c.id, result: result.trim(), materials: list, feeFen }), '已提交完工');
  };

  return (
    <View className='card act' id='wb-tech'>
      <View className='card__title'>我的维修操作</View>
      {canArrive ? (
        <View className='field'>
          <View className='act__hint'>
            <Nums>{`到达现场后请立即签到，系统记录到场时间${c.emergency ? '（急修须 15 分钟内到场）' : ''}。`}</Nums>
          </View>
          {c.arrivalWarning ? (
            <View className='paused-note' id='wb-arrive-warning'>
              <Nums>{c.arrivalWarning}</Nums>
            </View>
          ) : null}
          <Button id='wb-arrive' type='primary' size='large' block loading={busy === 'arrive'} onClick={() => run('arrive', () => arriveConfirmed(c), '已签到')}>
            到场签到
          </Button>
        </View>
      ) : null}
      {waitingOnMyQuote ? (
        <View className='paused-note'>
          报价 <Num>{money(c.work.quote?.feeFen ?? 0)}</Num> 已发送，等待住户确认后再开始维修。
        </View>
      ) : null}
      {canQuote ? (
        <View className='field' id='wb-quote'>
          <View className='field__label'>有偿维修报价（户内）</View>
          <View className='field__box money-box'>
            <Text className='money-box__sign'>¥</Text>
            <Input id='wb-quote-amount' value={amount} onChange={setAmount} placeholder='金额（元），如 35.50' type='digit' maxLength={10} />
          </View>
          {amount.trim() ? (
            <View className='money-box__echo' id='wb-quote-echo'>
              <Nums>{quoteFen !== null ? `住户将看到报价 ¥${fenToYuan(quoteFen)}` : '金额格式有误：最多两位小数'}</Nums>
            </View>
          ) : null}
          <View className='field__box' style={{ marginTop: '12px' }}>
            <Input id='wb-quote-note' value={quoteNote} onChange={setQuoteNote} placeholder='报价说明，如：更换角阀 1 个（含材料）' maxLength={300} />
          </View>
          <View style={{ marginTop: '12px' }}>
            <Button id='wb-quote-submit' block fill='outline' type='primary' loading={busy === 'quote'} onClick={quote}>
              发送报价给住户确认
            </Button>
          </View>
        </View>
      ) : null}
      {canComplete ? (
        <View id='wb-complete'>
          <View className='field'>
            <View className='field__label'>维修结果</View>
            <View className='field__box field__box--area'>
              <TextArea id='wb-complete-result' value={result} onChange={setResult} placeholder='如：更换洗手池下水管接头，试水 10 分钟无渗漏' maxLength={500} rows={3} />
            </View>
          </View>
          <View className='field'>
            <View className='field__label'>使用材料</View>
            <View className='field__box'>
              <Input id='wb-complete-materials' value={materials} onChange={setMaterials} placeholder='多项用顿号分隔，如：下水管接头、生料带' maxLength={400} />
            </View>
          </View>
          <View className='field'>
            <View className='field__label'>收费（元）</View>
            <View className='field__box money-box'>
              <Text className='money-box__sign'>¥</Text>
              <Input id='wb-complete-fee' value={fee} onChange={setFee} placeholder={accepted ? `默认 ${fenToYuan(accepted)}，即已接受的报价` : '免费维修，无需填写'} type='digit' maxLength={10} disabled={!accepted} />
            </View>
            <View className='money-box__echo'>
              <Nums>{accepted ? `住户已接受报价 ¥${fenToYuan(accepted)}` : c.location === 'common_area' ? '公共区域维修免费' : '未报价的维修免费'}</Nums>
            </View>
          </View>
          <Button id='wb-complete-submit' type='primary' block loading={busy === 'complete'} onClick={complete}>
            提交完工
          </Button>
        </View>
      ) : null}
    </View>
  );
}
