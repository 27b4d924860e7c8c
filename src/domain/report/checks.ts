/**
 * The checks of annual-report.md. All values are integer counts: no tolerance. A check with a blank operand
 * fails (as printed the table does not balance); the blank itself is listed under M.
 */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, FORMATS } from './format.ts';
import type { CheckResults, ReportData } from './types.ts';

export interface CheckFailure {
  rule: 'R1' | 'R2' | 'R3' | 'R4' | 'M' | 'R5';
  /** The column (R1, R2), row (R3), group (R4) or key (M, R5) that fails. */
  at: string;
  /** Chinese, with the numbers: 自然人列：新收20 + 结转0 ≠ 总计20 + 结转下年1 */
  message: string;
}

const COL_LABEL: Record<string, string> = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, c.label]));
const show = (v: number | null | undefined) => (v === null || v === undefined ? '（空白）' : String(v));
const blank = (...vs: (number | null | undefined)[]) => vs.some((v) => v === null || v === undefined);
const sum = (vs: (number | null | undefined)[]) => vs.reduce<number>((s, v) => s + (v ?? 0), 0);

export interface CheckOptions {
  /** Cells a reader could not decide: not blanks, and checks that need them are not evaluated. */
  unresolved?: readonly string[];
  /** Key prefixes not in the source at all (a table or rows cut off, published as images): never checked. */
  skip?: readonly string[];
}

export function checkReport(r: ReportData, opts: CheckOptions = {}): CheckFailure[] {
  const f = FORMATS[r.version];
  const out: CheckFailure[] = [];
  const a = r.applications;
  const unresolved = new Set(opts.unresolved ?? []);
  const prefixes = opts.skip ?? [];
  const isUnknown = (k: string) => unresolved.has(k) || prefixes.some((p) => k === p || k.startsWith(`${p}.`));
  const anyUnknown = (keys: string[]) => keys.some(isUnknown);
  const ak = (row: string, col: string) => `applications.${row}.${col}`;
  const details = f.applicationRows.filter((row) => row.detail).map((row) => row.key);
  for (const { key: col } of APPLICANT_COLUMNS) {
    const n = a.new?.[col];
    const co = a.carried_over?.[col];
    const t = a.total?.[col];
    const cf = a.carried_forward?.[col];
    const r1Unknown = anyUnknown([
      ak('new', col),
      ak('carried_over', col),
      ak('total', col),
      ak('carried_forward', col),
    ]);
    if (!r1Unknown && (blank(n, co, t, cf) || n! + co! !== t! + cf!)) {
      out.push({
        rule: 'R1',
        at: col,
        message: `${COL_LABEL[col]}列：新收${show(n)} + 结转${show(co)} ≠ 总计${show(t)} + 结转下年${show(cf)}`,
      });
    }
    const ds = details.map((d) => a[d]?.[col]);
    if (!anyUnknown([ak('total', col), ...details.map((d) => ak(d, col))]) && (blank(t, ...ds) || t !== sum(ds))) {
      out.push({
        rule: 'R2',
        at: col,
        message: `${COL_LABEL[col]}列：总计${show(t)} ≠ 各办理结果之和${sum(ds)}${blank(...ds) ? '（含空白）' : ''}`,
      });
    }
  }
  for (const row of f.applicationRows) {
    if (anyUnknown(APPLICANT_COLUMNS.map((c) => ak(row.key, c.key)))) continue;
    const vals = APPLICANT_COLUMNS.slice(0, 6).map((c) => a[row.key]?.[c.key]);
    const t = a[row.key]?.total;
    if (blank(t, ...vals) || t !== sum(vals)) {
      out.push({
        rule: 'R3',
        at: row.key,
        message: `“${row.label}”行：总计${show(t)} ≠ 各类申请人之和${sum(vals)}${blank(...vals) ? '（含空白）' : ''}`,
      });
    }
  }
  for (const g of APPEAL_GROUPS) {
    if (anyUnknown(APPEAL_COLUMNS.map((c) => `appeals.${g.key}.${c.key}`))) continue;
    const v = r.appeals[g.key] ?? {};
    const parts = APPEAL_COLUMNS.slice(0, 4).map((c) => v[c.key]);
    if (blank(v.total, ...parts) || v.total !== sum(parts)) {
      out.push({
        rule: 'R4',
        at: g.key,
        message: `${g.label}：总计${show(v.total)} ≠ 维持${show(parts[0])} + 纠正${show(parts[1])} + 其他${show(parts[2])} + 尚未审结${show(parts[3])}`,
      });
    }
  }
  for (const key of missingKeys(r).filter((k) => !isUnknown(k)))
    out.push({ rule: 'M', at: key, message: `${cellLabel(r.version, key)}：空白（应填写数字，空白不等于0）` });
  return out;
}

/** A cell key (`proactive.licensing.decisions`) in words: 二、行政许可·本年处理决定数量. */
export function cellLabel(version: ReportData['version'], key: string): string {
  const [sec, row, col] = key.split('.');
  const f = FORMATS[version];
  if (sec === 'proactive') {
    const item = f.proactive.find((i) => i.key === row);
    return `二、${item?.label ?? row}·${item?.columns.find((c) => c.key === col)?.label ?? col}`;
  }
  if (sec === 'applications') {
    const label = f.applicationRows.find((x) => x.key === row)?.label ?? row;
    return `三、${label}·${COL_LABEL[col ?? ''] ?? col}`;
  }
  const g = APPEAL_GROUPS.find((x) => x.key === row)?.label ?? row;
  return `四、${g}·${APPEAL_COLUMNS.find((c) => c.key === col)?.label ?? col}`;
}

/** Every blank cell of the version's tables, as `section.row.column`. */
export function missingKeys(r: ReportData): string[] {
  const f = FORMATS[r.version];
  const keys: string[] = [];
  for (const item of f.proactive)
    for (const c of item.columns)
      if (r.proactive[item.key]?.[c.key] == null) keys.push(`proactive.${item.key}.${c.key}`);
  for (const row of f.applicationRows)
    for (const c of APPLICANT_COLUMNS)
      if (r.applications[row.key]?.[c.key] == null) keys.push(`applications.${row.key}.${c.key}`);
  for (const g of APPEAL_GROUPS)
    for (const c of APPEAL_COLUMNS) if (r.appeals[g.key]?.[c.key] == null) keys.push(`appeals.${g.key}.${c.key}`);
  return keys;
}

/** R5 (soft): carried_forward of year y equals carried_over of year y+1 for the same agency, per column. */
export function checkAcrossYears(prev: ReportData, next: ReportData): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const { key } of APPLICANT_COLUMNS) {
    const cf = prev.applications.carried_forward?.[key];
    const co = next.applications.carried_over?.[key];
    if (blank(cf, co) || cf !== co) {
      out.push({
        rule: 'R5',
        at: key,
        message: `${COL_LABEL[key]}列：${prev.year}年结转下年度${show(cf)} ≠ ${next.year}年上年结转${show(co)}`,
      });
    }
  }
  return out;
}

/** The `checks` object of the interchange JSON. */
export function summarize(failures: CheckFailure[], withR5 = false): CheckResults {
  const res: CheckResults = { R1: [], R2: [], R3: [], R4: [], M: [] };
  if (withR5) res.R5 = [];
  for (const f of failures) {
    const list = res[f.rule];
    if (list && !list.includes(f.at)) list.push(f.at);
  }
  return res;
}

export function passes(failures: CheckFailure[]): boolean {
  return failures.length === 0;
}
