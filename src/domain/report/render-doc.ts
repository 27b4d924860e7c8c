import type { DocBlock, DocCell, DocModel, DocTable } from '../document.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, FORMATS, R1_CORNER, SECTION_TITLES } from './format.ts';
import type { Cell, ReportData } from './types.ts';

/** A cell of a report's table: the text it prints and, for a figure, the value (a spreadsheet keeps numbers). */
export interface ReportCell extends DocCell {
  value?: Cell;
}
export interface ReportTable extends DocTable {
  rows: ReportCell[][];
}

const v = (x: Cell | undefined): ReportCell => ({
  text: x === null || x === undefined ? '' : String(x),
  value: x ?? null,
});
const h = (text: string, extra: Partial<DocCell> = {}): ReportCell => ({ text, bold: true, ...extra });

/** Section 二 in the official layout: a block per §20 item with its own header row. */
function proactiveTable(r: ReportData): ReportTable {
  const f = FORMATS[r.version];
  const width = Math.max(...f.proactive.map((i) => i.columns.length)) + 1;
  const rows: ReportCell[][] = [];
  let article = '';
  for (const item of f.proactive) {
    if (item.article !== article) {
      article = item.article;
      rows.push([h(article, { colSpan: width })]);
      const cols = item.columns.map((c) => h(c.label));
      rows.push([h('信息内容'), ...cols.slice(0, -1), { ...cols[cols.length - 1]!, colSpan: width - cols.length }]);
    }
    const cells = item.columns.map((c) => v(r.proactive[item.key]?.[c.key]));
    rows.push([
      { text: item.label, align: 'left' },
      ...cells.slice(0, -1),
      { ...cells[cells.length - 1]!, colSpan: width - cells.length },
    ]);
  }
  return { rows, widths: [28, ...new Array(width - 1).fill(72 / (width - 1))] };
}

/** Section 三 with the merged header cells and row groups of the official template. */
function applicationsTable(r: ReportData): ReportTable {
  const f = FORMATS[r.version];
  const rows: ReportCell[][] = [
    [h(R1_CORNER, { colSpan: 3, rowSpan: 3 }), h('申请人情况', { colSpan: 7 })],
    [h('自然人', { rowSpan: 2 }), h('法人或其他组织', { colSpan: 5 }), h('总计', { rowSpan: 2 })],
    APPLICANT_COLUMNS.slice(1, 6).map((c) => h(c.label)),
  ];
  const groupSpan = (g: string) => f.applicationRows.filter((row) => row.groups.includes(g)).length;
  const seen = new Set<string>();
  for (const row of f.applicationRows) {
    const cells: ReportCell[] = [];
    const depth = row.groups.length;
    for (const g of row.groups) {
      if (seen.has(g)) continue;
      seen.add(g);
      cells.push({ text: g, rowSpan: groupSpan(g), align: 'left' });
    }
    cells.push({ text: row.label, colSpan: 3 - depth, align: 'left' });
    rows.push([...cells, ...APPLICANT_COLUMNS.map((c) => v(r.applications[row.key]?.[c.key]))]);
  }
  return { rows, headerRows: 3, widths: [9, 11, 30, 7, 7, 7, 7, 7, 7, 7] };
}

/** Section 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), each with its five result columns. */
function appealsTable(r: ReportData): ReportTable {
  const cols = APPEAL_COLUMNS.map((c) => h(c.label));
  const rows: ReportCell[][] = [
    [h('行政复议', { colSpan: 5 }), h('行政诉讼', { colSpan: 10 })],
    [
      ...cols.map((c) => ({ ...c, rowSpan: 2 })),
      h('未经复议直接起诉', { colSpan: 5 }),
      h('复议后起诉', { colSpan: 5 }),
    ],
    [...cols, ...cols],
    APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => v(r.appeals[g.key]?.[c.key]))),
  ];
  return { rows, headerRows: 3 };
}

/** The report's three tables as the national template lays them out (labels from format.ts). */
export function reportTables(r: ReportData): Record<'proactive' | 'applications' | 'appeals', ReportTable> {
  return { proactive: proactiveTable(r), applications: applicationsTable(r), appeals: appealsTable(r) };
}
const table = (t: ReportTable): DocBlock => ({ kind: 'table', table: t });

const paragraphs = (text: string | undefined): DocBlock[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p, indent: true }));

/** The report as a document in the official layout (DOCX and PDF render this). */
export function reportDocument(r: ReportData, title: string, preamble?: string): DocModel {
  const tables = reportTables(r);
  return {
    title,
    layout: 'report',
    blocks: [
      { kind: 'title', text: title },
      ...paragraphs(preamble),
      { kind: 'heading', text: SECTION_TITLES.overview },
      ...paragraphs(r.text?.overview),
      { kind: 'heading', text: SECTION_TITLES.proactive },
      table(tables.proactive),
      { kind: 'heading', text: SECTION_TITLES.applications },
      table(tables.applications),
      { kind: 'heading', text: SECTION_TITLES.appeals },
      table(tables.appeals),
      { kind: 'heading', text: SECTION_TITLES.problems },
      ...paragraphs(r.text?.problems),
      { kind: 'heading', text: SECTION_TITLES.other },
      ...paragraphs(r.text?.other),
    ],
  };
}
