import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { Deadlines, EmptyState, ErrorNote, KV, Loading, Photos, StatusTag, Timeline } from '../../components/ui';
import { call } from '../../api/client';
import { messageOf, needsLogin } from '../../lib/session';
import { formatTime, roomLabel } from '../../lib/format';
import { syncClock, useNow } from '../../lib/clock';
import { ConfirmCard, QuoteCard, RateCard, WorkSummary, type CaseView } from './repair';
import { RepairPromise, arrivalLive } from './promise';
import { ComplaintRecord } from './complaint';
import './index.scss';
import { Num, Nums } from '../../components/Num';

export default function CaseDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [created] = useState(params.created === '1');
  const now = useNow(!!c && !!c.work && arrivalLive(c));

  const load = () => {
    if (needsLogin() || !id) return;
    Promise.all([call('case', 'get', { id }), syncClock()]).then(
      ([v]) => {
        setCase(v);
        setError('');
      },
      (e) => setError(messageOf(e)),
    );
  };
  useDidShow(load);

  const cancel = async () => {
    if (!c) return;
    const { confirm } = await Taro.showModal({ title: '撤销工单', content: '确定要撤销这条工单吗？撤销后物业将不再处理。', confirmText: '确定撤销', cancelText: '再想想', confirmColor: '#d6453d' });
    if (!confirm) return;
    setBusy(true);
    try {
      setCase(await call('case', 'cancel', { id: c.id }));
      Taro.showToast({ title: '已撤销', icon: 'success' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!id) {
    return (
      <PageShell>
        <EmptyState title='很抱歉，未找到该工单' />
      </PageShell>
    );
  }
  if (!c) {
    return (
      <PageShell>
        <View className='page-pad' style={{ paddingTop: '16px' }}>
          {error ? (
            <View className='card'>
              <EmptyState id='case-error' title='很抱歉，暂时无法查看该工单' desc={error} />
            </View>
          ) : (
            <Loading />
          )}
        </View>
      </PageShell>
    );
  }

  const repair = !!c.work;
  return (
    <PageShell className='case'>
      <View className={`case-hero case-hero--${c.status} ${c.emergency ? 'case-hero--urgent' : ''}`}>
        <View className='row row--between'>
          <View className='case-hero__kind'>
            {c.kindLabel}
            {c.categoryLabel ? <Text className='case-hero__cat'> · {c.categoryLabel}</Text> : null}
            {c.emergency ? (
              <Text className='urgent-mark' id='case-emergency'>
                {c.complaint ? '紧急' : '急修'}
              </Text>
            ) : null}
          </View>
          <StatusTag status={c.status} label={c.statusLabel} id='case-status' />
        </View>
        <View className='case-hero__sub'>
          工单号 <Num id='case-number'>{c.number}</Num>
        </View>
        <View className='case-hero__sub case-hero__sub--tight'><Num>{formatTime(c.createdAt, true)}</Num> 提交</View>
      </View>
      <View className='page-pad case__body'>
        {created && !c.deadlines.some((d) => d.metAt || d.breached) ? (
          <View className='notice notice--info' id='case-created'>
            {repair
              ? c.emergency
                ? '急修已提交！值班技师已收到通知，正在赶来，请注意安全。'
                : '报修已提交！工程部会尽快安排技师，上门前会先与您电话联系。'
              : c.complaint
                ? '非常抱歉给您带来了不好的体验。投诉已提交，我们会尽快与您联系，处理结果第一时间告诉您。'
                : `提交成功！我们已收到您的${c.kindLabel}，${c.departmentLabel}会在承诺时限内答复您，感谢您的耐心。`}
          </View>
        ) : null}
        <ErrorNote text={error} />

        {repair ? (
          <>
            <RepairPromise c={c} now={now} onChange={setCase} />
            <QuoteCard c={c} onChange={setCase} />
            <ConfirmCard c={c} onChange={setCase} />
            <RateCard c={c} onChange={setCase} />
          </>
        ) : null}

        <View className='card'>
          <View className='card__title'>{repair ? '报修内容' : c.complaint ? '投诉内容' : '内容'}</View>
          <View className='case__content' id='case-content'>
            <Nums>{c.content || `${c.categoryLabel ?? c.kindLabel}${c.photos.length ? '（见照片）' : ''}`}</Nums>
          </View>
          {c.photos.length ? (
            <View className='case__photos'>
              <Photos ids={c.photos} idPrefix='case-photo' />
            </View>
          ) : null}
          <ComplaintRecord c={c} />
          <View className='case__kv'>
            <KV k='房屋' v={<Num>{roomLabel(c.householdId)}</Num>} />
            <KV k='联系人' v={<>{c.contactName} <Num>{c.contactPhone}</Num></>} />
            <KV k='受理渠道' v={c.channelLabel} />
            <KV k='负责人' v={`${c.ownerName}（${c.ownerTitle}）`} id='case-owner' />
          </View>
        </View>

        {repair ? <WorkSummary c={c} /> : null}

        {c.resolution && !repair ? (
          <View className='card reply-card' id='case-resolution'>
            <View className='card__title'>{c.complaint ? '处理结果' : '物业答复'}</View>
            <View className='reply-card__text'>
              <Nums>{c.resolution}</Nums>
            </View>
          </View>
        ) : null}

        {c.complaint ? <RateCard c={c} onChange={setCase} /> : null}

        {c.open || c.deadlines.some((d) => d.metAt) ? (
          <View className='card'>
            <View className='card__title'>
              承诺时限<Text className='card__hint'>{repair ? (c.emergency ? '急修 15 分钟到场' : '自提交时起计') : '24 小时受理，自提交时起计'}</Text>
            </View>
            <Deadlines items={c.deadlines} resident now={now} id='case-deadlines' />
          </View>
        ) : null}

        <View className='card'>
          <View className='card__title'>处理进度</View>
          <Timeline items={c.timeline ?? []} id='case-timeline' />
        </View>

        {c.actions.includes('cancel') ? (
          <Button id='case-cancel' size='large' block loading={busy} onClick={cancel}>
            撤销工单
          </Button>
        ) : null}
        <View className='case__back'>
          <Text className='link' id='case-to-list' onClick={() => Taro.redirectTo({ url: '/pages/cases/index' })}>
            查看我的全部工单
          </Text>
        </View>
      </View>
    </PageShell>
  );
}
