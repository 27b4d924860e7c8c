import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, FORMATS, type ReportVersion } from './format.ts';
import type { Cell, ReportData } from './types.ts';

/** A report of a version with every key present and every cell set to `fill` (null: blank). */
export function emptyReport(version: ReportVersion, fill: 0 | null = null): ReportData {
  // Built once per version and fill; each caller gets its own copy (parsing builds one per report).
  const key = `${version}:${fill}`;
  let json = templates.get(key);
  if (json === undefined) {
    json = JSON.stringify(build(version, fill));
    templates.set(key, json);
  }
  return JSON.parse(json) as ReportData;
}

const templates = new Map<string, string>();

function build(version: ReportVersion, fill: 0 | null): ReportData {
  const f = FORMATS[version];
  const proactive: ReportData['proactive'] = {};
  for (const item of f.proactive) {
    proactive[item.key] = Object.fromEntries(
      item.columns.map((c) => [c.key, fill === 0 && c.kind === 'text' ? '0' : (fill as Cell)]),
    );
  }
  const applications: ReportData['applications'] = {};
  for (const row of f.applicationRows)
    applications[row.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, fill]));
  const appeals: ReportData['appeals'] = {};
  for (const g of APPEAL_GROUPS) appeals[g.key] = Object.fromEntries(APPEAL_COLUMNS.map((c) => [c.key, fill]));
  return { version, year: null, agency: null, proactive, applications, appeals };
}
