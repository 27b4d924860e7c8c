import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { TEST_SECRET_KEY, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { startServerProcess } from '../../test/helpers/process.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

/**
 * 崩溃安全: applications are submitted in a loop while the server (with its embedded database host, the whole
 * process group) is killed with SIGKILL at random moments, several times. Every application that got its
 * tracking number is there afterwards, exactly once; retries with the same Idempotency-Key never duplicate.
 */
const ROUNDS = 4;

test('SIGKILL at random moments loses no acknowledged application and duplicates none', {
  timeout: 240_000,
}, async () => {
  // PostgreSQL: a test database; embedded: a data dir of its own, closed before the server takes it.
  const pgDb = process.env.DATABASE_URL ? await testDatabase() : null;
  const dataDir = pgDb?.dataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-crash-'));
  const seed = pgDb ?? (await openDatabase({ dataDir, databaseUrl: undefined, secretKey: TEST_SECRET_KEY }));
  if (!pgDb) await migrate(seed.pool);
  const agency = await makeAgency({ ...systemCtx(seed as never, fixedClock()) }, { name: '凉州区市场监督管理局' });
  if (!pgDb) await seed.close();
  const env: Record<string, string> = pgDb?.url
    ? { DATABASE_URL: pgDb.url, GONGKAI_DATA_DIR: dataDir }
    : { DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir };
  env.GONGKAI_SECRET_KEY = TEST_SECRET_KEY.toString('hex'); // the seed's key: its audit chains stay verifiable
  const port = 4700 + Math.floor(Math.random() * 200);
  const acknowledged = new Map<string, string>(); // idempotency key → tracking number
  const pending = new Set<string>(); // sent, no answer before the crash: retried with the same key
  let serial = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const child = await startServerProcess(env, port);
    let alive = true;
    const killAt = Date.now() + 2000 + Math.floor(Math.random() * 3000);
    const send = async (key: string) => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/applications`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            'x-forwarded-for': `10.0.${round}.${serial % 250}`,
          },
          body: JSON.stringify(personApplication(agency.creditCode, { description: `崩溃测试申请 ${key}` })),
        });
        if (r.status === 201) {
          const tn = ((await r.json()) as { trackingNumber: string }).trackingNumber;
          const before = acknowledged.get(key);
          if (before) assert.equal(tn, before, `retry of ${key} answered with another number`);
          acknowledged.set(key, tn);
          pending.delete(key);
        }
      } catch {
        /* the server died mid-request: the answer never came */
      }
    };
    const clients = [0, 1, 2].map(async () => {
      for (const key of [...pending]) if (alive) await send(key);
      while (alive && Date.now() < killAt + 5000) {
        const key = `crash-${round}-${serial++}-key`;
        pending.add(key);
        await send(key);
      }
    });
    await new Promise((r) => setTimeout(r, Math.max(0, killAt - Date.now())));
    process.kill(-child.pid!, 'SIGKILL');
    alive = false;
    await Promise.all(clients);
    await new Promise((r) => child.once('exit', r).once('close', r) && setTimeout(r, 2000));
  }
  assert.ok(acknowledged.size >= 5, `only ${acknowledged.size} applications acknowledged`);
  // Retries of the unanswered ones after the last restart, then the count.
  const child = await startServerProcess(env, port);
  for (const key of [...pending]) {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(personApplication(agency.creditCode, { description: `崩溃测试申请 ${key}` })),
    });
    if (r.status === 201) acknowledged.set(key, ((await r.json()) as { trackingNumber: string }).trackingNumber);
  }
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const check = pgDb ?? (await openDatabase({ dataDir, databaseUrl: undefined, secretKey: TEST_SECRET_KEY }));
  try {
    const rows = (
      await check.pool.query(
        "select tracking_number, description from applications where description like '崩溃测试申请 %'",
      )
    ).rows;
    const byKey = new Map<string, number>();
    for (const r of rows) {
      const key = (r.description as string).slice(7);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    for (const [key, tn] of acknowledged) {
      assert.equal(byKey.get(key), 1, `${key} (${tn}) stored exactly once`);
      assert.ok(
        rows.some((r) => r.tracking_number === tn),
        `${tn} is there`,
      );
    }
    assert.deepEqual(
      [...byKey.values()].filter((n) => n !== 1),
      [],
      'no key stored twice',
    );
  } finally {
    await check.close();
    if (!pgDb) rmSync(dataDir, { recursive: true, force: true });
  }
});
