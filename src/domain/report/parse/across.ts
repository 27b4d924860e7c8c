/**
 * Reading several years of one agency together (annual-report.md, checks R5 and hazard 4): section 二 of the
 * 2021 format carries its stock over — 现行有效件数 of year y = 现行有效 of y−1 + 本年制发 of y − 本年废止 of y.
 * A row whose run-together digits split several ways ("693665") is settled by the adjacent years read in full:
 * only the splits that satisfy every continuity equation the neighbours allow are kept; a cell is settled when
 * all of them agree on it, and each settlement is listed with the numbers it rests on. Section 三 likewise:
 * of the combinations its own checks leave, only those whose 上年结转 row equals the year before's 结转下年度 row
 * (R5), and whose 结转下年度 row equals the next year's 上年结转, are kept. Never a guess: when none fits, the
 * rows stay open.
 */
import { FORMATS } from '../format.ts';
import type { ReportData } from '../types.ts';
import type { OpenSplit } from './proactive.ts';
import { agreedTable, type OpenApplications } from './solve.ts';

export interface YearReading {
  report: ReportData;
  unresolved: string[];
  open: OpenSplit[];
  openApplications: OpenApplications | null;
  inferences: string[];
}

/** The items of the 2021 format whose stock carries over: 规章, 行政规范性文件. */
const STOCK_ITEMS = ['rules', 'normative_documents'] as const;

type Stock = { issued: number; repealed: number; in_force: number };

function known(r: YearReading, item: string): Stock | null {
  if (r.report.version !== '2021') return null;
  const v = r.report.proactive[item];
  const keys = ['issued', 'repealed', 'in_force'] as const;
  if (!v || keys.some((k) => typeof v[k] !== 'number' || r.unresolved.includes(`proactive.${item}.${k}`))) return null;
  return { issued: v.issued as number, repealed: v.repealed as number, in_force: v.in_force as number };
}

/**
 * Settles open section-二 splits across the years of each agency (same name, 2021 format). Mutates the readings
 * (values, unresolved, open, inferences); returns the readings that changed.
 */
export function settleAcrossYears(readings: YearReading[]): Set<YearReading> {
  const changed = new Set<YearReading>();
  const byAgency = new Map<string, YearReading[]>();
  for (const r of readings) {
    const { agency, year } = r.report;
    if (!agency || year === null) continue;
    const list = byAgency.get(agency);
    if (list) list.push(r);
    else byAgency.set(agency, [r]);
  }
  for (const list of byAgency.values()) {
    const years = new Map<number, YearReading[]>();
    for (const r of list) {
      const of = years.get(r.report.year!);
      if (of) of.push(r);
      else years.set(r.report.year!, [r]);
    }
    const byYear = (y: number) => {
      const of = years.get(y);
      return of?.length === 1 ? of[0]! : null; // two readings of one year: neither is used
    };
    // Only readings with something open can be settled.
    const pending = list.filter((r) => r.open.length || r.openApplications);
    if (!pending.length) continue;
    // A settled row may settle its neighbour's: repeat while anything changes (bounded by the open rows).
    for (let pass = 0, progress = true; progress && pass <= list.length * 2; pass++) {
      progress = false;
      for (const r of pending) {
        const prev = byYear(r.report.year! - 1);
        const next = byYear(r.report.year! + 1);
        for (const o of [...r.open]) {
          if (!(STOCK_ITEMS as readonly string[]).includes(o.item)) continue;
          if (settle(r, o, prev, next)) {
            changed.add(r);
            progress = true;
          }
        }
        if (settleCarryOver(r, prev, next)) {
          changed.add(r);
          progress = true;
        }
      }
    }
  }
  return changed;
}

function settle(r: YearReading, o: OpenSplit, prev: YearReading | null, next: YearReading | null): boolean {
  if (r.report.version !== '2021') return false;
  const p = prev && known(prev, o.item);
  const n = next && known(next, o.item);
  if (!p && !n) return false;
  // Columns of the item in template order: issued, repealed, in_force.
  const cols = FORMATS['2021'].proactive.find((i) => i.key === o.item)!.columns.map((c) => c.key);
  const survivors = o.candidates.filter(([issued, repealed, inForce]) => {
    if (p && p.in_force + issued! - repealed! !== inForce) return false;
    if (n && inForce! + n.issued - n.repealed !== n.in_force) return false;
    return true;
  });
  if (survivors.length === 0 || survivors.length === o.candidates.length) return false;
  const label = FORMATS['2021'].proactive.find((i) => i.key === o.item)!.label;
  const settled: string[] = [];
  cols.forEach((col, j) => {
    const v = survivors[0]![j]!;
    const key = `proactive.${o.item}.${col}`;
    if (!survivors.every((s) => s[j] === v) || !r.unresolved.includes(key)) return;
    r.report.proactive[o.item]![col] = v;
    r.unresolved.splice(r.unresolved.indexOf(key), 1);
    settled.push(`${col} = ${v}`);
  });
  if (settled.length === 0) {
    o.candidates = survivors;
    return false;
  }
  const basis = [
    p && `${prev!.report.year}年度现行有效${p.in_force}`,
    n && `${next!.report.year}年度制发${n.issued}、废止${n.repealed}、现行有效${n.in_force}`,
  ]
    .filter(Boolean)
    .join('；');
  const split = survivors.length === 1 ? `，拆分为 ${survivors[0]!.join('|')}` : `（仍有 ${survivors.length} 种拆分）`;
  r.inferences.push(
    `二、${label}：连写数字「${o.printed}」按跨年度衔接（现行有效 = 上年现行有效 + 本年制发 − 本年废止；${basis}）定为 ${settled.join('、')}${split}`,
  );
  if (survivors.length === 1) r.open.splice(r.open.indexOf(o), 1);
  else o.candidates = survivors;
  return true;
}

const APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org', 'total'];

/** A section-三 row of a reading, when every cell of it is a decided number. */
function knownRow(r: YearReading | null, row: string): number[] | null {
  if (!r) return null;
  const v = r.report.applications[row];
  const out = APPLICANTS.map((c) =>
    typeof v?.[c] === 'number' && !r.unresolved.includes(`applications.${row}.${c}`) ? (v[c] as number) : null,
  );
  return out.every((x) => x !== null) ? (out as number[]) : null;
}

/** R5 narrows the combinations section 三's own checks left: 上年结转 = last year's 结转下年度, and so on. */
function settleCarryOver(r: YearReading, prev: YearReading | null, next: YearReading | null): boolean {
  const o = r.openApplications;
  if (!o) return false;
  const rows = FORMATS[r.report.version].applicationRows.map((x) => x.key);
  const fixed: [row: number, values: number[], basis: string][] = [];
  const before = knownRow(prev, 'carried_forward');
  const after = knownRow(next, 'carried_over');
  if (before)
    fixed.push([rows.indexOf('carried_over'), before, `${prev!.report.year}年度结转下年度 ${before.join('|')}`]);
  if (after)
    fixed.push([rows.indexOf('carried_forward'), after, `${next!.report.year}年度上年结转 ${after.join('|')}`]);
  const same = (a: (number | null)[], b: number[]) => a.every((v, j) => v === b[j]);
  const survivors = o.survivors.filter((pick) =>
    fixed.every(([row, values]) => {
      const k = o.ambiguous.indexOf(row);
      return same(k < 0 ? o.cands[row]![0]! : o.cands[row]![pick[k]!]!, values);
    }),
  );
  if (survivors.length === 0 || survivors.length === o.survivors.length) return false;
  o.survivors = survivors;
  const table = agreedTable(o);
  const settled: string[] = [];
  for (const [i, values] of table.entries()) {
    for (const [j, v] of values.entries()) {
      const key = `applications.${rows[i]}.${APPLICANTS[j]}`;
      if (v === null || Number.isNaN(v) || !r.unresolved.includes(key)) continue;
      r.report.applications[rows[i]!]![APPLICANTS[j]!] = v;
      r.unresolved.splice(r.unresolved.indexOf(key), 1);
      settled.push(`${rows[i]}.${APPLICANTS[j]} = ${v}`);
    }
  }
  if (survivors.length === 1) r.openApplications = null;
  if (!settled.length) return false;
  const basis = fixed.map(([, , b]) => b).join('；');
  r.inferences.push(
    `三、连写数字的拆分按 R5 跨年度结转（${basis}）定为 ${settled.slice(0, 8).join('、')}${settled.length > 8 ? ` 等 ${settled.length} 个单元格` : ''}`,
  );
  return true;
}
