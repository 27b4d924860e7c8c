import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { PERSON_ID } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { zhT } from '../pages/i18n.ts';
import { ratingForm } from '../pages/rating-form.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
});
after(async () => {
  await server.close();
  await database.close();
});

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

test('the application form renders without JavaScript and lists the agencies', async () => {
  const r = await server.request('GET', '/apply');
  assert.equal(r.status, 200);
  assert.match(r.text, /<html lang="zh-CN">/);
  assert.match(r.text, /<form method="post" action="\/apply"/);
  assert.ok(r.text.includes(agency.creditCode));
  assert.doesNotMatch(r.text, /<script/);
});

test('a submitted form answers with the tracking number; the tracking page shows the status and letters', async () => {
  const fields = {
    formToken: `form-${'a'.repeat(32)}`,
    agency: agency.creditCode,
    'applicant.type': 'natural_person',
    'applicant.name': '李娜',
    'applicant.idType': '居民身份证',
    'applicant.idNumber': PERSON_ID,
    'applicant.phone': '13900001111',
    description: '请公开2025年度凉州区药品安全专项整治工作方案',
    form: 'paper',
    consent: '1',
  };
  const r = await server.request('POST', '/apply', form(fields));
  assert.equal(r.status, 201, r.text);
  const number = /GK2026-\d{6}/.exec(r.text)![0];
  const code = /查询码<\/dt><dd><strong>([A-Z0-9]{8})/.exec(r.text)![1]!;
  // The same form posted twice (double click) is one application.
  const again = await server.request('POST', '/apply', form(fields));
  assert.ok(again.text.includes(number));
  // The receipt goes to the tracking page by POST: the 查询码 is in no link.
  assert.doesNotMatch(r.text, /href="[^"]*code=/);
  assert.match(r.text, /<form method="post" action="\/track">/);
  const t = await track(number, code);
  assert.equal(t.status, 200);
  assert.match(t.text, /已登记/);
  assert.match(t.text, /政府信息公开申请登记回执/);
  assert.doesNotMatch(t.text, /李娜|13900001111/);
  // The timeline: the day of receipt, and the due date ahead.
  assert.match(
    t.text,
    /<ol class="timeline"><li><time datetime="2026-03-02">2026年3月2日<\/time> <span>收到申请<\/span>/,
  );
  // Letters download within the session, by links without the code; without the session they are not found.
  const letter = /href="(\/track\/letters\/[0-9a-f-]{36}\/pdf)"/.exec(t.text)![1]!;
  const pdf = await server.request('GET', letter, { headers: { cookie: t.cookie } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal((await server.request('GET', letter)).status, 404);
  // A code in a URL is ignored: the page asks for it instead.
  const inUrl = await server.request('GET', `/track?number=${number}&code=${code}`);
  assert.doesNotMatch(inUrl.text, /已登记/);
  assert.match(inUrl.text, new RegExp(`name="number" value="${number}"`));
  const wrong = await server.request('POST', '/track', form({ number, code: 'ZZZZZZZZ' }));
  assert.equal(wrong.status, 404);
  assert.match(wrong.text, /申请编号或查询码不正确/);
  assert.equal(wrong.headers.get('set-cookie'), null);
  // 结束查询 ends the session.
  const end = await server.request('POST', '/track/end', {
    ...form({}),
    headers: { ...form({}).headers, cookie: t.cookie },
  });
  assert.match(end.headers.get('set-cookie') ?? '', /gk_track=;/);
});

/** POST /track, then the page it redirects to, with the session cookie. */
async function track(number: string, code: string) {
  const posted = await server.request('POST', '/track', form({ number, code }));
  assert.equal(posted.status, 303, posted.text);
  assert.equal(posted.headers.get('location'), '/track');
  const setCookie = posted.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /gk_track=[^;]+; .*HttpOnly/i);
  assert.match(setCookie, /SameSite=Strict/i);
  assert.match(setCookie, /Path=\/track/);
  assert.ok(!setCookie.includes(code), 'the code is sealed, not in clear');
  const cookie = setCookie.split(';')[0]!;
  const page = await server.request('GET', '/track', { headers: { cookie } });
  return { ...page, cookie };
}

test('errors come back on the form, in Chinese, with the values kept', async () => {
  const r = await server.request(
    'POST',
    '/apply',
    form({
      agency: agency.creditCode,
      'applicant.type': 'natural_person',
      'applicant.name': '王五',
      description: '短',
      form: 'paper',
    }),
  );
  assert.equal(r.status, 400);
  assert.match(r.text, /请填写身份证件号码/);
  assert.match(r.text, /至少5个字/);
  assert.match(r.text, /请至少填写一种联系方式/);
  assert.match(r.text, /value="王五"/);
});

test('the form names the field in each message: empty and over-long fields, in Chinese and in English', async () => {
  const fields = {
    agency: agency.creditCode,
    'applicant.type': 'natural_person',
    'applicant.idType': '其他',
    'applicant.idNumber': 'X1234',
    'applicant.email': 'li@example.cn',
    description: '请公开2025年食品抽检结果',
    form: 'email',
  };
  const zh = await server.request('POST', '/apply', form(fields));
  assert.equal(zh.status, 400);
  assert.match(zh.text, /请填写姓名或名称/);
  assert.doesNotMatch(zh.text, /无效输入|期望|实际接收/);
  const long = await server.request('POST', '/apply', form({ ...fields, 'applicant.name': '王'.repeat(101) }));
  assert.match(long.text, /姓名或名称不超过100字/);
  assert.doesNotMatch(long.text, /数值过大/);
  const en = await server.request('POST', '/apply?lang=en', form(fields));
  assert.equal(en.status, 400);
  assert.match(en.text, /Please enter the name/);
  const enLong = await server.request(
    'POST',
    '/apply?lang=en',
    form({ ...fields, 'applicant.name': '王'.repeat(101) }),
  );
  assert.match(enLong.text, /The name must be at most 100 characters/);
  const enEmail = await server.request('POST', '/apply?lang=en', form({ ...fields, 'applicant.email': 'x' }));
  assert.match(enEmail.text, /The email address is not valid/);
});

test('条例第二十九条: without proof of identity and contact details the form is refused, every field named at once', async () => {
  const typed = {
    agency: agency.creditCode,
    'applicant.type': 'natural_person',
    'applicant.name': '',
    'applicant.postcode': '733000',
    description: '请公开凉州区2025年农贸市场快检结果',
    form: 'email',
    delivery: '电子邮件',
  };
  const r = await server.request('POST', '/apply', form(typed));
  assert.equal(r.status, 400);
  const summary = /<div class="alert error-summary"[\s\S]*?<\/div>/.exec(r.text)![0];
  // Each message of the summary is a link to its field, and the field carries the same message.
  for (const [id, message] of [
    ['f-applicant-name', '请填写姓名或名称'],
    ['f-applicant-idType', '请选择身份证件类型'],
    ['f-applicant-idNumber', '请填写身份证件号码'],
    ['f-applicant-phone', '请至少填写一种联系方式'],
    ['f-consent', '请阅读个人信息保护说明并勾选同意'],
  ] as const) {
    assert.match(summary, new RegExp(`<a href="#${id}">${message}`), id);
    assert.match(r.text, new RegExp(`id="${id}"[^>]*aria-invalid="true"`), id);
    assert.match(r.text, new RegExp(`<p class="error" id="${id}-err">${message}`), id);
  }
  // What was typed is kept (text, textarea, selects); nothing was stored.
  assert.match(r.text, /name="applicant.postcode" type="text" value="733000"/);
  assert.match(r.text, /请公开凉州区2025年农贸市场快检结果<\/textarea>/);
  assert.match(r.text, /<option value="email" selected>/);
  assert.match(r.text, new RegExp(`<option value="${agency.creditCode}" selected>`));
  const count = await database.pool.query('select count(*)::int as n from applications');
  const before = count.rows[0].n as number;

  const en = await server.request('POST', '/apply?lang=en', form({ ...typed, consent: '1' }));
  assert.equal(en.status, 400);
  assert.match(en.text, /<a href="#f-applicant-idNumber">Please enter the ID number/);
  assert.match(en.text, /<a href="#f-applicant-phone">/);
  assert.doesNotMatch(en.text, /href="#f-consent"/);
  assert.match(en.text, /name="consent" value="1" checked/);

  // An organisation is asked for its credit code instead; with every part given, the application is made.
  const org = await server.request(
    'POST',
    '/apply',
    form({ ...typed, 'applicant.type': 'commercial', 'applicant.name': '凉州区某商贸有限公司', consent: '1' }),
  );
  assert.match(org.text, /<a href="#f-applicant-creditCode">请填写统一社会信用代码/);
  assert.doesNotMatch(org.text, /请选择身份证件类型/);
  const again = await database.pool.query('select count(*)::int as n from applications');
  assert.equal(again.rows[0].n, before, 'nothing stored');
  const made = await server.request(
    'POST',
    '/apply',
    form({
      ...typed,
      'applicant.name': '张伟',
      'applicant.idType': '居民身份证',
      'applicant.idNumber': PERSON_ID,
      'applicant.email': 'zhang@example.cn',
      consent: '1',
    }),
  );
  assert.equal(made.status, 201, made.text);
});

test('the rating form has no score chosen in advance; a rating without a score is refused', async () => {
  const html = ratingForm(zhT, '/x').value;
  assert.equal((html.match(/type="radio"/g) ?? []).length, 5);
  assert.doesNotMatch(html, /checked/);
  const none = await server.request('POST', `/items/${randomUUID()}/rate`, form({ comment: '很好' }));
  assert.equal(none.status, 400);
  assert.match(none.text, /请选择评分/);
});
