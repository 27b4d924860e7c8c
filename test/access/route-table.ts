import type { Action } from '../../src/domain/access/index.ts';
import { defaultPatterns } from '../../src/domain/agency/letter-settings.ts';

/** The records each agency of the matrix holds (created by the test), by which a route's URL is built. */
export interface Target {
  key: 'A' | 'B' | 'C';
  agencyId: string;
  creditCode: string;
  region: string;
  tn: string;
  queryCode: string;
  letterId: string;
  appealId: string;
  itemId: string;
  draftId: string;
  /** An attachment (PNG) of the draft. */
  attachmentId: string;
  jobId: string;
  concernId: string;
  ratingId: string;
}

/**
 * What a route needs:
 * - public: the same answer for everyone, logged in or not;
 * - login: any staff member (401 without login); lists must not show records outside the caller's scope;
 * - { action, on }: the policy action on the target agency, its region, or the system; `list`: a list scoped
 *   by the action (refused when the role has it nowhere; never shows records outside the scope).
 * `skip` names routes that cannot run inside this test (and why); they are still listed.
 */
export type Rule = { public: true } | { login: true } | { action: Action; on: 'agency' | 'region' | 'system' | 'list' };

export interface RouteCase {
  rule: Rule;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  contentType?: string;
  skip?: string;
}

const y = 2025;
const agency = (action: Action): Rule => ({ action, on: 'agency' });
const region = (action: Action): Rule => ({ action, on: 'region' });
const PUBLIC: Rule = { public: true };
const LOGIN: Rule = { login: true };

/** Every route of the server. A route missing here fails the matrix test. */
export const ROUTES: Record<string, RouteCase> = {
  // Portal
  'GET /': { rule: PUBLIC, path: () => '/' },
  'GET /agencies/:id': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}` },
  'GET /agencies/:id/guide': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/guide` },
  'GET /agencies/:id/rules': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/rules` },
  'GET /agencies/:id/rules/:kind': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/rules/rules.secrecy` },
  'GET /agencies/:id/proactive': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/proactive` },
  'GET /agencies/:id/reports': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/reports` },
  'GET /agencies/:id/request': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/request` },
  'GET /reports': { rule: PUBLIC, path: () => '/reports' },
  'GET /site-map': { rule: PUBLIC, path: () => '/site-map' },
  'GET /agencies/:id/feed.xml': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/feed.xml` },
  'GET /agencies/:agencyId/reports/:year': { rule: PUBLIC, path: (t) => `/agencies/${t.agencyId}/reports/${y}` },
  'GET /agencies/:agencyId/reports/:year/download.:format': {
    rule: PUBLIC,
    path: (t) => `/agencies/${t.agencyId}/reports/${y}/download.pdf`,
  },
  'GET /items/:id': { rule: PUBLIC, path: (t) => `/items/${t.itemId}` },
  'GET /items/:id/print': { rule: PUBLIC, path: (t) => `/items/${t.draftId}/print` },
  'GET /items/:id/attachments/:aid': { rule: PUBLIC, path: (t) => `/items/${t.itemId}/attachments/${t.draftId}` },
  'POST /items/:id/rate': {
    rule: PUBLIC,
    path: (t) => `/items/${t.draftId}/rate`,
    body: () => 'score=5',
    contentType: 'application/x-www-form-urlencoded',
  },
  'GET /search': { rule: PUBLIC, path: () => '/search?q=%E5%85%AC%E5%BC%80' },
  'GET /feed.xml': { rule: PUBLIC, path: () => '/feed.xml' },
  'GET /sitemap.xml': { rule: PUBLIC, path: () => '/sitemap.xml' },
  'GET /sitemaps/pages.xml': { rule: PUBLIC, path: () => '/sitemaps/pages.xml' },
  'GET /sitemaps/items/:first': { rule: PUBLIC, path: (t) => `/sitemaps/items/${t.itemId}.xml` },
  'GET /apply': { rule: PUBLIC, path: () => '/apply' },
  'POST /apply': {
    rule: PUBLIC,
    path: () => '/apply',
    body: () => 'description=x',
    contentType: 'application/x-www-form-urlencoded',
  },
  'GET /track': { rule: PUBLIC, path: (t) => `/track?number=${t.tn}` },
  'POST /track': {
    rule: PUBLIC,
    path: () => '/track',
    body: (t) => `number=${t.tn}&code=ZZZZZZZZ`,
    contentType: 'application/x-www-form-urlencoded',
  },
  'POST /track/end': {
    rule: PUBLIC,
    path: () => '/track/end',
    body: () => '',
    contentType: 'application/x-www-form-urlencoded',
  },
  'GET /track/letters/:id/:format': { rule: PUBLIC, path: (t) => `/track/letters/${t.tn}/pdf` },
  'POST /track/rate': {
    rule: PUBLIC,
    path: () => '/track/rate',
    body: (t) => `number=${t.tn}&code=ZZZZZZZZ&score=5`,
    contentType: 'application/x-www-form-urlencoded',
  },
  'GET /deadline': { rule: PUBLIC, path: () => '/deadline?received=2026-03-02' },
  'GET /concerns': { rule: PUBLIC, path: () => '/concerns' },
  'GET /kiosk': { rule: PUBLIC, path: () => '/kiosk?off=1' },
  'GET /lang': { rule: PUBLIC, path: () => '/lang?to=zh-CN' },
  'GET /large-text': { rule: PUBLIC, path: () => '/large-text?on=0' },
  'GET /assets/site.css': { rule: PUBLIC, path: () => '/assets/site.css' },
  'GET /assets/kiosk.js': { rule: PUBLIC, path: () => '/assets/kiosk.js' },
  'GET /healthz': { rule: PUBLIC, path: () => '/healthz' },
  'GET /readyz': { rule: PUBLIC, path: () => '/readyz' },
  'GET /api/v1/locale': { rule: PUBLIC, path: () => '/api/v1/locale' },
  'GET /console': { rule: PUBLIC, path: () => '/console' },
  'GET /console/*': { rule: PUBLIC, path: () => '/console/cases' },
  'GET /console/index.html': { rule: PUBLIC, path: () => '/console/index.html' },
  'GET /api/v1/openapi.json': { rule: PUBLIC, path: () => '/api/v1/openapi.json' },
  // Public API
  'POST /api/v1/applications': { rule: PUBLIC, path: () => '/api/v1/applications', body: () => ({}) },
  'GET /api/v1/applications/track': {
    rule: PUBLIC,
    path: (t) => `/api/v1/applications/track?number=${t.tn}&code=ZZZZZZZZ`,
  },
  'GET /api/v1/applications/letters/:id/:format': {
    rule: PUBLIC,
    path: (t) => `/api/v1/applications/letters/${t.letterId}/pdf?number=${t.tn}&code=ZZZZZZZZ`,
  },
  'POST /api/v1/deadline': {
    rule: PUBLIC,
    path: () => '/api/v1/deadline',
    body: () => ({ received: { date: '2026-03-02', channel: 'online' }, events: [] }),
  },
  'GET /api/v1/calendar/:year': { rule: PUBLIC, path: () => '/api/v1/calendar/2026' },
  'POST /api/v1/auth/login': {
    rule: PUBLIC,
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'nobody', password: 'x' }),
  },
  'POST /api/v1/auth/totp/enrol': {
    rule: PUBLIC,
    path: () => '/api/v1/auth/totp/enrol',
    body: () => ({ username: 'nobody', password: 'x' }),
  },
  'POST /api/v1/auth/totp/confirm': {
    rule: PUBLIC,
    path: () => '/api/v1/auth/totp/confirm',
    body: () => ({ username: 'nobody', password: 'x', code: '000000' }),
  },
  // Any staff member; lists are scoped
  'GET /api/v1/me': { rule: LOGIN, path: () => '/api/v1/me' },
  'GET /api/v1/meta': { rule: LOGIN, path: () => '/api/v1/meta' },
  'POST /api/v1/auth/logout': {
    rule: LOGIN,
    path: () => '/api/v1/auth/logout',
    skip: 'would end the session the matrix runs on',
  },
  'POST /api/v1/auth/tokens': { rule: LOGIN, path: () => '/api/v1/auth/tokens', body: () => ({}) },
  'GET /api/v1/agencies': { rule: LOGIN, path: () => '/api/v1/agencies' },
  'GET /api/v1/users': { rule: LOGIN, path: () => '/api/v1/users' },
  'GET /api/v1/cases': { rule: LOGIN, path: () => '/api/v1/cases' },
  'GET /api/v1/queues': { rule: LOGIN, path: () => '/api/v1/queues' },
  'GET /api/v1/workbench/reviews': { rule: LOGIN, path: () => '/api/v1/workbench/reviews' },
  'GET /api/v1/catalogue/items': { rule: LOGIN, path: () => '/api/v1/catalogue/items' },
  'GET /api/v1/concerns': { rule: LOGIN, path: () => '/api/v1/concerns' },
  'GET /api/v1/audit': { rule: { action: 'audit.read', on: 'list' }, path: () => '/api/v1/audit' },
  'GET /api/v1/reports/status': { rule: LOGIN, path: () => `/api/v1/reports/status?year=${y}` },
  // An agency's records
  'GET /api/v1/agencies/:id': { rule: agency('agency.read'), path: (t) => `/api/v1/agencies/${t.agencyId}` },
  'PATCH /api/v1/agencies/:id': {
    rule: agency('agency.update'),
    path: (t) => `/api/v1/agencies/${t.agencyId}`,
    body: () => ({ name: 'x' }),
  },
  'GET /api/v1/agencies/:id/letter-settings': {
    rule: agency('agency.read'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/letter-settings`,
  },
  'PUT /api/v1/agencies/:id/letter-settings': {
    rule: agency('agency.update'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/letter-settings`,
    body: () => ({ docCode: '矩阵', patterns: defaultPatterns('矩阵') }),
  },
  'GET /api/v1/agencies/:id/letter-templates': {
    rule: agency('agency.read'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/letter-templates`,
  },
  'PUT /api/v1/agencies/:id/letter-templates/:kind': {
    rule: agency('agency.update'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/letter-templates/receipt`,
    body: () => ({ title: '回执', body: '短' }),
  },
  'GET /api/v1/agencies/:id/pages': {
    rule: agency('agency.read'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/pages`,
  },
  'PUT /api/v1/agencies/:id/pages/:kind': {
    rule: agency('agency.update'),
    path: (t) => `/api/v1/agencies/${t.agencyId}/pages/guide`,
    body: () => ({}),
  },
  'POST /api/v1/cases': {
    rule: agency('case.create'),
    path: () => '/api/v1/cases',
    body: (t) => ({ agency: t.creditCode }),
  },
  'GET /api/v1/cases/:tn': { rule: agency('case.read'), path: (t) => `/api/v1/cases/${t.tn}` },
  'GET /api/v1/cases/:tn/reviews': { rule: agency('case.read'), path: (t) => `/api/v1/cases/${t.tn}/reviews` },
  'GET /api/v1/catalogue/items/:id/reviews': {
    rule: agency('catalogue.read'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}/reviews`,
  },
  'GET /api/v1/reports/:agencyId/:year/reviews': {
    rule: agency('report.read'),
    path: (t) => `/api/v1/reports/${t.agencyId}/${y}/reviews`,
  },
  'POST /api/v1/cases/:tn/events': {
    rule: agency('case.handle'),
    path: (t) => `/api/v1/cases/${t.tn}/events`,
    body: () => ({ type: 'closed', date: '2019-01-01' }),
  },
  'POST /api/v1/cases/:tn/appeals': {
    rule: agency('case.handle'),
    path: (t) => `/api/v1/cases/${t.tn}/appeals`,
    body: () => ({ kind: 'reconsideration', filedDate: '2019-01-01', result: 'upheld' }),
  },
  'PATCH /api/v1/appeals/:id': {
    rule: agency('case.handle'),
    path: (t) => `/api/v1/appeals/${t.appealId}`,
    body: () => ({ result: 'upheld' }),
  },
  'GET /api/v1/cases/:tn/letters/:id/:format': {
    rule: agency('case.read'),
    path: (t) => `/api/v1/cases/${t.tn}/letters/${t.letterId}/pdf`,
  },
  'GET /api/v1/catalogue/export.:format': {
    rule: agency('catalogue.read'),
    path: (t) => `/api/v1/catalogue/export.csv?agencyId=${t.agencyId}`,
  },
  'POST /api/v1/catalogue/import': {
    rule: agency('catalogue.import'),
    path: (t) => `/api/v1/catalogue/import?agencyId=${t.agencyId}&dryRun=1`,
    body: () => '索引号,标题\n',
    contentType: 'text/csv',
  },
  'GET /api/v1/catalogue/import/:id': {
    rule: agency('catalogue.read'),
    path: (t) => `/api/v1/catalogue/import/${t.jobId}`,
  },
  'POST /api/v1/catalogue/items': {
    rule: agency('catalogue.edit'),
    path: () => '/api/v1/catalogue/items',
    body: (t) => ({ agencyId: t.agencyId, title: '矩阵测试草稿' }),
  },
  'GET /api/v1/catalogue/items/:id': {
    rule: agency('catalogue.read'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}`,
  },
  'PATCH /api/v1/catalogue/items/:id': {
    rule: agency('catalogue.edit'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}`,
    body: () => ({ keywords: '矩阵' }),
  },
  'POST /api/v1/catalogue/items/:id/:step': {
    rule: agency('catalogue.approve'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}/approve`,
    body: () => ({}),
  },
  'POST /api/v1/catalogue/items/:id/attachments': {
    rule: agency('catalogue.edit'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}/attachments?filename=a.txt`,
    body: () => 'not a document',
    contentType: 'application/octet-stream',
  },
  'GET /api/v1/catalogue/items/:id/attachments/:aid': {
    rule: agency('catalogue.read'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}/attachments/${t.attachmentId}`,
  },
  // On the published item: whoever may edit is refused by its state (409), never by the policy.
  'DELETE /api/v1/catalogue/items/:id/attachments/:aid': {
    rule: agency('catalogue.edit'),
    path: (t) => `/api/v1/catalogue/items/${t.itemId}/attachments/${t.attachmentId}`,
  },
  'POST /api/v1/catalogue/items/:id/word-import': {
    rule: agency('catalogue.edit'),
    path: (t) => `/api/v1/catalogue/items/${t.draftId}/word-import?filename=a.docx`,
    body: () => 'not a document',
    contentType: 'application/octet-stream',
  },
  'POST /api/v1/concerns': {
    rule: agency('concern.manage'),
    path: () => '/api/v1/concerns',
    body: (t) => ({ agencyId: t.agencyId, source: 'hotline', topic: '矩阵测试关切', receivedDate: '2026-03-01' }),
  },
  'POST /api/v1/concerns/:id/response': {
    rule: agency('concern.manage'),
    path: (t) => `/api/v1/concerns/${t.concernId}/response`,
    body: (t) => ({ itemId: t.draftId }),
  },
  'POST /api/v1/ratings/:id/moderate': {
    rule: agency('rating.moderate'),
    path: (t) => `/api/v1/ratings/${t.ratingId}/moderate`,
    body: () => ({ decision: 'bogus' }),
  },
  'GET /api/v1/reports/:agencyId/:year': {
    rule: agency('report.read'),
    path: (t) => `/api/v1/reports/${t.agencyId}/${y}`,
  },
  'PUT /api/v1/reports/:agencyId/:year/narrative': {
    rule: agency('report.edit'),
    path: (t) => `/api/v1/reports/${t.agencyId}/${y}/narrative`,
    body: () => ({ other: '无' }),
  },
  'PUT /api/v1/reports/:agencyId/:year/figures': {
    rule: agency('report.import'),
    path: (t) => `/api/v1/reports/${t.agencyId}/${y}/figures`,
    body: () => ({}),
  },
  'POST /api/v1/reports/:agencyId/:year/:step': {
    rule: agency('report.supervise'),
    path: (t) => `/api/v1/reports/${t.agencyId}/${y}/accept`,
    body: () => ({}),
  },
  'POST /api/v1/supervision/accountability': {
    rule: agency('supervision.manage'),
    path: () => '/api/v1/supervision/accountability',
    body: (t) => ({ agencyId: t.agencyId }),
  },
  // A region's supervision
  'GET /api/v1/supervision/plan': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/plan?region=${t.region}&year=${y}`,
  },
  'PUT /api/v1/supervision/plan': {
    rule: region('supervision.manage'),
    path: (t) => `/api/v1/supervision/plan?region=${t.region}&year=${y}`,
    body: () => ({ indicators: [] }),
  },
  'GET /api/v1/supervision/assessment': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/assessment?region=${t.region}&year=${y}`,
  },
  'GET /api/v1/supervision/assessment.xlsx': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/assessment.xlsx?region=${t.region}&year=${y}`,
  },
  'GET /api/v1/supervision/interpretations': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/interpretations?region=${t.region}`,
  },
  'GET /api/v1/supervision/ratings': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/ratings?region=${t.region}&year=${y}`,
  },
  'GET /api/v1/supervision/stats': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/stats?region=${t.region}&year=${y}`,
  },
  'GET /api/v1/supervision/report': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/report?region=${t.region}&year=${y}`,
  },
  'GET /api/v1/supervision/accountability': {
    rule: region('supervision.read'),
    path: (t) => `/api/v1/supervision/accountability?region=${t.region}&year=${y}`,
  },
  // The system
  'POST /api/v1/agencies': {
    rule: { action: 'agency.create', on: 'system' },
    path: () => '/api/v1/agencies',
    body: () => ({ name: 'x' }),
  },
  'POST /api/v1/users': {
    rule: { action: 'user.manage', on: 'agency' },
    path: () => '/api/v1/users',
    body: (t) => ({
      username: 'x',
      displayName: 'x',
      password: 'x',
      roles: [{ role: 'operator', agencyId: t.agencyId }],
    }),
  },
  'PUT /api/v1/calendar/days/:date': {
    rule: { action: 'calendar.manage', on: 'system' },
    path: () => '/api/v1/calendar/days/2026-03-03',
    body: () => ({ kind: 'bogus' }),
  },
  'POST /api/v1/calendar/years': {
    rule: { action: 'calendar.manage', on: 'system' },
    path: () => '/api/v1/calendar/years',
    body: () => ({}),
  },
  'POST /api/v1/admin/backup': {
    rule: { action: 'system.backup', on: 'system' },
    path: () => '/api/v1/admin/backup',
    body: () => ({}),
  },
  'GET /api/v1/audit/verify': { rule: { action: 'audit.read', on: 'system' }, path: () => '/api/v1/audit/verify' },
};

export { EXPECTED_GRANTS as EXPECTED } from './expected-grants.ts';
