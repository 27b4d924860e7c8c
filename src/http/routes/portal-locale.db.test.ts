import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
});
after(async () => {
  await server.close();
  await database.close();
});

test('the portal speaks Chinese by default and English once chosen, by link, without JavaScript', async () => {
  const zh = await server.request('GET', '/');
  assert.match(zh.text, /<html lang="zh-CN">/);
  assert.match(zh.text, /公开主体/);
  assert.match(zh.text, /href="\/lang\?to=en"/);
  const sw = await server.request('GET', '/lang?to=en', { headers: { referer: `${server.url}/apply` } });
  assert.equal(sw.status, 303);
  assert.equal(sw.headers.get('location'), '/apply');
  const cookie = (sw.headers.get('set-cookie') ?? '').split(';')[0]!;
  assert.equal(cookie, 'gk_lang=en');
  const home = await server.request('GET', '/', { headers: { cookie } });
  assert.match(home.text, /<html lang="en">/);
  assert.match(home.text, /Disclosing agencies/);
  assert.doesNotMatch(home.text, /公开主体/);
  assert.match(home.headers.get('vary') ?? '', /Cookie/);
  const apply = await server.request('GET', '/apply', { headers: { cookie } });
  assert.match(apply.text, /Request for government information/);
  assert.match(apply.text, /<label for="f-applicant-name">Name/);
  const missing = await server.request('GET', '/items/00000000-0000-0000-0000-000000000000', { headers: { cookie } });
  assert.equal(missing.status, 404);
  assert.match(missing.text, /Page not found/);
  const once = await server.request('GET', '/search?lang=en');
  assert.match(once.text, /Disclosure catalogue/);
  const back = await server.request('GET', '/lang?to=zh-CN');
  assert.equal((back.headers.get('set-cookie') ?? '').split(';')[0], 'gk_lang=zh-CN');
});

test('the public deadline calculator gives the date and why, and refuses a bad date in plain words', async () => {
  // Received on Monday 2026-09-28: the National Day holiday (10-01…10-07) is not counted.
  const r = await server.request('GET', '/deadline?received=2026-09-28&channel=online');
  assert.equal(r.status, 200);
  const due = /答复期限：(\d{4})年(\d+)月(\d+)日/.exec(r.text);
  assert.ok(due, r.text.slice(0, 2000));
  assert.match(r.text, /第三十三条/);
  const extended = await server.request('GET', '/deadline?received=2026-09-28&channel=online&extension=20');
  const due2 = /答复期限：(\d{4})年(\d+)月(\d+)日/.exec(extended.text)!;
  assert.ok(
    new Date(`${due2[1]}-${due2[2]!.padStart(2, '0')}-${due2[3]!.padStart(2, '0')}`) >
      new Date(`${due[1]}-${due[2]!.padStart(2, '0')}-${due[3]!.padStart(2, '0')}`),
  );
  const bad = await server.request('GET', '/deadline?received=2026-02-30');
  assert.equal(bad.status, 400);
  assert.match(bad.text, /日期无效/);
});
