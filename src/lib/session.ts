import Taro from '@tarojs/taro';
import { ApiError, call, session, type Output } from '../api/client';

export const isH5 = process.env.TARO_ENV === 'h5';

export type Me = Output<'account', 'me'>;

let cached: Promise<Me> | null = null;

/** Who am I (cached for the session; `fresh` after anything that changes roles or households). */
export function loadMe(fresh = false): Promise<Me> {
  if (!cached || fresh) {
    cached = call('account', 'me', {});
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export const forgetMe = () => {
  cached = null;
};

export const LOGIN_PAGE = '/pages/login/index';

/** On the local platform (H5) a visitor without a session goes to the demo-user switcher. */
export function needsLogin(): boolean {
  return isH5 && !session.token();
}

export function goLogin() {
  if (!isH5) return;
  const token = session.token();
  // Ends the session on the local platform too (POST /local/logout); the page moves on either way.
  if (token) void fetch('/local/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` }, keepalive: true }).catch(() => undefined);
  session.clear();
  forgetMe();
  Taro.reLaunch({ url: LOGIN_PAGE });
}

/** The message to show for a failed call; an expired session sends the visitor to log in again. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'AUTH.UNAUTHENTICATED') {
      goLogin();
    }
    if (e.code === 'INPUT.INVALID' && e.fields) {
      const first = Object.values(e.fields)[0];
      if (first) return first;
    }
    return e.message;
  }
  return '很抱歉，系统开了个小差，请稍后再试';
}

export const toast = (title: string, icon: 'success' | 'none' = 'none') => Taro.showToast({ title, icon, duration: 2000 });
