/** The HTTP side of the bench: the product's server as `npm start` runs it, the bare-server ceiling, autocannon. */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * Each page at 10 connections in turn with a bare Node HTTP server answering the same bytes (the ceiling of this
 * machine), three rounds each and the median of each side: a moment of background work on the machine slows
 * both sides of a round, not one. Then each page at 50 connections.
 */
export async function httpBench(url: string, paths: Record<string, string>, seconds: number) {
  const out: Record<string, unknown> = {};
  const ceilings: Record<string, number> = {};
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const run = async (target: string, connections: number, duration: number) => {
    const r = await autocannon({ url: target, connections, duration });
    return {
      rps: Math.round(r.requests.average),
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  };
  // Warm-up (JIT, connection pool, caches) before anything is measured.
  for (const path of Object.values(paths)) await autocannon({ url: url + path, connections: 10, duration: 2 });
  const round = Math.max(2, Math.round(seconds / 2));
  for (const [name, path] of Object.entries(paths)) {
    const bare = await bareServer(Buffer.from(await (await fetch(url + path)).arrayBuffer()));
    const ours: Awaited<ReturnType<typeof run>>[] = [];
    const tops: number[] = [];
    for (let i = 0; i < 3; i++) {
      tops.push((await run(bare.url, 10, round)).rps);
      ours.push(await run(url + path, 10, round));
    }
    bare.stop();
    ceilings[name] = median(tops);
    out[`${name}_c10`] = ours.find((r) => r.rps === median(ours.map((o) => o.rps)));
    out[`${name}_c50`] = await run(url + path, 50, seconds);
  }
  return { http: out, ceilings };
}

/** A bare Node HTTP server answering the given bytes, in a process of its own, as the product's server is. */
async function bareServer(body: Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'gk-ceiling-')), 'page.html');
  writeFileSync(file, body);
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const body = require('node:fs').readFileSync(${JSON.stringify(file)});
      const srv = require('node:http').createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
        res.end(body);
      });
      srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d))));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** A port nothing listens on now (the kernel's pick): a random one met another service's (4222) once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function serve(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<number> }> {
  // As `npm start` runs it: the built server (rebuilt here if a source changed since).
  execSync('node scripts/server-bundle.mjs', { stdio: 'inherit' });
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the server the bench measures.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'bin/gongkai.js', 'serve'], {
    env: { ...process.env, PUBLIC_CACHE_SECONDS: '5', ...env, PORT: String(port), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('gongkai 已启动')) resolve();
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(execSync(`ps -o rss= -p ${child.pid}`).toString().trim());
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* exited */
    }
  }, 200);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      clearInterval(sampler);
      await new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      });
      return Math.round(peak);
    },
  };
}
