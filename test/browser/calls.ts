/**
 * Calls to the local platform from a browser test, beside the pages: to make data, read what a page
 * should show, move the test clock, read the outbox. The platform answers `{ ok, data, error }` (its own
 * /local/… endpoints repeat data's fields at the top: `{ ok: true, data: { token }, token }`).
 */
export interface Envelope<T = any> {
  ok?: boolean;
  data: T;
  error?: { code: string; message: string; fields?: unknown };
}

export interface PlatformCalls {
  /** The answer as it came: HTTP status and the parsed body. */
  call<T = any>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** POSTs and answers `data`; a refusal (ok: false) throws with the path, the body and the error. */
  post(path: string, body: unknown, token?: string): Promise<any>;
  /** A demo user's bearer token (POST /local/login), signed in once per suite. */
  tokenOf(user: string): Promise<string>;
  /** Calls function `fn` as `user` and answers `data`; a refusal throws (`fn.action as user: error`). */
  as(user: string, fn: string, body: Record<string, unknown>): Promise<any>;
}

/** `base`: the platform's URL, or where to read it when a call is made (suites learn it in beforeAll). */
export function platformCalls(base: string | (() => string)): PlatformCalls {
  const url = typeof base === 'string' ? () => base : base;
  const tokens = new Map<string, Promise<string>>();
  const call: PlatformCalls['call'] = async (method, path, body, token) => {
    const res = await fetch(`${url()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };
  const post: PlatformCalls['post'] = async (path, body, token) => {
    const { body: answer } = await call<Envelope>('POST', path, body, token);
    if (!answer.ok) throw new Error(`${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const tokenOf = (user: string) => {
    if (!tokens.has(user)) tokens.set(user, post('/local/login', { user }).then((d: { token: string }) => d.token));
    return tokens.get(user)!;
  };
  return {
    call,
    post,
    tokenOf,
    async as(user, fn, body) {
      const { body: answer } = await call<Envelope>('POST', `/fn/${fn}`, body, await tokenOf(user));
      if (!answer.ok) throw new Error(`${fn}.${String(body.action)} as ${user}: ${JSON.stringify(answer.error)}`);
      return answer.data;
    },
  };
}
