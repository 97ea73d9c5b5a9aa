/**
 * One JSON POST to a WeChat server API. Answers the parsed body, or null when WeChat could not be
 * reached, timed out, or answered something that is not JSON: callers treat that as "unavailable".
 * Nothing here logs: URLs carry the access token and bodies carry codes, secrets and phones.
 */
export async function postJson(url: string, body: unknown, timeoutMs: number, headers: Record<string, string> = {}): Promise<Record<string, unknown> | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return null;
    const data: unknown = await res.json();
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const errcodeOf = (body: Record<string, unknown>) => (typeof body.errcode === 'number' ? body.errcode : 0);
