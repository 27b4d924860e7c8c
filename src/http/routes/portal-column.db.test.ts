import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { saveAgencyPage } from '../../commands/catalogue/pages.ts';
import { COLUMN_PARTS } from '../../domain/catalogue/column.ts';
import { ARTICLE_ITEMS } from '../../domain/catalogue/index.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  agency = await makeAgency(ctx, { name: '凉州区教育局' });
  await saveAgencyPage(ctx, agency.id, 'rules.secrecy', {
    bodyHtml: '<p><strong>第一条</strong>　公开前先审查，一事一审。</p>',
  });
  server = await startTestServer(database, now);
});
after(async () => {
  await server.close();
  await database.close();
});

test('every page of the column carries the five-part navigation, its own part marked', async () => {
  const pages = [`/agencies/${agency.id}`, ...COLUMN_PARTS.map((p) => `/agencies/${agency.id}${p.path}`)];
  pages.push(`/agencies/${agency.id}/rules/rules.secrecy`);
  for (const path of pages) {
    const r = await server.request('GET', path);
    assert.equal(r.status, 200, path);
    const nav = /<nav class="column-nav"[\s\S]*?<\/nav>/.exec(r.text)?.[0] ?? '';
    for (const p of COLUMN_PARTS)
      assert.ok(nav.includes(`href="/agencies/${agency.id}${p.path}"`), `${path}: ${p.title}`);
    const current = [...nav.matchAll(/aria-current="page"/g)].length;
    assert.equal(current, path === `/agencies/${agency.id}` ? 0 : 1, path);
  }
});

test('法定主动公开内容 lists every §20/§21 category, 暂无 where empty; 制度 lists only what the agency has', async () => {
  const r = await server.request('GET', `/agencies/${agency.id}/proactive`);
  const list = /<ul class="categories">[\s\S]*?<\/ul>/.exec(r.text)![0];
  assert.equal([...list.matchAll(/<li>/g)].length, Object.keys(ARTICLE_ITEMS).length);
  assert.equal([...list.matchAll(/<span class="empty">暂无<\/span>/g)].length, Object.keys(ARTICLE_ITEMS).length);
  const rules = await server.request('GET', `/agencies/${agency.id}/rules`);
  assert.match(rules.text, /凉州区教育局政府信息公开保密审查制度/);
  assert.doesNotMatch(rules.text, /主动公开制度/);
  assert.equal((await server.request('GET', `/agencies/${agency.id}/rules/rules.proactive`)).status, 404);
  assert.equal((await server.request('GET', `/agencies/${agency.id}/rules/nonsense`)).status, 404);
});

test('the 指南 has every section from the agency data; the 年报 page, the site map and the footer', async () => {
  const g = await server.request('GET', `/agencies/${agency.id}/guide`);
  for (const h of ['公开主体', '公开方式与途径', '依申请公开的流程', '收费', '救济途径', '联系方式'])
    assert.match(g.text, new RegExp(`<h2 id="[^"]+">${h}</h2>`), h);
  assert.match(g.text, /<figure class="flow"/);
  for (const k of ['办公地址', '邮政编码', '办公时间', '联系电话'])
    assert.match(g.text, new RegExp(`<th scope="row">${k}`));
  const reports = await server.request('GET', '/reports');
  assert.equal(reports.status, 200);
  const map = await server.request('GET', '/site-map');
  assert.match(map.text, new RegExp(`href="/agencies/${agency.id}/guide"`));
  assert.match(map.text, /<footer[\s\S]*href="\/site-map"/);
});
