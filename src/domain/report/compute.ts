/**
 * An agency-year's report from its records (annual-report.md, counting rules printed in the template):
 * 三 — received in the year → new; open on 1月1日 → carried_over; closed in the year → its outcome row, in its
 * applicant's column (区分处理 only under partially_granted); open on 12月31日 → carried_forward.
 * 四 — appeals filed in the year or still undecided at its start, by their result as of 12月31日.
 * 二 — 规章 and 规范性文件 from the catalogue; other figures as entered (from other systems), blank when not.
 */
import { emptyReport } from './empty.ts';
import { FORMATS, type ReportVersion, rowForOutcome } from './format.ts';
import type { ReportData } from './types.ts';

export interface CaseRecord {
  applicantType: string;
  receivedDate: string;
  closedDate: string | null;
  outcome: string | null;
  /** How many cases this record stands for (records grouped by the database); 1 when absent. */
  count?: number;
}

export interface AppealRecord {
  kind: string;
  filedDate: string;
  result: string;
  resultDate: string | null;
}

export interface ItemRecord {
  genre: string;
  writtenDate: string | null;
  publishDate: string | null;
  validity: string;
  validityDate: string | null;
  /** How many items this record stands for (records grouped by the database); 1 when absent. */
  count?: number;
}

/** Figures from other systems: `{ licensing: { decisions: 12 }, … }` keyed like the report. */
export type Figures = Record<string, Record<string, number | string | null>>;

export function computeReport(
  version: ReportVersion,
  year: number,
  rec: { cases: CaseRecord[]; appeals: AppealRecord[]; items: ItemRecord[]; figures: Figures },
): ReportData {
  const r = emptyReport(version, 0);
  r.year = year;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  let n = 1;
  const add = (row: string, col: string) => {
    r.applications[row]![col] = (r.applications[row]![col] as number) + n;
    r.applications[row]!.total = (r.applications[row]!.total as number) + n;
  };
  const detail = new Set(FORMATS[version].applicationRows.filter((x) => x.detail).map((x) => x.key));
  for (const c of rec.cases) {
    if (c.receivedDate > end) continue;
    n = c.count ?? 1;
    const col = c.applicantType;
    if (c.receivedDate >= start) add('new', col);
    else if (c.closedDate === null || c.closedDate >= start) add('carried_over', col);
    else continue; // closed before the year
    if (c.closedDate !== null && c.closedDate >= start && c.closedDate <= end) {
      const row = rowForOutcome(version, c.outcome ?? 'other_misc');
      add(detail.has(row) ? row : rowForOutcome(version, 'other_misc'), col);
      add('total', col);
    } else add('carried_forward', col);
  }
  for (const a of rec.appeals) {
    if (a.filedDate > end) continue;
    const decidedBy = a.result !== 'pending' && a.resultDate !== null ? a.resultDate : null;
    if (decidedBy !== null && decidedBy < start) continue; // decided in an earlier year
    const col = decidedBy !== null && decidedBy <= end ? a.result : 'pending';
    const g = r.appeals[a.kind]!;
    g[col] = (g[col] as number) + 1;
    g.total = (g.total as number) + 1;
  }
  const inYear = (d: string | null) => d !== null && d >= start && d <= end;
  const count = (docs: ItemRecord[]) => docs.reduce((n, d) => n + (d.count ?? 1), 0);
  for (const [key, genre] of [
    ['rules', 'rules'],
    ['normative_documents', 'normative'],
  ] as const) {
    const docs = rec.items.filter((i) => i.genre === genre);
    const p = r.proactive[key]!;
    if (version === '2019') {
      p.made = count(docs.filter((d) => inYear(d.writtenDate ?? d.publishDate)));
      p.published = count(docs.filter((d) => inYear(d.publishDate)));
      p.total = count(docs.filter((d) => d.publishDate !== null && d.publishDate <= end));
    } else {
      p.issued = count(docs.filter((d) => inYear(d.publishDate)));
      p.repealed = count(docs.filter((d) => d.validity === 'repealed' && inYear(d.validityDate)));
      p.in_force = count(
        docs.filter(
          (d) =>
            d.publishDate !== null &&
            d.publishDate <= end &&
            !(d.validity === 'repealed' && d.validityDate !== null && d.validityDate <= end),
        ),
      );
    }
  }
  for (const item of FORMATS[version].proactive) {
    if (item.key === 'rules' || item.key === 'normative_documents') continue;
    for (const col of item.columns) r.proactive[item.key]![col.key] = rec.figures[item.key]?.[col.key] ?? null;
  }
  return r;
}

/** Cell-by-cell sum of reports (a government's roll-up of its departments); text cells are not added. */
export function sumReports(version: ReportVersion, year: number, parts: ReportData[]): ReportData {
  const r = emptyReport(version, 0);
  r.year = year;
  for (const sec of ['applications', 'appeals', 'proactive'] as const) {
    for (const [row, cols] of Object.entries(r[sec])) {
      for (const col of Object.keys(cols)) {
        const vals = parts.map((p) => p[sec][row]?.[col]);
        if (vals.some((v) => typeof v === 'string')) {
          (r[sec][row] as Record<string, unknown>)[col] = null; // amounts printed with units are not summed
          continue;
        }
        (r[sec][row] as Record<string, unknown>)[col] = vals.some((v) => v === null || v === undefined)
          ? null
          : vals.reduce<number>((s, v) => s + (v as number), 0);
      }
    }
  }
  return r;
}

/** 二: the items counted from the catalogue; every other item of section 二 is a figure entered from other systems. */
export const CATALOGUE_ITEMS: readonly string[] = ['rules', 'normative_documents'];

/**
 * A 本级政府 report (条例第五十条): its own office plus every department that reports to it, cell by cell. The
 * figures of section 二 from other systems (许可、处罚、强制、收费…) are the sum of the departments' figures — unless
 * the government entered one itself (its 政务公开办 compiles the whole government's count): that one stands.
 */
export function governmentReport(
  version: ReportVersion,
  year: number,
  own: ReportData,
  departments: ReportData[],
  entered: Figures,
): ReportData {
  const r = sumReports(version, year, [own, ...departments]);
  const deps = departments.length ? sumReports(version, year, departments) : null;
  for (const item of FORMATS[version].proactive) {
    if (CATALOGUE_ITEMS.includes(item.key)) continue;
    for (const c of item.columns) {
      const v = entered[item.key]?.[c.key];
      r.proactive[item.key]![c.key] = v ?? deps?.proactive[item.key]?.[c.key] ?? null;
    }
  }
  return r;
}
