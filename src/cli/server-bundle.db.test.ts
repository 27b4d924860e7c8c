import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PROJECT_ROOT } from '../config/paths.ts';

// The built server (scripts/server-bundle.mjs) as `npm install` / `npm start` make it, run as a process: it
// finds its migrations and the embedded database's host from the bundle's place, and loads the demo.
const dir = mkdtempSync(join(PROJECT_ROOT, '.tmp-bundle-'));
const out = join(dir, 'gongkai.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bundle-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});
const run = (file: string, args: string[]) =>
  spawnSync(process.execPath, [file, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO_PASSWORD: 'Demo-Passw0rd!' },
    encoding: 'utf8',
    timeout: 120_000,
  });

test('the built server runs the CLI and the embedded database, and counts as stale once older than the sources', {
  timeout: 240_000,
}, async () => {
  const built = run(join(PROJECT_ROOT, 'scripts/server-bundle.mjs'), ['--out', out, '--force']);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /服务端已构建/);
  const help = run(out, ['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /用法 \(usage\): gongkai/);
  const demo = run(out, ['demo']);
  assert.equal(demo.status, 0, demo.stderr + demo.stdout);
  const verify = run(out, ['audit', 'verify']);
  assert.equal(verify.status, 0, verify.stderr + verify.stdout);
  // HTML is read in a worker thread: the bundle starts its own worker file, built beside it.
  const page = join(dir, 'report.html');
  const cells = (l: string) => l.split('|').slice(1, -1);
  const text = readFileSync(join(PROJECT_ROOT, '../shared/samples/reports/001.txt'), 'utf8').split('\n');
  const rows = text.map((l) =>
    l.startsWith('|')
      ? `<tr>${cells(l)
          .map((c) => `<td>${c}</td>`)
          .join('')}</tr>`
      : `<p>${l}</p>`,
  );
  writeFileSync(page, `<html><body><table>${rows.join('\n')}</table></body></html>`);
  const parsed = run(out, ['report', 'parse', page]);
  assert.equal(parsed.status, 0, parsed.stderr + parsed.stdout);
  assert.equal(JSON.parse(parsed.stdout).agency, '凉州区市场监督管理局');
  const { bundleIsFresh, workerBundle } = (await import(join(PROJECT_ROOT, 'scripts/server-bundle.mjs'))) as {
    bundleIsFresh: (f: string) => boolean;
    workerBundle: (f: string) => string;
  };
  assert.equal(bundleIsFresh(out), true);
  const worker = workerBundle(out);
  utimesSync(worker, new Date('2020-01-01'), new Date('2020-01-01'));
  assert.equal(bundleIsFresh(out), false, 'a bundle whose worker is older than the sources is not run');
  utimesSync(worker, new Date(), new Date());
  utimesSync(out, new Date('2020-01-01'), new Date('2020-01-01'));
  assert.equal(bundleIsFresh(out), false, 'a bundle older than a source file is not run');
});
