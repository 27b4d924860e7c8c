import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let gov: TestAgency;
let dept: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk = { supervisor: '', operator: '', approver: '', reviewer: '', admin: '', otherSupervisor: '' };

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  gov = await makeAgency(ctx, { name: '凉州区人民政府办公室', kind: 'government' });
  dept = await makeAgency(ctx, { name: '凉州区市场监督管理局', parentAgencyId: gov.id });
  server = await startTestServer(database, now);
  const sup = await makeUser(ctx, 'supervisor', '620602');
  const far = await makeUser(ctx, 'supervisor', '620102');
  tk.supervisor = await server.apiToken(sup.username);
  tk.otherSupervisor = await server.apiToken(far.username);
  tk.operator = await server.apiToken(dept.users.operator.username);
  tk.approver = await server.apiToken(dept.users.approver.username);
  tk.reviewer = await server.apiToken(dept.users.reviewer.username);
  tk.admin = await server.apiToken(dept.users.agency_admin.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const submit = async () => {
  const r = await server.request('POST', '/api/v1/applications', { body: personApplication(dept.creditCode) });
  assert.equal(r.status, 201, r.text);
  return r.body as { trackingNumber: string; queryCode: string; replyDue: string };
};
const decide = async (tn: string, date: string) => {
  const r = await server.request('POST', `/api/v1/cases/${tn}/events`, {
    token: tk.operator,
    body: { type: 'decided', date, outcome: 'granted' },
  });
  assert.equal(r.status, 201, r.text);
};
const scoreOf = async () => {
  const r = await server.request('GET', '/api/v1/supervision/assessment?region=620602&year=2026', {
    token: tk.supervisor,
  });
  assert.equal(r.status, 200, r.text);
  return r.body.rows.find((x: { agencyId: string }) => x.agencyId === dept.id);
};
const publish = async (fields: Record<string, unknown>) => {
  const c = await server.request('POST', '/api/v1/catalogue/items', {
    token: tk.operator,
    body: { genre: 'notice', articleItem: '20.13', bodyHtml: '<p>正文内容</p>', ...fields },
  });
  assert.equal(c.status, 201, c.text);
  const id = c.body.id as string;
  for (const [s, token, body] of [
    ['submit', tk.operator, {}],
    ['review', tk.reviewer, { disclosure: 'proactive' }],
    ['approve', tk.approver, {}],
  ] as const) {
    const r = await server.request('POST', `/api/v1/catalogue/items/${id}/${s}`, { token, body });
    assert.equal(r.status, 200, r.text);
  }
  return id;
};

describe('考核', () => {
  test('scores come from the records, and drop when a reply becomes overdue', async () => {
    const onTime = await submit();
    const late = await submit();
    now.set(new Date('2026-03-10T02:00:00Z'));
    await decide(onTime.trackingNumber, '2026-03-10');
    const first = await scoreOf();
    const replies = first.indicators.find((i: { key: string }) => i.key === 'on_time_replies');
    assert.deepEqual([replies.numerator, replies.denominator], [1, 1], 'the open case is not yet due');
    // The day after the second case's deadline, still unanswered: late, and named in the evidence.
    const [y, m, d] = late.replyDue.split('-').map(Number);
    now.set(new Date(Date.UTC(y!, m! - 1, d! + 1, 2)));
    const second = await scoreOf();
    const replies2 = second.indicators.find((i: { key: string }) => i.key === 'on_time_replies');
    assert.deepEqual([replies2.numerator, replies2.denominator], [1, 2]);
    assert.ok(second.total < first.total, `${second.total} < ${first.total}`);
    // Half the indicator's weight lost, over the weight of the indicators that apply (re-weighted to 100).
    const expected = (replies.weight / 2 / first.appliedWeight) * 100;
    assert.ok(Math.abs(first.total - second.total - expected) < 0.02, `${first.total - second.total} ≈ ${expected}`);
    assert.match(replies2.shortfalls[0].label, new RegExp(`${late.trackingNumber}.*尚未答复`));
  });

  test('the plan: validated weights, then used; only the supervising government sets or sees it', async () => {
    const bad = await server.request('PUT', '/api/v1/supervision/plan?region=620602&year=2026', {
      token: tk.supervisor,
      body: { indicators: [{ key: 'on_time_replies', weight: 60 }] },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /权重之和应为 100/);
    const ok = await server.request('PUT', '/api/v1/supervision/plan?region=620602&year=2026', {
      token: tk.supervisor,
      body: {
        indicators: [
          { key: 'on_time_replies', weight: 80 },
          { key: 'interpretation_coverage', weight: 20 },
        ],
      },
    });
    assert.equal(ok.status, 200, ok.text);
    const s = await scoreOf();
    assert.deepEqual(
      s.indicators.map((i: { key: string; weight: number }) => [i.key, i.weight]),
      [
        ['on_time_replies', 80],
        ['interpretation_coverage', 20],
      ],
    );
    for (const token of [tk.operator, tk.admin, tk.otherSupervisor]) {
      const r = await server.request('GET', '/api/v1/supervision/assessment?region=620602&year=2026', { token });
      assert.equal(r.status, 404);
    }
    const put = await server.request('PUT', '/api/v1/supervision/plan?region=620602&year=2026', {
      token: tk.admin,
      body: { indicators: [{ key: 'on_time_replies', weight: 100 }] },
    });
    assert.equal(put.status, 404);
  });

  test('the ranking exports to XLSX with the evidence behind each lost point', async () => {
    const r = await fetch(`${server.url}/api/v1/supervision/assessment.xlsx?region=620602&year=2026`, {
      headers: { authorization: `Bearer ${tk.supervisor}` },
    });
    assert.equal(r.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['考核排名', '扣分明细', '指标说明', '计分规则'],
    );
    const rows = wb.getWorksheet('考核排名')!.getSheetValues().slice(2) as unknown[][];
    assert.ok(rows.some((x) => x[2] === '凉州区市场监督管理局'));
    const evidence = JSON.stringify(wb.getWorksheet('扣分明细')!.getSheetValues());
    assert.match(evidence, /尚未答复/);
  });
});

describe('社会评议', () => {
  test('an application can be rated once, by its query code, and only once answered', async () => {
    const a = await submit();
    const rate = (extra: Record<string, string> = {}) =>
      server.request('POST', '/track/rate', {
        body: new URLSearchParams({ number: a.trackingNumber, code: a.queryCode, score: '4', ...extra }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const early = await rate();
    assert.equal(early.status, 409);
    assert.match(early.text, /尚未答复/);
    await decide(a.trackingNumber, now().toISOString().slice(0, 10));
    const wrong = await rate({ code: 'ZZZZZZZZ' });
    assert.equal(wrong.status, 404);
    assert.match(wrong.text, /申请编号或查询码不正确/);
    const first = await rate({ comment: '答复及时，态度很好' });
    assert.equal(first.status, 201, first.text);
    assert.match(first.text, /感谢您的评价/);
    const second = await rate({ score: '1' });
    assert.equal(second.status, 409);
    assert.match(second.text, /每件申请只能评价一次/);
    const n = await database.pool.query("select count(*)::int n from ratings where target_type = 'application'");
    assert.equal(n.rows[0].n, 1);
    // The comment waits for moderation; the supervisor sees it and approves it.
    const overview = await server.request('GET', '/api/v1/supervision/ratings?region=620602&year=2026', {
      token: tk.supervisor,
    });
    assert.equal(overview.body.all.count, 1);
    assert.equal(overview.body.pending.length, 1);
    const mod = await server.request('POST', `/api/v1/ratings/${overview.body.pending[0].id}/moderate`, {
      token: tk.supervisor,
      body: { decision: 'approved' },
    });
    assert.equal(mod.status, 200, mod.text);
    const denied = await server.request('POST', `/api/v1/ratings/${overview.body.pending[0].id}/moderate`, {
      token: tk.operator,
      body: { decision: 'rejected' },
    });
    assert.equal(denied.status, 404, 'an operator does not moderate');
  });

  test('an item can be rated from its page, once per visitor', async () => {
    const id = await publish({ title: '凉州区2026年食品安全抽检计划' });
    const page = await server.request('GET', `/items/${id}`);
    assert.match(page.text, new RegExp(`action="/items/${id}/rate"`));
    const form = { body: 'score=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    assert.equal((await server.request('POST', `/items/${id}/rate`, form)).status, 201);
    const again = await server.request('POST', `/items/${id}/rate`, form);
    assert.equal(again.status, 409);
    const bad = await server.request('POST', `/items/${id}/rate`, { ...form, body: 'score=9' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /请选择 1–5 分/);
  });
});

describe('责任追究, 回应关切, 解读 coverage, and the government report', () => {
  test('accountability is recorded by the supervisor only, and the roll-up report states all three results', async () => {
    const body = {
      agencyId: dept.id,
      subject: '凉州区市场监督管理局办公室',
      measure: '通报批评',
      basis: '《中华人民共和国政府信息公开条例》第五十二条',
      reason: '逾期未答复政府信息公开申请',
      date: '2026-04-20',
    };
    assert.equal(
      (await server.request('POST', '/api/v1/supervision/accountability', { token: tk.admin, body })).status,
      404,
    );
    const bad = await server.request('POST', '/api/v1/supervision/accountability', {
      token: tk.supervisor,
      body: { ...body, date: '2026-13-01' },
    });
    assert.equal(bad.status, 400);
    const r = await server.request('POST', '/api/v1/supervision/accountability', { token: tk.supervisor, body });
    assert.equal(r.status, 201, r.text);
    const list = await server.request('GET', '/api/v1/supervision/accountability?region=620602&year=2026', {
      token: tk.supervisor,
    });
    assert.equal(list.body.records.length, 1);
    const report = await server.request('GET', `/api/v1/reports/${gov.id}/2026`, { token: tk.supervisor });
    assert.equal(report.status, 200, report.text);
    const problems = report.body.text.problems as string;
    assert.match(problems, /工作考核、社会评议和责任追究结果情况/);
    assert.match(problems, /对1个部门（单位）的政府信息公开工作进行考核/);
    assert.match(problems, /公众通过政府信息公开平台评价2次/);
    assert.match(problems, /对1个单位（人员）进行责任追究，措施包括通报批评/);
  });

  test('the region roll-up sums every agency once and equals the government report of the year', async () => {
    await submit();
    const path = '/api/v1/supervision/report?region=620602&year=2026';
    const r = await server.request('GET', path, { token: tk.supervisor });
    assert.equal(r.status, 200, r.text);
    const gr = await server.request('GET', `/api/v1/reports/${gov.id}/2026`, { token: tk.supervisor });
    assert.ok(r.body.report.applications.new.total >= 1);
    assert.deepEqual(r.body.report.applications, gr.body.applications);
    assert.deepEqual(r.body.report.appeals, gr.body.appeals);
    assert.deepEqual(r.body.parts.map((p: { agencyId: string }) => p.agencyId).sort(), [gov.id, dept.id].sort());
    assert.equal((await server.request('GET', path, { token: tk.otherSupervisor })).status, 404);
    assert.equal((await server.request('GET', path, { token: tk.operator })).status, 404);
  });

  test('a concern is registered, answered by a published item, and listed on the portal with its response time', async () => {
    const c = await server.request('POST', '/api/v1/concerns', {
      token: tk.operator,
      body: { agencyId: dept.id, source: 'hotline', topic: '校园周边食品安全', receivedDate: '2026-03-09' },
    });
    assert.equal(c.status, 201, c.text);
    const draft = await server.request('POST', '/api/v1/catalogue/items', {
      token: tk.operator,
      body: { title: '关于校园周边食品安全的回应', genre: 'notice' },
    });
    const early = await server.request('POST', `/api/v1/concerns/${c.body.id}/response`, {
      token: tk.operator,
      body: { itemId: draft.body.id },
    });
    assert.equal(early.status, 400);
    assert.match(early.body.error.message, /尚未公开/);
    const item = await publish({ title: '关于校园周边食品安全问题的回应' });
    const ok = await server.request('POST', `/api/v1/concerns/${c.body.id}/response`, {
      token: tk.operator,
      body: { itemId: item },
    });
    assert.equal(ok.status, 200, ok.text);
    const page = await server.request('GET', '/concerns');
    assert.match(page.text, /校园周边食品安全/);
    assert.match(page.text, new RegExp(`/items/${item}`));
  });

  test('规范性文件 without a 解读 are listed for the supervisor', async () => {
    const policy = await publish({ title: '凉州区食品经营许可管理办法', genre: 'normative', articleItem: '20.1' });
    const r = await server.request('GET', '/api/v1/supervision/interpretations?region=620602', {
      token: tk.supervisor,
    });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.missing.some((m: { id: string }) => m.id === policy));
    await publish({ title: '《凉州区食品经营许可管理办法》政策解读', genre: 'interpretation', interpretsId: policy });
    const after = await server.request('GET', '/api/v1/supervision/interpretations?region=620602', {
      token: tk.supervisor,
    });
    assert.ok(!after.body.missing.some((m: { id: string }) => m.id === policy));
  });
});

describe('信息查阅点 (kiosk)', () => {
  test('large text, no external links, an idle reset, no staff login; a printable item', async () => {
    const id = await publish({
      title: '查阅点测试信息',
      bodyHtml: '<p>详见<a href="https://www.gov.cn/zhengce/">中国政府网</a>和<a href="/search">目录</a>。</p>',
    });
    const on = await server.request('GET', '/kiosk', { headers: { 'sec-fetch-site': 'none' } });
    assert.equal(on.status, 303);
    const cookie = on.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    assert.match(cookie, /gk_kiosk=1/);
    assert.match(cookie, /gk_large=1/);
    const page = await server.request('GET', `/items/${id}`, { headers: { cookie } });
    assert.match(page.text, /<meta http-equiv="refresh" content="180;url=\/">/);
    assert.doesNotMatch(page.text, /href="https:\/\/www.gov.cn/);
    assert.match(page.text, /中国政府网/);
    assert.match(page.text, /href="\/search"/);
    assert.match(page.text, /信息查阅点/);
    assert.equal((await server.request('GET', '/console', { headers: { cookie } })).status, 404);
    const login = await server.request('POST', '/api/v1/auth/login', {
      headers: { cookie },
      body: { username: dept.users.operator.username, password: 'x' },
    });
    assert.equal(login.status, 404);
    const print = await server.request('GET', `/items/${id}/print`);
    assert.equal(print.status, 200);
    assert.doesNotMatch(print.text, /class="crumbs"/);
    assert.doesNotMatch(print.text, /action="\/items/);
    assert.match(print.text, /查阅点测试信息/);
  });
});
