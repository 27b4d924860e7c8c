import { z } from 'zod';
import {
  DEFAULT_ERRORS,
  type ErrorStatus,
  errorBody,
  type FileSpec,
  file,
  isFileSpec,
  type RouteSpec,
  type SuccessStatus,
} from './common.ts';

/**
 * A route's JSON schemas, OpenAPI 3.0 flavoured (what Fastify's route `schema` carries into the served document):
 * inputs as a client writes them, responses as the server sends them. Message hints (`labelEn`, `choose`) stay out.
 */
export function jsonSchema(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(s, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      delete (ctx.jsonSchema as Record<string, unknown>).labelEn;
      delete (ctx.jsonSchema as Record<string, unknown>).choose;
    },
  }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: '输入不正确（逐项说明见 details）',
  401: '未登录，或令牌无效、已过期',
  403: '无权操作，或缺少 CSRF 令牌',
  404: '不存在或无权访问',
  405: '该接口不支持此方法',
  409: '与当前状态冲突',
  413: '请求内容过大',
  414: '网址过长',
  415: '不支持的内容类型',
  423: '账号已锁定',
  429: '请求过于频繁',
  431: '请求头过大',
  500: '服务器内部错误',
};

/** A route that reads a body can also be refused for its size (413) or its content type (415). */
const BODY_ERRORS: readonly ErrorStatus[] = [413, 415];

export const errorStatuses = (spec: RouteSpec): ErrorStatus[] =>
  [...new Set([...DEFAULT_ERRORS, ...(spec.body ? BODY_ERRORS : []), ...(spec.errors ?? [])])].sort((a, b) => a - b);

const binary = (f: FileSpec) =>
  Object.fromEntries(f.types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));

/** Fastify's route `schema` for a contract route (read by @fastify/swagger; Fastify's own validation is off). */
export function routeSchema(spec: RouteSpec): Record<string, unknown> {
  const response: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    response[status] = isFileSpec(r)
      ? { description: r.description, content: binary(r) }
      : {
          description: spec.summary,
          content: {
            'application/json': { schema: jsonSchema(r, 'output') },
            ...binary(spec.files?.[Number(status) as SuccessStatus] ?? file([], '')),
          },
        };
  }
  const error = jsonSchema(errorBody, 'output');
  for (const status of errorStatuses(spec))
    response[status] = { description: ERROR_TEXT[status], content: { 'application/json': { schema: error } } };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: spec.auth === 'login' ? [{ bearer: [] }, { cookie: [] }] : [],
    ...(spec.params ? { params: jsonSchema(spec.params, 'input') } : {}),
    ...(spec.query ? { querystring: jsonSchema(spec.query, 'input') } : {}),
    ...(spec.headers ? { headers: jsonSchema(spec.headers, 'input') } : {}),
    ...(spec.body
      ? {
          body: isFileSpec(spec.body)
            ? { description: spec.body.description, content: binary(spec.body) }
            : { content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } },
        }
      : {}),
    response,
  };
}
