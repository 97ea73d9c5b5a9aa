import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ErrorNote } from './ui';
import { useCaseSubmit } from './useCaseSubmit';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_CODES, type RepairCategory } from '../lib/labels';
import { roomLabel } from '../lib/format';
import './emergency.scss';

const EMERGENCY = REPAIR_CATEGORY_CODES.filter((c) => REPAIR_CATEGORIES[c].emergency);

/**
 * 急修 from the home page in two taps: the emergency, then 立即派单 in the confirmation. Nothing to type:
 * core takes an emergency without a description and at home (户内); the on-duty technician is paged at
 * once. A retried confirmation carries the same request id (R-INT-7). A resident of several homes picks
 * the home on the repair page, the emergency already chosen.
 */
export function EmergencyQuick({ households }: { households: { id: string }[] }) {
  const [error, setError] = useState('');
  const { busy, send } = useCaseSubmit(setError);
  if (!households.length) return null;

  const report = async (category: RepairCategory) => {
    if (busy) return;
    if (households.length > 1) {
      Taro.navigateTo({ url: `/pages/repair/index?category=${category}` });
      return;
    }
    const householdId = households[0].id;
    const { confirm } = await Taro.showModal({
      title: `急修：${REPAIR_CATEGORIES[category].label}`,
      content: `${roomLabel(householdId)}。确认后立即通知值班技师，15 分钟内上门，技师出发前会与您电话联系。`,
      // Taro/WeChat take at most 4 characters on a modal's buttons.
      confirmText: '立即派单',
      cancelText: '取消',
      confirmColor: '#d6453d',
    });
    if (!confirm) return;
    await send({ householdId, kind: 'repair', category, content: '' }, '已通知值班技师');
  };

  return (
    <View className='card quick-urgent' id='home-emergency'>
      <View className='quick-urgent__title'>
        急修 · 15 分钟到场<Text className='quick-urgent__hint'>点一下，确认即派值班技师</Text>
      </View>
      <View className='quick-urgent__grid'>
        {EMERGENCY.map((c) => (
          <View key={c} id={`home-emergency-${c}`} className='quick-urgent__btn' onClick={() => report(c)} aria-busy={busy ? 'true' : undefined}>
            {REPAIR_CATEGORIES[c].label}
          </View>
        ))}
      </View>
      <ErrorNote text={error} id='home-emergency-error' />
    </View>
  );
}
