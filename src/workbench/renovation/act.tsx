import { useState } from 'react';
import { Chips } from '../../components/ui';
import { messageOf } from '../../lib/session';
import type { RenoView } from './types';

/** What an officer's card tells the page once its action is recorded: the new view (or reload) and a toast. */
export type Done = (next: RenoView | null, message: string) => void;

/** Runs one officer action with a busy flag and the platform's polite word on failure. */
export function useAct() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await f();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A two-way choice (合格 / 不合格 by default) as chips. */
export const YesNo = ({ id, value, onChange, yes = '合格', no = '不合格' }: { id: string; value: '' | 'yes' | 'no'; onChange: (v: 'yes' | 'no') => void; yes?: string; no?: string }) => (
  <Chips idPrefix={id} value={value} onChange={(x) => x && onChange(x)} options={[{ value: 'yes' as const, label: yes }, { value: 'no' as const, label: no }]} />
);
