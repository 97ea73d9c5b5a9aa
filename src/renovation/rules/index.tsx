import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { ErrorNote, Loading } from '../../components/ui';
import { Nums } from '../../components/Num';
import { call, type Output } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { loadDraft, saveDraft } from '../lib/draft';
import '../renovation.scss';

type Rules = Output<'renovation', 'rules'>;

/**
 * 装修管理规定、电梯使用规定、装修告知书 (R-REN-4): read in full, then the owner ticks the agreement and
 * signs it with an explicit 我已阅读并同意 — only then does the application form open.
 */
export default function RenovationRules() {
  const router = useRouter();
  const householdId = router.params.householdId ?? '';
  const [rules, setRules] = useState<Rules | null>(null);
  const [ticked, setTicked] = useState(false);
  const [error, setError] = useState('');
  const [hint, setHint] = useState('');

  useDidShow(() => {
    if (needsLogin()) return;
    call('renovation', 'rules', {}).then(
      (r) => {
        setRules(r);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  });

  const agree = () => {
    if (!ticked) {
      setHint('请先阅读以上规定，并勾选同意');
      return;
    }
    if (!householdId || !rules) return;
    const d = loadDraft(householdId);
    saveDraft(householdId, { ...d, rulesAccepted: true, rulesVersion: rules.version });
    Taro.redirectTo({ url: `/renovation/apply/index?householdId=${encodeURIComponent(householdId)}` });
  };

  return (
    <PageShell className='reno'>
      <View className='reno-hero'>
        <View className='reno-hero__title'>您好，装修前请先阅读</View>
        <View className='reno-hero__sub'>您好！为了您和邻居的居住安全与安宁，装修前请仔细阅读以下规定，感谢您的理解与配合。</View>
      </View>
      <View className='page-pad'>
        <ErrorNote text={error} id='rules-error' />
        {!rules ? (
          error ? null : <Loading />
        ) : (
          <>
            {rules.rules.map((r) => (
              <View className='card rule' key={r.code} id={`rules-${r.code}`}>
                <View className='rule__title'>{r.title}</View>
                {r.paragraphs.map((p, i) => (
                  <View className='rule__p' key={i}>
                    <Nums>{p}</Nums>
                  </View>
                ))}
              </View>
            ))}
            <View className='card'>
              <View className='card__title'>装修协议</View>
              <View
                className={`agree ${ticked ? 'agree--on' : ''}`}
                id='rules-tick'
                role='checkbox'
                aria-checked={ticked ? 'true' : 'false'}
                onClick={() => {
                  setTicked(!ticked);
                  setHint('');
                }}
              >
                <View className={`box ${ticked ? 'box--on' : ''}`} aria-hidden='true'>
                  {ticked ? '✓' : ''}
                </View>
                <View className='grow'>本人已认真阅读《装修管理规定》《电梯使用规定》和《装修告知书》，同意遵守并签署装修协议；如有违反，愿承担相应责任。</View>
              </View>
              <ErrorNote text={hint} id='rules-hint' />
              <View style={{ marginTop: '28px' }}>
                <Button id='rules-agree' type='primary' size='large' block disabled={!ticked} onClick={agree}>
                  我已阅读并同意
                </Button>
              </View>
              <View className='draft-note'>
                规定版本 <Nums>{rules.version}</Nums>
              </View>
            </View>
          </>
        )}
      </View>
    </PageShell>
  );
}
