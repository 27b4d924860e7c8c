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
  headers: Record<string, string>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HEADERS = ['content-type', 'etag', 'cache-control', 'vary'];

/**
 * A short-lived cache of rendered public pages (micro-caching, as nginx does in front of a CMS): under heavy
 * public traffic an item page is rendered once per `seconds`, not once per visitor. Only anonymous visitors'
 * pages are kept, keyed by language and display mode; any successful write through this instance empties it at
 * once, and other instances (N app servers behind a balancer) show a change after at most `seconds`.
 * Memory is bounded by `maxBytes`. `seconds` = 0 turns it off.
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
    const c = req.cookies;
    if (req.method !== 'GET' || !req.routeOptions.config.publicCache) return null;
    if (c.gk_session || req.headers.authorization || c.gk_kiosk === '1') return null;
    return `${localeOf(req)}|${c.gk_large === '1' ? 'L' : ''}|${req.url}`;
  };
  app.addHook('onRequest', async (req, reply) => {
    const key = keyOf(req);
    if (!key) return;
    const e = entries.get(key);
    if (!e) return;
    if (now() - e.at > seconds * 1000) {
      entries.delete(key);
      bytes -= e.body.length;
      return;
    }
    reply.headers(e.headers).header('x-cache', 'hit');
    if (req.headers['if-none-match'] === e.headers.etag) return reply.status(304).send();
    return reply.send(e.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const key = keyOf(req);
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('set-cookie')) return;
    if (reply.getHeader('x-cache')) return;
    const headers: Record<string, string> = {};
    for (const h of HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    const body = Buffer.from(payload);
    if (bytes + body.length > maxBytes) clear();
    entries.set(key, { at: now(), body, headers });
    bytes += body.length;
    reply.header('x-cache', 'miss');
  });
  app.addHook('onResponse', async (req, reply) => {
    if (UNSAFE.has(req.method) && reply.statusCode < 400) clear();
  });
}
