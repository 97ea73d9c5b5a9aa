import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { handlers } from '../core/api/handlers';
import { ERROR_MESSAGES, httpStatusOf, type ErrorCode } from '../core/errors';
import { REPLAY_WINDOW_MS } from '../core/api/replayWindow';
import { DAY } from '../core/time';

/** The OpenAPI document of the local gateway, generated from the same handler map the functions run. */
export function buildOpenApi() {
  const paths: Record<string, unknown> = {};
  for (const [fn, actions] of Object.entries(handlers)) {
    const variants = Object.entries(actions as Record<string, { input: z.ZodObject; idempotent: boolean }>).map(([action, def]) => {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
      delete schema.$schema;
      return {
        ...schema,
        title: `${fn}.${action}`,
        properties: { action: { const: action }, ...(schema.properties ?? {}) },
        required: ['action', ...((schema.required as string[]) ?? [])],
        ...(def.idempotent ? { description: `创建类操作：同一调用者 + action + requestId 在 ${REPLAY_WINDOW_MS / DAY} 天内返回首次结果，之后该 requestId 可被遗忘 (R-INT-7)` } : {}),
      };
    });
    paths[`/fn/${fn}`] = {
      post: {
        operationId: fn,
        summary: `云函数 ${fn}：${Object.keys(actions).join(', ')}`,
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: variants, discriminator: { propertyName: 'action' } } } } },
        responses: Object.fromEntries(
          [200, 400, 401, 403, 404, 409, 429, 500].map((status) => [
            String(status),
            { description: status === 200 ? '{ ok: true, data }' : '{ ok: false, error: { code, message } }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } } },
          ]),
        ),
      },
    };
  }
  const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];
  return {
    openapi: '3.1.0',
    info: { title: '物业服务 云函数接口（本地网关）', version: '0.1.0', description: 'POST /fn/<name>，body 为 { action, ...fields }。身份来自平台（本地：Bearer 令牌），从不来自请求体。' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Envelope: {
          oneOf: [
            { type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data: {} } },
            {
              type: 'object',
              required: ['ok', 'error'],
              properties: {
                ok: { const: false },
                error: { type: 'object', required: ['code', 'message'], properties: { code: { enum: codes }, message: { type: 'string' }, fields: { type: 'object' } } },
              },
            },
          ],
        },
      },
      'x-error-codes': Object.fromEntries(codes.map((c) => [c, { status: httpStatusOf(c), message: ERROR_MESSAGES[c] }])),
    },
    paths,
  };
}

export const OPENAPI_FILE = path.join(__dirname, '..', 'docs', 'openapi.json');

if (require.main === module) {
  fs.writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
