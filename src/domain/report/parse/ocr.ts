/**
 * Tables converted by OCR or a language model (hazards 5 and 10 of annual-report.md): header rows whose
 * column names were lost and replaced by placeholders (数据1…数据6 | 总计, 列1…列8), agency names misread.
 * A placeholder header is dropped (its digits are not values); the columns are then read by position in the
 * template's order, which is accepted only when the report's own checks (R1–R3, R4) confirm it.
 */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, type ReportFormat } from '../format.ts';
import type { ReportData } from '../types.ts';

const ANY_PLACEHOLDER = /(?:数据|数值|列|栏|字段|项|值|column|col|c)\s*[_-]?\s*\d{1,2}\s*\|/i;
const PLACEHOLDER = /^(?:数据|数值|列|栏|字段|项|值|column|col|c)\s*[_-]?\s*\d{1,2}$/i;

/** Removes header rows made of placeholder column names; returns the text and the headers removed. */
export function dropPlaceholderHeaders(text: string): { text: string; headers: string[] } {
  const headers: string[] = [];
  if (!ANY_PLACEHOLDER.test(text)) return { text, headers };
  const out = text.replace(/^[^\n]*\|[^\n]*$/gm, (line) => {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    const ph = cells.filter((c) => PLACEHOLDER.test(c));
    if (ph.length < 2 || cells.some((c) => /^[+-]?[\d,.]+(万元|元)?$/.test(c))) return line;
    headers.push(cells.join(' | '));
    return '';
  });
  return { text: out, headers };
}

type Cell = number | string | null | undefined;
const isNum = (v: Cell): v is number => typeof v === 'number';

/**
 * The checks of section 三 that can be evaluated on the cells read (no blank or undecided operand): the ones
 * that hold and whether any fails. A blank is never taken as 0 here: a check over a blank says nothing.
 */
export function applicationChecks(f: ReportFormat, r: ReportData, unresolved: readonly string[]) {
  const a = r.applications;
  const skip = new Set(unresolved);
  const v = (row: string, col: string): number | null =>
    skip.has(`applications.${row}.${col}`) ? null : isNum(a[row]?.[col]) ? (a[row]![col] as number) : null;
  const details = f.applicationRows.filter((x) => x.detail).map((x) => x.key);
  const held = new Set<string>();
  let failed = false;
  const count = (rule: string, ok: boolean) => {
    if (ok) held.add(rule);
    else failed = true;
  };
  for (const { key: col } of APPLICANT_COLUMNS) {
    const r1 = ['new', 'carried_over', 'total', 'carried_forward'].map((k) => v(k, col));
    if (r1.every((x) => x !== null)) count('R1', r1[0]! + r1[1]! === r1[2]! + r1[3]!);
    const t = v('total', col);
    const ds = details.map((d) => v(d, col));
    if (t !== null && ds.every((x) => x !== null)) count('R2', ds.reduce<number>((s, x) => s + x!, 0) === t);
  }
  for (const row of f.applicationRows) {
    const vals = APPLICANT_COLUMNS.map((c) => v(row.key, c.key));
    if (vals.every((x) => x !== null)) count('R3', vals.slice(0, 6).reduce<number>((s, x) => s + x!, 0) === vals[6]);
  }
  return { held: ['R1', 'R2', 'R3'].filter((x) => held.has(x)), failed };
}

/** Section 四's R4 over the groups read in full. */
export function appealChecks(r: ReportData, unresolved: readonly string[]) {
  const skip = new Set(unresolved);
  let held = false;
  let failed = false;
  for (const g of APPEAL_GROUPS) {
    const vals = APPEAL_COLUMNS.map((c) =>
      skip.has(`appeals.${g.key}.${c.key}`) ? null : (r.appeals[g.key]?.[c.key] ?? null),
    );
    if (!vals.every(isNum)) continue;
    if (vals.slice(0, 4).reduce((s, x) => s + x, 0) === vals[4]) held = true;
    else failed = true;
  }
  return { held: held ? ['R4'] : [], failed };
}

/** Clears a section read by position that its checks did not confirm: its cells become undecided. */
export function withdraw(r: ReportData, section: 'applications' | 'appeals', unresolved: string[]) {
  for (const [row, cols] of Object.entries(r[section])) {
    for (const col of Object.keys(cols)) {
      const key = `${section}.${row}.${col}`;
      cols[col] = null;
      if (!unresolved.includes(key)) unresolved.push(key);
    }
  }
}

/**
 * Characters of place names that OCR confuses with a commoner look-alike (沭阳 read 沐阳). The name is kept as
 * printed — the reader cannot know — and the likely reading is given for a person to check.
 */
const LOOKALIKES: [misread: string, place: string][] = [
  ['沐阳', '沭阳'],
  ['毫州', '亳州'],
  ['勤州', '鄞州'],
  ['沪州', '泸州'],
  ['郸都', '郫都'],
  ['盱胎', '盱眙'],
];

export function lookalikeWarnings(agency: string | null): string[] {
  if (!agency) return [];
  return LOOKALIKES.filter(([m]) => agency.includes(m)).map(
    ([m, p]) => `机关名称「${agency}」中的「${m}」疑为「${p}」的识别错误（OCR 常见形近字），按原文保留，请核对`,
  );
}
