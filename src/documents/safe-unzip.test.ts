import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { bombOf, entry, writeZip, zerosDeflated } from '../../test/helpers/zip-bomb.ts';
import { AppError } from '../domain/errors.ts';
import { bytesToText, UnreadableFileError } from './read-report.ts';
import { RATIO_FLOOR, safeUnzip, type UnzipLimits, ZipRefusedError } from './safe-unzip.ts';
import { readXlsxTable, writeXlsxTable, XLSX_LIMITS } from './spreadsheet.ts';

const GB = 1024 * 1024 * 1024;
const limits: UnzipLimits = { maxEntries: 10, maxEntryBytes: 8 << 20, maxTotalBytes: 12 << 20, maxRatio: 200 };
const refused = (reason: ZipRefusedError['reason'], message: RegExp) => (err: unknown) =>
  err instanceof ZipRefusedError && err.reason === reason && message.test(err.message);
const text = (s: string) => new TextEncoder().encode(s);

test('safeUnzip expands what fflate and ExcelJS write, entry by entry, and only the entries asked for', async () => {
  const files = { 'a.txt': text('甲'.repeat(1000)), 'dir/b.xml': text('<b/>'), 'c.bin': new Uint8Array([1, 2, 3]) };
  assert.deepEqual(safeUnzip(zipSync(files, { level: 9 }), limits), files);
  assert.deepEqual(
    safeUnzip(zipSync(files, { level: 0 }), limits, (n) => n === 'c.bin'),
    { 'c.bin': files['c.bin'] },
  );
  const xlsx = safeUnzip(await writeXlsxTable('目录', [['索引号'], ['1']]), XLSX_LIMITS);
  assert.ok(xlsx['xl/workbook.xml'] && xlsx['[Content_Types].xml']);
});

test('safeUnzip counts real bytes: headers that claim 1 KB let no more than the caps through', () => {
  // Within the ratio (random-ish text compresses ~3×) but past the entry cap: refused by the count, not the header.
  const big = new Uint8Array(9 << 20).map((_, i) => (i * 2654435761) >>> 24);
  const lying = writeZip([{ ...entry('big.bin', big), claimedSize: 1024 }]);
  assert.throws(() => safeUnzip(lying, limits), refused('size', /解压后过大（超过 8 MB）/));
  // Two entries each within the entry cap, together past the total.
  const half = big.subarray(0, 7 << 20);
  assert.throws(
    () => safeUnzip(writeZip([entry('a', half), { ...entry('b', half), claimedSize: 10 }]), limits),
    refused('size', /超过 12 MB/),
  );
  // Zeros whose headers claim 1 KB: the ratio stops them after about a megabyte, long before the cap.
  const zeros = writeZip([{ name: 'z', method: 8, stored: zerosDeflated(40 << 20), crc: 0, claimedSize: 1024 }]);
  assert.throws(() => safeUnzip(zeros, { ...limits, maxEntryBytes: 100 << 20 }), refused('ratio', /压缩比异常/));
  // Small, highly compressible entries (styles, empty sheets) are not a bomb: the ratio counts past RATIO_FLOOR.
  const styles = new Uint8Array(RATIO_FLOOR - 1);
  assert.equal(safeUnzip(writeZip([entry('styles.xml', styles)]), limits)['styles.xml']!.length, styles.length);
});

test('safeUnzip refuses declared sizes past the caps, too many entries, and what is not an archive', () => {
  const declared = writeZip([{ ...entry('x', text('x')), claimedSize: 0xfffffff0 }]);
  assert.throws(() => safeUnzip(declared, limits), refused('size', /解压后过大/));
  const many = writeZip(Array.from({ length: 11 }, (_, i) => entry(`f${i}`, text('x'))));
  assert.throws(() => safeUnzip(many, limits), refused('entries', /文件过多（超过 10 个）/));
  assert.throws(() => safeUnzip(text('这不是压缩包'), limits), refused('corrupt', /不是有效的压缩包/));
  const whole = entry('t', text('一二三'.repeat(5000)));
  const truncated = writeZip([{ ...whole, stored: whole.stored.subarray(0, whole.stored.length >> 1) }]);
  assert.throws(() => safeUnzip(truncated, limits), refused('corrupt', /已损坏/));
  const other = writeZip([{ ...entry('m', text('x')), method: 12 as 8 }]);
  assert.throws(() => safeUnzip(other, limits), refused('unsupported', /压缩方法 12/));
});

test('a zip bomb with lying headers (1.1 GB of zeros claiming 1 KB) as XLSX or DOCX is refused, RSS stays low', {
  timeout: 120_000,
}, async () => {
  const xlsx = await writeXlsxTable('目录', [
    ['索引号', '标题'],
    ['1', '一'],
  ]);
  const docx = writeZip([entry('[Content_Types].xml', text('<Types/>')), entry('word/document.xml', text('<w:p/>'))]);
  // The workers start and load their libraries first: what is measured is the bomb, not the start.
  assert.deepEqual(await readXlsxTable(xlsx), [
    ['索引号', '标题'],
    ['1', '一'],
  ]);
  await bytesToText('.docx', docx);
  const xlsxBomb = bombOf(xlsx, 'xl/worksheets/sheet1.xml', 1.1 * GB);
  const docxBomb = bombOf(docx, 'word/document.xml', 1.1 * GB);
  assert.ok(xlsxBomb.length < 2 << 20, 'the bomb is about a megabyte');
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await assert.rejects(
      readXlsxTable(xlsxBomb),
      (e) => e instanceof AppError && e.status === 400 && /压缩比异常|解压后过大/.test(e.message),
    );
    await assert.rejects(
      bytesToText('.docx', docxBomb),
      (e) => e instanceof UnreadableFileError && /压缩比异常|解压后过大/.test(e.message),
    );
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const grew = Math.round((peak - before) / 1024 / 1024);
  assert.ok(grew < 100, `RSS grew by ${grew} MB`);
  console.log(`# RSS grew by ${grew} MB while two 1.1 GB bombs were refused`);
});
