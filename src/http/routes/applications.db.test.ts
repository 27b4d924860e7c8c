import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { companyApplication, personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { addWorkdays, buildCalendar } from '../../domain/calendar/index.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let other: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z')); // Monday 2026-03-02, 10:00 in Beijing
const tokens: Record<string, string> = {};
const cal = buildCalendar();

const count = async (table: string) =>
  Number((await database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx, { name: '凉州区市场监督管理局（测试）' });
  other = await makeAgency(ctx, { name: '凉州区教育局（测试）' });
  server = await startTestServer(database, now);
  for (const role of ['operator', 'reviewer', 'approver'] as const)
    tokens[role] = await server.apiToken(agency.users[role].username);
  tokens.otherOperator = await server.apiToken(other.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const event = (tn: string, body: unknown, token = tokens.operator) =>
  server.request('POST', `/api/v1/cases/${tn}/events`, { token, body });
const getCase = (tn: string, token = tokens.operator) => server.request('GET', `/api/v1/cases/${tn}`, { token });

describe('intake', () => {
  test('online submission answers a tracking number and query code; tracking shows status and due date only', async () => {
    const r = await server.request('POST', '/api/v1/applications', { body: personApplication(agency.creditCode) });
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.trackingNumber, /^GK2026-\d{6}$/);
    assert.match(r.body.queryCode, /^[A-Z0-9]{8}$/);
    assert.equal(r.body.replyDue, addWorkdays(cal, '2026-03-02', 20).date);
    const t = await server.request(
      'GET',
      `/api/v1/applications/track?number=${r.body.trackingNumber}&code=${r.body.queryCode}`,
    );
    assert.equal(t.status, 200);
    assert.deepEqual(
      Object.keys(t.body).sort(),
      [
        'agency',
        'closedDate',
        'letters',
        'outcome',
        'outcomeLabel',
        'receivedDate',
        'replyDue',
        'status',
        'statusLabel',
        'trackingNumber',
      ].sort(),
    );
    assert.equal(t.body.status, 'registered');
    assert.equal(t.body.letters[0].kind, 'receipt');
    assert.doesNotMatch(t.text, /张三|13800138000|620602/);
    const wrong = await server.request(
      'GET',
      `/api/v1/applications/track?number=${r.body.trackingNumber}&code=AAAAAAAA`,
    );
    assert.equal(wrong.status, 404);
  });

  test('a double submit with the same Idempotency-Key creates one application', async () => {
    const before = await count('applications');
    const headers = { 'idempotency-key': 'double-submit-0001' };
    const body = personApplication(agency.creditCode, { description: '请公开2025年度行政处罚决定书目录' });
    const [a, b] = await Promise.all([
      server.request('POST', '/api/v1/applications', { body, headers }),
      server.request('POST', '/api/v1/applications', { body, headers }),
    ]);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.body.trackingNumber, b.body.trackingNumber);
    const c = await server.request('POST', '/api/v1/applications', { body, headers });
    assert.equal(c.body.trackingNumber, a.body.trackingNumber);
    assert.equal(await count('applications'), before + 1);
    const changed = await server.request('POST', '/api/v1/applications', {
      body: { ...body, description: '别的内容的申请材料' },
      headers,
    });
    assert.equal(changed.status, 409);
  });

  test('bad input answers 400 in Chinese and writes nothing', async () => {
    const tables = ['applications', 'application_events', 'letters', 'audit_events', 'mail_outbox'];
    const before = await Promise.all(tables.map(count));
    const noId = personApplication(agency.creditCode);
    noId.applicant = { ...noId.applicant, idNumber: undefined } as never;
    const cases: [unknown, RegExp][] = [
      [noId, /身份证件号码/],
      [companyApplication(agency.creditCode, '11341702486344515X'), /统一社会信用代码/],
      [
        personApplication('11620602MB161547XN'.replace('MB161547XN', '0000000000')),
        /受理机关.*不存在|统一社会信用代码/,
      ],
      [{ ...personApplication(agency.creditCode), description: '短' }, /至少5个字/],
      [{ ...personApplication(agency.creditCode), form: 'pigeon' }, /获取信息的方式/],
      [
        personApplication(agency.creditCode, {
          applicant: {
            type: 'natural_person',
            name: '王五',
            idType: '居民身份证',
            idNumber: '620602198503151230',
            phone: '13800000000',
          },
        }),
        /居民身份证号码不正确/,
      ],
    ];
    for (const [body, re] of cases) {
      const r = await server.request('POST', '/api/v1/applications', { body });
      assert.equal(r.status, 400, r.text);
      assert.match(r.body.error.message, re);
    }
    assert.deepEqual(await Promise.all(tables.map(count)), before);
  });

  test('staff register a postal application with its receipt date; other agencies cannot', async () => {
    const body = {
      ...companyApplication(agency.creditCode),
      channel: 'post',
      receivedDate: '2026-02-26',
      receiptNote: 'EMS 签收单号 1234',
    };
    const r = await server.request('POST', '/api/v1/cases', { token: tokens.operator, body });
    assert.equal(r.status, 201, r.text);
    const c = await getCase(r.body.trackingNumber);
    assert.match(c.body.receiptBasis, /签收之日/);
    assert.equal(c.body.clock.replyDue, addWorkdays(cal, '2026-02-26', 20).date);
    const denied = await server.request('POST', '/api/v1/cases', { token: tokens.otherOperator, body });
    assert.equal(denied.status, 404);
  });
});

describe('case workflow', () => {
  let tn: string;
  test('补正 → corrected → consultation → fee → extension → decision → service → closed, the clock following', async () => {
    now.set(new Date('2026-03-02T02:00:00Z'));
    const r = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, {
        description: '请公开凉州区2025年度特种设备安全监察年度报告全文',
        form: 'paper',
      }),
    });
    tn = r.body.trackingNumber;
    now.set(new Date('2026-03-04T02:00:00Z'));
    let e = await event(tn, {
      type: 'correction_requested',
      date: '2026-03-04',
      items: '请说明所需报告的具体年度和文号',
    });
    assert.equal(e.status, 201, e.text);
    assert.equal(e.body.state, 'awaiting_correction');
    assert.equal(e.body.replyDue, null);
    now.set(new Date('2026-03-09T02:00:00Z'));
    e = await event(tn, { type: 'correction_received', date: '2026-03-09' });
    assert.equal(e.body.replyDue, addWorkdays(cal, '2026-03-09', 20).date);
    e = await event(tn, {
      type: 'consultation_started',
      date: '2026-03-09',
      party: 'third_party',
      partyName: '武威某特检公司',
    });
    assert.equal(e.body.replyDue, null);
    now.set(new Date('2026-03-13T02:00:00Z'));
    e = await event(tn, { type: 'consultation_ended', date: '2026-03-13', result: 'agree' });
    // Paused 03-10..03-13: 4 working days.
    assert.equal(e.body.replyDue, addWorkdays(cal, '2026-03-09', 24).date);
    e = await event(tn, { type: 'fee_notice_sent', date: '2026-03-13', mode: 'per_volume', pages: 50, amount: 100 });
    assert.equal(e.status, 400);
    assert.match(e.body.error.message, /应为 200 元/);
    e = await event(tn, { type: 'fee_notice_sent', date: '2026-03-13', mode: 'per_volume', pages: 50 });
    assert.equal(e.status, 201, e.text);
    assert.equal(e.body.state, 'awaiting_payment');
    now.set(new Date('2026-03-17T02:00:00Z'));
    e = await event(tn, { type: 'fee_paid', date: '2026-03-17' });
    assert.equal(e.body.replyDue, addWorkdays(cal, '2026-03-09', 26).date);
    e = await event(tn, { type: 'extension_requested', date: '2026-03-17', reason: '涉及档案调取' });
    assert.equal(e.status, 201);
    const byOperator = await event(tn, { type: 'extension_approved', date: '2026-03-17', workdays: 10 });
    assert.equal(byOperator.status, 403);
    assert.match(byOperator.body.error.message, /负责人/);
    const tooLong = await event(tn, { type: 'extension_approved', date: '2026-03-17', workdays: 25 }, tokens.approver);
    assert.equal(tooLong.status, 400);
    e = await event(
      tn,
      { type: 'extension_approved', date: '2026-03-17', workdays: 10, reason: '需调取历史档案' },
      tokens.approver,
    );
    assert.equal(e.status, 201, e.text);
    assert.equal(e.body.replyDue, addWorkdays(cal, '2026-03-09', 36).date);
    const c = await getCase(tn);
    assert.equal(c.body.clock.replyDue, e.body.replyDue);
    assert.ok(c.body.clock.trace.some((s: { article: string }) => s.article === '第三十三条第二款'));
    assert.equal(c.body.fee.amount, 200);
    now.set(new Date('2026-03-20T02:00:00Z'));
    e = await event(tn, { type: 'decided', date: '2026-03-20', outcome: 'partially_granted' });
    assert.equal(e.status, 400);
    assert.match(e.body.error.message, /理由/);
    e = await event(tn, {
      type: 'decided',
      date: '2026-03-20',
      outcome: 'partially_granted',
      reasons: '报告中涉及企业商业秘密的部分不予公开（第十五条）',
    });
    assert.equal(e.status, 400, 'the part withheld needs its article (第三十七条)');
    assert.match(e.body.error.message, /不予公开部分的依据/);
    e = await event(tn, {
      type: 'decided',
      date: '2026-03-20',
      outcome: 'partially_granted',
      withheld: 'withheld_third_party',
      reasons: '报告中涉及企业商业秘密的部分不予公开（第十五条）',
    });
    assert.equal(e.body.state, 'decided');
    e = await event(tn, { type: 'served', date: '2026-03-20', method: '邮寄' });
    e = await event(tn, { type: 'closed', date: '2026-03-20' });
    assert.equal(e.body.state, 'closed');
    const done = await getCase(tn);
    assert.equal(done.body.outcome, 'partially_granted');
    assert.deepEqual(
      done.body.letters.map((l: { kind: string }) => l.kind),
      ['receipt', 'correction', 'third_party', 'fee', 'extension', 'reply.partially_granted'],
    );
  });

  test('an illegal transition answers 409 with the reason', async () => {
    const r = await event(tn, { type: 'served', date: '2026-03-20', method: '邮寄' });
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /当前状态为“已办结”/);
    const fresh = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, { description: '请公开2026年双随机抽查计划' }),
    });
    const r2 = await event(fresh.body.trackingNumber, { type: 'served', date: '2026-03-20', method: '邮寄' });
    assert.equal(r2.status, 409);
    assert.match(r2.body.error.message, /不能送达答复/);
    const r3 = await event(fresh.body.trackingNumber, { type: 'consultation_ended', date: '2026-03-20' });
    assert.equal(r3.status, 409);
  });

  test('a case of another agency answers 404, for reading and for events', async () => {
    assert.equal((await getCase(tn, tokens.otherOperator)).status, 404);
    assert.equal(
      (await event(tn, { type: 'reopened', date: '2026-03-20', reason: '测试' }, tokens.otherOperator)).status,
      404,
    );
    assert.equal(
      (
        await server.request('GET', `/api/v1/cases/${tn}/letters/00000000-0000-0000-0000-000000000000/pdf`, {
          token: tokens.otherOperator,
        })
      ).status,
      404,
    );
  });

  test('personal data: masked by default; a full view is for handlers only and is audited', async () => {
    const masked = await getCase(tn);
    assert.equal(masked.body.applicant.name, '张*');
    assert.doesNotMatch(masked.text, /13800138000/);
    const reviewer = await server.request('GET', `/api/v1/cases/${tn}?reveal=1`, { token: tokens.reviewer });
    assert.equal(reviewer.status, 403);
    const before = await count('audit_events');
    const full = await server.request('GET', `/api/v1/cases/${tn}?reveal=1`, { token: tokens.operator });
    assert.equal(full.body.applicant.name, '张三');
    assert.equal(full.body.applicant.phone, '13800138000');
    assert.equal(await count('audit_events'), before + 1);
    const raw = await database.pool.query('select applicant_enc from applications where tracking_number = $1', [tn]);
    assert.doesNotMatch(raw.rows[0].applicant_enc, /张三|13800138000/);
  });

  test('every letter is a valid DOCX and PDF, for staff and for the applicant with the query code', async () => {
    const c = await getCase(tn);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-letters-'));
    for (const l of c.body.letters) {
      const pdf = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${l.id}/pdf`, {
        headers: { authorization: `Bearer ${tokens.operator}` },
      });
      assert.equal(pdf.status, 200);
      const pdfFile = join(dir, `${l.kind}.pdf`);
      writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
      assert.ok(text.replace(/\s/g, '').includes(l.title), `${l.kind} pdf text has its title`);
      const docx = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${l.id}/docx`, {
        headers: { authorization: `Bearer ${tokens.operator}` },
      });
      const docxFile = join(dir, `${l.kind}.docx`);
      writeFileSync(docxFile, Buffer.from(await docx.arrayBuffer()));
      const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml'], { encoding: 'utf8' });
      assert.ok(xml.includes(l.title), `${l.kind} docx has its title`);
    }
  });
});

describe('appeals and queues', () => {
  test('a reconsideration and a later litigation are recorded against the case', async () => {
    const cases = await server.request('GET', '/api/v1/cases?state=closed', { token: tokens.operator });
    const tn = cases.body.items[0].trackingNumber;
    const a = await server.request('POST', `/api/v1/cases/${tn}/appeals`, {
      token: tokens.operator,
      body: { kind: 'reconsideration', filedDate: '2026-03-25' },
    });
    assert.equal(a.status, 201, a.text);
    const bad = await server.request('PATCH', `/api/v1/appeals/${a.body.id}`, {
      token: tokens.operator,
      body: { result: 'upheld' },
    });
    assert.equal(bad.status, 400);
    const ok = await server.request('PATCH', `/api/v1/appeals/${a.body.id}`, {
      token: tokens.operator,
      body: { result: 'upheld', resultDate: '2026-05-20' },
    });
    assert.equal(ok.status, 200);
    const c = await getCase(tn);
    assert.equal(c.body.appeals[0].result, 'upheld');
  });

  test('due-soon and overdue queues follow the clock', async () => {
    now.set(new Date('2026-03-27T02:00:00Z'));
    const q1 = await server.request('GET', '/api/v1/queues', { token: tokens.operator });
    assert.ok(
      q1.body.dueSoon.length >= 1,
      JSON.stringify(q1.body.dueSoon.map((c: { replyDue: string }) => c.replyDue)),
    );
    now.set(new Date('2026-04-20T02:00:00Z'));
    const q2 = await server.request('GET', '/api/v1/queues', { token: tokens.operator });
    assert.ok(q2.body.overdue.length >= 2);
    assert.ok(q2.body.overdue.every((c: { deadline: { overdue: boolean } }) => c.deadline.overdue));
    const otherQ = await server.request('GET', '/api/v1/queues', { token: tokens.otherOperator });
    assert.equal(otherQ.body.overdue.length, 0);
  });

  test('a calendar change recomputes the due date of an open case, and says so', async () => {
    now.set(new Date('2026-04-01T02:00:00Z'));
    const r = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, { description: '请公开2026年度随机抽查事项清单全文' }),
    });
    const tn = r.body.trackingNumber;
    const due = (await getCase(tn)).body.clock.replyDue;
    const admin = await makeUser(systemCtx(database, now), 'sysadmin');
    const token = await server.login(admin.username);
    const set = await server.request('PUT', '/api/v1/calendar/days/2026-04-08', {
      token,
      body: { kind: 'holiday', regionCode: '620602', name: '地方节日', reason: '区政府临时放假通知' },
    });
    assert.equal(set.status, 200, set.text);
    const move = set.body.moves.find((m: { entityId: string }) => m.entityId === tn);
    assert.deepEqual(move, {
      entityType: 'application',
      entityId: tn,
      field: 'reply_due',
      from: due,
      to: addWorkdays(cal, due, 1).date,
    });
    assert.equal((await getCase(tn)).body.clock.replyDue, move.to);
  });
});

test('letter templates are editable per agency; new letters use the agency wording, unknown placeholders are refused', async () => {
  const admin = await server.apiToken(agency.users.agency_admin.username);
  const bad = await server.request('PUT', `/api/v1/agencies/${agency.id}/letter-templates/receipt`, {
    token: admin,
    body: { title: '登记回执', body: '{{applicant}}：已收到。{{nonsense}}' },
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /\{\{nonsense\}\}/);
  assert.equal(
    (
      await server.request('PUT', `/api/v1/agencies/${agency.id}/letter-templates/receipt`, {
        token: tokens.operator,
        body: { title: '测试标题', body: '本机关已收到您的申请，特此告知。' },
      })
    ).status,
    403,
  );
  const ok = await server.request('PUT', `/api/v1/agencies/${agency.id}/letter-templates/receipt`, {
    token: admin,
    body: {
      title: '政府信息公开申请受理回执（市场监管局）',
      body: '{{applicant}}：\n\n本局已于{{receivedDate}}收到您的申请（编号：{{trackingNumber}}，查询码：{{queryCode}}）。\n\n{{agency}}\n\n{{date}}',
    },
  });
  assert.equal(ok.status, 200, ok.text);
  const r = await server.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode, { description: '请公开2026年度计量器具强制检定目录' }),
  });
  const c = await getCase(r.body.trackingNumber);
  assert.equal(c.body.letters[0].title, '政府信息公开申请受理回执（市场监管局）');
  const list = await server.request('GET', `/api/v1/agencies/${agency.id}/letter-templates`, { token: admin });
  assert.equal(list.body.items.find((t: { kind: string }) => t.kind === 'receipt').custom, true);
});
