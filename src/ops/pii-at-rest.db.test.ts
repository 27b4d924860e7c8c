import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { personApplication } from '../../test/helpers/applicants.ts';
import { TEST_SECRET_KEY } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { mailText, startSmtp } from '../../test/helpers/smtp.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { deliverPending, smtpTransport } from '../jobs/mailer.ts';
import { preparePersonalData } from '../shared/seal-at-rest.ts';

// Issue #23 item 3: nothing personal on disk in clear — not in the tables, not in the WAL, not in any file.
const NAME = '郭志远';
const EMAIL = 'guo.zhiyuan.7731@example.org';
const ADDRESS = '甘肃省武威市凉州区北关市场南巷十七号院';
const DELIVERY = '邮寄至凉州区北关市场南巷十七号院收发室';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** A string as it can sit in a file: UTF-8, and JSON-escaped (\uXXXX, lower and upper case hex). */
function forms(s: string): Buffer[] {
  const escaped = [...s].map((c) =>
    c.charCodeAt(0) > 0x7f ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
  );
  const lower = escaped.join('');
  return [...new Set([s, lower, lower.toUpperCase().replace(/\\U/g, '\\u')])].map((f) => Buffer.from(f, 'utf8'));
}

test('after intake, 补正, 延期 and 答复 with their letters and mails, no file of the data dir holds the name, e-mail, address or query code', {
  skip: process.env.DATABASE_URL
    ? 'on a PostgreSQL server the data files are not ours to read: embedded database only'
    : false,
}, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-pii-'));
  const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const database = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: TEST_SECRET_KEY });
  const smtp = await startSmtp();
  let running: TestServer | undefined;
  try {
    await migrate(database.pool);
    await preparePersonalData(database.db, TEST_SECRET_KEY);
    const agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局（落盘测试）' });
    const server = await startTestServer(database, now, { dataDir });
    running = server;
    const op = await server.apiToken(agency.users.operator.username);
    const approver = await server.apiToken(agency.users.approver.username);
    const base = personApplication(agency.creditCode);
    const r = await server.request('POST', '/api/v1/applications', {
      body: {
        ...base,
        applicant: { ...base.applicant, name: NAME, email: EMAIL, address: ADDRESS },
        delivery: DELIVERY,
      },
      headers: { 'idempotency-key': 'pii-at-rest-0001' },
    });
    assert.equal(r.status, 201, r.text);
    const tn: string = r.body.trackingNumber;
    const code: string = r.body.queryCode;
    const event = async (body: { type: string; date: string; [k: string]: unknown }, token = op) => {
      now.set(new Date(`${body.date}T02:00:00Z`));
      const e = await server.request('POST', `/api/v1/cases/${tn}/events`, { token, body });
      assert.equal(e.status, 201, e.text);
    };
    await event({ type: 'correction_requested', date: '2026-03-02', items: '请说明所需材料的年度' });
    await event({ type: 'correction_received', date: '2026-03-03' });
    await event({ type: 'extension_requested', date: '2026-03-04', reason: '需调取档案' });
    await event({ type: 'extension_approved', date: '2026-03-04', workdays: 10, reason: '需调取档案' }, approver);
    await event({ type: 'decided', date: '2026-03-05', outcome: 'granted', details: '随本告知书提供' });
    const c = await server.request('GET', `/api/v1/cases/${tn}?reveal=1`, { token: op });
    assert.equal(c.body.applicant.name, NAME);
    assert.deepEqual(
      c.body.letters.map((l: { kind: string }) => l.kind),
      ['receipt', 'correction', 'extension', 'reply.granted'],
    );
    for (const l of c.body.letters) {
      const d = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${l.id}/docx`, {
        headers: { authorization: `Bearer ${op}` },
      });
      assert.equal(d.status, 200);
    }
    // The mails go out (opened only to be sent), and the applicant's say nothing of the code.
    const sent = await deliverPending(database.db, smtpTransport(smtp.url), 'gongkai <noreply@wuwei.gov.cn>');
    const toApplicant = smtp.received.filter((m) => m.to.includes(EMAIL));
    assert.equal(toApplicant.length, 4, `${sent.sent} sent`);
    assert.ok(toApplicant.every((m) => mailText(m.raw).includes(NAME) && !mailText(m.raw).includes(code)));
    await server.close();
    running = undefined;
    await sql`checkpoint`.execute(database.db);
    await database.close();

    const all = files(dataDir);
    assert.ok(
      all.some((f) => f.includes('pg_wal')),
      'the WAL is among the files read',
    );
    const needles = [NAME, EMAIL, ADDRESS, DELIVERY, code].flatMap((s) => forms(s).map((b) => ({ s, b })));
    const found: string[] = [];
    let sawNumber = false;
    for (const f of all) {
      const data = readFileSync(f);
      if (data.includes(tn)) sawNumber = true;
      for (const n of needles) if (data.includes(n.b)) found.push(`${n.s} (${n.b}) in ${relative(dataDir, f)}`);
    }
    assert.ok(sawNumber, 'the application number (not personal) is on disk: the search reads what was written');
    assert.deepEqual(found, []);
  } finally {
    await running?.close();
    await smtp.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
