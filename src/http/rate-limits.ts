import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { closeCodeCheck, openCodeCheck } from '../commands/auth/code-checks.ts';
import type { Attempt } from '../commands/auth/lockout.ts';
import { AppError } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';

/**
 * What guards each public route, in one table: its rate limit (`max` requests per `windowSeconds`, counted per
 * `key`), the 查询码 lockout where the route checks a query code (`codeCheck`: where the tracking number is), and
 * `jsonOnly` for the credential routes (a cross-site HTML form cannot send JSON without a CORS preflight, which
 * this server never grants: no login CSRF). `guardRoute` applies an entry to its route as the route is added;
 * the entry wins over a route's own `config.rateLimit`. SECURITY.md explains the numbers.
 *
 * `key: 'client'` is the client's address (IPv6 by its /64, the block one subscriber gets): the socket's peer,
 * or the address a proxy listed in TRUST_PROXY forwarded (X-Forwarded-For is ignored from anyone else).
 */
export interface RouteGuard {
  max: number;
  windowSeconds: number;
  key: 'client';
  codeCheck?: 'query' | 'body';
  jsonOnly?: true;
}

export const ROUTE_GUARDS: Readonly<Record<string, RouteGuard>> = {
  // Credentials (and the lockout of commands/auth/lockout.ts behind them).
  'POST /api/v1/auth/login': { max: 60, windowSeconds: 60, key: 'client', jsonOnly: true },
  'POST /api/v1/auth/totp/enrol': { max: 10, windowSeconds: 60, key: 'client', jsonOnly: true },
  'POST /api/v1/auth/totp/confirm': { max: 10, windowSeconds: 60, key: 'client', jsonOnly: true },
  // 申请 (条例第二十九条): the form page, its submission and the API.
  'GET /apply': { max: 60, windowSeconds: 60, key: 'client' },
  'POST /apply': { max: 20, windowSeconds: 60, key: 'client' },
  'POST /api/v1/applications': { max: 30, windowSeconds: 60, key: 'client' },
  // Tracking number and query code: progress, letters, the applicant's rating.
  // The portal's tracking page takes the pair by POST only; its session cookie is sealed, so its GETs check no code.
  'POST /track': { max: 30, windowSeconds: 60, key: 'client', codeCheck: 'body' },
  'GET /track': { max: 60, windowSeconds: 60, key: 'client' },
  'GET /track/letters/:id/:format': { max: 30, windowSeconds: 60, key: 'client' },
  'GET /api/v1/applications/track': { max: 60, windowSeconds: 60, key: 'client', codeCheck: 'query' },
  'GET /api/v1/applications/letters/:id/:format': { max: 30, windowSeconds: 60, key: 'client', codeCheck: 'query' },
  'POST /track/rate': { max: 10, windowSeconds: 60, key: 'client', codeCheck: 'body' },
  // Other public forms: rating an item, the deadline calculator (page and API), 回应关切.
  'POST /items/:id/rate': { max: 10, windowSeconds: 60, key: 'client' },
  'GET /deadline': { max: 60, windowSeconds: 60, key: 'client' },
  'POST /api/v1/deadline': { max: 120, windowSeconds: 60, key: 'client' },
  'GET /concerns': { max: 120, windowSeconds: 60, key: 'client' },
};

/** The client a limit or a lockout counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function clientAddress(ip: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const groups = ipv6Groups(ip.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

function ipv6Groups(a: string): string[] | null {
  const parts = a.split('::');
  if (parts.length > 2) return null;
  // A dotted IPv4 tail holds the last two groups.
  const split = (s: string | undefined) => (s ? s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const head = split(parts[0]);
  const tail = split(parts[1]);
  const fill = parts.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || head.length + fill + tail.length !== 8) return null;
  const all = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16).toString(16));
}

/** The rate-limit plugin's settings: the client key, and a 429 in the error shape, in Chinese (Retry-After set). */
export const rateLimitSettings: RateLimitPluginOptions = {
  global: false,
  keyGenerator: (req) => clientAddress(req.ip),
  errorResponseBuilder: (_req, ctx) =>
    new AppError('rate_limited', `请求过于频繁，请 ${Math.max(1, Math.ceil(ctx.ttl / 1000))} 秒后再试`, {
      retryAfterSeconds: Math.max(1, Math.ceil(ctx.ttl / 1000)),
    }),
};

const openChecks = new WeakMap<FastifyRequest, Attempt>();

/** An `onRoute` hook: the route's entry of ROUTE_GUARDS (a HEAD route shares its GET's), if it has one. */
export function guardRoute(deps: AppDeps) {
  const ctx = { db: deps.db, now: deps.now, secretKey: deps.secretKey };
  return (route: RouteOptions) => {
    const guard = [route.method]
      .flat()
      .map((m) => ROUTE_GUARDS[`${m === 'HEAD' ? 'GET' : m} ${route.url}`])
      .find((g) => g !== undefined);
    if (!guard) return;
    route.config = {
      ...route.config,
      rateLimit: { max: guard.max, timeWindow: guard.windowSeconds * 1000 },
    } as typeof route.config;
    if (guard.jsonOnly) route.preValidation = [...[route.preValidation ?? []].flat(), refuseNonJson];
    const where = guard.codeCheck;
    if (!where) return;
    route.preHandler = [
      ...[route.preHandler ?? []].flat(),
      async (req, reply) => {
        const source = (where === 'query' ? req.query : req.body) as Record<string, unknown> | undefined;
        const number = typeof source?.number === 'string' ? source.number.trim() : '';
        if (!number) return;
        try {
          openChecks.set(req, await openCodeCheck(ctx, number, clientAddress(req.ip)));
        } catch (err) {
          const wait = err instanceof AppError ? (err.details as { retryAfterSeconds?: number })?.retryAfterSeconds : 0;
          if (wait) reply.header('retry-after', wait);
          throw err;
        }
      },
    ];
    route.onSend = [
      ...[route.onSend ?? []].flat(),
      async (req, reply, payload) => {
        const check = openChecks.get(req);
        if (!check) return payload;
        openChecks.delete(req);
        // A wrong number or code answers 404 on every one of these routes.
        const status = reply.statusCode;
        // A redirect (POST /track's post/redirect/get) follows a right pair.
        await closeCodeCheck(ctx, check, status === 404 ? 'wrong' : status < 400 ? 'right' : 'other');
        return payload;
      },
    ];
  };
}

/** 登录 CSRF: credentials only as JSON, never from a page of another site (Fetch Metadata). */
async function refuseNonJson(req: FastifyRequest) {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json')
    throw new AppError('invalid', '请以 JSON 提交（Content-Type: application/json），不接受表单提交');
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', '拒绝来自其他网站的登录请求');
}

/** Once per process: X-Forwarded-For from a peer not in TRUST_PROXY means every client behind it counts as one. */
export function warnOfUntrustedProxy(deps: AppDeps) {
  let warned = !!deps.trustProxy?.length;
  return async (req: FastifyRequest) => {
    if (warned || !req.headers['x-forwarded-for']) return;
    warned = true;
    req.log.warn(
      '收到 X-Forwarded-For 但未设置 TRUST_PROXY：经该代理的访问者共用一个限流与锁定计数 (set TRUST_PROXY to the proxy address)',
    );
  };
}
