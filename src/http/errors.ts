import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../domain/errors.ts';
import { localeOf, translator } from './pages/i18n.ts';
import { html, page } from './pages/layout.ts';

/** One error body everywhere: `{ error: { code, message, details? } }`, messages in Chinese. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.kind, message: err.message, details: err.details } });
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = issues[0];
      const message = first ? (first.path ? `${first.path}：${first.message}` : first.message) : '输入不正确';
      return reply.status(400).send({ error: { code: 'invalid', message, details: issues } });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      if (process.env.GONGKAI_DEBUG_ERRORS) console.error(err);
      return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后再试' } });
    }
    const code = (err as FastifyError).code;
    const message =
      code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? '不支持的内容类型'
        : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? '请求内容过大'
          : code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY'
            ? '请求内容不是有效的 JSON'
            : status === 429
              ? '请求过于频繁，请稍后再试'
              : '请求不正确';
    return reply.status(status).send({ error: { code: status === 429 ? 'rate_limited' : 'invalid', message } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: '接口不存在' } });
    }
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
