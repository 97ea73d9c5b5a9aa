import { eventOf, submittedEvent } from '../../../test/support/factories';
import { DAY, HOUR, MINUTE, toIso } from '../../time';
import { deadlinesOf, DEFAULT_SLA, nextSlaStep } from './deadlines';
import { residentSteps } from './audience';
import { caseMessage } from './messages';
import { replay } from './replay';
import { transition } from './transition';
import type { CaseEvent, CaseState, ComplaintLevel } from './types';

// Reception at a whole minute, Shanghai 10:00 (the same day ends at 2026-11-25 00:00 +08:00).
const T = Date.parse('2026-11-24T10:00:00+08:00');
const complaint = (over: { wantedBy?: number; harmOngoing?: boolean } = {}) => ({
  ...submittedEvent({ kind: 'complaint', category: 'noise', content: '楼上夜里噪音很大，多次反映未解决' }, T),
  complaint: { occurredAt: T - DAY, place: '1栋1单元', subject: '秩序维护部', asks: '请制止夜间噪音', wantedBy: over.wantedBy ?? null, harmOngoing: over.harmOngoing ?? false },
  ...(over.harmOngoing ? { paged: { id: 'frontdesk', name: '张敏' } } : {}),
});
const classified = (level: ComplaintLevel, at = T + MINUTE, from: ComplaintLevel | null = null) => eventOf('classified', at, { level, from } as Partial<CaseEvent>);
const state = (events: CaseEvent[]): CaseState => replay(events)!;
const due = (s: CaseState, name: string) => deadlinesOf(s, s.updatedAt, DEFAULT_SLA).find((d) => d.name === name)?.dueAt;
/** The sweep's verdict on one clock at `now`: its steps applied in order (other clocks' too) until this one is breached or nothing is due. */
function verdict(s: CaseState, name: string, now: number): 'breached' | 'in time' {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const step = nextSlaStep(cur, now, DEFAULT_SLA);
    if (!step) return 'in time';
    if (step.type === 'breached' && step.deadline === name) return 'breached';
    const ev = step.type === 'escalated' ? eventOf('escalated', now, { level: step.level } as Partial<CaseEvent>) : eventOf(step.type, now, { deadline: step.deadline, dueAt: step.dueAt } as Partial<CaseEvent>);
    const r = transition(cur, ev);
    if (!r.ok) return 'in time';
    cur = r.next;
  }
  return 'in time';
}
/** At the due minute (still in time) and one minute later (missed). */
const atAndAfter = (s: CaseState, name: string) => {
  const d = due(s, name)!;
  return [verdict(s, name, d), verdict(s, name, d + MINUTE)];
};

describe('[R-CMP-2] a complaint level per clock, each checked at the minute it falls due and a minute later', () => {
  it('[R-CMP-2] 重大: the manager informed the same day, a clear reply within 2 days, resolved within 10', () => {
    const s = state([complaint(), classified('major')]);
    expect(toIso(due(s, 'inform')!)).toBe('2026-11-25T00:00:00+08:00');
    expect(s.complaint!.informedAt).toBe(T + MINUTE);
    expect(due(s, 'reply')).toBe(T + 2 * DAY);
    expect(due(s, 'resolution')).toBe(T + 10 * DAY);
    expect(atAndAfter(s, 'reply')).toEqual(['in time', 'breached']);
    // The ladder has moved it to the supervisor by day 10 (R-ESC-2): the resolution clock itself still breaches on time.
    const climbed = state([complaint(), classified('major'), eventOf('escalated', T + 2 * DAY, { level: 1 } as Partial<CaseEvent>), eventOf('escalated', T + 7 * DAY, { level: 2 } as Partial<CaseEvent>), eventOf('contacted', T + DAY + 1)]);
    expect(atAndAfter(climbed, 'resolution')).toEqual(['in time', 'breached']);
  });

  it('[R-CMP-2] 重大 classified at the last minute of the day informs in time; a minute after midnight is late', () => {
    const midnight = Date.parse('2026-11-25T00:00:00+08:00');
    const onTime = state([complaint(), classified('major', midnight)]);
    const late = state([complaint(), classified('major', midnight + MINUTE)]);
    expect(nextSlaStep(onTime, midnight + MINUTE, DEFAULT_SLA)).toBeNull();
    expect(nextSlaStep(late, midnight + MINUTE, DEFAULT_SLA)).toEqual({ type: 'breached', deadline: 'inform', dueAt: midnight });
  });

  it('[R-CMP-2] 重要: handed to the department supervisor within 1 hour, resolved within 3 days', () => {
    const s = state([complaint(), classified('serious')]);
    expect([due(s, 'handover'), due(s, 'resolution'), due(s, 'contact')]).toEqual([T + HOUR, T + 3 * DAY, T + DAY]);
    expect(atAndAfter(s, 'handover')).toEqual(['in time', 'breached']);
    expect(atAndAfter(s, 'contact')).toEqual(['in time', 'breached']);
    const handed = state([complaint(), classified('serious'), eventOf('assigned', T + 30 * MINUTE), eventOf('contacted', T + HOUR)]);
    expect(deadlinesOf(handed, T + 2 * HOUR, DEFAULT_SLA).find((d) => d.name === 'handover')!.metAt).toBe(T + 30 * MINUTE);
    expect(atAndAfter(handed, 'resolution')).toEqual(['in time', 'breached']);
  });

  it('[R-CMP-2] 一般: resolved within 2 days, or by the resident’s earlier date (a later one changes nothing)', () => {
    const s = state([complaint(), classified('minor')]);
    expect(due(s, 'resolution')).toBe(T + 2 * DAY);
    expect(atAndAfter(state([complaint(), classified('minor'), eventOf('contacted', T + HOUR)]), 'resolution')).toEqual(['in time', 'breached']);
    const wanted = state([complaint({ wantedBy: T + 20 * HOUR }), classified('minor')]);
    expect([due(wanted, 'resolution'), due(wanted, 'contact')]).toEqual([T + 20 * HOUR, T + 20 * HOUR]);
    expect(atAndAfter(wanted, 'resolution')).toEqual(['in time', 'breached']);
    expect(due(state([complaint({ wantedBy: T + 5 * DAY }), classified('minor')]), 'resolution')).toBe(T + 2 * DAY);
  });

  it('[R-CMP-2] re-classifying recomputes the clocks and is recorded with the old and new level', () => {
    const serious = state([complaint(), classified('serious')]);
    const minor = state([complaint(), classified('serious'), classified('minor', T + 2 * MINUTE, 'serious')]);
    expect(due(serious, 'handover')).toBe(T + HOUR);
    expect([due(minor, 'handover'), due(minor, 'resolution'), minor.level, minor.version]).toEqual([undefined, T + 2 * DAY, 'minor', 3]);
    // The same level again is no change: refused, nothing recorded.
    expect(transition(minor, classified('minor', T + 3 * MINUTE, 'minor')).ok).toBe(false);
  });

  it('[R-CMP-3] the callback is due within 2 days of the reply', () => {
    const s = state([complaint(), classified('minor'), eventOf('contacted', T + HOUR), eventOf('replied', T + 2 * HOUR, { callbackOwner: 'frontdesk' } as Partial<CaseEvent>)]);
    expect(s.status).toBe('awaiting_callback');
    expect(due(s, 'callback')).toBe(T + 2 * HOUR + 2 * DAY);
    expect(atAndAfter(s, 'callback')).toEqual(['in time', 'breached']);
  });
});

describe('[R-CMP-1][R-CMP-3][R-CMP-4][R-CMP-5] the complaint flow and its words', () => {
  it('[R-CMP-1] the resident is told with an apology first; no argument', () => {
    const r = transition(undefined, complaint());
    const msg = r.ok && r.effects.find((e) => e.to === 'resident-a');
    expect(msg && msg.template).toBe('complaint.received');
    const text = caseMessage('complaint.received', msg ? msg.data : {});
    expect(text.title.startsWith('非常抱歉')).toBe(true);
    expect(text.body).toMatch(/^您好，非常抱歉/);
  });

  it('[R-CMP-4] harm still going on: flagged urgent and the department paged at once', () => {
    const r = transition(undefined, complaint({ harmOngoing: true }));
    expect(r.ok && r.effects.map((e) => `${e.to} ${e.template}`).sort()).toEqual(['frontdesk complaint.urgent', 'resident-a complaint.received']);
    expect(r.ok && r.next.complaint!.harmOngoing).toBe(true);
  });

  it('[R-CMP-3] classify → contact → reply (told the same day) → callback by someone else → closed; no reply before contact', () => {
    const contacted = state([complaint(), classified('serious'), eventOf('assigned', T + 10 * MINUTE)]);
    expect(transition(contacted, eventOf('replied', T + HOUR)).ok).toBe(false);
    const done = state([
      complaint(),
      classified('serious'),
      eventOf('assigned', T + 10 * MINUTE),
      eventOf('contacted', T + 20 * MINUTE),
      eventOf('replied', T + HOUR, { by: 'supervisor', callbackOwner: 'frontdesk' } as Partial<CaseEvent>),
      eventOf('callback', T + 2 * HOUR),
    ]);
    expect([done.status, done.complaint!.handler, done.complaint!.callbackAt]).toEqual(['closed', 'supervisor', T + 2 * HOUR]);
  });

  it('[R-CMP-3] a callback that finds a problem sends it back to the handler, unresolved', () => {
    const back = state([complaint(), classified('minor'), eventOf('contacted', T + 1), eventOf('replied', T + HOUR, { by: 'supervisor' } as Partial<CaseEvent>), eventOf('callback', T + 2 * HOUR, { outcome: 'problem' } as Partial<CaseEvent>)]);
    expect([back.status, back.owner, back.finishedAt]).toEqual(['processing', 'supervisor', null]);
  });

  it('[R-CMP-5] an invalid complaint is still answered with the reason, and stays on record once closed', () => {
    const r = transition(state([complaint()]), eventOf('markedInvalid', T + HOUR, { note: '经核实系邻里纠纷，已建议通过居委会调解' } as Partial<CaseEvent>));
    expect(r.ok && r.effects.map((e) => [e.to, e.template, e.data.reason])).toEqual([['resident-a', 'complaint.invalid', '经核实系邻里纠纷，已建议通过居委会调解']]);
    const closed = r.ok && transition(r.next, eventOf('closed', T + 2 * HOUR));
    expect(closed && closed.ok && [closed.next.status, closed.next.complaint!.invalidReason]).toEqual(['closed', '经核实系邻里纠纷，已建议通过居委会调解']);
  });

  it('[R-CMP-3] the household reads its own steps, never the desk’s contact notes or the level', () => {
    expect(residentSteps(eventOf('classified', T, { note: '内部：涉及夜班保安' } as Partial<CaseEvent>), true)).toEqual([]);
    expect(residentSteps(eventOf('contacted', T, { note: '内部：住户情绪激动' } as Partial<CaseEvent>), true)).toEqual([{ label: '工作人员已与您联系', note: null }]);
  });
});

describe('[R-CMP-3] the result as the resident reads it', () => {
  it('[R-CMP-3] a reply that ends with a full stop reads as one sentence, then the apology and the callback', () => {
    const text = caseMessage('complaint.replied', { number: 'TS20261203-0001', kind: '投诉', category: '噪音扰民', room: '1栋1单元102室', reply: '已约谈商铺，晚十点后停止装卸。' });
    expect(text.body).toBe('您好，您的投诉 TS20261203-0001（噪音扰民 · 1栋1单元102室）的处理结果：已约谈商铺，晚十点后停止装卸。再次向您致歉，稍后会有同事回访，听取您的意见，感谢您的监督。');
  });
});
