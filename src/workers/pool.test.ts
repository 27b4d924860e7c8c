import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { threadId } from 'node:worker_threads';
import { unzipSync, zipSync } from 'fflate';
import { UnreadableFileError } from '../documents/errors.ts';
import { writeXlsxTable } from '../documents/spreadsheet.ts';
import { AppError } from '../domain/errors.ts';
import { DEFAULT_POOL, type PoolOptions, transferable, WorkerPool } from './pool.ts';

const pools: WorkerPool[] = [];
const pool = (o: Partial<PoolOptions> = {}) => {
  const p = new WorkerPool({ ...DEFAULT_POOL, ...o });
  pools.push(p);
  return p;
};
after(() => Promise.all(pools.map((p) => p.close())));

const html = (s: string) => ({ ext: '.html', data: new TextEncoder().encode(s) });
/** An HTML report page of `rows` table rows: seconds of parsing at a few hundred thousand rows. */
const bigPage = (rows: number) =>
  html(`<table>${'<tr><td>（一）予以公开</td><td>12</td><td>3</td><td>0</td></tr>'.repeat(rows)}</table>`);
const long = { timeoutMs: 60_000 };

test('jobs run in worker threads, in order, while the event loop stays free', async () => {
  const p = pool();
  const out = await Promise.all(
    Array.from({ length: 6 }, (_, i) => p.run('report-text', html(`<p>第${i}段</p>`), long)),
  );
  assert.deepEqual(
    out,
    Array.from({ length: 6 }, (_, i) => `第${i}段`),
  );
  assert.ok(p.threads.length > 0 && p.threads.every((t) => t !== threadId));
  // Seconds of parsing in the worker; the loop here ticks every 10 ms throughout. Had the job run on this
  // thread, the longest gap would be the whole job; a busy machine makes gaps too, but far shorter.
  let last = performance.now();
  let gap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const text = await p.run('report-text', bigPage(300_000), long);
  const took = performance.now() - started;
  clearInterval(tick);
  gap = Math.max(gap, performance.now() - last); // a stall that lasted to the end, too
  assert.equal(text.split('\n').length, 300_000);
  assert.ok(took > 400, `the job (${Math.round(took)} ms) is heavy enough to show a blocked loop`);
  assert.ok(gap < took / 3, `the event loop stalled ${Math.round(gap)} ms of the job's ${Math.round(took)} ms`);
});

test('errors cross back as what they were: AppError (400) and UnreadableFileError, in Chinese', async () => {
  const p = pool({ size: 1 });
  const junk = transferable(new TextEncoder().encode('不是工作簿'));
  await assert.rejects(
    p.run('xlsx-table', junk.bytes, { ...long, transfer: junk.transfer }),
    (e) => e instanceof AppError && e.status === 400 && /不是有效的 Excel/.test(e.message),
  );
  assert.equal(junk.bytes.byteLength, 0, 'the bytes were moved to the worker, not copied');
  await assert.rejects(
    p.run('report-text', html('<div>'.repeat(100_000)), long),
    (e) => e instanceof UnreadableFileError && /嵌套层级过深/.test(e.message),
  );
});

test('a job past its time limit is ended with its worker, answered in Chinese; a new worker takes the next', async () => {
  const p = pool({ size: 1 });
  await p.run('report-text', html('<p>预热</p>'), long);
  const [first] = p.threads;
  await assert.rejects(
    p.run('report-text', bigPage(400_000), { timeoutMs: 200 }),
    (e) =>
      e instanceof AppError &&
      e.status === 400 &&
      e.message === '文件处理超时（超过 200 毫秒），已中止，请检查文件后重试',
  );
  assert.equal(await p.run('report-text', html('<p>之后</p>'), long), '之后');
  assert.notEqual(p.threads[0], first, 'the worker was replaced');
});

/** A workbook of `cells` numbers: ~20 bytes of XML and a few hundred bytes of ExcelJS objects each. */
async function manyCells(cells: number): Promise<Uint8Array> {
  const files = unzipSync(await writeXlsxTable('表', [['1']]));
  const row = (r: number) =>
    `<row r="${r}">${[...'ABCDEFGHIJ'].map((c) => `<c r="${c}${r}"><v>7</v></c>`).join('')}</row>`;
  const rows = Array.from({ length: cells / 10 }, (_, i) => row(i + 1)).join('');
  const sheet = files['xl/worksheets/sheet1.xml']!;
  const xml = new TextDecoder()
    .decode(sheet)
    .replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`);
  files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(xml);
  return zipSync(files);
}

test('a job past the memory limit is ended with its worker, answered in Chinese; a new worker takes the next', async () => {
  const p = pool({ size: 1, maxOldGenerationMb: 96, maxYoungGenerationMb: 16 });
  const ok = await manyCells(1000);
  assert.equal((await p.run('xlsx-table', ok, long)).length, 100, 'a small workbook fits');
  await assert.rejects(
    p.run('xlsx-table', await manyCells(600_000), long),
    (e) => e instanceof AppError && e.status === 400 && /文件处理所需内存超过上限（96 MB）/.test(e.message),
  );
  assert.equal((await p.run('xlsx-table', ok, long)).length, 100);
});

test('jobs beyond the queue are refused (429), not held', async () => {
  const p = pool({ size: 1, maxQueue: 1 });
  const running = p.run('report-text', bigPage(20_000), long);
  const queued = p.run('report-text', html('<p>排队</p>'), long);
  await assert.rejects(
    p.run('report-text', html('<p>多余</p>'), long),
    (e) => e instanceof AppError && e.status === 429 && /任务过多/.test(e.message),
  );
  assert.equal((await running).split('\n').length, 20_000);
  assert.equal(await queued, '排队');
});
