import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PublicChanges } from '../db/public-changes.ts';
import { PageStore } from './page-store.ts';
import { localeOf } from './pages/i18n.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A public page the same for every anonymous visitor: kept until what it shows changes. `query` lists the
     * query parameters the page reads (the others are left out of the cache key); without it every parameter
     * but `lang` is part of the key.
     */
    publicCache?: true | { query: readonly string[] };
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers that belong to one request or one client, never to the page. */
const PER_REQUEST =
  /^(set-cookie|x-request-id|x-cache|content-length|date|connection|keep-alive|transfer-encoding|retry-after|x-ratelimit-.*)$/;
const keys = new WeakMap<FastifyRequest, { key: string; gen: number } | null>();

/** The cache key's query part: the parameters the page reads, sorted, empty ones left out. */
export function normalisedQuery(query: unknown, reads?: readonly string[]): string {
  const q = (query ?? {}) as Record<string, unknown>;
  const names = (reads ?? Object.keys(q)).filter((k) => k !== 'lang').sort();
  const p = new URLSearchParams();
  for (const k of names)
    for (const v of [q[k]].flat()) if (v !== undefined && v !== null && v !== '') p.append(k, String(v));
  return p.toString();
}

/** What a page shows, as the tags the database's triggers name (migration 0023; page-store.ts). */
function tagsOf(req: FastifyRequest): string[] {
  const id = (req.params as { id?: string } | undefined)?.id;
  const url = req.routeOptions.url ?? '';
  if (id && url === '/items/:id') return [`item:${id}`];
  if (id && url.startsWith('/agencies/:id')) return [`agency:${id}`, 'lists'];
  return ['lists'];
}

/**
 * A cache of rendered public pages for anonymous visitors, coherent across instances: every write that changes
 * public content (a request on any instance, a CLI command, an import) names what it changed in its own
 * transaction (database triggers, migration 0023), and `changes` brings those names to every instance, which
 * drops exactly the pages showing them. A write through this instance waits until its change is heard before
 * it answers; other instances hear it within milliseconds (PostgreSQL NOTIFY). While the database's changes
 * cannot be heard the cache answers nothing from memory. Entries live at most `seconds`; memory is bounded by
 * `maxBytes`, the least recently used pages evicted first. The key is the language, the display mode, the
 * host, the path and the query parameters the route reads, sorted. `seconds` = 0 turns it off.
 *
 * Register it before any other plugin: a hit is answered from the first hook, with the headers the page was
 * first sent with (helmet's security headers among them), so no later hook runs for it.
 */
export function registerPublicCache(
  app: FastifyInstance,
  seconds: number,
  now: () => number,
  changes: PublicChanges | undefined,
  maxBytes = 32 << 20,
) {
  if (seconds <= 0) return;
  if (!changes) {
    app.log.warn('公共页面缓存未启用：无法获知数据变更 (public page cache off: no change feed)');
    return;
  }
  const store = new PageStore(maxBytes);
  // Bumped by every change heard: a page rendered while a change arrived is not kept (it may predate it).
  let generation = 0;
  changes.subscribe(
    (tags) => {
      generation++;
      store.invalidate(tags);
    },
    () => {
      generation++;
      store.clear();
    },
  );
  const keyOf = (req: FastifyRequest) => {
    const config = req.routeOptions.config.publicCache;
    if (req.method !== 'GET' || !config) return null;
    if (req.headers.authorization) return null;
    // The cookie parser has not run yet (and does not for a hit): cookies are read here, for the later hooks too.
    const c = req.headers.cookie ? fastifyCookie.parse(req.headers.cookie) : {};
    req.cookies = c;
    if (c.gk_session || c.gk_kiosk === '1') return null;
    const path = req.url.split('?', 1)[0];
    const query = normalisedQuery(req.query, config === true ? undefined : config.query);
    const lang = localeOf({ cookies: c, query: req.query });
    return `${lang}|${c.gk_large === '1' ? 'L' : ''}|${req.headers.host ?? ''}|${path}?${query}`;
  };
  app.addHook('onRequest', (req, reply, done) => {
    const key = changes.live() ? keyOf(req) : null;
    keys.set(req, key ? { key, gen: generation } : null);
    const e = key ? store.get(key) : undefined;
    if (!e) return done();
    if (now() - e.at > seconds * 1000) {
      store.delete(key!);
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
    // A write answers once its change has been heard here: the writer's next page is never the old one.
    if (UNSAFE.has(req.method) && reply.statusCode < 400) await changes.flush();
    const k = keys.get(req);
    if (!k || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('set-cookie')) return;
    if (k.gen !== generation || !changes.live()) return;
    const headers: Record<string, string | number | string[]> = {};
    for (const [h, v] of Object.entries(reply.getHeaders()))
      if (v !== undefined && !PER_REQUEST.test(h)) headers[h] = v;
    const etag = reply.getHeader('etag') as string | undefined;
    store.set(k.key, { at: now(), body: Buffer.from(payload), headers, etag, tags: tagsOf(req) });
    reply.header('x-cache', 'miss');
  });
}
