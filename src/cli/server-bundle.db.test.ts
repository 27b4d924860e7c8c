import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
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
  const { bundleIsFresh } = (await import(join(PROJECT_ROOT, 'scripts/server-bundle.mjs'))) as {
    bundleIsFresh: (f: string) => boolean;
  };
  assert.equal(bundleIsFresh(out), true);
  utimesSync(out, new Date('2020-01-01'), new Date('2020-01-01'));
  assert.equal(bundleIsFresh(out), false, 'a bundle older than a source file is not run');
});
