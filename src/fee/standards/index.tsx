import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { EmptyState, Loading } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { dateLabel } from '../lib/format';
import '../fee.scss';
import './index.scss';

type Standards = Output<'fee', 'standards'>;

/** 收费标准公示 (R-FEE-2): each fee item with its basis, price and since when, and the 收费依据. */
export default function StandardsPage() {
  const { params } = useRouter();
  const householdId = decodeURIComponent(params.householdId ?? '');
  const [s, setS] = useState<Standards | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (needsLogin()) return;
    call('fee', 'standards', householdId ? { householdId } : {}).then(
      (v) => {
        setS(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  if (!s) {
    return (
      <PageShell>
        <View className='page-pad fee__pad'>
          {error ? (
            <View className='card'>
              <EmptyState id='standards-error' title='很抱歉，暂时无法查看收费标准' desc={error} />
            </View>
          ) : (
            <Loading />
          )}
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className='fee'>
      <View className='page-pad fee__pad'>
        <View className='notice notice--info'>
          您好，以下是{s.communityName}现行的收费标准（截至 <Num>{dateLabel(s.day)}</Num>），欢迎监督。
        </View>
        <View className='card' id='standards-list'>
          <View className='card__title'>收费项目与标准</View>
          {s.items.map((it) => (
            <View className='std' key={it.item} id={`standard-${it.item}`}>
              <View className='grow'>
                <View className='std__name'>{it.label}</View>
                <View className='muted'>
                  {/* The basis is said once: the price text (2.50 元/平方米/月) usually carries it already. */}
                  {it.priceText.includes(it.basisLabel) ? '' : `${it.basisLabel} · `}
                  {it.effectiveFrom ? (
                    <>
                      <Num>{dateLabel(it.effectiveFrom)}</Num>起执行
                    </>
                  ) : (
                    '现行标准'
                  )}
                </View>
              </View>
              <Text className='std__price'>
                <Nums>{it.priceText}</Nums>
              </Text>
            </View>
          ))}
        </View>
        <View className='card' id='standards-basis'>
          <View className='card__title'>收费依据</View>
          <View className='std__basis'>
            <Nums>{s.basis}</Nums>
          </View>
        </View>
        <View className='fee__tip'>如对收费标准有疑问，欢迎到物业服务中心咨询，感谢您的理解与支持。</View>
      </View>
    </PageShell>
  );
}
