import {
  type CheckFailure,
  checkReport,
  enteredItems,
  FORMATS,
  figureProblems,
  type ReportData,
} from '../../../../src/domain/report/index.ts';
import type { Output } from '../../api.ts';

export type Report = Output<'getReport'>;
/** Section 二's entered figures as the editor holds them: `{ licensing: { decisions: 12 } }`. */
export type Figures = Record<string, Record<string, number | string | null | undefined>>;

/** A failing check of the report as edited: the domain's R-rules and M, and the cells the save would refuse. */
export interface LiveFailure {
  rule: CheckFailure['rule'] | 'V';
  at: string;
  message: string;
}

/** The report with the editor's figures in section 二. */
export function withFigures(r: Report, figures: Figures | undefined): ReportData {
  const proactive: ReportData['proactive'] = structuredClone(r.proactive);
  for (const item of enteredItems(r.version))
    for (const c of item.columns) {
      const v = figures?.[item.key]?.[c.key];
      if (figures?.[item.key] && c.key in figures[item.key]!) proactive[item.key]![c.key] = v ?? null;
    }
  return {
    version: r.version,
    year: r.year,
    agency: r.agency,
    proactive,
    applications: r.applications,
    appeals: r.appeals,
  };
}

/** The checks the server runs (domain/report: R1–R4, M) on the report as edited, evaluated in the browser. */
export function liveFailures(r: Report, figures: Figures | undefined): LiveFailure[] {
  const data = withFigures(r, figures);
  const invalid = figureProblems(r.version, clean(figures)).map((p) => ({ rule: 'V' as const, ...p }));
  const bad = new Set(invalid.map((p) => p.at));
  return [...invalid, ...checkReport(data).filter((f) => !bad.has(f.at))];
}

/** undefined → absent (the schema's optional), so that only typed values are judged. */
function clean(figures: Figures | undefined) {
  const out: Record<string, Record<string, number | string | null>> = {};
  for (const [item, cols] of Object.entries(figures ?? {}))
    out[item] = Object.fromEntries(Object.entries(cols ?? {}).filter(([, v]) => v !== undefined)) as Record<
      string,
      number | string | null
    >;
  return out;
}

/** The figures to show in the inputs: the report's section 二 cells of the entered items. */
export function initialFigures(r: Report): Figures {
  return Object.fromEntries(
    enteredItems(r.version).map((item) => [
      item.key,
      Object.fromEntries(item.columns.map((c) => [c.key, r.proactive[item.key]?.[c.key] ?? null])),
    ]),
  );
}

/**
 * What to save: every item with a changed cell, whole (the server replaces an item's columns together); its
 * unchanged cells keep what was entered before (a government's summed cell stays a sum).
 */
export function changedFigures(r: Report, figures: Figures): Record<string, Record<string, number | string | null>> {
  const shown = initialFigures(r);
  const out: Record<string, Record<string, number | string | null>> = {};
  for (const item of enteredItems(r.version)) {
    const cols = item.columns.map((c) => c.key);
    const now = (c: string) => figures[item.key]?.[c] ?? null;
    if (cols.every((c) => now(c) === (shown[item.key]?.[c] ?? null))) continue;
    out[item.key] = Object.fromEntries(
      cols.map((c) => [c, now(c) === (shown[item.key]?.[c] ?? null) ? (r.figures?.[item.key]?.[c] ?? null) : now(c)]),
    );
  }
  return out;
}

/** A government's departments, per cell of section 二: their sum, or how many left it blank. */
export function departmentSums(r: Report): Record<string, { sum: number | null; blank: number }> {
  const out: Record<string, { sum: number | null; blank: number }> = {};
  const deps = r.departments ?? [];
  for (const item of FORMATS[r.version].proactive)
    for (const c of item.columns) {
      const vals = deps.map((d) => d.proactive[item.key]?.[c.key] ?? null);
      const blank = vals.filter((v) => v === null || typeof v === 'string').length;
      const sum = vals.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      out[`${item.key}.${c.key}`] = { sum: blank ? null : Math.round(sum * 10_000) / 10_000, blank };
    }
  return out;
}
