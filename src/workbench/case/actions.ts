import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Output } from '../../api/client';
import { messageOf } from '../../lib/session';

/** The staff case page's view and the people its cards offer (core decides both). */
export type CaseView = Output<'workbench', 'get'>;
export type Choices = Output<'workbench', 'assignees'>;
export type Staff = Choices['dispatch'][number];
export type Props = { c: CaseView; onDone: (v: CaseView) => void; onError: (msg: string) => void };

/** Runs one action, shows its toast, hands the new view back; errors go to the page's error note. */
export function useRun({ onDone, onError }: Pick<Props, 'onDone' | 'onError'>) {
  const [busy, setBusy] = useState('');
  /** `fn` answering null: the staff member chose not to go on (nothing changed, nothing to say). */
  const run = async (name: string, fn: () => Promise<CaseView | null>, ok: string) => {
    setBusy(name);
    onError('');
    try {
      const v = await fn();
      if (!v) return false;
      onDone(v);
      Taro.showToast({ title: ok, icon: 'success' });
      return true;
    } catch (e) {
      onError(messageOf(e));
      return false;
    } finally {
      setBusy('');
    }
  };
  return { busy, run };
}
