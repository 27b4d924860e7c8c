import type ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { invalid } from '../domain/errors.ts';
import { transferable, workerPool } from '../workers/pool.ts';
import { safeUnzip, type UnzipLimits, ZipRefusedError } from './safe-unzip.ts';

/** ExcelJS on first use (a portal process never loads it). */
const excel = async () => (await import('exceljs')).default;

/**
 * What a workbook may expand to (a 50 MB upload of Chinese text is ~150 MB of XML); the worker's heap limit
 * (workers/pool.ts) bounds what ExcelJS makes of it.
 */
export const XLSX_LIMITS: UnzipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 160 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  maxRatio: 200,
};
export const XLSX_TIMEOUT_MS = 60_000;

/** The text a user sees in a cell: dates as YYYY-MM-DD, rich text and links as their text, formulas as their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * The first worksheet of an XLSX file as rows of cell texts, read in a worker thread (workers/pool.ts: time and
 * memory limits, the server's event loop stays free). Refuses in Chinese what is not a workbook, and archives
 * that expand beyond XLSX_LIMITS whatever their headers say (zip bombs).
 */
export function readXlsxTable(data: Uint8Array): Promise<string[][]> {
  const { bytes, transfer } = transferable(data);
  return workerPool().run('xlsx-table', bytes, { timeoutMs: XLSX_TIMEOUT_MS, transfer });
}

/**
 * readXlsxTable in this thread (the worker's job): the archive is expanded by safeUnzip under hard limits, and
 * ExcelJS is handed a new archive of exactly the entries that were counted — never the uploaded bytes, whose
 * headers it would trust. ExcelJS reads each entry whole into one string, in archive order: the largest go
 * first, while its heap is still small (a worker whose heap limit is met by one large allocation, rather than
 * by many small ones, cannot be stopped in time and takes the process with it).
 */
export async function readXlsxTableHere(data: Uint8Array): Promise<string[][]> {
  let files: Record<string, Uint8Array>;
  try {
    files = safeUnzip(data, XLSX_LIMITS);
  } catch (err) {
    if (err instanceof ZipRefusedError && err.reason !== 'corrupt') throw invalid(err.message);
    throw invalid('文件不是有效的 Excel（.xlsx）工作簿');
  }
  if (!files['xl/workbook.xml']) throw invalid('文件不是有效的 Excel（.xlsx）工作簿');
  const bySize = Object.entries(files).sort((a, b) => b[1].length - a[1].length);
  const archive = zipSync(Object.fromEntries(bySize), { level: 0 });
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(archive.buffer, archive.byteOffset, archive.length) as unknown as ArrayBuffer);
  } catch {
    throw invalid('文件不是有效的 Excel（.xlsx）工作簿');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('工作簿中没有工作表');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Worksheets with a bold, frozen header row; every cell written as text (索引号 and 文号 must stay as typed). */
export async function writeXlsxSheets(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const r of sheet.rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = Math.min(60, Math.max(10, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').length * 1.6)));
      if (sheet.rows.slice(1, 50).every((r) => typeof r[i] !== 'number')) c.numFmt = '@';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function writeXlsxTable(sheetName: string, table: string[][]): Promise<Buffer> {
  return writeXlsxSheets([{ name: sheetName, rows: table }]);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
