/**
 * Reads a published 年度报告 from its text (any extraction: pipe tables, flattened digits, one cell per line)
 * into the interchange JSON. A blank cell is null; a cell that cannot be decided is null and listed in
 * `unresolved` — never a guessed number.
 */
import { emptyReport } from '../empty.ts';
import { APPLICANT_COLUMNS, FORMATS, type ReportVersion } from '../format.ts';
import type { ReportData } from '../types.ts';
import { Located } from './locate.ts';
import { type ReportMeta, readMeta } from './meta.ts';
import { normalizeText } from './normalize.ts';
import { appealChecks, applicationChecks, dropPlaceholderHeaders, lookalikeWarnings, withdraw } from './ocr.ts';
import { type OpenSplit, parseProactive } from './proactive.ts';
import { settleFromProse } from './prose.ts';
import { type RawCell, type RawRow, valueRows } from './rows.ts';
import { type OpenApplications, resolveApplications } from './solve.ts';
import { appealGroupsForced, appealGroupsHold, appealGroupsPossible, splitGroups } from './split.ts';
import { tokenize } from './tokens.ts';

export type ParseResult =
  | {
      ok: true;
      report: ReportData;
      unresolved: string[];
      /** Tables the text does not contain (published as images, or cut off): never read as zeros. */
      tablesNotFound: string[];
      /** Key prefixes of what was not found (whole sections, items or rows): not blanks, not checked. */
      notFound: string[];
      warnings: string[];
      /** Where the year, version and agency were read (one line each, quoting the text). */
      evidence: string[];
      /** Readings that the report's own checks confirmed, beyond reading cells as printed. */
      inferences: string[];
      /** Section-二 rows whose run-together digits split several ways (their cells are undecided). */
      open: OpenSplit[];
      /** Section 三 rows left open by the report's own checks, with the combinations that pass them. */
      openApplications: OpenApplications | null;
    }
  | {
      ok: false;
      /** No table in the text (cut off, or published as images); not this format (pre-2019, or not a report). */
      kind: NoCellsKind;
      error: string;
      year: number | null;
      agency: string | null;
      version: ReportVersion | null;
      evidence: string[];
    };

export type NoCellsKind = 'no_tables' | 'pre_2019' | 'not_a_report';

const evidenceOf = (m: ReportMeta) =>
  [
    m.year && `年度 ${m.year.value}：${m.year.evidence}`,
    m.version && `格式 ${m.version.value}：${m.version.evidence}`,
    m.agency && `机关 ${m.agency.value}：${m.agency.evidence}`,
  ].filter((x): x is string => !!x);

const NO_TABLES =
  '表格未找到：这是2019年后格式的年度报告，但正文中没有统计表（页面被截断，或以图片形式发布），无法读取数字（不按零计）';

function noCells(kind: NoCellsKind, error: string, meta: ReportMeta): ParseResult {
  return {
    ok: false,
    kind,
    error,
    year: meta.year?.value ?? null,
    agency: meta.agency?.value ?? null,
    version: meta.version?.value ?? null,
    evidence: evidenceOf(meta),
  };
}

export function parseReportText(raw: string): ParseResult {
  const { text, headers } = dropPlaceholderHeaders(normalizeText(raw));
  const loc = new Located(text);
  const meta = readMeta(text, loc.compact);
  const version = meta.version?.value ?? null;
  const year = meta.year?.value ?? null;
  const agency = meta.agency?.value ?? null;
  if (!version) {
    if (year !== null && year < 2019)
      return noCells(
        'pre_2019',
        `不是2019年或2021年格式的政府信息公开工作年度报告：${year}年度报告早于2019年修订的条例，不采用统一格式`,
        meta,
      );
    const modern = /收到和处理政府信息公开申请情况|政府信息公开行政复议、?行政诉讼情况/.test(text.replace(/\s/g, ''));
    if (modern) return noCells('no_tables', NO_TABLES, meta);
    return noCells(
      'not_a_report',
      '不是2019年或2021年格式的政府信息公开工作年度报告：未找到“主动公开政府信息情况”和“收到和处理政府信息公开申请情况”统计表',
      meta,
    );
  }
  const f = FORMATS[version];
  const report = emptyReport(version, null);
  report.year = year;
  report.agency = agency;
  const unresolved: string[] = [];
  const tablesNotFound: string[] = [];
  const notFound: string[] = [];
  const warnings: string[] = lookalikeWarnings(agency);
  const inferences: string[] = headers.map((h) => `表头为占位列名（${h}），已忽略，不作数值读取`);

  const s2 = loc.findFirst(['第二十条第(一)项', ...f.proactive[0]!.columns.map((c) => c.label)]);
  const s3 = loc.findFirst(['本列数据的勾稽关系', '申请人情况', '本年新收政府信息公开申请数量'], s2?.end ?? 0);
  const cf = s3 ? loc.find('结转下年度继续办理', s3.start) : null;
  const s4 = cf ? loc.find('行政复议', cf.end) : null;
  const s4end = s4 ? loc.findFirst(['存在的主要问题', '主要问题', '其他需要报告', '五.'], s4.end) : null;

  const open: OpenSplit[] = [];
  let openApplications: OpenApplications | null = null;
  if (s2) parseProactive(f, text, loc, s2.start, s3?.start ?? text.length, report, unresolved, notFound, open);
  if (s2) settleFromProse(text.slice(0, s2.start), report, unresolved, open, inferences);
  else notFound.push('proactive');
  if (notFound.includes('proactive')) tablesNotFound.push('二、主动公开政府信息情况');
  else if (notFound.length) tablesNotFound.push(`二、主动公开政府信息情况（缺 ${notFound.length} 项）`);

  if (s3) {
    const end = s4?.start ?? text.length;
    const { rows, dropped, tail } = valueRows(tokenize(text.slice(s3.start, end)), 7);
    warnings.push(...dropped);
    const truncated = !s4;
    if (rows.length === 0) {
      tablesNotFound.push('三、收到和处理政府信息公开申请情况');
      notFound.push('applications');
    } else if (rows.length === f.applicationRows.length || (truncated && rows.length < f.applicationRows.length)) {
      if (rows.length < f.applicationRows.length) {
        warnings.push(
          `三、收到和处理申请情况：表格不完整，只读到 ${rows.length} 行${tail.length ? '（最后一行残缺）' : ''}`,
        );
        tablesNotFound.push(
          `三、收到和处理政府信息公开申请情况（不完整，缺 ${f.applicationRows.length - rows.length} 行）`,
        );
        notFound.push(...f.applicationRows.slice(rows.length).map((r) => `applications.${r.key}`));
      }
      openApplications = resolveApplications(f, rows, report, unresolved);
    } else {
      warnings.push(
        `三、收到和处理申请情况：读到 ${rows.length} 行数值，格式应为 ${f.applicationRows.length} 行，无法对应`,
      );
      for (const r of f.applicationRows)
        for (const c of APPLICANT_COLUMNS) unresolved.push(`applications.${r.key}.${c.key}`);
    }
  } else {
    tablesNotFound.push('三、收到和处理政府信息公开申请情况');
    notFound.push('applications');
  }

  if (s4) {
    const { rows } = valueRows(tokenize(text.slice(s4.start, s4end?.start ?? text.length)), 15);
    if (rows.length === 0) notFound.push('appeals');
    else parseAppeals(rows[0]!, report, unresolved);
  } else notFound.push('appeals');
  if (notFound.includes('appeals')) tablesNotFound.push('四、政府信息公开行政复议、行政诉讼情况');
  // Columns read by position where the header was lost: accepted only when the section's own checks hold.
  const within = (label: string, a: number, b: number) => (loc.find(label, a)?.start ?? b) < b;
  if (s3 && !notFound.includes('applications') && !within('自然人', s2?.end ?? 0, cf?.end ?? text.length))
    confirm('三、收到和处理申请情况', applicationChecks(f, report, unresolved), () =>
      withdraw(report, 'applications', unresolved),
    );
  if (s4 && !notFound.includes('appeals') && !within('维持', s4.start, s4end?.start ?? text.length))
    confirm('四、行政复议、行政诉讼情况', appealChecks(report, unresolved), () =>
      withdraw(report, 'appeals', unresolved),
    );
  function confirm(section: string, c: { held: string[]; failed: boolean }, undo: () => void) {
    if (!c.failed && c.held.length)
      inferences.push(`${section}：列名缺失，按模板顺序读取，${c.held.join('/')} 验证通过`);
    else {
      undo();
      warnings.push(
        `${section}：列名缺失，按模板顺序读取${c.failed ? '与本表校验不符' : '无法用本表校验确认'}，不采用，各单元格列为无法确定`,
      );
    }
  }
  if (['proactive', 'applications', 'appeals'].every((k) => notFound.includes(k)))
    return noCells('no_tables', NO_TABLES, meta);

  return {
    ok: true,
    report,
    unresolved,
    tablesNotFound,
    notFound,
    warnings,
    evidence: evidenceOf(meta),
    inferences,
    open,
    openApplications,
  };
}

export function numberOf(c: RawCell | undefined): number | null {
  if (!c || c.kind === 'blank') return null;
  const s = c.s.replace(/,/g, '');
  if (!/^[+-]?\d+$/.test(s)) return null;
  return Number(s);
}

function parseAppeals(row: RawRow, report: ReportData, unresolved: string[]) {
  const groups = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  let values: (number | null)[] | null;
  if (row.flattened) {
    const digits = row.cells.map((c) => (c.kind === 'num' ? c.s : ''));
    const splits = digits.every((g) => /^\d+$/.test(g))
      ? splitGroups(digits, 15, appealGroupsHold, appealGroupsPossible, appealGroupsForced)
      : [];
    if (splits === 'too_many' || splits.length === 0) values = null;
    else values = splits[0]!.map((v, i) => (splits.every((s) => s[i] === v) ? v : Number.NaN));
  } else values = row.cells.map(numberOf);
  for (const [gi, g] of groups.entries()) {
    for (const [ci, c] of cols.entries()) {
      const v = values ? values[gi * 5 + ci] : Number.NaN;
      if (v === undefined || Number.isNaN(v)) unresolved.push(`appeals.${g}.${c}`);
      else report.appeals[g]![c] = v;
    }
  }
}
