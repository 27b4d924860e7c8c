import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, FORMATS, R1_CORNER, SECTION_TITLES } from './format.ts';
import type { Cell, ReportData } from './types.ts';

const cell = (v: Cell | undefined) => (v === null || v === undefined ? '' : String(v));

/** Section 二 as `|`-separated rows, grouped by §20 item as printed. */
export function proactiveRows(r: ReportData): string[] {
  const f = FORMATS[r.version];
  const out: string[] = [];
  let article = '';
  for (const item of f.proactive) {
    if (item.article !== article) {
      article = item.article;
      out.push(`${article} |`);
      out.push(`信息内容 | ${item.columns.map((c) => c.label).join(' | ')} |`);
    }
    out.push(`${item.label} | ${item.columns.map((c) => cell(r.proactive[item.key]?.[c.key])).join(' | ')} |`);
  }
  return out;
}

/** Section 三: the header rows and one row per template row, labels with their group labels on first use. */
export function applicationRows(r: ReportData): string[] {
  const f = FORMATS[r.version];
  const out = [
    `${R1_CORNER} | 申请人情况 |`,
    '自然人 | 法人或其他组织 | 总计 |',
    `${APPLICANT_COLUMNS.slice(1, 6)
      .map((c) => c.label)
      .join(' | ')} |`,
  ];
  const seen = new Set<string>();
  for (const row of f.applicationRows) {
    const groups = row.groups.filter((g) => !seen.has(g));
    for (const g of groups) seen.add(g);
    const label = [...groups, row.label].join(' | ');
    out.push(`${label} | ${APPLICANT_COLUMNS.map((c) => cell(r.applications[row.key]?.[c.key])).join(' | ')} |`);
  }
  return out;
}

/** Section 四: the two header rows and the row of 15 numbers. */
export function appealRows(r: ReportData): string[] {
  const cols = APPEAL_COLUMNS.map((c) => c.label);
  return [
    '行政复议 | 行政诉讼 |',
    `${cols.join(' | ')} | 未经复议直接起诉 | 复议后起诉 |`,
    `${[...cols, ...cols].join(' | ')} |`,
    `${APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => cell(r.appeals[g.key]?.[c.key]))).join(' | ')} |`,
  ];
}

/** The whole report as plain text laid out like the published ones (tables as `|`-separated rows). */
export function renderReportText(r: ReportData, title: string): string {
  const t = r.text ?? {};
  return [
    title,
    SECTION_TITLES.overview,
    t.overview ?? '',
    SECTION_TITLES.proactive,
    ...proactiveRows(r),
    SECTION_TITLES.applications,
    ...applicationRows(r),
    SECTION_TITLES.appeals,
    ...appealRows(r),
    SECTION_TITLES.problems,
    t.problems ?? '',
    SECTION_TITLES.other,
    t.other ?? '',
  ].join('\n');
}
