import { z } from 'zod';

/**
 * The floor a cloud-function bundle's cold start is compared with (bench/bundles.ts): a handler that
 * parses one event with zod and answers an envelope — no use cases, no store, no adapters. Bundled
 * with the same esbuild options as the real functions.
 */
const event = z.strictObject({
  action: z.literal('submit'),
  requestId: z.string().min(8).max(64),
  householdId: z.string().min(1).max(32),
  content: z.string().min(1).max(2000),
});

export const main = async (input: unknown) => {
  const parsed = event.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: { code: 'INPUT.INVALID', message: '您好，请检查填写的内容' } };
};
