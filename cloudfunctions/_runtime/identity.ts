/**
 * The caller's WeChat identity as CloudBase injects it into a function's context: `environment`
 * (a JSON string) on current runtimes, `environ` ("K=V;K=V") on older ones. Never the event (R-ACC-2).
 */
export function openidFromContext(context: unknown): string | null {
  const c = (context ?? {}) as { environment?: unknown; environ?: unknown };
  if (typeof c.environment === 'string' && c.environment) {
    try {
      const env = JSON.parse(c.environment) as Record<string, unknown>;
      if (typeof env.WX_OPENID === 'string' && env.WX_OPENID) return env.WX_OPENID;
    } catch {
      /* fall through to environ */
    }
  }
  if (typeof c.environ === 'string') {
    for (const pair of c.environ.split(';')) {
      const [k, ...v] = pair.split('=');
      if (k === 'WX_OPENID' && v.join('=')) return v.join('=');
    }
  }
  return null;
}
