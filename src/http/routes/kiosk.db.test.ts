import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;

before(async () => {
  database = await testDatabase();
  server = await startTestServer(database, fixedClock());
});
after(async () => {
  await server.close();
  await database.close();
});

const kiosk = (headers: Record<string, string>, path = '/kiosk') => server.request('GET', path, { headers });
const cookies = (r: { headers: Headers }) => r.headers.getSetCookie();

test('a link or image on another site does not switch a browser into kiosk mode', async () => {
  for (const headers of <Record<string, string>[]>[
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { 'sec-fetch-site': 'cross-site', referer: `${server.url}/` },
    { referer: 'https://evil.example/' },
    {},
  ]) {
    const r = await kiosk(headers);
    assert.equal(r.status, 200, JSON.stringify(headers));
    assert.deepEqual(cookies(r), [], `no cookie for ${JSON.stringify(headers)}`);
    assert.match(r.text, /<a href="\/kiosk">切换为信息查阅点模式<\/a>/, 'a switch to click on this site');
    assert.equal(r.headers.get('cache-control'), 'no-store');
  }
  const off = await kiosk({ 'sec-fetch-site': 'cross-site' }, '/kiosk?off=1');
  assert.deepEqual(cookies(off), []);
  assert.match(off.text, /href="\/kiosk\?off=1"/);
});

test('typed into the address bar or clicked on this site, it switches for a working day, not ten years', async () => {
  for (const headers of <Record<string, string>[]>[
    { 'sec-fetch-site': 'none' },
    { 'sec-fetch-site': 'same-origin' },
    { referer: `${server.url}/kiosk` },
  ]) {
    const r = await kiosk(headers);
    assert.equal(r.status, 303, JSON.stringify(headers));
    const set = cookies(r);
    assert.ok(set.some((c) => /^gk_kiosk=1;/.test(c)));
    for (const c of set) assert.match(c, /Max-Age=43200(;|$)/, c);
  }
  const off = await kiosk({ 'sec-fetch-site': 'same-origin' }, '/kiosk?off=1');
  assert.equal(off.status, 303);
  assert.ok(cookies(off).some((c) => /^gk_kiosk=0;/.test(c)));
});

test('in kiosk mode reading pages reset after idle time (script, or a noscript refresh); form pages never by refresh', async () => {
  const on = { cookie: 'gk_kiosk=1; gk_large=1' };
  const reading = await server.request('GET', '/concerns', { headers: on });
  assert.match(reading.text, /<noscript><meta http-equiv="refresh" content="180;url=\/"><\/noscript>/);
  assert.match(reading.text, /<script src="\/assets\/kiosk.js" defer><\/script>/);
  assert.match(reading.text, /<body class="kiosk" data-idle="180">/);
  for (const path of ['/apply', '/track', '/deadline']) {
    const form = await server.request('GET', path, { headers: on });
    assert.doesNotMatch(form.text, /http-equiv="refresh"/, path);
    assert.match(form.text, /data-idle="180"/, `${path}: the script still asks`);
  }
  const home = await server.request('GET', '/', { headers: on });
  assert.doesNotMatch(home.text, /http-equiv="refresh"|kiosk\.js/);
  const js = await server.request('GET', '/assets/kiosk.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  const plain = await server.request('GET', '/concerns');
  assert.doesNotMatch(plain.text, /kiosk\.js|http-equiv="refresh"/, 'only in kiosk mode');
});
