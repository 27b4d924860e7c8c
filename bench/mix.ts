/**
 * The portal as visitors use it (issue: an honest bench): item pages requested over all published items with a
 * Zipf distribution (a few items are read a lot, most rarely), so that most requests miss the page cache — the
 * hit rate is counted from each answer's `x-cache` header. Beside it, a plain Fastify + pg server answering the
 * same rows (one query, one template string) in the same run: the throughput a minimal page of the same data has
 * on this machine.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

/** A deterministic Zipf(s) sample of ranks 0…n-1 (inverse CDF over the harmonic weights, a seeded LCG). */
export function zipfSample(n: number, count: number, s = 1.0, seed = 2019): number[] {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s;
    cdf[k] = total;
  }
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const u = (x / 2 ** 32) * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    out.push(lo);
  }
  return out;
}

/** Requests over `paths` in the given order (cycled) at `connections`; the share answered from the page cache. */
export async function mixRun(base: string, paths: string[], connections: number, seconds: number) {
  let i = 0;
  let hits = 0;
  let answered = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }),
        onResponse: (_status, _body, _ctx, headers) => {
          answered++;
          if (headers?.['x-cache'] === 'hit') hits++;
        },
      },
    ],
  });
  return {
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    cache_hit_rate: answered ? Math.round((hits / answered) * 1000) / 1000 : 0,
  };
}

/** The plain Fastify + pg server: `GET /items/:id` → one query, the row in a template string. */
export async function fastifyPgServer(databaseUrl: string) {
  const code = `
    const Fastify = require('fastify');
    const pg = require('pg');
    const pool = new pg.Pool({ connectionString: ${JSON.stringify(databaseUrl)}, max: 10 });
    const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const app = Fastify();
    app.get('/items/:id', async (req, reply) => {
      const r = await pool.query(
        "select i.title, i.body_html, i.doc_number, i.index_no, i.publish_date::text as publish_date, a.name as agency " +
          "from catalogue_items i join agencies a on a.id = i.agency_id where i.id = $1 and i.state = 'published'",
        [req.params.id],
      );
      const row = r.rows[0];
      if (!row) return reply.code(404).type('text/html; charset=utf-8').send('<h1>404</h1>');
      reply.type('text/html; charset=utf-8');
      return '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>' + esc(row.title) +
        '</title></head><body><h1>' + esc(row.title) + '</h1><table><tr><th>发布机构</th><td>' + esc(row.agency) +
        '</td></tr><tr><th>索引号</th><td>' + esc(row.index_no) + '</td></tr><tr><th>文号</th><td>' +
        esc(row.doc_number) + '</td></tr><tr><th>发布日期</th><td>' + esc(row.publish_date) +
        '</td></tr></table><article>' + (row.body_html ?? '') + '</article></body></html>';
    });
    app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(app.server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: `${import.meta.dirname}/..`,
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d)));
    child.once('exit', (c) => reject(new Error(`fastify+pg baseline exited ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/**
 * The deployed server over the Zipf mix; then the product's uncached item page and the Fastify + pg page on the
 * same row, three rounds each in turn (medians), so that a busy moment of the machine slows both sides.
 */
export async function portalMix(opts: {
  cached: string;
  uncached: string;
  databaseUrl: string;
  ids: string[];
  seconds: number;
}) {
  const paths = zipfSample(opts.ids.length, 200_000).map((k) => `/items/${opts.ids[k]}`);
  const distinct = new Set(paths).size;
  const mix = await mixRun(opts.cached, paths, 10, opts.seconds);
  const one = `/items/${opts.ids[0]}`;
  const baseline = await fastifyPgServer(opts.databaseUrl);
  const ours: number[] = [];
  const theirs: number[] = [];
  const round = Math.max(2, Math.round(opts.seconds / 2));
  try {
    for (let i = 0; i < 3; i++) {
      theirs.push((await mixRun(baseline.url, [one], 10, round)).rps);
      ours.push((await mixRun(opts.uncached, [one], 10, round)).rps);
    }
    const uncachedMix = await mixRun(opts.uncached, paths, 10, opts.seconds);
    const baselineMix = await mixRun(baseline.url, paths, 10, opts.seconds);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    return {
      items: opts.ids.length,
      mix_paths: paths.length,
      mix_distinct_items: distinct,
      item_mix: mix,
      item_uncached_rps: median(ours),
      fastify_pg_rps: median(theirs),
      item_uncached_mix: uncachedMix,
      fastify_pg_mix: baselineMix,
    };
  } finally {
    baseline.stop();
  }
}
