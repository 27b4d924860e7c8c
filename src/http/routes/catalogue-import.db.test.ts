import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { XLSX_MIME } from '../../documents/spreadsheet.ts';
import { IMPORT_COLUMNS } from '../../domain/catalogue/index.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let token = '';
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const HEADER = [...IMPORT_COLUMNS];

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
  token = await server.apiToken(agency.users.approver.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const count = async () =>
  Number(
    (await database.pool.query('select count(*)::int n from catalogue_items where agency_id = $1', [agency.id])).rows[0]
      .n,
  );
const row = (n: number, published = '2019-03-05') => [
  `${agency.creditCode}/2019-${String(n).padStart(5, '0')}`,
  `凉州区2019年食品安全工作要点（第${n}号）`,
  `凉市监发〔2019〕${n}号`,
  new Date('2019-03-01T00:00:00Z'),
  published,
  '食品药品',
  '通知',
  '20.13',
  '现行有效',
  '食品',
  '<p>正文</p>',
];
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (body: Buffer, query = '') =>
  server.request('POST', `/api/v1/catalogue/import?agencyId=${agency.id}${query}`, {
    token,
    body,
    headers: { 'content-type': XLSX_MIME },
  });

test('XLSX import: dates typed as Excel dates are read as dates; one bad row rolls back every row', async () => {
  const before = await count();
  const bad = await upload(await workbook([row(1), row(2, '2019-13-01'), row(3)]));
  assert.equal(bad.status, 400, bad.text);
  assert.deepEqual(bad.body.error.rows, [
    { row: 3, column: '发布日期', message: '发布日期“2019-13-01”无效，应为 YYYY-MM-DD' },
  ]);
  assert.equal(await count(), before);
  const ok = await upload(await workbook([row(1), row(2), row(3)]));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.imported, 3);
  const written = await database.pool.query(
    'select written_date from catalogue_items where agency_id = $1 and index_no like $2',
    [agency.id, '%2019-00001'],
  );
  assert.equal(String(written.rows[0].written_date).slice(0, 10), '2019-03-01');
});

test('the catalogue exports as XLSX in the import columns, and the file imports back unchanged', async () => {
  const r = await fetch(`${server.url}/api/v1/catalogue/export.xlsx?agencyId=${agency.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), XLSX_MIME);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await r.arrayBuffer());
  const ws = wb.worksheets[0]!;
  assert.equal(ws.name, '信息公开目录');
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), HEADER);
  assert.equal(ws.rowCount - 1, await count());
  // Moving the file to another agency: only the 索引号 prefix changes.
  const other = await makeAgency(systemCtx(database, now), { name: '另一机关' });
  ws.eachRow((rw, n) => {
    if (n > 1)
      rw.getCell(1).value = String(rw.getCell(1).value).replace(`${agency.creditCode}/`, `${other.creditCode}/`);
  });
  const back = await server.request('POST', `/api/v1/catalogue/import?agencyId=${other.id}`, {
    token: await server.apiToken(other.users.approver.username),
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    headers: { 'content-type': XLSX_MIME },
  });
  assert.equal(back.status, 200, back.text);
  assert.equal(back.body.imported, ws.rowCount - 1);
});

test('a background import reports its progress, then the count; a failed one its per-row errors', async () => {
  const rows = Array.from({ length: 450 }, (_, i) => row(100 + i, '2019-04-01'));
  const start = await upload(await workbook(rows), '&async=1');
  assert.equal(start.status, 202, start.text);
  const seen: number[] = [];
  let status: { state: string; percent: number; result: { imported?: number } };
  for (;;) {
    const r = await server.request('GET', `/api/v1/catalogue/import/${start.body.jobId}`, { token });
    assert.equal(r.status, 200, r.text);
    status = r.body;
    seen.push(status.percent);
    if (status.state !== 'running') break;
    await new Promise((res) => setTimeout(res, 20));
  }
  assert.equal(status.state, 'done');
  assert.equal(status.result.imported, 450);
  assert.equal(seen.at(-1), 100);
  assert.deepEqual(
    seen,
    [...seen].sort((a, b) => a - b),
    'the bar never goes back',
  );
  const failed = await upload(await workbook([row(900), ['', '无索引号的信息', '', '', '2019-05-01']]), '&async=1');
  let end: { state: string; result: { details: { errors: unknown[] } } };
  do {
    await new Promise((res) => setTimeout(res, 20));
    end = (await server.request('GET', `/api/v1/catalogue/import/${failed.body.jobId}`, { token })).body;
  } while (end.state === 'running');
  assert.equal(end.state, 'failed');
  assert.deepEqual(end.result.details.errors, [{ row: 3, column: '索引号', message: '索引号不能为空' }]);
  // Another agency's staff cannot see the job.
  const other = await makeAgency(systemCtx(database, now), { name: '第三机关' });
  const foreign = await server.request('GET', `/api/v1/catalogue/import/${failed.body.jobId}`, {
    token: await server.apiToken(other.users.operator.username),
  });
  assert.equal(foreign.status, 404);
});

test('what is not a workbook, or expands like a zip bomb, is refused in Chinese and writes nothing', async () => {
  const before = await count();
  const junk = await upload(Buffer.from('这不是一个 Excel 文件'));
  assert.equal(junk.status, 400);
  assert.match(junk.body.error.message, /不是有效的 Excel/);
  // A bomb's directory declares what it would expand to: 4 GB here (the entry's size field in the central directory).
  const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1024) }));
  bomb.writeUInt32LE(0xfffffff0, bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  const big = await upload(bomb);
  assert.equal(big.status, 400);
  assert.match(big.body.error.message, /解压后过大/);
  assert.equal(await count(), before);
});
