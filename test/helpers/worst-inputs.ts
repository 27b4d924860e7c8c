import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { writeXlsxTable, XLSX_MIME } from '../../src/documents/spreadsheet.ts';
import { IMPORT_COLUMNS } from '../../src/domain/catalogue/index.ts';
import { toCsv } from '../../src/domain/csv.ts';
import type { TestAgency } from './factory.ts';
import type { TestServer } from './server.ts';
import { bombOf } from './zip-bomb.ts';

// Issue #23 items 7 and 8: the worst inputs a client can post (nested HTML, zip bombs, nested HTML inside an
// import), shared by the test that each is refused in Chinese and the bench that times /healthz meanwhile.

export interface Post {
  what: string;
  method: string;
  path: string;
  token: string;
  type?: string;
  body: Buffer;
  message: RegExp;
  /** The rows an import refused (the error body's `rows`). */
  rows?: unknown;
}

export interface Tokens {
  operator: string;
  approver: string;
  admin: string;
}

const nestedDivs = (depth: number) => `${'<div>'.repeat(depth)}正文${'</div>'.repeat(depth)}`;
const item = (bodyHtml: string) => ({ title: '关于开展食品安全抽检工作的通知', genre: 'notice', bodyHtml });

/**
 * Creates one item (the target of the edit) and warms the import path, then builds the posts: each with the
 * Chinese message it must be refused with.
 */
export async function worstInputs(server: TestServer, agency: TestAgency, tk: Tokens) {
  const row = (n: number, body: string) => [
    `${agency.creditCode}/2019-${String(n).padStart(5, '0')}`,
    `凉州区2019年食品安全工作要点（第${n}号）`,
    `凉市监发〔2019〕${n}号`,
    '2019-03-01',
    '2019-03-05',
    '食品药品',
    '通知',
    '20.13',
    '现行有效',
    '食品',
    body,
  ];
  const table = (body: string) => [[...IMPORT_COLUMNS], row(1, body)];
  const nested = nestedDivs(180_000); // ~2 MB: 61 s of sanitize-html before
  assert.ok(nested.length > 1_900_000);
  const created = await server.request('POST', '/api/v1/catalogue/items', {
    token: tk.operator,
    body: item('<p>正文</p>'),
  });
  assert.equal(created.status, 201, created.text);
  const workbook = await writeXlsxTable('目录', table('<p>正文</p>'));
  const xlsxBomb = bombOf(workbook, 'xl/worksheets/sheet1.xml', 1.1 * 1024 * 1024 * 1024); // 1.1 GB claiming 1 KB
  // Numbered elements, so that the workbook compresses like text (plain repeated <div> is refused as a bomb).
  const numbered = Array.from({ length: 80_000 }, (_, i) => `<div id="d${i.toString(36)}">`).join('');
  const nestedXlsx = await writeXlsxTable('目录', table(`${numbered}正文${'</div>'.repeat(80_000)}`));
  const nestedCsv = Buffer.from(toCsv(table(nested)));
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const nestedItem = json(item(nested));
  const nestedPage = json({ bodyHtml: nestedDivs(36_000) });
  const importPath = `/api/v1/catalogue/import?agencyId=${agency.id}`;
  // Warm: the worker pool started and the routes compiled, so what is measured is the inputs.
  const warm = await server.request('POST', importPath, {
    token: tk.approver,
    body: workbook,
    headers: { 'content-type': XLSX_MIME },
  });
  assert.equal(warm.status, 200, warm.text);
  assert.equal((await server.request('GET', '/healthz')).status, 200);

  // A refused import names the row and the column; an item or a page the field.
  const rowError = [{ row: 2, column: '正文', message: '正文嵌套层级过深（超过 200 层），请简化格式后重试' }];
  const importRefused = /^导入未执行：共 1 处错误/;
  const worst: Post[] = [
    {
      what: 'item body: 2 MB of nested <div>',
      method: 'POST',
      path: '/api/v1/catalogue/items',
      token: tk.operator,
      body: nestedItem,
      message: /^正文嵌套层级过深（超过 200 层），请简化格式后重试$/,
    },
    {
      what: 'item edit: 2 MB of nested <div>',
      method: 'PATCH',
      path: `/api/v1/catalogue/items/${created.body.id}`,
      token: tk.operator,
      body: nestedItem,
      message: /^正文嵌套层级过深/,
    },
    {
      what: 'XLSX import: a zip bomb with lying headers',
      method: 'POST',
      path: importPath,
      token: tk.approver,
      type: XLSX_MIME,
      body: xlsxBomb,
      message: /压缩比异常|解压后过大/,
    },
    {
      what: 'XLSX import: a 1.3 MB nested-HTML body',
      method: 'POST',
      path: importPath,
      token: tk.approver,
      type: XLSX_MIME,
      body: nestedXlsx,
      message: importRefused,
      rows: rowError,
    },
    {
      what: 'CSV import: a 2 MB nested-HTML body',
      method: 'POST',
      path: importPath,
      token: tk.approver,
      type: 'text/csv',
      body: nestedCsv,
      message: importRefused,
      rows: rowError,
    },
    {
      what: 'agency page: 400 kB of nested <div>',
      method: 'PUT',
      path: `/api/v1/agencies/${agency.id}/pages/guide`,
      token: tk.admin,
      body: nestedPage,
      message: /^正文嵌套层级过深/,
    },
  ];
  return { created, worst };
}

/**
 * The posts, sent together from another thread when `go` is called: a real client is another machine, and
 * one sharing the server's thread would put its own work (10 MB of request bodies) into what is measured.
 */
export async function clientThread(url: string, posts: Post[]) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    parentPort.once('message', async () => {
      const out = await Promise.all(workerData.map(async (p) => {
        const headers = { authorization: 'Bearer ' + p.token, 'content-type': p.type ?? 'application/json' };
        const r = await fetch(p.url, { method: p.method, headers, body: p.body });
        return { status: r.status, text: await r.text() };
      }));
      parentPort.postMessage(out);
    });
    parentPort.postMessage('ready');`,
    {
      eval: true,
      workerData: posts.map((p) => ({
        url: url + p.path,
        method: p.method,
        token: p.token,
        type: p.type,
        body: p.body,
      })),
    },
  );
  await once(worker, 'message');
  return {
    async go(): Promise<{ status: number; text: string }[]> {
      worker.postMessage('go');
      const [out] = await once(worker, 'message');
      await worker.terminate();
      return out;
    },
  };
}

/**
 * Polls /healthz every 50 ms while `work` runs; each poll timed from when it was due, so a stall that delays
 * the timer counts as well as a slow answer. Every answer must be 200.
 */
export async function pollHealthz<T>(server: TestServer, work: Promise<T>) {
  const latencies: number[] = [];
  let running = true;
  const poll = (async () => {
    let due = performance.now();
    while (running) {
      const h = await server.request('GET', '/healthz');
      latencies.push(performance.now() - due);
      assert.equal(h.status, 200);
      due = performance.now() + 50;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work;
  running = false;
  await poll;
  return { result, latencies, max: Math.max(...latencies) };
}
