import { ApiError, session } from './client';

/**
 * H5 on the local platform: what WeChat's getPhoneNumber button gives the mini-program — a one-time code
 * for the signed-in user's own phone (`POST /local/phone-code`). The phone itself never reaches the page;
 * `account.bind` exchanges the code on the server.
 */
export async function localPhoneCode(): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/local/phone-code', { method: 'POST', headers: session.token() ? { authorization: `Bearer ${session.token()}` } : {} });
  } catch {
    throw new ApiError('NETWORK', '网络不太稳定，请检查网络后再试');
  }
  const body = (await res.json().catch(() => null)) as { data?: { code?: string }; error?: { code: string; message: string } } | null;
  if (res.ok && body?.data?.code) return body.data.code;
  if (body?.error) throw new ApiError(body.error.code as never, body.error.message);
  throw new ApiError('INTERNAL', '很抱歉，暂时无法获取手机号，请稍后再试');
}
