import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk = { operator: '', reviewer: '', approver: '' };

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now, { publicCacheSeconds: 60 });
  tk.operator = await server.apiToken(agency.users.operator.username);
  tk.reviewer = await server.apiToken(agency.users.reviewer.username);
  tk.approver = await server.apiToken(agency.users.approver.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const step = (id: string, s: string, token: string, body: object = {}) =>
  server.request('POST', `/api/v1/catalogue/items/${id}/${s}`, { token, body });

test('public pages are reused for anonymous visitors, never for staff, and a write empties the cache at once', async () => {
  const c = await server.request('POST', '/api/v1/catalogue/items', {
    token: tk.operator,
    body: { title: '关于开展食品安全专项整治的通知', genre: 'notice', articleItem: '20.13', bodyHtml: '<p>正文</p>' },
  });
  assert.equal(c.status, 201, c.text);
  const id = c.body.id as string;
  assert.equal((await step(id, 'submit', tk.operator)).status, 200);
  assert.equal((await step(id, 'review', tk.reviewer, { disclosure: 'proactive' })).status, 200);
  assert.equal((await step(id, 'approve', tk.approver)).status, 200);

  const first = await server.request('GET', `/items/${id}`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-cache'), 'miss');
  const second = await server.request('GET', `/items/${id}`);
  assert.equal(second.headers.get('x-cache'), 'hit');
  assert.equal(second.text, first.text);
  assert.equal(second.headers.get('etag'), first.headers.get('etag'));
  // A hit is answered before helmet runs: it carries every header the page was first sent with.
  const pageHeaders = (h: Headers) => {
    const kept: string[] = [];
    h.forEach((v, k) => {
      if (!['date', 'x-request-id', 'x-cache', 'connection', 'keep-alive'].includes(k)) kept.push(`${k}: ${v}`);
    });
    return kept.sort();
  };
  assert.deepEqual(pageHeaders(second.headers), pageHeaders(first.headers));
  assert.match(second.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.ok(second.headers.get('x-request-id'));
  assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'));
  const revalidated = await server.request('GET', `/items/${id}`, {
    headers: { 'if-none-match': first.headers.get('etag')! },
  });
  assert.equal(revalidated.status, 304);
  // Each language and display mode has its own entry; staff and the kiosk are never served from it.
  const en = await server.request('GET', `/items/${id}?lang=en`);
  assert.equal(en.headers.get('x-cache'), 'miss');
  assert.notEqual(en.text, first.text);
  // The language is part of the key as the page resolves it: `?lang=en` and the cookie are one entry.
  const enByCookie = await server.request('GET', `/items/${id}`, { headers: { cookie: 'gk_lang=en' } });
  assert.equal(enByCookie.headers.get('x-cache'), 'hit');
  assert.equal(enByCookie.text, en.text);
  const enAgain = await server.request('GET', `/items/${id}`, { headers: { cookie: 'gk_lang=en; other=1' } });
  assert.equal(enAgain.headers.get('x-cache'), 'hit');
  assert.equal(enAgain.text, enByCookie.text);
  const staff = await server.request('GET', `/items/${id}`, { headers: { cookie: 'gk_session=x' } });
  assert.equal(staff.headers.get('x-cache'), null);
  const kiosk = await server.request('GET', `/items/${id}`, { headers: { cookie: 'gk_kiosk=1' } });
  assert.equal(kiosk.headers.get('x-cache'), null);
  // Withdrawal is a write: the page is gone at the next request, not after the cache time.
  assert.equal((await step(id, 'withdraw', tk.approver, { reason: '内容有误' })).status, 200);
  assert.equal((await server.request('GET', `/items/${id}`)).status, 404);
  // A refused write changes nothing and keeps the cache; entries expire after the configured time.
  const list1 = await server.request('GET', '/search?item=20.13');
  assert.equal((await server.request('GET', '/search?item=20.13')).headers.get('x-cache'), 'hit');
  assert.equal((await step(id, 'publish', tk.operator)).status >= 400, true);
  assert.equal((await server.request('GET', '/search?item=20.13')).headers.get('x-cache'), 'hit');
  now.advance(61_000);
  const later = await server.request('GET', '/search?item=20.13');
  assert.equal(later.headers.get('x-cache'), 'miss');
  assert.equal(later.text, list1.text);
});

test('only writes that change public content invalidate, and only the pages showing it; keys are normalised', async () => {
  const publishItem = async (title: string) => {
    const c = await server.request('POST', '/api/v1/catalogue/items', {
      token: tk.operator,
      body: { title, genre: 'notice', articleItem: '20.13', bodyHtml: '<p>正文</p>' },
    });
    assert.equal(c.status, 201, c.text);
    const id = c.body.id as string;
    assert.equal((await step(id, 'submit', tk.operator)).status, 200);
    assert.equal((await step(id, 'review', tk.reviewer, { disclosure: 'proactive' })).status, 200);
    assert.equal((await step(id, 'approve', tk.approver)).status, 200);
    return id;
  };
  const a = await publishItem('关于公布2026年第一批行政许可事项的通知');
  const cacheOf = async (path: string) => (await server.request('GET', path)).headers.get('x-cache');
  const item = await server.request('GET', `/items/${a}`);
  assert.equal(item.headers.get('cache-control'), 'public, no-cache', 'revalidated every time, with its ETag');
  assert.ok(item.headers.get('etag'));
  await cacheOf('/search?item=20.13&topic=');
  // The same page whatever the order of the parameters, empty ones and ones the page does not read.
  assert.equal(await cacheOf('/search?topic=&utm_source=x&item=20.13'), 'hit');
  assert.equal(await cacheOf(`/items/${a}?from=feed`), 'hit');
  assert.equal(await cacheOf('/search?item=20.12'), 'miss', 'a parameter the page reads is part of the key');

  // A login, the public deadline calculator and a staff draft change nothing public: the cache stays.
  await server.login(agency.users.operator.username);
  const deadline = await server.request('POST', '/api/v1/deadline', {
    body: { receivedDate: '2026-03-02', channel: 'online' },
  });
  assert.ok(deadline.status < 500, deadline.text);
  const draft = await server.request('POST', '/api/v1/catalogue/items', {
    token: tk.operator,
    body: { title: '草稿：尚未公开', genre: 'notice', articleItem: '20.13', bodyHtml: '<p>草稿</p>' },
  });
  assert.equal(draft.status, 201);
  assert.equal(await cacheOf(`/items/${a}`), 'hit');
  assert.equal(await cacheOf('/search?item=20.13'), 'hit');

  // Publishing another item changes the lists, not item A's page.
  const b = await publishItem('关于公布2026年第二批行政许可事项的通知');
  assert.equal(await cacheOf(`/items/${a}`), 'hit');
  const list = await server.request('GET', '/search?item=20.13');
  assert.equal(list.headers.get('x-cache'), 'miss');
  assert.ok(list.text.includes(b));
  // A change made outside any request (a CLI command, an import) is heard too.
  await database.pool.query(
    "update catalogue_items set title = '关于公布2026年第一批行政许可事项的通知（更正）' where id = $1",
    [a],
  );
  let seen = '';
  for (let i = 0; i < 50 && !seen.includes('（更正）'); i++) {
    seen = (await server.request('GET', `/items/${a}`)).text;
    if (!seen.includes('（更正）')) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(seen.includes('（更正）'), 'the corrected title is served');
});
