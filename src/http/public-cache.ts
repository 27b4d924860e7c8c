import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localeOf } from './pages/i18n.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page the same for every anonymous visitor: kept for `PUBLIC_CACHE_SECONDS`. */
    publicCache?: boolean;
  }
}

interface Entry {
  at: number;
  /** Encoded once: a hit sends the bytes as they are. */
  body: Buffer;
  /** Every header the rendered page was sent with (security headers included), less the per-request ones. */
  headers: Record<string, string | number | string[]>;
  etag: string | undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers that belong to one request or one client, never to the page. */
const PER_REQUEST =
  /^(set-cookie|x-request-id|x-cache|content-length|date|connection|keep-alive|transfer-encoding|retry-after|x-ratelimit-.*)$/;
const keys = new WeakMap<FastifyRequest, string | null>();

/**
 * A short-lived cache of rendered public pages (micro-caching, as nginx does in front of a CMS): under heavy
 * public traffic an item page is rendered once per `seconds`, not once per visitor. Only anonymous visitors'
 * pages are kept, keyed by language and display mode; any successful write through this instance empties it at
 * once, and other instances (N app servers behind a balancer) show a change after at most `seconds`.
 * Memory is bounded by `maxBytes`. `seconds` = 0 turns it off.
 *
 * Register it before any other plugin: a hit is answered from the first hook, with the headers the page was
 * first sent with (helmet's security headers among them), so no later hook runs for it.
 */
export function registerPublicCache(app: FastifyInstance, seconds: number, now: () => number, maxBytes = 32 << 20) {
  if (seconds <= 0) return;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  const keyOf = (req: FastifyRequest) => {
    if (req.method !== 'GET' || !req.routeOptions.config.publicCache) return null;
    if (req.headers.authorization) return null;
    // The cookie parser has not run yet (and does not for a hit): cookies are read here, for the later hooks too.
    const c = req.headers.cookie ? fastifyCookie.parse(req.headers.cookie) : {};
    req.cookies = c;
    if (c.gk_session || c.gk_kiosk === '1') return null;
    return `${localeOf({ cookies: c, query: req.query })}|${c.gk_large === '1' ? 'L' : ''}|${req.url}`;
  };
  app.addHook('onRequest', (req, reply, done) => {
    const key = keyOf(req);
    keys.set(req, key);
    const e = key ? entries.get(key) : undefined;
    if (!e) return done();
    if (now() - e.at > seconds * 1000) {
      entries.delete(key!);
      bytes -= e.body.length;
      return done();
    }
    // Written straight to the socket: Fastify's reply path (serialisation, the onSend chain) has nothing to add,
    // and it cost as much as the rest of a hit. Fastify still writes the access log line when it is sent.
    reply.hijack();
    const head = { ...e.headers, 'x-request-id': req.id, 'x-cache': 'hit' };
    const fresh = e.etag !== undefined && req.headers['if-none-match'] === e.etag;
    if (fresh) reply.raw.writeHead(304, head).end();
    else reply.raw.writeHead(200, { ...head, 'content-length': e.body.length }).end(e.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const key = keys.get(req);
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('set-cookie')) return;
    const headers: Entry['headers'] = {};
    for (const [h, v] of Object.entries(reply.getHeaders()))
      if (v !== undefined && !PER_REQUEST.test(h)) headers[h] = v;
    const body = Buffer.from(payload);
    if (bytes + body.length > maxBytes) clear();
    entries.set(key, { at: now(), body, headers, etag: reply.getHeader('etag') as string | undefined });
    bytes += body.length;
    reply.header('x-cache', 'miss');
  });
  app.addHook('onResponse', async (req, reply) => {
    if (UNSAFE.has(req.method) && reply.statusCode < 400) clear();
  });
}
