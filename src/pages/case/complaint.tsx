import { View } from '@tarojs/components';
import { KV } from '../../components/ui';
import { Num, Nums } from '../../components/Num';
import { formatTime } from '../../lib/format';
import type { CaseView } from './repair';

/** What the resident recorded about their complaint (R-CMP-1), in their own words. */
export function ComplaintRecord({ c }: { c: CaseView }) {
  const r = c.complaint;
  if (!r) return null;
  return (
    <View className='case__kv' id='case-complaint'>
      {r.occurredAt ? <KV k='发生时间' v={<Num>{formatTime(r.occurredAt)}</Num>} /> : null}
      {r.place ? <KV k='发生地点' v={<Nums>{r.place}</Nums>} /> : null}
      {r.subject ? <KV k='投诉对象' v={<Nums>{r.subject}</Nums>} /> : null}
      {r.asks ? <KV k='您的诉求' v={<Nums>{r.asks}</Nums>} /> : null}
      {r.wantedBy ? <KV k='希望解决' v={<><Num>{formatTime(r.wantedBy)}</Num> 前</>} /> : null}
      {r.harmOngoing ? <KV k='紧急情况' v='损害仍在发生，已通知相关部门立即处理' id='case-harm' /> : null}
    </View>
  );
}
