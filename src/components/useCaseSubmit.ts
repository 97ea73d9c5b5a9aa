import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ApiError, call, newRequestId, type Input } from '../api/client';
import { messageOf } from '../lib/session';
import { askSubscribe, prefetchSubscribeTemplates } from '../lib/subscribe';

/**
 * Submits a resident's case and opens it. One request id per form: a retry of the same submission never
 * creates a second case (R-INT-7); if the id was already used for a different body (edited after a lost
 * answer), the next try gets a new id. `place` puts the platform's field messages beside their fields.
 */
export function useCaseSubmit(setError: (message: string) => void, place?: (e: unknown) => string | null) {
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());
  useEffect(prefetchSubscribeTemplates, []);

  /** Called from the submit button's tap: the subscribe dialog (weapp) opens before anything is awaited. */
  const send = async (body: Omit<Input<'case', 'submit'>, 'requestId'>, toast: string) => {
    askSubscribe(body.kind === 'repair' ? ['caseProgress', 'repairQuote'] : ['caseProgress']);
    setBusy(true);
    setError('');
    try {
      const c = await call('case', 'submit', { requestId: requestId.current, ...body } as Input<'case', 'submit'>);
      Taro.showToast({ title: toast, icon: 'success' });
      Taro.redirectTo({ url: `/pages/case/index?id=${encodeURIComponent(c.id)}&created=1` });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REQUEST.REPLAY_MISMATCH') requestId.current = newRequestId();
      // Messages about fields go beside them (useFieldErrors); the rest to the form's note.
      const rest = place?.(e) ?? null;
      setError(rest ?? messageOf(e));
      setBusy(false);
    }
  };

  return { busy, send };
}
