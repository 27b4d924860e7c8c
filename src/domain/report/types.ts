import type { ReportVersion } from './format.ts';

export type Cell = number | string | null;

/** The interchange JSON of a report (annual-report.md): every key of its version present; blanks are null. */
export interface ReportData {
  version: ReportVersion;
  year: number | null;
  agency: string | null;
  proactive: Record<string, Record<string, Cell>>;
  applications: Record<string, Record<string, number | null>>;
  appeals: Record<string, Record<string, number | null>>;
  text?: { overview?: string; problems?: string; other?: string };
}

export interface CheckResults {
  R1: string[];
  R2: string[];
  R3: string[];
  R4: string[];
  M: string[];
  R5?: string[];
}
