import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { EmptyState, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { isH5, messageOf, needsLogin } from '../../lib/session';
import { money } from '../../lib/money';
import { Num } from '../../components/Num';
import '../print/index.scss';
import './index.scss';

type Letter = Output<'cashier', 'demandLetter'>;

const cn = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 催缴函 (R-FEE-7): the printable letter, as recorded (opening it again reprints the same letter). */
export default function DemandLetter() {
  const { params } = useRouter();
  const householdId = decodeURIComponent(params.householdId ?? '');
  const [l, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (needsLogin() || !householdId) return;
    call('cashier', 'demandLetter', { householdId }).then(
      (v) => {
        setLetter(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  const back = () => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/workbench/arrears/index' }));

  if (!l) {
    return (
      <PageShell className='wo-page'>
        <View className='wo-wrap'>{error ? <EmptyState id='letter-error' title='很抱歉，暂时无法打开催缴函' desc={error} /> : <Loading />}</View>
      </PageShell>
    );
  }
  const byPeriod = l.periods.map((p) => ({ period: p, lines: l.lines.filter((x) => x.period === p) }));

  return (
    <PageShell className='wo-page'>
      <View className='wo-toolbar no-print'>
        <View className='wo-btn' id='letter-back' onClick={back}>
          ‹ 返回欠费催缴
        </View>
        {isH5 ? (
          <View className='wo-btn wo-btn--primary' id='letter-print' onClick={() => window.print()}>
            打印催缴函
          </View>
        ) : (
          <Text className='wo-hint'>请在电脑端打开工作台打印</Text>
        )}
      </View>
      <View className='wo-wrap'>
        <View className='wo-sheet' id='letter-sheet'>
          <View className='wo-org'>{l.communityName}物业服务中心</View>
          <View className='wo-title-row'>
            <View className='wo-title'>物业服务费催缴函</View>
            <View className='wo-no'>
              No. <Num id='letter-no'>{l.letterNo}</Num>
            </View>
          </View>
          <View className='lt-to' id='letter-to'>
            尊敬的 <Num>{l.room}</Num> 业主 {l.ownerName}：
          </View>
          <View className='lt-p'>
            您好！感谢您一直以来对物业服务工作的理解与支持。经核对，您名下房屋（<Num>{l.room}</Num>）以下月份的物业服务费用尚未缴纳。物业服务中心已于 <Num>{cn(l.remindedAt.slice(0, 10))}</Num>{' '}
            向您发送缴费提醒，截至本函出具之日仍未收到您的缴费，明细如下：
          </View>
          <View className='lt-table' id='letter-lines'>
            <View className='lt-tr lt-tr--head'>
              <View className='lt-td'>所属月份</View>
              <View className='lt-td'>收费项目</View>
              <View className='lt-td lt-td--num'>金额</View>
            </View>
            {byPeriod.flatMap((g) =>
              g.lines.map((x, k) => (
                <View className='lt-tr' key={`${g.period}-${k}`}>
                  <View className='lt-td'>
                    <Num>{g.period}</Num>
                  </View>
                  <View className='lt-td'>{x.label}</View>
                  <View className='lt-td lt-td--num'>
                    <Num>{money(x.amountFen)}</Num>
                  </View>
                </View>
              )),
            )}
            <View className='lt-tr lt-tr--head'>
              <View className='lt-td'>合计</View>
              <View className='lt-td'>
                <Num>{l.periods.length}</Num> 个月
              </View>
              <View className='lt-td lt-td--num' id='letter-total'>
                <Num>{money(l.owedFen)}</Num>
              </View>
            </View>
          </View>
          <View className='lt-p'>{l.basis}</View>
          <View className='lt-p' id='letter-deadline'>
            恳请您于 <Num>{cn(l.deadlineDay)}</Num> 前通过小程序「物业缴费」或到物业服务中心缴清上述费用。如您已缴纳，请忽略本函并向我们出示缴费收据；如有困难或疑问，欢迎随时到物业服务中心沟通，我们将竭诚为您服务。感谢您的理解与配合！
          </View>
          <View className='lt-sign'>
            <View>{l.communityName}物业服务中心</View>
            <View>
              经办人：{l.issuedBy} · <Num>{cn(l.issuedAt.slice(0, 10))}</Num>
            </View>
          </View>
          <View className='wo-signs'>
            <View className='wo-sign'>
              <View className='wo-sign__k'>送达人签字</View>
              <View className='wo-sign__line' />
              <View className='wo-sign__date'>日期：　　年　　月　　日</View>
            </View>
            <View className='wo-sign'>
              <View className='wo-sign__k'>业主签收</View>
              <View className='wo-sign__line' />
              <View className='wo-sign__date'>日期：　　年　　月　　日</View>
            </View>
          </View>
          <View className='wo-note'>本函一式两联，业主与物业服务中心各执一联。</View>
        </View>
      </View>
    </PageShell>
  );
}
