import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { QUERY_CODE_NOT_KEPT } from '../../shared/letter-seal.ts';

// Letters of a case are personal data (issue #23 item 4): in full only for case.view_personal and the applicant.
const NAME = '郭志远';
const EMAIL = 'guo.zhiyuan.7731@example.org';
const PARTY = '马晓梅';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tokens: Record<string, string> = {};
let tn: string;
let code: string;
let letters: { id: string; kind: string }[];

/** The text of a DOCX (one run per paragraph in ours): tags dropped, entities decoded. */
function docxText(data: ArrayBuffer): string {
  const xml = Buffer.from(unzipSync(new Uint8Array(data))['word/document.xml']!).toString('utf8');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

async function staffLetter(kind: string, token: string) {
  const l = letters.find((x) => x.kind === kind)!;
  const r = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${l.id}/docx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(r.status, 200, kind);
  return docxText(await r.arrayBuffer());
}

async function applicantLetter(kind: string, withCode = code) {
  const l = letters.find((x) => x.kind === kind)!;
  const r = await fetch(`${server.url}/api/v1/applications/letters/${l.id}/docx?number=${tn}&code=${withCode}`);
  return { status: r.status, text: r.status === 200 ? docxText(await r.arrayBuffer()) : '' };
}

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx, { name: '凉州区市场监督管理局（信函测试）' });
  const sup = await makeUser(ctx, 'supervisor', '620602');
  server = await startTestServer(database, now);
  tokens.operator = await server.apiToken(agency.users.operator.username);
  tokens.approver = await server.apiToken(agency.users.approver.username);
  tokens.supervisor = await server.apiToken(sup.username);
  const base = personApplication(agency.creditCode);
  const r = await server.request('POST', '/api/v1/applications', {
    body: { ...base, applicant: { ...base.applicant, name: NAME, email: EMAIL } },
  });
  assert.equal(r.status, 201, r.text);
  tn = r.body.trackingNumber;
  code = r.body.queryCode;
  const ev = await server.request('POST', `/api/v1/cases/${tn}/events`, {
    token: tokens.operator,
    body: { type: 'consultation_started', date: '2026-03-02', party: 'third_party', partyName: PARTY },
  });
  assert.equal(ev.status, 201, ev.text);
  letters = (await server.request('GET', `/api/v1/cases/${tn}`, { token: tokens.operator })).body.letters;
  assert.deepEqual(
    letters.map((l) => l.kind),
    ['receipt', 'third_party'],
  );
});
after(async () => {
  await server.close();
  await database.close();
});

test('the supervisor gets the letters masked: the name as in the case view, no e-mail, no query code', async () => {
  const receipt = await staffLetter('receipt', tokens.supervisor!);
  assert.ok(receipt.startsWith('政府信息公开申请登记回执'), receipt);
  assert.match(receipt, /^郭\*\*：$/m);
  assert.ok(!receipt.includes(NAME) && !receipt.includes(EMAIL) && !receipt.includes(code));
  assert.ok(receipt.includes(`查询码：${QUERY_CODE_NOT_KEPT}`));
  const consult = await staffLetter('third_party', tokens.supervisor!);
  assert.match(consult, /^马\*\*：$/m);
  assert.ok(!consult.includes(PARTY));
  const audited = await database.db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'case.letter_personal_viewed')
    .execute();
  assert.equal(audited.length, 0, 'a masked letter is no full view');
});

test('the handler (case.view_personal) gets them in full, and the full view is audited; no query code', async () => {
  const receipt = await staffLetter('receipt', tokens.operator!);
  assert.match(receipt, /^郭志远：$/m);
  assert.ok(!receipt.includes(code), 'the query code is stored nowhere, so staff cannot print it');
  assert.match(await staffLetter('third_party', tokens.approver!), /^马晓梅：$/m);
  const audited = await database.db
    .selectFrom('audit_events')
    .select(['entity_id', 'after'])
    .where('action', '=', 'case.letter_personal_viewed')
    .execute();
  assert.equal(audited.length, 2);
  assert.equal(audited[0]!.entity_id, tn);
});

test('the applicant with number and code gets the full letter, the code printed; a third party stays masked', async () => {
  const receipt = await applicantLetter('receipt');
  assert.equal(receipt.status, 200);
  assert.match(receipt.text, /^郭志远：$/m);
  assert.ok(receipt.text.includes(`查询码：${code}`), receipt.text);
  const consult = await applicantLetter('third_party');
  assert.match(consult.text, /^马\*\*：$/m);
  assert.equal((await applicantLetter('receipt', 'AAAAAAAA')).status, 404);
});

test('at rest a letter row holds neither names nor the code; titles with personal placeholders are refused', async () => {
  const rows = await database.pool.query('select title, body::text, personal_enc from letters');
  const raw = JSON.stringify(rows.rows);
  for (const s of [NAME, PARTY, code, EMAIL]) assert.ok(!raw.includes(s), s);
  assert.ok(rows.rows.every((r) => /^v1\./.test(r.personal_enc)));
  const admin = await server.apiToken(agency.users.agency_admin.username);
  const bad = await server.request('PUT', `/api/v1/agencies/${agency.id}/letter-templates/receipt`, {
    token: admin,
    body: {
      title: '{{applicant}}的登记回执',
      body: '{{applicant}}：\n\n本局已收到您的申请。\n\n{{agency}}\n\n{{date}}',
    },
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /标题不能包含/);
});
