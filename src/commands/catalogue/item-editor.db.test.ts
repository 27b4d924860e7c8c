import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { officeDocx, solidPng } from '../../../test/helpers/word.ts';
import { attachmentPath } from './attachments.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const t = { operator: '', reviewer: '' };
const dataDir = () => (database as { dataDir?: string }).dataDir ?? '/tmp';

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(database, now);
  t.operator = await server.apiToken(agency.users.operator.username);
  t.reviewer = await server.apiToken(agency.users.reviewer.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const BODY = '<p>原有正文</p>';
const create = async () => {
  const r = await server.request('POST', '/api/v1/catalogue/items', {
    token: t.operator,
    body: { title: '关于开展食品安全抽检工作的通知', genre: 'notice', bodyHtml: BODY },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
};
const octets = { 'content-type': 'application/octet-stream' };
const upload = (id: string, name: string, data: Buffer) =>
  server.request('POST', `/api/v1/catalogue/items/${id}/attachments?filename=${encodeURIComponent(name)}`, {
    token: t.operator,
    body: data,
    headers: octets,
  });
const detail = async (id: string) =>
  (await server.request('GET', `/api/v1/catalogue/items/${id}`, { token: t.operator })).body;
const wordImport = (id: string, data: Buffer | string, name = '抽检通知.docx') =>
  server.request('POST', `/api/v1/catalogue/items/${id}/word-import?filename=${encodeURIComponent(name)}`, {
    token: t.operator,
    body: data,
    headers: octets,
  });
const events = (id: string, action: string) =>
  database.pool
    .query('select actor_name, before, after from audit_events where entity_id = $1 and action = $2', [id, action])
    .then((r) => r.rows);

describe('attachments in the item editor', () => {
  test('listed with the uploader’s name (not the login) and time; the download is the same bytes, named in Chinese', async () => {
    const id = await create();
    const png = solidPng(16);
    const up = await upload(id, '抽检流程图.png', png);
    assert.equal(up.status, 201, up.text);
    const [a] = (await detail(id)).attachments;
    assert.equal(a.filename, '抽检流程图.png');
    assert.equal(a.mime, 'image/png');
    assert.equal(a.size, png.length);
    assert.equal(a.uploadedBy, '凉州区市场监督管理局operator');
    assert.notEqual(a.uploadedBy, agency.users.operator.username);
    assert.equal(a.uploadedAt, '2026-03-02T02:00:00.000Z');

    const res = await fetch(`${server.url}/api/v1/catalogue/items/${id}/attachments/${a.id}`, {
      headers: { authorization: `Bearer ${t.operator}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename*=UTF-8''${encodeURIComponent('抽检流程图.png')}`,
    );
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);
    // Not the public's while a draft, and no other item's attachment by this item's address.
    assert.equal((await server.request('GET', `/items/${id}/attachments/${a.id}`)).status, 404);
    const other = await create();
    const cross = await server.request('GET', `/api/v1/catalogue/items/${other}/attachments/${a.id}`, {
      token: t.operator,
    });
    assert.equal(cross.status, 404);
  });

  test('removed while a draft: the row, the file, and an audit event', async () => {
    const id = await create();
    const a = (await upload(id, '附件.pdf', Buffer.from('%PDF-1.4\n%测试\n'))).body;
    const file = attachmentPath(dataDir(), id, a.id);
    assert.ok(existsSync(file));
    const r = await server.request('DELETE', `/api/v1/catalogue/items/${id}/attachments/${a.id}`, {
      token: t.operator,
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual((await detail(id)).attachments, []);
    assert.ok(!existsSync(file));
    const [e] = await events(id, 'catalogue.attachment_removed');
    assert.equal(e.actor_name, agency.users.operator.username);
    assert.equal(e.before.filename, '附件.pdf');
    assert.equal(e.before.attachmentId, a.id);
    const again = await server.request('DELETE', `/api/v1/catalogue/items/${id}/attachments/${a.id}`, {
      token: t.operator,
    });
    assert.equal(again.status, 404);
    const reviewer = await server.request('DELETE', `/api/v1/catalogue/items/${id}/attachments/${a.id}`, {
      token: t.reviewer,
    });
    assert.equal(reviewer.status, 403, 'a reviewer sees the item but does not edit it');
  });

  test('once submitted to 保密审查 an attachment can no longer be removed (409, in Chinese) nor added', async () => {
    const id = await create();
    const a = (await upload(id, '附件.pdf', Buffer.from('%PDF-1.4\n'))).body;
    assert.equal(
      (await server.request('POST', `/api/v1/catalogue/items/${id}/submit`, { token: t.operator, body: {} })).status,
      200,
    );
    const r = await server.request('DELETE', `/api/v1/catalogue/items/${id}/attachments/${a.id}`, {
      token: t.operator,
    });
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /已提交保密审查或已发布，附件不能再删除/);
    assert.equal((await detail(id)).attachments.length, 1);
    assert.ok(existsSync(attachmentPath(dataDir(), id, a.id)));
    assert.equal((await events(id, 'catalogue.attachment_removed')).length, 0);
    assert.equal((await upload(id, 'b.pdf', Buffer.from('%PDF-1.4\n'))).status, 409);
    assert.equal((await wordImport(id, await officeDocx())).status, 409);
  });
});

describe('从Word导入', () => {
  test('a .docx becomes clean HTML (headings, list, table, bold) for the editor; its image an attachment linked from it', async () => {
    const id = await create();
    const png = solidPng(12, [20, 120, 200]);
    const r = await wordImport(id, await officeDocx(png));
    assert.equal(r.status, 200, r.text);
    const html: string = r.body.bodyHtml;
    assert.match(html, /<h2>关于开展食品安全抽检工作的通知<\/h2>/);
    assert.match(html, /<h3>一、抽检范围<\/h3>/);
    assert.match(html, /<ul><li>肉制品<\/li><li>乳制品<\/li><\/ul>/);
    assert.match(html, /<table>.*<td><p>品类<\/p><\/td>.*<\/table>/);
    assert.match(html, /<strong>现通知如下<\/strong>/);
    assert.deepEqual(r.body.warnings, []);
    const [img] = r.body.attachments;
    assert.equal(img.filename, '抽检通知-图1.png');
    assert.equal(img.mime, 'image/png');
    assert.ok(
      html.includes(`<a href="/items/${id}/attachments/${img.id}" rel="noopener noreferrer">〔图片1：抽检流程图〕</a>`),
      html,
    );
    assert.doesNotMatch(html, /<img|gk-image|style=/);
    // The body is the officer's to check and save: nothing was saved into it.
    const item = await detail(id);
    assert.equal(item.body_html, BODY);
    assert.equal(item.attachments.length, 1);
    assert.equal(item.attachments[0].uploadedBy, '凉州区市场监督管理局operator');
    const res = await fetch(`${server.url}/api/v1/catalogue/items/${id}/attachments/${img.id}`, {
      headers: { authorization: `Bearer ${t.operator}` },
    });
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);
    const [e] = await events(id, 'catalogue.word_imported');
    assert.equal(e.after.images, 1);
    // Saved as it came, the body stays what the editor was given (the save sanitises the same way).
    const saved = await server.request('PATCH', `/api/v1/catalogue/items/${id}`, {
      token: t.operator,
      body: { title: '关于开展食品安全抽检工作的通知', bodyHtml: html },
    });
    assert.equal(saved.status, 200, saved.text);
    assert.equal((await detail(id)).body_html, html);
  });

  test('not a .docx, an old .doc, a broken or hostile archive: 400 in Chinese, nothing changed', async () => {
    const id = await create();
    const docx = await officeDocx();
    const noBody = Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>') }));
    const cases: [string, Buffer | string, RegExp][] = [
      ['text', '这不是文档', /不是 Word 文档（\.docx）/],
      ['empty', Buffer.alloc(0), /文件为空/],
      ['.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /旧版 Word 文档（\.doc）/],
      ['truncated', docx.subarray(0, Math.floor(docx.length / 2)), /不是有效的 Word 文档（\.docx）/],
      ['no document.xml', noBody, /缺少正文/],
      ['an image', solidPng(), /不是 Word 文档/],
    ];
    for (const [what, data, message] of cases) {
      const r = await wordImport(id, data);
      assert.equal(r.status, 400, `${what}: ${r.text}`);
      assert.match(r.body.error.message, message, what);
    }
    const item = await detail(id);
    assert.equal(item.body_html, BODY);
    assert.deepEqual(item.attachments, []);
    assert.equal((await events(id, 'catalogue.word_imported')).length, 0);
  });

  test('a zip bomb dressed as .docx is refused by the guard before mammoth opens it', async () => {
    const id = await create();
    const { entry, writeZip, zerosDeflated } = await import('../../../test/helpers/zip-bomb.ts');
    const bomb = writeZip([
      entry('[Content_Types].xml', new TextEncoder().encode('<Types/>')),
      { name: 'word/document.xml', method: 8, stored: zerosDeflated(300 * 1024 * 1024), crc: 0, claimedSize: 1000 },
    ]);
    const r = await wordImport(id, bomb);
    assert.equal(r.status, 400, r.text);
    assert.match(r.body.error.message, /压缩炸弹|解压后过大/);
  });
});
