import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { verifyAudit } from '../db/audit.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

const bin = join(import.meta.dirname, '../../bin/gongkai.js');
let dataDir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('--help works without a database', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /gongkai/);
  assert.match(r.stdout, /audit verify/);
});

test('bad configuration stops with one clear line and exit code 2', () => {
  for (const [env, pattern] of [
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres/],
    [{ GONGKAI_SECRET_KEY: 'short' }, /GONGKAI_SECRET_KEY/],
  ] as const) {
    const r = cli(['db', 'migrate'], env);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('demo loads once; a second run changes nothing', () => {
  const first = cli(['demo'], { GONGKAI_DEMO_PASSWORD: 'Demo-Pass-2026' });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /已加载演示数据/);
  assert.match(first.stdout, /demo-supervisor/);
  const second = cli(['demo'], { GONGKAI_DEMO_PASSWORD: 'Demo-Pass-2026' });
  assert.equal(second.code, 0);
  assert.match(second.stdout, /未作更改/);
});

test('a second process on the embedded database stops with a clear message', async () => {
  const db = await openDatabase({ dataDir, databaseUrl: undefined });
  try {
    const r = cli(['audit', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /内置数据库正被另一个进程.*使用/);
  } finally {
    await db.close();
  }
});

test('audit verify: intact chain passes; an edited row is reported as the first broken link', async () => {
  const ok = cli(['audit', 'verify']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /校验通过/);

  const database = await openDatabase({ dataDir, databaseUrl: undefined });
  let target: number;
  try {
    await migrate(database.pool);
    await makeAgency(systemCtx(database, fixedClock()));
    // The log refuses updates…
    await assert.rejects(database.pool.query(`update audit_events set action = 'x' where seq = 3`), /append-only/);
    // …so a tamperer must go around the trigger.
    target = 5;
    await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
    await database.pool.query(`update audit_events set after = '{"name":"篡改"}'::jsonb where seq = $1`, [target]);
    const v = await verifyAudit(database.db);
    assert.equal(v.ok, false);
    assert.deepEqual(v.firstBroken, { seq: target, reason: 'hash_mismatch' });
  } finally {
    await database.close();
  }
  const r = cli(['audit', 'verify']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, new RegExp(`第 ${target} 条起断裂`));
});
