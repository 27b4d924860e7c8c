import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { companyApplication, personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { defaultPatterns } from '../../domain/agency/letter-settings.ts';
import { basisFor, type Outcome, WITHHELD_OUTCOMES } from '../../domain/case/outcomes.ts';

/** Letters fit to sign and stamp (issue #19): what the PDF and the Word file of each letter say. */
let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let other: TestAgency;
let city: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'gongkai-letter-text-'));
const REVIEW = '凉州区人民政府';
const COURT = '凉州区人民法院';
const squash = (s: string) => s.replace(/\s/g, '');

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx, { name: '凉州区市场监督管理局（文书测试）' });
  other = await makeAgency(ctx, { name: '凉州区教育局（文书测试）' });
  city = await makeAgency(ctx, { name: '武威市市场监督管理局（文书测试）', regionCode: '620600' });
  server = await startTestServer(database, now);
  for (const r of ['operator', 'approver', 'agency_admin'] as const)
    tk[r] = await server.apiToken(agency.users[r].username);
  tk.other = await server.apiToken(other.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const event = (tn: string, body: Record<string, unknown>, token = tk.operator) =>
  server.request('POST', `/api/v1/cases/${tn}/events`, { token, body });
const ok = async (tn: string, body: Record<string, unknown>, token = tk.operator) => {
  const r = await event(tn, body, token);
  assert.equal(r.status, 201, r.text);
  return r.body;
};
const settings = (body: unknown) =>
  server.request('PUT', `/api/v1/agencies/${agency.id}/letter-settings`, { token: tk.agency_admin, body });

/** The text of a letter of the case, as pdftotext reads its PDF and as its DOCX holds it, whitespace dropped. */
async function texts(tn: string, letterId: string): Promise<{ pdf: string; docx: string }> {
  const get = async (format: 'pdf' | 'docx') => {
    const r = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${letterId}/${format}`, {
      headers: { authorization: `Bearer ${tk.operator}` },
    });
    assert.equal(r.status, 200);
    return Buffer.from(await r.arrayBuffer());
  };
  const file = join(dir, `${letterId}.pdf`);
  writeFileSync(file, await get('pdf'));
  const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const xml = Buffer.from(unzipSync(new Uint8Array(await get('docx')))['word/document.xml']!).toString('utf8');
  return { pdf: squash(pdf), docx: squash(xml.replace(/<[^>]+>/g, '')) };
}
function holds(t: { pdf: string; docx: string }, what: string, label = what) {
  assert.ok(t.pdf.includes(squash(what)), `PDF: ${label}\n${t.pdf}`);
  assert.ok(t.docx.includes(squash(what)), `DOCX: ${label}\n${t.docx}`);
}
function lacks(t: { pdf: string; docx: string }, what: string) {
  assert.ok(!t.pdf.includes(squash(what)) && !t.docx.includes(squash(what)), `neither has ${what}`);
}
const letters = async (tn: string) =>
  (await server.request('GET', `/api/v1/cases/${tn}`, { token: tk.operator })).body.letters as {
    id: string;
    kind: string;
    docNumber: string | null;
  }[];

describe('letter settings', () => {
  test('proposed from the region tree and the 机关代字; patterns checked field by field', async () => {
    const r = await server.request('GET', `/api/v1/agencies/${agency.id}/letter-settings`, { token: tk.operator });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(
      { reviewBody: r.body.proposed.reviewBody, court: r.body.proposed.court },
      { reviewBody: REVIEW, court: COURT },
    );
    assert.equal(
      r.body.patterns.reply,
      '凉州区市场监督管理局（文书测试）依申〔{year}〕{n}号',
      'a new agency starts numbered',
    );
    assert.equal(
      (await server.request('PUT', `/api/v1/agencies/${agency.id}/letter-settings`, { token: tk.operator, body: {} }))
        .status,
      403,
    );
    const bad = await settings({
      docCode: '凉市监',
      patterns: { ...defaultPatterns('凉市监'), reply: '凉市监依申〔{year}〕第{n}号' },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'patterns.reply');
    assert.match(bad.body.error.details[0].message, /GB\/T 9704/);
    const saved = await settings({ docCode: '凉市监', patterns: defaultPatterns('凉市监') });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.patterns.reply, '凉市监依申〔{year}〕{n}号');
    assert.equal(saved.body.reviewBody, null, 'left empty: the proposed one is used');
  });
});

describe('one application through 补正, 延期 and 部分公开', () => {
  let tn: string;
  test('each letter is numbered, and says what the step was', async () => {
    const r = await server.request('POST', '/api/v1/applications', { body: personApplication(agency.creditCode) });
    assert.equal(r.status, 201, r.text);
    tn = r.body.trackingNumber;
    await ok(tn, { type: 'correction_requested', date: '2026-03-02', items: '请写明所需抽检报告的年度和批次' });
    now.set(new Date('2026-03-04T02:00:00Z'));
    await ok(tn, { type: 'correction_received', date: '2026-03-04' });
    await ok(tn, { type: 'extension_requested', date: '2026-03-04', reason: '所需报告分散在三个科室，需要调取档案' });
    const ext = await ok(
      tn,
      { type: 'extension_approved', date: '2026-03-04', workdays: 15, reason: '同意延期15个工作日。' },
      tk.approver,
    );
    assert.equal(ext.docNumber, '凉市监依申延〔2026〕1号');
    now.set(new Date('2026-03-20T02:00:00Z'));
    const reply = await ok(tn, {
      type: 'decided',
      date: '2026-03-20',
      outcome: 'partially_granted',
      withheld: 'withheld_third_party',
      reasons: '报告第二部分载有被抽检企业的配方和工艺参数，属于商业秘密',
      details: '可以公开的部分附后，共3页',
    });
    assert.equal(reply.docNumber, '凉市监依申〔2026〕1号');
    const ls = await letters(tn);
    assert.deepEqual(
      ls.map((l) => [l.kind, l.docNumber]),
      [
        ['receipt', '凉市监依申受〔2026〕1号'],
        ['correction', '凉市监依申补〔2026〕1号'],
        ['extension', '凉市监依申延〔2026〕1号'],
        ['reply.partially_granted', '凉市监依申〔2026〕1号'],
      ],
    );
    for (const l of ls) {
      const t = await texts(tn, l.id);
      holds(t, l.docNumber!, `${l.kind}: its 文号`);
      holds(t, '张三：', `${l.kind}: the 主送`);
      holds(t, '凉州区市场监督管理局（文书测试）2026年', `${l.kind}: the 署名 over the 成文日期`);
      lacks(t, '（单位）');
    }
    const [, correction, extension, partial] = await Promise.all(ls.map((l) => texts(tn, l.id)));
    holds(correction!, '需要补正的事项如下：请写明所需抽检报告的年度和批次。');
    holds(extension!, '理由如下：所需报告分散在三个科室，需要调取档案。', "the operator's reason");
    lacks(extension!, '同意延期');
    holds(extension!, '答复期限延长15个工作日');
    const c = (await server.request('GET', `/api/v1/cases/${tn}`, { token: tk.operator })).body;
    holds(
      extension!,
      `${Number(c.clock.replyDue.slice(5, 7))}月${Number(c.clock.replyDue.slice(8))}日前作出答复`,
      'the new date',
    );
    holds(partial!, '可以公开的部分附后，共3页。', 'the 告知事项');
    holds(partial!, '《中华人民共和国政府信息公开条例》第十五条、第三十七条', 'the article of the part withheld');
    holds(partial!, `向${REVIEW}申请行政复议`);
    holds(partial!, `在6个月内向${COURT}提起行政诉讼`);
    holds(partial!, '60日内');
  });

  test('a case is found by the 文号 of its letters, within the caller’s scope', async () => {
    const q = encodeURIComponent('凉市监依申〔2026〕1号');
    const mine = await server.request('GET', `/api/v1/cases?docNumber=${q}`, { token: tk.operator });
    assert.deepEqual(
      mine.body.items.map((i: { trackingNumber: string }) => i.trackingNumber),
      [tn],
    );
    const theirs = await server.request('GET', `/api/v1/cases?docNumber=${q}`, { token: tk.other });
    assert.deepEqual(theirs.body.items, []);
  });
});

describe('every refusal, to an organisation', () => {
  const REFUSALS: Outcome[] = [
    ...WITHHELD_OUTCOMES,
    'unavailable_not_held',
    'unavailable_needs_creation',
    'unavailable_still_unclear',
    'declined_complaint',
    'declined_duplicate',
    'declined_publication',
    'declined_excessive',
    'declined_confirmation',
  ];
  test('each letter cites its own article, names the company in full, and names the 复议机关 and the court', async () => {
    now.set(new Date('2026-03-23T02:00:00Z'));
    for (const [i, outcome] of REFUSALS.entries()) {
      const r = await server.request('POST', '/api/v1/applications', {
        body: { ...companyApplication(agency.creditCode), description: `请公开第${i + 1}号行政许可决定的全部材料` },
      });
      assert.equal(r.status, 201, r.text);
      const tn = r.body.trackingNumber;
      const holder = outcome === 'unavailable_not_held' ? '凉州区自然资源局（联系电话：0935-2218833）' : undefined;
      const d = await ok(tn, {
        type: 'decided',
        date: '2026-03-23',
        outcome,
        reasons: `第${i + 1}号：经核查作出本答复`,
        details: `告知事项第${i + 1}项`,
        ...(holder && { holder }),
      });
      const t = await texts(tn, d.letterId);
      holds(t, d.docNumber, `${outcome}: its 文号`);
      holds(t, basisFor(outcome, { holder }), `${outcome}: its article`);
      holds(t, `第${i + 1}号：经核查作出本答复。`, `${outcome}: the reasons`);
      holds(t, `告知事项第${i + 1}项。`, `${outcome}: the 告知事项`);
      holds(t, '武威某某商贸有限公司：', `${outcome}: the company's full name as 主送`);
      holds(t, `向${REVIEW}申请行政复议`);
      holds(t, `向${COURT}提起行政诉讼`);
      lacks(t, '您');
      if (holder) holds(t, `负责公开该政府信息的行政机关：${holder}`);
    }
  });
});

describe('refusals that leave the case as it was', () => {
  test('no pattern for the kind: the administrator is asked for one, the step is not recorded', async () => {
    const r = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, { description: '请公开2026年度双随机抽查计划' }),
    });
    const tn = r.body.trackingNumber;
    const { reply: _, ...others } = defaultPatterns('凉市监');
    assert.equal((await settings({ docCode: '凉市监', patterns: others })).status, 200);
    const before = (await server.request('GET', `/api/v1/cases/${tn}`, { token: tk.operator })).body;
    const refused = await event(tn, { type: 'decided', date: '2026-03-23', outcome: 'granted' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.message, '请机关管理员先设置“答复告知书”的文号格式（机关设置 → 文号）');
    const after = (await server.request('GET', `/api/v1/cases/${tn}`, { token: tk.operator })).body;
    assert.deepEqual(
      [after.state, after.events.length, after.letters.length],
      [before.state, before.events.length, before.letters.length],
    );
    assert.equal((await settings({ docCode: '凉市监', patterns: defaultPatterns('凉市监') })).status, 200);
    assert.equal((await event(tn, { type: 'decided', date: '2026-03-23', outcome: 'granted' })).status, 201);
  });

  test('no court the region tree can name, and none set: the reply waits for the administrator', async () => {
    // A city's department: which district court is not in the region tree (行政诉讼法第十八条).
    const r = await server.request('POST', '/api/v1/applications', {
      body: personApplication(city.creditCode, { description: '请公开2026年度全市抽检经费预算' }),
    });
    const tn = r.body.trackingNumber;
    const op = await server.apiToken(city.users.operator.username);
    const refused = await event(
      tn,
      { type: 'decided', date: '2026-03-23', outcome: 'declined_duplicate', reasons: '已答复' },
      op,
    );
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.message, '请机关管理员先设置管辖法院（机关设置 → 救济途径）');
    // A 集中管辖 court set by the administrator; the 复议机关 proposed (the city government).
    const court = '武威市凉州区人民法院（集中管辖）';
    const admin = await server.apiToken(city.users.agency_admin.username);
    const saved = await server.request('PUT', `/api/v1/agencies/${city.id}/letter-settings`, {
      token: admin,
      body: { docCode: '武市监', patterns: defaultPatterns('武市监'), court },
    });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.proposed.reviewBody, '武威市人民政府');
    const d = await ok(
      tn,
      { type: 'decided', date: '2026-03-23', outcome: 'declined_duplicate', reasons: '已答复' },
      op,
    );
    const get = await fetch(`${server.url}/api/v1/cases/${tn}/letters/${d.letterId}/docx`, {
      headers: { authorization: `Bearer ${op}` },
    });
    const xml = Buffer.from(unzipSync(new Uint8Array(await get.arrayBuffer()))['word/document.xml']!).toString('utf8');
    assert.ok(
      squash(xml.replace(/<[^>]+>/g, '')).includes(`向武威市人民政府申请行政复议，或者在6个月内向${court}提起行政诉讼`),
    );
  });
});

describe('the other letters of a case', () => {
  test('the 征求意见书 names the information, the date to answer by and the party; 逾期不补正 ends with the 救济途径', async () => {
    now.set(new Date('2026-03-02T02:00:00Z'));
    const r = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, { description: '某食品公司2025年度抽检不合格的处理情况。' }),
    });
    const tn = r.body.trackingNumber;
    const consult = await ok(tn, {
      type: 'consultation_started',
      date: '2026-03-02',
      party: 'third_party',
      partyName: '武威某食品有限公司',
    });
    const t = await texts(tn, consult.letterId);
    holds(t, '武威某食品有限公司：', 'the party as 主送');
    holds(t, '申请获取“某食品公司2025年度抽检不合格的处理情况”。', 'the information, without “。”。');
    holds(t, '15个工作日内');
    holds(t, '逾期未提出意见的，由本机关依照');
    const c = await server.request('POST', '/api/v1/applications', {
      body: personApplication(agency.creditCode, { description: '请公开2025年度投诉举报处理台账' }),
    });
    await ok(c.body.trackingNumber, { type: 'correction_requested', date: '2026-03-02', items: '请写明台账的月份' });
    now.set(new Date('2026-03-25T02:00:00Z'));
    const expired = await ok(c.body.trackingNumber, { type: 'correction_expired', date: '2026-03-25' });
    assert.match(expired.docNumber, /依申〔2026〕\d+号$/);
    const e = await texts(c.body.trackingNumber, expired.letterId);
    holds(e, '本机关已于2026年3月2日向您发出补正告知书');
    holds(e, '第三十条的规定，视为放弃申请');
    holds(e, `如对本告知不服，可以在收到本告知书之日起60日内向${REVIEW}申请行政复议`);
  });
});
