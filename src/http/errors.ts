import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../domain/errors.ts';
import type { ErrorBody, ErrorCode } from './contract/common.ts';
import { localized, type MessageLocale } from './contract/messages.ts';
import { localeOf, translator } from './pages/i18n.ts';
import { html, page } from './pages/layout.ts';

/**
 * One error body everywhere: `{ error: { code, message, details: [{ path, message }] } }`, in the language of
 * the request (`?lang=`, the `gk_lang` cookie, then `Accept-Language`; Chinese by default). Framework errors
 * (bad JSON, wrong content type, body or headers too large, bad URLs, unknown routes) answer the same way,
 * never with a 5xx.
 */
export function requestLocale(req: {
  cookies?: Record<string, string | undefined>;
  query?: unknown;
  headers: IncomingMessage['headers'];
}): MessageLocale {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  const c = req.cookies?.gk_lang;
  if (c === 'en' || c === 'zh-CN') return c;
  return acceptLanguage(req.headers['accept-language']);
}

/** The first language of `Accept-Language` (by q) that we speak. */
export function acceptLanguage(header: string | undefined): MessageLocale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

type Detail = ErrorBody['error']['details'][number];
type Extra = Omit<ErrorBody['error'], 'code' | 'message' | 'details'>;

export function errorBody(code: ErrorCode, message: string, details: Detail[] = [], extra: Extra = {}): ErrorBody {
  return { error: { code, message, details, ...extra } };
}

/** Framework refusals, by Fastify code: status, our code, Chinese and English. */
const FRAMEWORK: Record<string, [number, ErrorCode, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', '不支持的内容类型', 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid', '请求长度不正确', 'The content length is not valid'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', '请求内容过大', 'The request is too large'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid', '请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid', '请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  FST_ERR_BAD_URL: [
    400,
    'invalid',
    '网址不正确（含有无法识别的编码）',
    'The address is not valid (malformed encoding)',
  ],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri_too_long', '网址过长', 'The address is too long'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'invalid', '请求不正确', 'The request is not valid'],
};

function detailsOf(err: AppError): { details: Detail[]; extra: Extra } {
  const d = err.details as
    | {
        field?: unknown;
        totpRequired?: unknown;
        totpEnrolmentRequired?: unknown;
        problems?: unknown;
        errors?: { row: number; column?: string; message: string }[];
      }
    | undefined;
  if (!d || typeof d !== 'object') return { details: [], extra: {} };
  if (Array.isArray(d.errors)) {
    const rows = d.errors.map((e) => ({ row: e.row, ...(e.column ? { column: e.column } : {}), message: e.message }));
    return { details: rows.map((r) => ({ path: `rows.${r.row}`, message: r.message })), extra: { rows } };
  }
  if (Array.isArray(d.problems))
    return { details: d.problems.map((p) => ({ path: '', message: String(p) })), extra: {} };
  const extra: Extra = {};
  if (d.totpRequired === true) extra.totpRequired = true;
  if (d.totpEnrolmentRequired === true) extra.totpEnrolmentRequired = true;
  const details = typeof d.field === 'string' ? [{ path: d.field, message: err.message }] : [];
  return { details, extra };
}

/** The body and status of an error thrown anywhere in a request. */
export function errorReply(err: unknown, locale: MessageLocale): { status: number; body: ErrorBody } | null {
  const l = (m: string) => localized(m, locale);
  const en = locale === 'en';
  if (err instanceof AppError) {
    const { details, extra } = detailsOf(err);
    const body = errorBody(
      err.kind,
      l(err.message),
      details.map((x) => ({ ...x, message: l(x.message) })),
      extra,
    );
    return { status: err.status, body };
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: l(i.message) }));
    return {
      status: 400,
      body: errorBody('invalid', details[0]?.message ?? (en ? 'The input is not valid' : '输入不正确'), details),
    };
  }
  const e = err as Partial<FastifyError> & { error?: { code?: string; message?: string } };
  const known = e.code ? FRAMEWORK[e.code] : undefined;
  if (known) return { status: known[0], body: errorBody(known[1], en ? known[3] : known[2]) };
  const status = e.statusCode ?? 500;
  if (status === 429) {
    const message = en ? 'Too many requests, please try again later' : '请求过于频繁，请稍后再试';
    return { status, body: errorBody('rate_limited', en ? message : (e.error?.message ?? message)) };
  }
  if (status >= 500) return null;
  if (status === 413)
    return { status, body: errorBody('payload_too_large', en ? 'The request is too large' : '请求内容过大') };
  if (status === 415)
    return { status, body: errorBody('unsupported_media_type', en ? 'Unsupported content type' : '不支持的内容类型') };
  return { status: 400, body: errorBody('invalid', en ? 'The request is not valid' : '请求不正确') };
}

const internal = (locale: MessageLocale) =>
  errorBody(
    'internal',
    locale === 'en' ? 'Internal server error, please try again later' : '服务器内部错误，请稍后再试',
  );

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: unknown, req, reply) => {
    const locale = requestLocale(req);
    const r = errorReply(err, locale);
    if (!r) {
      req.log.error({ err }, 'request failed');
      if (process.env.GONGKAI_DEBUG_ERRORS) console.error(err);
      // A portal page answers a page (the visitor's browser shows it), never a JSON body.
      if (!req.url.startsWith('/api/') && req.method === 'GET') {
        const t = translator(localeOf(req));
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .header('retry-after', '5')
          .type('text/html; charset=utf-8')
          .send(
            page({
              t,
              title: `${t('服务暂时不可用')} - ${t('政府信息公开平台')}`,
              body: html`<h1>${t('服务暂时不可用')}</h1><p>${t('请稍后刷新重试。')}</p><p><a href="/">${t('返回首页')}</a></p>`,
            }),
          );
      }
      return reply.status(500).send(internal(locale));
    }
    return reply.status(r.status).send(r.body);
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return apiNotFound(app, req, reply);
    const t = translator(localeOf(req));
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(
        page({
          t,
          title: `${t('页面不存在')} - ${t('政府信息公开平台')}`,
          body: html`<h1>${t('页面不存在')}</h1><p>${t('您访问的页面不存在，或信息尚未公开、已撤回。')}</p><p><a href="/">${t('返回首页')}</a> · <a href="/search">${t('信息公开目录')}</a></p>`,
        }),
      );
  });
}

/** An unknown API address answers 404; a known address with another method answers 405 with `Allow`. */
function apiNotFound(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const en = requestLocale(req) === 'en';
  const path = req.url.split('?')[0]!;
  const table = (app as unknown as { routeTable?: { method: string; url: string }[] }).routeTable ?? [];
  const allow = [...new Set(table.filter((r) => matches(r.url, path)).map((r) => r.method))];
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  // A route that answers "not found" itself (callNotFound) keeps its 404.
  if (allow.length && !allow.includes(method)) {
    reply.header('allow', allow.join(', '));
    return reply
      .status(405)
      .send(
        errorBody(
          'method_not_allowed',
          en
            ? `Method ${req.method} is not allowed here (use ${allow.join(', ')})`
            : `该接口不支持 ${req.method} 方法（可用：${allow.join('、')}）`,
        ),
      );
  }
  return reply.status(404).send(errorBody('not_found', en ? 'No such API' : '接口不存在'));
}

function matches(pattern: string, path: string): boolean {
  const re = pattern
    .split('/')
    .map((seg) =>
      seg
        .split(/(:\w+)/)
        .map((part) =>
          part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join(''),
    )
    .join('/');
  return new RegExp(`^${re}$`).test(path);
}

/** Fastify's `frameworkErrors`: bad URLs and over-long parameters, before any route runs. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const r = errorReply(err, requestLocale({ headers: req.headers, query: undefined, cookies: undefined }));
  return reply.status(r?.status ?? 400).send(r?.body ?? errorBody('invalid', '请求不正确'));
}

/** Node's client errors (431 headers too large, malformed requests): our body, not Fastify's English one. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (!socket.writable) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', '请求头过大 / Request headers too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408 as number, 'invalid', '请求超时 / Request timeout']
        : [400, 'invalid', '请求格式不正确 / Malformed request'];
  const body = JSON.stringify(errorBody(code, message));
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
