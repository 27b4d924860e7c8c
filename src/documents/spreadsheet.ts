import type ExcelJS from 'exceljs';

/** ExcelJS on first use (a portal process never loads it). */
const excel = async () => (await import('exceljs')).default;

import { unzipSync } from 'fflate';
import { invalid } from '../domain/errors.ts';

const MAX_UNZIPPED = 400 * 1024 * 1024;

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
 * The first worksheet of an XLSX file as rows of cell texts. Refuses (in Chinese) what is not an XLSX workbook and
 * archives that would expand beyond a sane size (zip bombs), before handing it to the workbook reader.
 */
export async function readXlsxTable(data: Buffer): Promise<string[][]> {
  let total = 0;
  try {
    unzipSync(new Uint8Array(data), {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED) throw new Error('too large');
        return false;
      },
    });
  } catch {
    throw invalid(total > MAX_UNZIPPED ? '文件解压后过大，拒绝处理' : '文件不是有效的 Excel（.xlsx）工作簿');
  }
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
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
