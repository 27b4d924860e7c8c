/**
 * `npm run bench -- --sitemap-only [--items=N] [--agencies=K] [--db=postgres|embedded]`: the sitemap at scale
 * (issue #21: within the 50,000-URL limit at a million items). On the loaded database it fetches /sitemap.xml
 * and every file it lists, from the product's server with the page cache off (each file rendered from the
 * database), and checks: each file well-formed XML of the sitemap schema, at most 50,000 URLs a file, every URL
 * once, and the URLs together exactly the published 主动公开 items plus the site's own pages. It reports the time
 * of the index and of each file, and the server's peak RSS. The uniqueness check holds O(1) memory for the
 * items: the item files list ids in increasing order, so the items are distinct when each id is greater than
 * the one before, across files.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { COLUMN_PARTS } from '../src/domain/catalogue/column.ts';
import { SITEMAP_MAX_URLS } from '../src/domain/catalogue/sitemap.ts';
import { serve } from './http.ts';

/** What the sitemap must hold, counted in SQL: the public items, and the pages file's URLs. */
export async function sitemapExpected(db: Kysely<DB>) {
  const { rows } = await sql<{ items: number; agencies: number; reports: number }>`select
      (select count(*)::int from catalogue_items where state = 'published' and disclosure = 'proactive') items,
      (select count(*)::int from agencies) agencies,
      (select count(*)::int from annual_reports where status = 'published') reports`.execute(db);
  const r = rows[0]!;
  // src/http/routes/portal-sitemap.ts: six site pages, each agency's page and column parts, each published report.
  return { items: r.items, pages: 6 + r.agencies * (1 + COLUMN_PARTS.length) + r.reports };
}

/**
 * Well-formed XML for what a sitemap holds (a declaration, elements, text, the five entities): every tag
 * closed in order, one root, no stray `<` or `&`. Returns the root's name and the `<loc>` texts, or throws.
 */
export function readSitemapXml(xml: string): { root: string; locs: string[] } {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('no XML declaration');
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const locs: string[] = [];
  let root = '';
  let last = 0;
  const text = (s: string) => {
    if (/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s)) throw new Error(`bad text: ${s.slice(0, 80)}`);
    if (stack.length === 0 && s.trim()) throw new Error('text outside the root');
  };
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const between = body.slice(last, m.index);
    text(between);
    if (stack.at(-1) === 'loc') locs.push(between.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    last = m.index + m[0].length;
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else {
      if (stack.length === 0) {
        if (root) throw new Error('two roots');
        root = name!;
      }
      if (!selfClose) stack.push(name!);
    }
  }
  text(body.slice(last));
  if (stack.length || !root) throw new Error(`unclosed: ${stack.join(' ')}`);
  return { root, locs };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : 0;
};

async function get(url: string) {
  const t = performance.now();
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, ms: performance.now() - t };
}

/** Runs the product's server on `env`'s database and walks its sitemap; `expected` from `sitemapExpected`. */
export async function sitemapBench(
  env: Record<string, string>,
  expected: { items: number; pages: number },
  log: (s: string) => void,
) {
  const server = await serve({ ...env, PUBLIC_CACHE_SECONDS: '0' });
  const problems: string[] = [];
  const childMs: number[] = [];
  let urls = 0;
  let itemUrls = 0;
  let maxPerFile = 0;
  let lastItem = '';
  let outOfOrder = 0;
  const pageUrls = new Set<string>();
  let indexMs = 0;
  let files = 0;
  let rss = 0;
  try {
    // Once untimed (the server's JIT, the connection pool), then the index and each file in turn.
    await get(`${server.url}/sitemap.xml`);
    const index = await get(`${server.url}/sitemap.xml`);
    indexMs = index.ms;
    if (index.status !== 200 || !index.type.startsWith('application/xml')) problems.push(`index: ${index.status}`);
    const idx = readSitemapXml(index.text);
    if (idx.root !== 'sitemapindex') problems.push(`index root ${idx.root}`);
    files = idx.locs.length;
    for (const loc of idx.locs) {
      const path = new URL(loc).pathname;
      const r = await get(server.url + path);
      childMs.push(r.ms);
      if (r.status !== 200) {
        problems.push(`${path}: ${r.status}`);
        continue;
      }
      let set: ReturnType<typeof readSitemapXml>;
      try {
        set = readSitemapXml(r.text);
      } catch (e) {
        problems.push(`${path}: ${(e as Error).message}`);
        continue;
      }
      if (set.root !== 'urlset') problems.push(`${path}: root ${set.root}`);
      maxPerFile = Math.max(maxPerFile, set.locs.length);
      if (set.locs.length > SITEMAP_MAX_URLS) problems.push(`${path}: ${set.locs.length} URLs`);
      urls += set.locs.length;
      for (const u of set.locs) {
        const p = new URL(u).pathname;
        if (p.startsWith('/items/')) {
          itemUrls++;
          const id = p.slice('/items/'.length);
          if (id <= lastItem) outOfOrder++;
          lastItem = id;
        } else if (pageUrls.has(p)) problems.push(`${p} twice`);
        else pageUrls.add(p);
      }
      log(`[sitemap] ${path}: ${set.locs.length} URLs, ${r.text.length} bytes, ${Math.round(r.ms)} ms`);
    }
  } finally {
    rss = await server.stop();
  }
  if (outOfOrder) problems.push(`${outOfOrder} item URLs out of order or repeated`);
  if (itemUrls !== expected.items) problems.push(`${itemUrls} item URLs, ${expected.items} published items`);
  if (pageUrls.size !== expected.pages) problems.push(`${pageUrls.size} page URLs, ${expected.pages} expected`);
  return {
    items: expected.items,
    sitemap_files: files,
    sitemap_urls: urls,
    sitemap_expected_urls: expected.items + expected.pages,
    sitemap_max_urls_per_file: maxPerFile,
    sitemap_index_ms: Math.round(indexMs * 10) / 10,
    sitemap_child_p50_ms: pct(childMs, 50),
    sitemap_child_p95_ms: pct(childMs, 95),
    sitemap_child_max_ms: pct(childMs, 100),
    sitemap_server_peak_rss_mb: rss,
    sitemap_ok: problems.length === 0,
    problems: problems.slice(0, 20),
  };
}
