import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../core/ports/store';
import { sendError, sendJson } from './http';
import { type LocalPhoneCodes, PHONE_CODE_TTL_MS } from './phoneCodes';

/**
 * `POST /local/phone-code` (signed in) → `{ code, expiresInSeconds }`: what WeChat's getPhoneNumber
 * button gives the mini-program, for the H5 app on the local platform. The code stands for the caller's
 * own phone on file and for nothing else; the phone itself never travels to the browser.
 */
export async function phoneCodeRoute(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { openidOf: (req: IncomingMessage) => string | null; store: Store; codes: LocalPhoneCodes },
) {
  const openid = deps.openidOf(req);
  if (!openid) return sendError(res, 'AUTH.UNAUTHENTICATED');
  const user = await deps.store.transaction((tx) => tx.userByOpenid(openid));
  if (!user?.phone) return sendError(res, 'PHONE.NOT_FOUND');
  const code = deps.codes.issue(user.id, user.phone);
  const data = { code, expiresInSeconds: PHONE_CODE_TTL_MS / 1000 };
  return sendJson(res, 200, { ok: true, data, ...data });
}
