import Taro from '@tarojs/taro';
import type { ActionDef, InputOf, OutputOf } from '../../core/api/action';
import type { FunctionName, Handlers } from '../../core/api/handlers';
import type { ErrorCode, Failure } from '../../core/errors';

/** An expected failure answered by a function: a stable code and a polite message to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields?: Record<string, string>,
    /** RENOVATION.DOCUMENTS_MISSING: what is missing (stable codes, Chinese labels). */
    readonly missing?: Failure['missing'],
  ) {
    super(message);
  }
}

type Envelope<T> = { ok: true; data: T } | { ok: false; error: Pick<Failure, 'code' | 'message' | 'fields' | 'missing'> };

export type ActionsOf<F extends FunctionName> = keyof Handlers[F] & string;
type Def<F extends FunctionName, A extends ActionsOf<F>> = Handlers[F][A] extends ActionDef<any, any> ? Handlers[F][A] : never;
export type Input<F extends FunctionName, A extends ActionsOf<F>> = InputOf<Def<F, A>>;
export type Output<F extends FunctionName, A extends ActionsOf<F>> = OutputOf<Def<F, A>>;

const TOKEN_KEY = 'wuye.token';

export const session = {
  token: (): string => (Taro.getStorageSync(TOKEN_KEY) as string) || '',
  set: (token: string) => Taro.setStorageSync(TOKEN_KEY, token),
  clear: () => Taro.removeStorageSync(TOKEN_KEY),
};

async function send<T>(name: string, data: Record<string, unknown>): Promise<Envelope<T>> {
  if (process.env.TARO_ENV === 'weapp') {
    // In WeChat the platform supplies identity (OPENID); nothing about the caller travels in `data`.
    const res = await Taro.cloud.callFunction({ name, data });
    return res.result as Envelope<T>;
  }
  const res = await fetch(`/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session.token() ? { authorization: `Bearer ${session.token()}` } : {}) },
    body: JSON.stringify(data),
  });
  return (await res.json()) as Envelope<T>;
}

/**
 * Calls one action of one cloud function, typed from the same handler map the functions run.
 * Resolves with the data, or rejects with an ApiError carrying the stable code and the message.
 */
export async function call<F extends FunctionName, A extends ActionsOf<F>>(fn: F, action: A, input: Input<F, A>): Promise<Output<F, A>> {
  let env: Envelope<Output<F, A>>;
  try {
    env = await send<Output<F, A>>(fn, { action, ...(input as object) });
  } catch {
    throw new ApiError('NETWORK', '网络不太稳定，请检查网络后再试');
  }
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new ApiError('INTERNAL', '很抱歉，系统繁忙，请稍后再试');
  if (!env.ok) throw new ApiError(env.error.code, env.error.message, env.error.fields, env.error.missing);
  return env.data;
}

/** A client-made request id for creating actions: retries reuse it, so nothing is created twice (R-INT-7). */
export function newRequestId(): string {
  const rand = Math.random().toString(36).slice(2, 10);
  return `r${Date.now().toString(36)}${rand}`;
}
