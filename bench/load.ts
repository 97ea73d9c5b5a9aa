import http from 'node:http';

export interface LoadOptions {
  url: string; // e.g. http://127.0.0.1:1234/fn/case
  headers?: Record<string, string>;
  /** Body of the i-th request (must give each a unique requestId). */
  body: (i: number) => string;
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Per request; a request that takes longer counts as an error. */
  timeoutMs?: number;
}

export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  /** Status (or error name) → count, for everything that was not a 200. */
  failures: Record<string, number>;
  firstFailure?: string;
  elapsedMs: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  responseBytes: number;
  /** Every successful request's latency in ms, ascending. */
  latencies: number[];
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function once(agent: http.Agent, target: URL, headers: Record<string, string>, payload: string, timeoutMs: number) {
  return new Promise<{ status: number | string; text: string }>((resolve) => {
    const req = http.request(
      target,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: e.name, text: e.message }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: e.message === 'timeout' ? 'timeout' : (e as NodeJS.ErrnoException).code ?? e.name, text: e.message }));
    req.end(payload);
  });
}

/**
 * Closed-loop load: `concurrency` workers over as many keep-alive connections, each sending its next
 * request as soon as the previous answer arrives, until `maxRequests` are sent or `maxMs` has passed.
 * Latency is measured per request from write to the last byte of the answer.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const target = new URL(o.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`bench load is loopback only, not ${target.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let firstFailure: string | undefined;
  let next = 0;
  let okCount = 0;
  let bytes = 0;
  const start = performance.now();
  const deadline = start + o.maxMs;

  async function worker() {
    while (next < o.maxRequests && performance.now() < deadline) {
      const i = next++;
      const payload = o.body(i);
      const t0 = performance.now();
      const r = await once(agent, target, o.headers ?? {}, payload, o.timeoutMs ?? 10_000);
      const dt = performance.now() - t0;
      if (r.status === 200) {
        okCount++;
        latencies.push(dt);
        bytes += Buffer.byteLength(r.text);
      } else {
        const k = String(r.status);
        failures[k] = (failures[k] ?? 0) + 1;
        firstFailure ??= `${k}: ${r.text.slice(0, 300)}`;
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const elapsedMs = performance.now() - start;
  agent.destroy();

  return summarize(next, latencies, failures, firstFailure, elapsedMs, bytes);
}

function summarize(sent: number, latencies: number[], failures: Record<string, number>, firstFailure: string | undefined, elapsedMs: number, bytes: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const ok = latencies.length;
  return {
    sent,
    ok,
    errors: sent - ok,
    failures,
    firstFailure,
    elapsedMs,
    rps: (ok / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: ok ? latencies[ok - 1] : NaN,
    mean: ok ? latencies.reduce((a, b) => a + b, 0) / ok : NaN,
    responseBytes: ok ? bytes / ok : 0,
    latencies,
  };
}

/** Pools several rounds against the same server: throughput over the summed load time, percentiles over all latencies. */
export function combine(rounds: LoadResult[]): LoadResult {
  const failures: Record<string, number> = {};
  for (const r of rounds) for (const [k, n] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + n;
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((a, r) => a + f(r), 0);
  return summarize(
    sum((r) => r.sent),
    rounds.flatMap((r) => r.latencies),
    failures,
    rounds.find((r) => r.firstFailure)?.firstFailure,
    sum((r) => r.elapsedMs),
    sum((r) => r.responseBytes * r.ok),
  );
}

/** One POST with JSON, for setup calls (login, a probe). */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  return { status: res.status, text: await res.text() };
}

export interface OpenLoopOptions {
  /** One target per server process; request i goes to targets[i % n] (round robin). */
  targets: { url: string; headers: Record<string, string> }[];
  body: (i: number) => string;
  /** Arrival rate, requests per second, held whatever the answers do. */
  rate: number;
  seconds: number;
  /** Per request; a request that takes longer counts as an error. */
  timeoutMs?: number;
}

export interface OpenLoopResult extends LoadResult {
  rate: number;
  /** How far behind schedule the generator itself fired, at worst (its own CPU share on a busy host). */
  maxLagMs: number;
}

/**
 * Open-loop load: request i is fired at start + i / rate, whether or not earlier answers arrived (new
 * keep-alive connections are opened as needed, up to 1,024 per target). Latency is timed from the moment the request was
 * DUE, not from when it went out, so a generator or server that falls behind shows in the percentiles
 * (no coordinated omission). Waits for the last answer (or its timeout) before summing up.
 */
export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const targets = o.targets.map((t) => {
    const url = new URL(t.url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`bench load is loopback only, not ${url.hostname}`);
    return { url, headers: t.headers, agent: new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 }) };
  });
  const total = Math.round(o.rate * o.seconds);
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let firstFailure: string | undefined;
  let bytes = 0;
  let maxLagMs = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  let i = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + (i * 1000) / o.rate <= now) {
        const due = start + (i * 1000) / o.rate;
        maxLagMs = Math.max(maxLagMs, now - due);
        const t = targets[i % targets.length];
        pending.push(
          once(t.agent, t.url, t.headers, o.body(i), o.timeoutMs ?? 10_000).then((r) => {
            const dt = performance.now() - due;
            if (r.status === 200) {
              latencies.push(dt);
              bytes += Buffer.byteLength(r.text);
            } else {
              const k = String(r.status);
              failures[k] = (failures[k] ?? 0) + 1;
              firstFailure ??= `${k}: ${r.text.slice(0, 300)}`;
            }
          }),
        );
        i++;
      }
      if (i >= total) return done();
      setTimeout(tick, Math.max(0, Math.min(4, start + (i * 1000) / o.rate - performance.now())));
    };
    setTimeout(tick, 20);
  });
  const sentAt = performance.now();
  await Promise.all(pending);
  const elapsedMs = sentAt - start;
  for (const t of targets) t.agent.destroy();
  return { ...summarize(total, latencies, failures, firstFailure, elapsedMs, bytes), rate: o.rate, maxLagMs };
}
