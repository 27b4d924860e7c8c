import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { errorBody, TAGS } from './contract/common.ts';
import { jsonSchema } from './contract/json-schema.ts';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * The served OpenAPI document (`/api/v1/openapi.json`, browsable at `/api/v1/docs`): the contract routes only
 * (each registered through `route()` with its schemas); the error body once, as `#/components/schemas/Error`.
 */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'gongkai 政府信息公开平台 API',
        description:
          '依《中华人民共和国政府信息公开条例》（2019年修订）的主动公开、依申请公开、年度报告与监督。错误一律为 `{ error: { code, message, details } }`，语言随请求（`?lang=en`、`gk_lang` Cookie 或 `Accept-Language`）。',
        version: '1',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: '/', description: '本服务器' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API 令牌或登录返回的会话令牌' },
          cookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'gk_session',
            description: '登录会话 Cookie（写操作须带 X-CSRF-Token）',
          },
        },
        schemas: { Error: jsonSchema(errorBody, 'output') as never },
      },
    },
    hideUntagged: true,
    transform: ({ schema, url, route }) => ({
      schema: { ...schema, hide: !route.config?.contract } as never,
      url,
    }),
    transformObject: (doc) => {
      const api = (doc as { openapiObject?: Record<string, unknown> }).openapiObject ?? {};
      const paths = (api.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      for (const ops of Object.values(paths))
        for (const op of Object.values(ops))
          for (const [status, r] of Object.entries(op.responses ?? {}))
            if (Number(status) >= 400) {
              const response = r as { content?: Record<string, { schema: unknown }> };
              if (response.content?.['application/json']) response.content['application/json'].schema = ERROR_REF;
            }
      return api as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: false });
  app.get('/api/v1/openapi.json', { schema: { hide: true } as never }, async () => app.swagger());
}
