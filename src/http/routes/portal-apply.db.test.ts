import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PERSON_ID } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

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
  };
  const r = await server.request('POST', '/apply', form(fields));
  assert.equal(r.status, 201, r.text);
  const number = /GK2026-\d{6}/.exec(r.text)![0];
  const code = /查询码<\/dt><dd><strong>([A-Z0-9]{8})/.exec(r.text)![1]!;
  // The same form posted twice (double click) is one application.
  const again = await server.request('POST', '/apply', form(fields));
  assert.ok(again.text.includes(number));
  const t = await server.request('GET', `/track?number=${number}&code=${code}`);
  assert.equal(t.status, 200);
  assert.match(t.text, /已登记/);
  assert.match(t.text, /政府信息公开申请登记回执/);
  assert.doesNotMatch(t.text, /李娜|13900001111/);
  const wrong = await server.request('GET', `/track?number=${number}&code=ZZZZZZZZ`);
  assert.equal(wrong.status, 404);
  assert.match(wrong.text, /申请编号或查询码不正确/);
});

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
