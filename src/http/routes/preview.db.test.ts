import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let token: string;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局（测试）' });
  server = await startTestServer(database, now);
  token = await server.apiToken(agency.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
});

/** The Content-Disposition of a file answer: how (inline | attachment) and the file name it offers. */
async function disposition(path: string) {
  const r = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, path);
  const [how, name] = (r.headers.get('content-disposition') ?? '').split("; filename*=UTF-8''");
  return { how, name: decodeURIComponent(name ?? ''), type: r.headers.get('content-type') };
}

test('a letter PDF previews in the browser with ?inline=1; without it, and as Word, it downloads', async () => {
  const a = await server.request('POST', '/api/v1/applications', { body: personApplication(agency.creditCode) });
  const tn = a.body.trackingNumber;
  const c = await server.request('GET', `/api/v1/cases/${tn}`, { token });
  const letter = c.body.letters[0];
  const base = `/api/v1/cases/${tn}/letters/${letter.id}`;
  const preview = await disposition(`${base}/pdf?inline=1`);
  assert.equal(preview.how, 'inline');
  assert.equal(preview.type, 'application/pdf');
  assert.equal(preview.name, `${letter.title}-${letter.issuedDate}.pdf`);
  assert.equal((await disposition(`${base}/pdf`)).how, 'attachment');
  assert.equal((await disposition(`${base}/pdf?inline=0`)).how, 'attachment');
  assert.equal((await disposition(`${base}/docx?inline=1`)).how, 'attachment', 'a browser cannot show Word');
  const bad = await server.request('GET', `${base}/pdf?inline=yes`, { token });
  assert.equal(bad.status, 400);
});

test('a report previews as PDF or HTML with ?inline=1; DOCX and XLSX always download', async () => {
  const base = `/api/v1/reports/${agency.id}/2026`;
  for (const f of ['pdf', 'html'] as const) {
    const preview = await disposition(`${base}?format=${f}&inline=1`);
    assert.equal(preview.how, 'inline', f);
    assert.match(preview.name, new RegExp(`年度报告\\.${f}$`));
    assert.equal((await disposition(`${base}?format=${f}`)).how, 'attachment', f);
  }
  for (const f of ['docx', 'xlsx'] as const)
    assert.equal((await disposition(`${base}?format=${f}&inline=1`)).how, 'attachment');
});
