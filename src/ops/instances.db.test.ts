import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TEST_SECRET_KEY, type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, TEST_PASSWORD } from '../../test/helpers/factory.ts';
import { startServerProcess, stopServerProcess } from '../../test/helpers/process.ts';
import { startSmtp } from '../../test/helpers/smtp.ts';
import { enqueueMail } from '../shared/outbox.ts';

/**
 * Beyond one machine: two `gongkai serve` processes on one PostgreSQL (the second reading the portal from a
 * "replica" URL). A session opened on one works on the other; the scheduled mail delivery runs once across
 * both; each instance serves what the other wrote.
 */
test('two server processes on one PostgreSQL: shared sessions, jobs once, same data', {
  timeout: 180_000,
  skip: process.env.DATABASE_URL
    ? false
    : 'needs a PostgreSQL server (DATABASE_URL): the embedded database is one process',
}, async () => {
  const database: TestDatabase = await testDatabase();
  const smtp = await startSmtp();
  const servers: Awaited<ReturnType<typeof startServerProcess>>[] = [];
  try {
    const agency = await makeAgency(systemCtx(database, fixedClock()), { name: '凉州区市场监督管理局' });
    const MAILS = 40;
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < MAILS; i++)
        await enqueueMail(trx, { to: `staff${i}@example.gov.cn`, subject: `测试邮件 ${i}`, body: '正文' });
    });
    const shared = {
      DATABASE_URL: database.url!,
      GONGKAI_SECRET_KEY: TEST_SECRET_KEY.toString('hex'), // the seed's key: its audit chains stay verifiable
      SMTP_URL: smtp.url,
      PUBLIC_CACHE_SECONDS: '0',
    };
    const portA = 4900 + Math.floor(Math.random() * 50);
    const portB = portA + 50;
    // Both start together: both schedulers make their first pass at once.
    servers.push(
      ...(await Promise.all([
        startServerProcess({ ...shared, GONGKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gk-a-')) }, portA),
        startServerProcess(
          { ...shared, GONGKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gk-b-')), DATABASE_READ_URL: database.url! },
          portB,
        ),
      ])),
    );
    const a = `http://127.0.0.1:${portA}`;
    const b = `http://127.0.0.1:${portB}`;

    // A session opened on A, used on B (cookie with its CSRF token for a write).
    const login = await fetch(`${a}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: agency.users.operator.username, password: TEST_PASSWORD }),
    });
    assert.equal(login.status, 200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = await fetch(`${b}/api/v1/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { username: string }).username, agency.users.operator.username);
    const created = await fetch(`${b}/api/v1/catalogue/items`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '两实例测试通知', genre: 'notice', articleItem: '20.13', bodyHtml: '<p>正文</p>' }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const seen = await fetch(`${a}/api/v1/catalogue/items?state=draft`, { headers: { cookie } });
    assert.ok(((await seen.json()) as { items: { id: string }[] }).items.some((i) => i.id === id));
    // Logging out on B ends the session on A too.
    assert.equal(
      (await fetch(`${b}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } }))
        .status,
      200,
    );
    assert.equal((await fetch(`${a}/api/v1/me`, { headers: { cookie } })).status, 401);

    // The outbox: every message delivered exactly once, though both instances ran the job.
    const deadline = Date.now() + 60_000;
    while (smtp.received.length < MAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500));
    const subjects = smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    assert.equal(smtp.received.length, MAILS, `${smtp.received.length} deliveries of ${MAILS} messages`);
    assert.equal(new Set(subjects).size, MAILS);
    const runs = await database.pool.query(
      'select job, run_key, count(*)::int as n from job_runs group by 1, 2 having count(*) > 1',
    );
    assert.deepEqual(runs.rows, []);
  } finally {
    for (const s of servers) await stopServerProcess(s);
    await smtp.close();
    await database.close();
  }
});
