import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const t = { operator: '', reviewer: '', approver: '' };

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
  for (const role of ['operator', 'reviewer', 'approver'] as const)
    t[role] = await server.apiToken(agency.users[role].username);
});
after(async () => {
  await server.close();
  await database.close();
});

const create = async (fields: Record<string, unknown> = {}) => {
  const r = await server.request('POST', '/api/v1/catalogue/items', {
    token: t.operator,
    body: {
      title: '凉州区市场监督管理局关于开展食品安全抽检工作的通知',
      genre: 'notice',
      articleItem: '20.13',
      bodyHtml: '<p>为做好信息公开工作，现通知如下。</p>',
      ...fields,
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
};
const step = (id: string, s: string, token: string, body: unknown = {}) =>
  server.request('POST', `/api/v1/catalogue/items/${id}/${s}`, { token, body });

describe('review gate', () => {
  test('nothing is public before 保密审查 and approval, not even by its URL; withdrawal removes it', async () => {
    const id = await create();
    assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
    assert.equal((await step(id, 'submit', t.operator)).status, 200);
    assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
    assert.equal((await step(id, 'approve', t.approver)).status, 409, 'approval before review is refused');
    assert.equal(
      (await step(id, 'review', t.operator, { disclosure: 'proactive' })).status,
      403,
      'operators do not review',
    );
    assert.equal((await step(id, 'review', t.reviewer, { disclosure: 'proactive' })).status, 200);
    assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
    const approved = await step(id, 'approve', t.approver);
    assert.equal(approved.status, 200, approved.text);
    assert.match(approved.body.indexNo, new RegExp(`^${agency.creditCode}/2026-\\d{5}$`));
    const pageR = await server.request('GET', `/items/${id}`);
    assert.equal(pageR.status, 200);
    assert.match(pageR.text, /<title>凉州区市场监督管理局关于开展食品安全抽检工作的通知/);
    assert.match(pageR.text, /索引号<\/th><td>11/);
    assert.equal((await step(id, 'withdraw', t.approver, { reason: '内容有误' })).status, 200);
    assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
  });

  test('information reviewed as 不予公开 is never published', async () => {
    const id = await create({ title: '内部工作流程规定' });
    await step(id, 'submit', t.operator);
    const bad = await step(id, 'review', t.reviewer, { disclosure: 'not_public' });
    assert.equal(bad.status, 400, 'reasons and article required');
    await step(id, 'review', t.reviewer, {
      disclosure: 'not_public',
      reasons: '属于内部事务信息',
      article: '第十六条第一款',
    });
    const r = await step(id, 'approve', t.approver);
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /不在网站主动发布/);
    assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
  });
});

test('索引号: concurrent publications get unique, gapless numbers', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const id = await create({ title: `并发发布测试信息第${i + 1}号` });
    await step(id, 'submit', t.operator);
    await step(id, 'review', t.reviewer, { disclosure: 'proactive' });
    ids.push(id);
  }
  const before =
    (await database.pool.query('select last from index_sequences where agency_id = $1 and year = 2026', [agency.id]))
      .rows[0]?.last ?? 0;
  const results = await Promise.all(ids.map((id) => step(id, 'approve', t.approver)));
  for (const r of results) assert.equal(r.status, 200, `${r.status} ${r.text}`);
  const seqs = results.map((r) => Number((r.body.indexNo as string).split('-').pop())).sort((a, b) => a - b);
  assert.deepEqual(
    seqs,
    Array.from({ length: 8 }, (_, i) => before + i + 1),
  );
});

test('hostile rich text is sanitised before it is stored or shown', async () => {
  const id = await create({
    title: '安全测试',
    bodyHtml:
      '<p onclick="alert(1)">正文<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a><iframe src="//evil"></iframe><a href="https://www.gov.cn">国务院</a></p>',
  });
  const row = (await database.pool.query('select body_html from catalogue_items where id = $1', [id])).rows[0]
    .body_html as string;
  assert.doesNotMatch(row, /script|onerror|onclick|javascript:|iframe|<img/i);
  assert.match(row, /href="https:\/\/www.gov.cn"/);
  await step(id, 'submit', t.operator);
  await step(id, 'review', t.reviewer, { disclosure: 'proactive' });
  await step(id, 'approve', t.approver);
  const pageR = await server.request('GET', `/items/${id}`);
  assert.doesNotMatch(pageR.text, /<script|onerror|javascript:/i);
});

test('legacy import: validated first, all or nothing, per-row errors in Chinese', async () => {
  const count = async () =>
    Number((await database.pool.query('select count(*)::int n from catalogue_items')).rows[0].n);
  const before = await count();
  const header = '索引号,标题,文号,成文日期,发布日期,主题分类,体裁,所属事项,有效性,关键词,正文';
  const good = `${agency.creditCode}/2019-00001,凉州区2019年食品安全工作要点,凉市监发〔2019〕3号,2019-03-01,2019-03-05,食品药品,通知,20.13,现行有效,食品,<p>正文</p>`;
  const bad = `${agency.creditCode}/2019-00002,第二条,,2019-02-30,2019-03-06,食品药品,通知,20.13,现行有效,,`;
  const r = await server.request('POST', `/api/v1/catalogue/import?agencyId=${agency.id}`, {
    token: t.approver,
    body: `${header}\n${good}\n${bad}\n`,
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(r.status, 400);
  assert.deepEqual(r.body.error.rows, [
    { row: 3, column: '成文日期', message: '成文日期“2019-02-30”无效，应为 YYYY-MM-DD' },
  ]);
  assert.equal(await count(), before);
  const ok = await server.request('POST', `/api/v1/catalogue/import?agencyId=${agency.id}`, {
    token: t.approver,
    body: `${header}\n${good}\n${bad.replace('2019-02-30', '2019-02-28')}\n`,
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(await count(), before + 2);
});

describe('public search', () => {
  test('finds items by a two-character word and by 文号, with highlighted snippets; exact substring only', async () => {
    const id = await create({
      title: '关于印发《凉州区药品安全专项整治方案》的通知',
      docNumber: '凉市监发〔2020〕12号',
      bodyHtml: '<p>各单位：现将药品安全专项整治方案印发给你们，请认真贯彻执行。行政许可事项同步公开。</p>',
    });
    await step(id, 'submit', t.operator);
    await step(id, 'review', t.reviewer, { disclosure: 'proactive' });
    await step(id, 'approve', t.approver);
    const byWord = await server.request('GET', `/search?q=${encodeURIComponent('许可')}`);
    assert.ok(byWord.text.includes(`/items/${id}`));
    assert.match(byWord.text, /<mark>许可<\/mark>/);
    const byNumber = await server.request('GET', `/search?q=${encodeURIComponent('凉市监发〔2020〕12号')}`);
    assert.ok(byNumber.text.includes(`/items/${id}`));
    // Every bigram of "整治印发" occurs in the item but not the four characters together: no match.
    const none = await server.request('GET', `/search?q=${encodeURIComponent('方案印发给')}`);
    assert.ok(none.text.includes(`/items/${id}`));
    const notContiguous = await server.request('GET', `/search?q=${encodeURIComponent('整治印发')}`);
    assert.ok(!notContiguous.text.includes(`/items/${id}`));
  });

  test('feeds and the sitemap list published items only; public pages answer 304 to a matching ETag', async () => {
    const draft = await create({ title: '尚未发布的草稿信息' });
    // The sitemap is an index (sitemaps.org): the site's pages and the items, each file ≤ 50,000 URLs.
    const sitemap = await server.request('GET', '/sitemap.xml');
    assert.match(sitemap.text, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const files = [...sitemap.text.matchAll(/<loc>[^<]*?(\/sitemaps\/[a-z0-9/-]+\.xml)<\/loc>/g)].map((m) => m[1]!);
    assert.equal(files.length, 2);
    assert.equal(files[0], '/sitemaps/pages.xml');
    assert.match(files[1]!, /^\/sitemaps\/items\/[0-9a-f-]{36}\.xml$/);
    const pages = await server.request('GET', '/sitemaps/pages.xml');
    assert.match(pages.text, /\/agencies\/[0-9a-f-]{36}\/guide<\/loc>/);
    const items = await server.request('GET', files[1]!);
    const published = await database.pool.query(
      "select id from catalogue_items where state = 'published' and disclosure = 'proactive' order by id",
    );
    assert.equal(files[1], `/sitemaps/items/${published.rows[0].id}.xml`, 'named by the first id');
    assert.equal([...items.text.matchAll(/<url>/g)].length, published.rows.length);
    assert.ok(items.text.includes(`/items/${published.rows[0].id}</loc>`));
    assert.ok(!items.text.includes(draft));
    // Not a file: an id that is no published item, or no id at all.
    assert.equal((await server.request('GET', `/sitemaps/items/${draft}.xml`)).status, 404);
    assert.equal((await server.request('GET', '/sitemaps/items/1.xml')).status, 404);
    const feedR = await server.request('GET', '/feed.xml');
    assert.match(feedR.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(feedR.text, /<link rel="self" type="application\/atom\+xml" href="http:\/\/[^"]+\/feed.xml"\/>/);
    assert.match(feedR.text, /<entry>.*<summary>[^<]{10,}<\/summary><\/entry>/);
    assert.doesNotMatch(feedR.text, /尚未发布的草稿信息/);
    const agencyPage = await server.request('GET', `/agencies/${agency.id}`);
    assert.match(
      agencyPage.text,
      new RegExp(
        `<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/agencies/${agency.id}/feed.xml">`,
      ),
    );
    const home = await server.request('GET', '/');
    const etag = home.headers.get('etag')!;
    // no-cache: a browser or proxy asks again each time (304 when unchanged), so a withdrawal shows at once.
    assert.equal(home.headers.get('cache-control'), 'public, no-cache');
    const again = await server.request('GET', '/', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });
});

test('the agency admin edits the 指南 and 制度 pages (sanitised); the portal shows them', async () => {
  const admin = await server.apiToken(agency.users.agency_admin.username);
  const r = await server.request('PUT', `/api/v1/agencies/${agency.id}/pages/rules`, {
    token: admin,
    body: { bodyHtml: '<p>本局建立政府信息公开保密审查、发布协调、责任追究制度。</p><script>alert(1)</script>' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(
    (
      await server.request('PUT', `/api/v1/agencies/${agency.id}/pages/rules`, {
        token: t.operator,
        body: { bodyHtml: '<p>测试测试测试测试</p>' },
      })
    ).status,
    403,
  );
  const pageR = await server.request('GET', `/agencies/${agency.id}`);
  assert.match(pageR.text, new RegExp(`href="/agencies/${agency.id}/rules/rules"`));
  const rules = await server.request('GET', `/agencies/${agency.id}/rules/rules`);
  assert.equal(rules.status, 200);
  assert.match(rules.text, /责任追究制度/);
  assert.doesNotMatch(rules.text, /alert\(1\)/);

  // A section of the 指南 (国办发〔2019〕61号): the default text from the agency's data until the agency writes its own.
  const before = await server.request('GET', `/agencies/${agency.id}/guide`);
  assert.match(before.text, /《条例》第四十二条/);
  const fees = await server.request('PUT', `/api/v1/agencies/${agency.id}/pages/guide.fees`, {
    token: admin,
    body: { bodyHtml: '<p>本局依申请提供政府信息不收费；超出合理范围的按件计收信息处理费。</p>' },
  });
  assert.equal(fees.status, 200, fees.text);
  const after = await server.request('GET', `/agencies/${agency.id}/guide`);
  assert.match(after.text, /超出合理范围的按件计收信息处理费/);
  assert.doesNotMatch(after.text, /《条例》第四十二条/);
  assert.match(after.text, /《条例》第五十一条/, 'the other sections keep their default');
  const unknown = await server.request('PUT', `/api/v1/agencies/${agency.id}/pages/guide.other`, {
    token: admin,
    body: { bodyHtml: '<p>测试测试测试测试</p>' },
  });
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.error.details[0].message, /栏目应为/);

  // The console's form reads every section: the saved text, or the default the portal shows.
  const list = await server.request('GET', `/api/v1/agencies/${agency.id}/pages`, { token: admin });
  assert.equal(list.status, 200, list.text);
  assert.equal(list.body.editable, true);
  type Entry = { kind: string; bodyHtml: string | null; defaultHtml: string | null; required: boolean };
  const byKind = new Map<string, Entry>(list.body.guide.map((p: Entry) => [p.kind, p]));
  assert.match(byKind.get('guide.fees')!.bodyHtml!, /按件计收信息处理费/);
  assert.match(byKind.get('guide.remedy')!.defaultHtml!, /《条例》第五十一条/);
  assert.equal(byKind.get('guide.remedy')!.bodyHtml, null);
  assert.equal(byKind.get('guide.remedy')!.required, true);
  assert.ok(list.body.rules.some((p: { kind: string; bodyHtml: string | null }) => p.kind === 'rules' && p.bodyHtml));
  const asOperator = await server.request('GET', `/api/v1/agencies/${agency.id}/pages`, { token: t.operator });
  assert.equal(asOperator.status, 200);
  assert.equal(asOperator.body.editable, false);
  // An empty section (tags only) and one over 20,000 characters are refused on the field; nothing changes.
  for (const bodyHtml of ['<p> </p><p></p>', `<p>${'长'.repeat(20_001)}</p>`]) {
    const bad = await server.request('PUT', `/api/v1/agencies/${agency.id}/pages/guide.fees`, {
      token: admin,
      body: { bodyHtml },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'bodyHtml');
    assert.match(bad.body.error.details[0].message, /请填写本栏内容|内容不能超过20000字/);
  }
  const still = await server.request('GET', `/agencies/${agency.id}/guide`);
  assert.match(still.text, /超出合理范围的按件计收信息处理费/);
});

test('the published catalogue exports as CSV in the import columns, and imports back into another agency', async () => {
  const csv = await server.request('GET', `/api/v1/catalogue/export.csv?agencyId=${agency.id}`, { token: t.operator });
  assert.equal(csv.status, 200);
  assert.match(csv.text, /^\ufeff?索引号,标题,文号,成文日期,发布日期/);
  const lines = csv.text.trim().split('\n').length - 1;
  const published = Number(
    (
      await database.pool.query(
        "select count(*)::int n from catalogue_items where agency_id = $1 and state = 'published'",
        [agency.id],
      )
    ).rows[0].n,
  );
  assert.ok(lines >= published);
  const other = await makeAgency(systemCtx(database, now), { name: '另一机关' });
  const sys = await server.apiToken(other.users.approver.username);
  // Index numbers are unique platform-wide: the copy keeps its own by prefix.
  const copy = csv.text.replaceAll(`${agency.creditCode}/`, `${other.creditCode}/`);
  const r = await server.request('POST', `/api/v1/catalogue/import?agencyId=${other.id}`, {
    token: sys,
    body: copy,
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.imported, published);
});

test('长辈版: a cookie switches the stylesheet to large text, no JavaScript needed', async () => {
  const normal = await server.request('GET', '/assets/site.css');
  const r = await server.request('GET', '/large-text?on=1', { headers: { referer: `${server.url}/search` } });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/search');
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const large = await server.request('GET', '/assets/site.css', { headers: { cookie } });
  assert.ok(large.text.length > normal.text.length);
  assert.match(large.text, /font-size:22px/);
  assert.equal(large.headers.get('vary'), 'Cookie');
});

test('attachments: checked by content and size, stored, listed on the public page only once published', async () => {
  const id = await create({ title: '附件测试通知' });
  const up = (filename: string, data: Buffer, token = t.operator) =>
    server.request('POST', `/api/v1/catalogue/items/${id}/attachments?filename=${encodeURIComponent(filename)}`, {
      token,
      body: data as unknown as string,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const fake = await up('通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
  assert.equal(fake.status, 400);
  assert.match(fake.body.error.message, /附件类型不支持/);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32)]);
  const ok = await up('通知附件.pdf', pdf);
  assert.equal(ok.status, 201, ok.text);
  // The editor's view lists it: name, type, size, who uploaded it and when.
  const detail = await server.request('GET', `/api/v1/catalogue/items/${id}`, { token: t.reviewer });
  assert.equal(detail.status, 200, detail.text);
  const { uploadedAt, ...listed } = detail.body.attachments[0];
  assert.deepEqual(listed, {
    id: ok.body.id,
    filename: '通知附件.pdf',
    mime: 'application/pdf',
    size: pdf.length,
    uploadedBy: `${agency.name}operator`, // the person's display name (makeAgency), not the login
  });
  assert.match(uploadedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal(detail.body.attachments.length, 1);
  await step(id, 'submit', t.operator);
  assert.equal((await up('再传.pdf', pdf)).status, 409);
  assert.equal(
    (await server.request('GET', `/items/${id}/attachments/${ok.body.id}`)).status,
    404,
    'not public before publication',
  );
  await step(id, 'review', t.reviewer, { disclosure: 'proactive' });
  await step(id, 'approve', t.approver);
  const pageR = await server.request('GET', `/items/${id}`);
  assert.match(pageR.text, /通知附件\.pdf/);
  const file = await fetch(`${server.url}/items/${id}/attachments/${ok.body.id}`);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(Buffer.from(await file.arrayBuffer()).length, pdf.length);
});

test('an agency given by something other than its id is refused in Chinese (400/404), never a server error', async () => {
  const create = (agencyId: string) =>
    server.request('POST', '/api/v1/catalogue/items', { token: t.operator, body: { title: '测试通知', agencyId } });
  const byCode = await create(agency.creditCode);
  assert.equal(byCode.status, 400, byCode.text);
  assert.deepEqual(byCode.body.error.details, [{ path: 'agencyId', message: '机关编号格式不正确' }]);
  const unknown = await create('00000000-0000-4000-8000-000000000000');
  assert.ok([400, 404].includes(unknown.status), unknown.text);
  assert.match(unknown.body.error.message, /机关/);
  const item = await server.request('GET', '/api/v1/catalogue/items/not-an-id', { token: t.operator });
  assert.equal(item.status, 400);
  assert.equal(item.body.error.message, '信息编号格式不正确');
});
