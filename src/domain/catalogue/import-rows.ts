import { isISODate } from '../calendar/index.ts';
import { ARTICLE_ITEMS, GENRES, VALIDITY_LABELS } from './catalogue.ts';

/** Columns of a legacy catalogue export, as printed on government disclosure pages (CSV and XLSX alike). */
export const IMPORT_COLUMNS = [
  '索引号',
  '标题',
  '文号',
  '成文日期',
  '发布日期',
  '主题分类',
  '体裁',
  '所属事项',
  '有效性',
  '关键词',
  '正文',
] as const;
const REQUIRED = IMPORT_COLUMNS.slice(0, 5);

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow {
  /** The row number in the file (the header is row 1). */
  row: number;
  index_no: string;
  title: string;
  doc_number: string | null;
  written_date: string | null;
  publish_date: string;
  topic: string | null;
  genre: string;
  article_item: string | null;
  validity: 'in_force' | 'amended' | 'repealed';
  keywords: string;
  body: string;
}

const genreByLabel = Object.fromEntries(Object.entries(GENRES).map(([k, v]) => [v, k]));
const validityByLabel = Object.fromEntries(Object.entries(VALIDITY_LABELS).map(([k, v]) => [v, k])) as Record<
  string,
  ImportRow['validity']
>;

/**
 * Validates a legacy catalogue table (first row the column names); every problem is reported with its row number
 * (as the user sees it in the file: the header is row 1) and column, in Chinese. Blank rows are skipped.
 * Returns `header` errors (row 1) when required columns are missing.
 */
export function validateImportRows(table: string[][]): { rows: ImportRow[]; errors: RowError[] } {
  const header = table[0]?.map((h) => h.trim()) ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          row: 1,
          column: missing.join('、'),
          message: `缺少必需的列：${missing.join('、')}（第一行应为列名：${IMPORT_COLUMNS.join('、')}）`,
        },
      ],
    };
  const at = (r: string[], name: string) => (r[header.indexOf(name)] ?? '').trim();
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  table.slice(1).forEach((r, i) => {
    if (r.every((c) => !c.trim())) return;
    const n = i + 2;
    const err = (column: string, message: string) => errors.push({ row: n, column, message });
    const indexNo = at(r, '索引号');
    const title = at(r, '标题');
    const written = at(r, '成文日期');
    const published = at(r, '发布日期');
    const genreLabel = at(r, '体裁') || '其他';
    const item = at(r, '所属事项');
    const validity = at(r, '有效性') || '现行有效';
    if (!indexNo) err('索引号', '索引号不能为空');
    else if (seen.has(indexNo)) err('索引号', `索引号 ${indexNo} 在文件中重复`);
    seen.add(indexNo);
    if (!title) err('标题', '标题不能为空');
    else if (title.length > 300) err('标题', '标题超过 300 字');
    if (written && !isISODate(written)) err('成文日期', `成文日期“${written}”无效，应为 YYYY-MM-DD`);
    if (!isISODate(published)) err('发布日期', `发布日期“${published}”无效，应为 YYYY-MM-DD`);
    if (!genreByLabel[genreLabel]) err('体裁', `体裁“${genreLabel}”不在：${Object.values(GENRES).join('、')}`);
    if (item && !ARTICLE_ITEMS[item]) err('所属事项', `所属事项“${item}”应为 20.1–20.15 或 21`);
    if (!validityByLabel[validity]) err('有效性', `有效性“${validity}”应为现行有效、已修改或已废止`);
    rows.push({
      row: n,
      index_no: indexNo,
      title,
      doc_number: at(r, '文号') || null,
      written_date: written || null,
      publish_date: published,
      topic: at(r, '主题分类') || null,
      genre: genreByLabel[genreLabel] ?? 'other',
      article_item: item || null,
      validity: validityByLabel[validity] ?? 'in_force',
      keywords: at(r, '关键词'),
      body: at(r, '正文'),
    });
  });
  return { rows, errors };
}

/** The row of the export for one item, in IMPORT_COLUMNS order (so an export imports again unchanged). */
export function exportRow(r: Omit<ImportRow, 'body' | 'row'> & { body_html: string }): string[] {
  return [
    r.index_no,
    r.title,
    r.doc_number ?? '',
    r.written_date ?? '',
    r.publish_date,
    r.topic ?? '',
    GENRES[r.genre as keyof typeof GENRES] ?? '其他',
    r.article_item ?? '',
    VALIDITY_LABELS[r.validity],
    r.keywords,
    r.body_html,
  ];
}
