import { useState, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from './PageShell';
import { Button } from './nut';
import { EmptyState, ErrorNote, Loading } from './ui';
import { Field } from './Field';
import { loadMe, messageOf, needsLogin, type Me } from '../lib/session';
import { RELATION_LABELS } from '../lib/labels';
import { roomLabel } from '../lib/format';
import './resident.scss';

type Household = Me['households'][number];

interface GateProps {
  /** Prefix of the need-bind ids: `${idPrefix}-need-bind`, `${idPrefix}-go-bind`. */
  idPrefix: string;
  /** What the resident wants to do online, e.g. 办理业务 / 报修 (used in the need-bind copy). */
  action: string;
  /** Pads the loading / error state like the page body. */
  padLoading?: boolean;
  /** Called with the freshly loaded session every time the page shows. */
  onLoad?: (me: Me) => void;
  /** The page, once the resident is known and has at least one bound household. */
  children: (me: Me) => ReactNode;
}

/**
 * A resident form page's gate: reloads the session whenever the page shows and renders the loading,
 * error and "please bind a household first" states; the page itself only renders for bound residents.
 */
export function ResidentGate({ idPrefix, action, padLoading, onLoad, children }: GateProps) {
  const [me, setMe] = useState<Me | null>(null);
  const [loadError, setLoadError] = useState('');

  useDidShow(() => {
    if (needsLogin()) return;
    loadMe(true).then(
      (m) => {
        setMe(m);
        setLoadError('');
        onLoad?.(m);
      },
      (e) => setLoadError(messageOf(e)),
    );
  });

  if (!me) {
    const state = loadError ? <ErrorNote text={loadError} /> : <Loading />;
    return (
      <PageShell>
        {padLoading ? (
          <View className='page-pad' style={{ paddingTop: '24px' }}>
            {state}
          </View>
        ) : (
          state
        )}
      </PageShell>
    );
  }

  if (!me.households.length) {
    return (
      <PageShell>
        <View className='page-pad' style={{ paddingTop: '24px' }}>
          <View className='card'>
            <EmptyState
              id={`${idPrefix}-need-bind`}
              title='请先完成房屋认证'
              desc={`为保护您和邻居的隐私，在线${action}前需要先认证房屋，只需一分钟。`}
              action={
                <Button id={`${idPrefix}-go-bind`} type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
                  去认证
                </Button>
              }
            />
          </View>
        </View>
      </PageShell>
    );
  }

  return <>{children(me)}</>;
}

const relationOf = (h: Household) => RELATION_LABELS[h.relation as keyof typeof RELATION_LABELS] ?? h.relation;

interface HouseholdProps {
  idPrefix: string;
  label: string;
  households: Household[];
  value: string;
  onChange: (id: string) => void;
  /** How several households are offered: radio rows (with the relation) or compact chips. */
  variant: 'radio' | 'chips';
  /** This field's error (useFieldErrors); the field's id is `<idPrefix>-household-field`. */
  error?: string;
}

/** The household a resident acts for: a fixed line for one household, a picker for several. */
export function HouseholdField({ idPrefix, label, households, value, onChange, variant, error }: HouseholdProps) {
  let control: ReactNode;
  if (households.length <= 1) {
    const h = households[0];
    control = (
      <View className='house-fixed' id={`${idPrefix}-household`}>
        {roomLabel(h.id)}
        <Text className='muted'> · {relationOf(h)}</Text>
      </View>
    );
  } else if (variant === 'radio') {
    control = (
      <View className='houses'>
        {households.map((h) => (
          <View key={h.id} id={`${idPrefix}-household-${h.id}`} className={`house-opt ${value === h.id ? 'house-opt--on' : ''}`} onClick={() => onChange(h.id)}>
            <View className='house-opt__radio' />
            <View className='grow'>
              {roomLabel(h.id)}
              <Text className='muted'> · {relationOf(h)}</Text>
            </View>
          </View>
        ))}
      </View>
    );
  } else {
    control = (
      <View className='chips'>
        {households.map((h) => (
          <View key={h.id} id={`${idPrefix}-household-${h.id}`} className={`chip ${value === h.id ? 'chip--on' : ''}`} onClick={() => onChange(h.id)}>
            {roomLabel(h.id)}
          </View>
        ))}
      </View>
    );
  }
  return (
    <Field label={label} id={`${idPrefix}-household-field`} error={error}>
      {control}
    </Field>
  );
}
