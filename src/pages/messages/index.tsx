import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Button } from '../../components/nut';
import { EmptyState, ErrorNote, Loading } from '../../components/ui';
import { call, type Output } from '../../api/client';
import { loadMe, messageOf, needsLogin } from '../../lib/session';
import { isStaff } from '../../lib/workbench';
import { formatTime } from '../../lib/format';
import './index.scss';
import { Num, Nums } from '../../components/Num';

type Msg = Output<'message', 'list'>['items'][number];

export default function Messages() {
  const [items, setItems] = useState<Msg[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState('');
  const [staff, setStaff] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The first page, or (`more`) the page after the last one shown. */
  const load = (more = false) => {
    setBusy(true);
    return call('message', 'list', more && cursor ? { cursor } : {})
      .then(
        (r) => {
          setItems((old) => (more && old ? [...old, ...r.items] : r.items));
          setUnread(r.unread);
          setCursor(r.cursor);
          setError('');
        },
        (e) => setError(messageOf(e)),
      )
      .finally(() => setBusy(false));
  };

  useDidShow(() => {
    if (needsLogin()) return;
    load();
    loadMe().then(
      (m) => setStaff(isStaff(m) && !m.households.length),
      () => undefined,
    );
  });

  const readAll = async () => {
    try {
      await call('message', 'read', { ids: 'all' });
      setItems((list) => (list ? list.map((m) => ({ ...m, read: true })) : list));
      setUnread(0);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const open = async (m: Msg) => {
    if (!m.read) {
      call('message', 'read', { ids: [m.id] }).catch(() => undefined);
      setItems((list) => (list ? list.map((x) => (x.id === m.id ? { ...x, read: true } : x)) : list));
      setUnread((n) => Math.max(0, n - 1));
    }
    if (m.caseId) {
      Taro.navigateTo({ url: staff ? `/workbench/case/index?id=${encodeURIComponent(m.caseId)}` : `/pages/case/index?id=${encodeURIComponent(m.caseId)}` });
    }
  };

  return (
    <PageShell className='messages'>
      <View className='page-pad msg-top'>
        <View className='row row--between'>
          {/* The header says 消息中心: this line says what is new. */}
          <View className='msg-top__title'>
            {unread ? (
              <Text className='msg-top__count' id='messages-unread'>
                您有 {unread} 条未读消息
              </Text>
            ) : items?.length ? (
              '消息都已读过'
            ) : (
              '工单进展会在这里通知您'
            )}
          </View>
          <Button id='messages-read-all' size='small' disabled={!unread} onClick={readAll}>
            全部已读
          </Button>
        </View>
      </View>
      <View className='page-pad'>
        <ErrorNote text={error} />
        {items === null ? (
          error ? null : <Loading />
        ) : items.length === 0 ? (
          <View className='card'>
            <EmptyState id='messages-empty' title='暂无消息' desc='工单进展、认证结果等通知会第一时间发送到这里。' />
          </View>
        ) : (
          <View className='card msg-list' id='messages-list'>
            {items.map((m) => (
              <View key={m.id} id={`message-${m.id}`} className={`msg ${m.read ? 'msg--read' : 'msg--unread'}`} onClick={() => open(m)}>
                <View className='msg__dot' />
                <View className='grow'>
                  <View className='row row--between'>
                    <Text className='msg__title'>
                      <Nums>{m.title}</Nums>
                    </Text>
                    <Num className='msg__time'>{formatTime(m.createdAt)}</Num>
                  </View>
                  <View className='msg__body'>
                    <Nums>{m.body}</Nums>
                  </View>
                  {m.caseId ? <View className='msg__link'>查看工单 ›</View> : null}
                </View>
              </View>
            ))}
            {cursor ? (
              <View className='msg-more'>
                <Button id='messages-more' block disabled={busy} onClick={() => load(true)}>
                  {busy ? '加载中…' : '加载更多'}
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </View>
    </PageShell>
  );
}
