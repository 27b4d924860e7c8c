import type ExcelJS from 'exceljs';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, FORMATS, SECTION_TITLES } from '../domain/report/format.ts';
import { type ReportCell, type ReportTable, reportTables } from '../domain/report/render-doc.ts';
import type { Cell, ReportData } from '../domain/report/types.ts';
import { FACES } from './fonts.ts';

/** ExcelJS on first use (a portal process never loads it). */
const excel = async () => (await import('exceljs')).default;

const FONT = { name: FACES.body.name, charset: 134, size: 10 } as const; // 134: GB2312, for a Chinese fallback
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel column widths are in "0" digits of the default font; a Chinese character takes about two. */
const CJK_WIDTH = 1.9;
const LINE_HEIGHT = 14; // points, a line of 10 pt text

/** How each table prints: its total width in Excel units, the page's orientation. */
const SHEETS = {
  proactive: { title: SECTION_TITLES.proactive, width: 96, orientation: 'portrait' },
  applications: { title: SECTION_TITLES.applications, width: 112, orientation: 'portrait' },
  appeals: { title: SECTION_TITLES.appeals, width: 132, orientation: 'landscape' },
} as const;

/** Print setup: A4, as wide as the page (as many pages down as it takes), centred. */
const a4 = (orientation: 'portrait' | 'landscape'): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
});

interface Placed {
  row: number;
  col: number;
  rows: number;
  cols: number;
  cell: ReportCell;
}

/** The cells of a table at their grid positions (0-based), spans taking the places they cover. */
function place(rows: ReportCell[][]): { placed: Placed[]; columns: number } {
  const columns = Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const taken = rows.map(() => new Array<boolean>(columns).fill(false));
  const placed: Placed[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < columns && taken[r]![c]) c++;
      if (c >= columns) break;
      const rs = Math.min(cell.rowSpan ?? 1, rows.length - r);
      const cs = Math.min(cell.colSpan ?? 1, columns - c);
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken[r + dr]![c + dc] = true;
      placed.push({ row: r, col: c, rows: rs, cols: cs, cell });
      c += cs;
    }
  });
  return { placed, columns };
}

/** How wide a text is in Excel units (Chinese characters about two digits). */
const units = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? CJK_WIDTH : 1), 0);

const value = (c: ReportCell): ExcelJS.CellValue => {
  if (!('value' in c)) return c.text; // a label
  const v: Cell | undefined = c.value;
  return v === null || v === undefined ? null : v;
};

/**
 * One table as a sheet laid out as published: the report's title and the section's over it, the template's merged
 * header cells, borders, wrapped labels, widths in proportion, rows high enough for their labels, A4 fit to width.
 */
function tableSheet(wb: ExcelJS.Workbook, key: keyof typeof SHEETS, table: ReportTable, title: string) {
  const spec = SHEETS[key];
  const ws = wb.addWorksheet(spec.title, { pageSetup: a4(spec.orientation) });
  const { placed, columns } = place(table.rows);
  const rel = table.widths ?? new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, x) => a + x, 0);
  const widths = rel.map((w) => Math.max(6, Math.round((w / sum) * spec.width * 10) / 10));
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const TOP = 3; // rows 1–2: the titles
  for (const [i, text, size] of [
    [1, title, 14],
    [2, spec.title, 12],
  ] as const) {
    ws.mergeCells(i, 1, i, columns);
    const c = ws.getCell(i, 1);
    c.value = text;
    c.font = { ...FONT, size, bold: true };
    c.alignment = { horizontal: i === 1 ? 'center' : 'left', vertical: 'middle' };
    ws.getRow(i).height = size * 1.8;
  }
  const lines = new Array<number>(table.rows.length).fill(1);
  for (const p of placed) {
    const r = TOP + p.row;
    const c = 1 + p.col;
    if (p.rows > 1 || p.cols > 1) ws.mergeCells(r, c, r + p.rows - 1, c + p.cols - 1);
    const cell = ws.getCell(r, c);
    cell.value = value(p.cell);
    cell.font = { ...FONT, bold: p.cell.bold ?? false };
    cell.alignment = { horizontal: p.cell.align ?? 'center', vertical: 'middle', wrapText: true };
    for (let dr = 0; dr < p.rows; dr++) for (let dc = 0; dc < p.cols; dc++) ws.getCell(r + dr, c + dc).border = BORDER;
    // A label's lines, shared among the rows it spans.
    const width = widths.slice(p.col, p.col + p.cols).reduce((a, x) => a + x, 0) - 1;
    const need = Math.ceil(units(p.cell.text) / width / p.rows);
    for (let dr = 0; dr < p.rows; dr++) lines[p.row + dr] = Math.max(lines[p.row + dr]!, need);
  }
  lines.forEach((n, i) => {
    ws.getRow(TOP + i).height = Math.max(1, n) * LINE_HEIGHT + 4;
  });
  const head = table.headerRows ?? 0;
  if (head) ws.pageSetup.printTitlesRow = `${TOP}:${TOP + head - 1}`;
}

/** The interchange keys (annual-report.md) with their values, one a row, as `gongkai report` reads and writes them. */
function dataSheet(wb: ExcelJS.Workbook, r: ReportData) {
  const f = FORMATS[r.version];
  const ws = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: a4('portrait') });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.columns = [
    { header: '键', width: 48 },
    { header: '项目', width: 60 },
    { header: '值', width: 14 },
  ];
  ws.getRow(1).font = { ...FONT, bold: true };
  const add = (key: string, label: string, v: Cell | undefined) => {
    ws.addRow([key, label, v ?? null]).font = FONT;
  };
  add('version', '年报格式', r.version);
  add('year', '年度', r.year);
  add('agency', '机关', r.agency);
  for (const item of f.proactive)
    for (const c of item.columns)
      add(`proactive.${item.key}.${c.key}`, `${item.label}·${c.label}`, r.proactive[item.key]?.[c.key]);
  for (const row of f.applicationRows)
    for (const c of APPLICANT_COLUMNS)
      add(
        `applications.${row.key}.${c.key}`,
        `${[...row.groups, row.label].join('')}·${c.label}`,
        r.applications[row.key]?.[c.key],
      );
  for (const g of APPEAL_GROUPS)
    for (const c of APPEAL_COLUMNS)
      add(`appeals.${g.key}.${c.key}`, `${g.label}·${c.label}`, r.appeals[g.key]?.[c.key]);
}

/** The report workbook: tables 二, 三 and 四 as the template prints them, then the data in interchange keys. */
export async function reportXlsx(r: ReportData, title: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'gongkai';
  wb.title = title;
  const tables = reportTables(r);
  for (const key of ['proactive', 'applications', 'appeals'] as const) tableSheet(wb, key, tables[key], title);
  dataSheet(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
