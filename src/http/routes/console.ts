import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { STATUS_LABELS as REPORT_STATUS_LABELS } from '../../commands/reports/reports.ts';
import { CONCERN_SOURCES } from '../../commands/supervision/concerns.ts';
import { PROJECT_ROOT } from '../../config/paths.ts';
import { ROLES, roleLabels } from '../../domain/access/index.ts';
import {
  APPLICANT_TYPE_LABELS,
  DECIDABLE_OUTCOMES,
  FORM_LABELS,
  ID_TYPES,
  OUTCOME_INFO,
  STATE_LABELS,
  TRANSITIONS,
} from '../../domain/case/index.ts';
import {
  ARTICLE_ITEMS,
  DISCLOSURE_LABELS,
  GENRES,
  ITEM_STATE_LABELS,
  TOPICS,
  VALIDITY_LABELS,
} from '../../domain/catalogue/index.ts';
import { channelLabels } from '../../domain/clock/index.ts';
import { INDICATORS } from '../../domain/supervision/index.ts';
import { listUsers } from '../../queries/users.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/console.ts';
import type { AppDeps } from '../deps.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { route } from '../route.ts';

/** Where `npm install` / `npm start` put the built console (Vite). */
export const CONSOLE_DIST = join(PROJECT_ROOT, 'dist/console');

/**
 * The staff console: a React single-page app under /console, talking only to /api/v1. Its labels come from
 * here (`/api/v1/meta`), so the closed sets of the law have one source.
 */
export async function consoleRoutes(app: FastifyInstance, deps: AppDeps) {
  // The console's language: the same choice as the portal's (`/lang?to=en` sets it), asked before login.
  route(app, c.consoleLocale, async ({ req }) => ({ locale: localeOf(req) }));
  route(app, c.consoleMeta, async ({ req }) => {
    // Labels in the console's language where the portal has them in English (values stay as they are).
    const t = translator(localeOf(req));
    const tr = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, t(v)]));
    return {
      outcomes: DECIDABLE_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_INFO[o].label) })),
      caseStates: tr(STATE_LABELS),
      caseEvents: tr(Object.fromEntries(Object.entries(TRANSITIONS).map(([k, v]) => [k, v.label]))),
      channels: tr(channelLabels),
      applicantTypes: tr(APPLICANT_TYPE_LABELS),
      forms: tr(FORM_LABELS),
      idTypes: ID_TYPES,
      itemStates: tr(ITEM_STATE_LABELS),
      genres: tr(GENRES),
      articleItems: tr(ARTICLE_ITEMS),
      topics: TOPICS,
      validity: tr(VALIDITY_LABELS),
      disclosure: tr(DISCLOSURE_LABELS),
      roles: Object.fromEntries(ROLES.map((r) => [r, t(roleLabels[r])])),
      indicators: INDICATORS,
      concernSources: CONCERN_SOURCES,
      reportStatuses: tr(REPORT_STATUS_LABELS),
    };
  });

  route(app, c.listUsers, async ({ req }) => ({ users: await listUsers(ctxOf(req, deps)) }));

  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) {
    app.get('/console', async (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台未构建</title><p>工作台尚未构建：请运行 npm install 或 npm start。</p></html>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: CONSOLE_DIST,
    prefix: '/console/',
    index: false,
    wildcard: false,
    // Hashed asset names: cache for a year; index.html is never cached.
    setHeaders: (res, path) =>
      (res as unknown as { header: (k: string, v: string) => void }).header(
        'cache-control',
        path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      ),
  });
  // Client-side routes: every /console path that is not a file gets the app.
  const index = (
    _req: unknown,
    reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
  ) => {
    reply.header('cache-control', 'no-store');
    return reply.sendFile('index.html');
  };
  app.get('/console', index as never);
  app.get('/console/*', index as never);
}
