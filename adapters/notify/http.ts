/**
 * One JSON POST that carries the push's idempotency key as an `Idempotency-Key` header (WeChat and the
 * robot ignore it; a proxy or a test server may dedupe by it). Answers the parsed JSON object, or null
 * when the server could not be reached, timed out, answered non-2xx or not JSON: the outcome is then
 * unknown and the push is retried with the same key. Nothing here logs (URLs carry tokens and keys).
 */
export async function postKeyed(url: string, body: unknown, key: string, timeoutMs: number): Promise<Record<string, unknown> | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
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
