import { DEFAULT_SLA } from '../../domain/case/deadlines';
import { transition } from '../../domain/case/transition';
import { replay } from '../../domain/case/replay';
import { MINUTE } from '../../time';
import { eventOf, submittedEvent } from '../../../test/support/factories';
import { describeError, stepsFor } from './sweep';

const T = Date.parse('2026-11-24T09:00:00+08:00');
const ladder = { sla: DEFAULT_SLA, supervisor: { id: 'supervisor', name: '周丽' }, manager: { id: 'manager', name: '吴军' } };

describe('sweep steps', () => {
  it('[R-ESC-5] steps are stamped at the tick, or at the case’s last event when that is later', () => {
    const s = replay([{ ...submittedEvent({ kind: 'repair', emergency: true }, T), arrivalDue: T + 15 * MINUTE }])!;
    const onTime = stepsFor(s, T + 16 * MINUTE, ladder);
    expect(onTime.events.map((e) => [e.type, e.at])).toEqual([
      ['breached', T + 16 * MINUTE],
      ['escalated', T + 16 * MINUTE],
    ]);
    const touched = { ...s, updatedAt: T + 17 * MINUTE };
    const late = stepsFor(touched, T + 16 * MINUTE, ladder);
    expect(late.events.map((e) => e.at)).toEqual([T + 17 * MINUTE, T + 17 * MINUTE]);
    expect(late.next.updatedAt).toBe(T + 17 * MINUTE);
    expect(() => stepsFor({ ...s, updatedAt: undefined as unknown as number }, T + 16 * MINUTE, ladder)).toThrow('updatedAt is not a time');
  });

  it('[R-INT-4] updatedAt never goes back, even for an event stamped earlier (a clock set back)', () => {
    const s = replay([submittedEvent({}, T)])!;
    const r = transition({ ...s, updatedAt: T + 5 * MINUTE }, eventOf('assigned', T + MINUTE));
    expect(r.ok && r.next.updatedAt).toBe(T + 5 * MINUTE);
  });

  it('a logged failure names its kind without the text it failed on (no personal data)', () => {
    let parseError: unknown;
    try {
      JSON.parse('李明 13800001101');
    } catch (e) {
      parseError = e;
    }
    const said = describeError(parseError);
    expect(said).toMatch(/^SyntaxError: /);
    expect([said.includes('13800001101'), said.includes('李明')]).toEqual([false, false]);
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'pauses')"))).toBe("TypeError: Cannot read properties of undefined (reading 'pauses')");
    expect(describeError(new Error('case of 李明 13800001101 failed'))).toBe('Error: case of … # failed');
    expect(describeError('boom')).toBe('string');
  });
});
