import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Fakes of WeChat's servers (stable_token, subscribeMessage.send) and of a 企业微信 group robot,
 * speaking their JSON over real HTTP. They count every request, and dedupe by the `Idempotency-Key`
 * header (a request whose key was already taken is answered ok and not counted as delivered), so a
 * test can tell "delivered once" from "requested twice".
 */
export interface FakePushServers {
  url: string;
  appid: string;
  secret: string;
  robotKey: string;
  /** Every subscribe send as received (duplicates included). */
  wechatRequests: { key: string | null; token: string | null; body: any }[];
  robotRequests: { key: string | null; body: any; at: number }[];
  /** Delivered once per idempotency key. */
  wechatDelivered: Map<string, any>;
  robotDelivered: Map<string, any>;
  /** Accepts left per `${openid}|${template_id}`: WeChat's own consent count (43101 when none). */
  consent: Map<string, number>;
  /** Next answers to force, by channel (e.g. { errcode: -1 }), consumed one per request. */
  wechatAnswers: any[];
  robotAnswers: any[];
  /** Delay before answering, ms (to let a test kill a client mid-request). */
  delayMs: number;
  tokenCalls: number;
  close(): Promise<void>;
}

export async function startFakePushServers(opts: { appid?: string; secret?: string; robotKey?: string } = {}): Promise<FakePushServers> {
  const f: FakePushServers = {
    url: '',
    appid: opts.appid ?? 'wx1234567890abcdef',
    secret: opts.secret ?? 'secret-0123456789abcdef0123456789',
    robotKey: opts.robotKey ?? '693a91f6-7000-4bc4-97a0-0ec2sifa5aaa',
    wechatRequests: [],
    robotRequests: [],
    wechatDelivered: new Map(),
    robotDelivered: new Map(),
    consent: new Map(),
    wechatAnswers: [],
    robotAnswers: [],
    delayMs: 0,
    tokenCalls: 0,
    close: async () => undefined,
  };
  let issued = 0;
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const url = new URL(req.url!, 'http://x');
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    // The answer is delayed (if asked), AFTER the server has acted: a client killed meanwhile never learns the outcome.
    const send = (data: unknown) =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      }, f.delayMs);
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      f.tokenCalls++;
      if (body.appid !== f.appid || body.secret !== f.secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      return send({ access_token: `TOKEN-${++issued}`, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const token = url.searchParams.get('access_token');
      f.wechatRequests.push({ key, token, body });
      if (!token?.startsWith('TOKEN-')) return send({ errcode: 40001, errmsg: 'invalid credential' });
      const forced = f.wechatAnswers.shift();
      if (forced) return send(forced);
      if (key && f.wechatDelivered.has(key)) return send({ errcode: 0, errmsg: 'ok' });
      for (const [name, v] of Object.entries(body.data ?? {}) as [string, { value: string }][]) {
        const len = Array.from(v.value).length;
        const limit = name.startsWith('thing') ? 20 : name.startsWith('phrase') ? 5 : name.startsWith('name') ? 10 : name.startsWith('character_string') ? 32 : Infinity;
        if (len > limit || len === 0) return send({ errcode: 47003, errmsg: `argument invalid! data.${name}.value invalid` });
      }
      const c = `${body.touser}|${body.template_id}`;
      const left = f.consent.get(c) ?? 0;
      if (left <= 0) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      f.consent.set(c, left - 1);
      f.wechatDelivered.set(key ?? `nokey-${f.wechatRequests.length}`, body);
      return send({ errcode: 0, errmsg: 'ok' });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/webhook/send') {
      f.robotRequests.push({ key, body, at: Date.now() });
      if (url.searchParams.get('key') !== f.robotKey) return send({ errcode: 93000, errmsg: 'invalid webhook url' });
      const forced = f.robotAnswers.shift();
      if (forced) return send(forced);
      if (key && f.robotDelivered.has(key)) return send({ errcode: 0, errmsg: 'ok' });
      if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string' || !body.markdown.content) return send({ errcode: 40058, errmsg: 'invalid parameter' });
      if (Buffer.byteLength(body.markdown.content) > 4096) return send({ errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
      f.robotDelivered.set(key ?? `nokey-${f.robotRequests.length}`, body);
      return send({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404).end();
    return undefined;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  f.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  f.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return f;
}
