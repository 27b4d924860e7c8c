/**
 * When a year's annual report is due, and whether it is overdue (条例第四十九条): 县级以上人民政府部门 submit to
 * the 本级 主管部门 and publish by 1月31日 of the following year; the 主管部门 publishes the 本级政府 report by
 * 3月31日. Township (乡镇、街道) and other agencies report to the government above them like its departments.
 */
import type { AGENCY_KINDS } from '../agency/agency-input.ts';

export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The deadline per agency kind, as month and day of the year after the report's year. */
export const REPORT_DEADLINES: Record<AgencyKind, { month: number; day: number; basis: string }> = {
  government: { month: 3, day: 31, basis: '条例第四十九条：本级政府年度报告3月31日前公布' },
  department: { month: 1, day: 31, basis: '条例第四十九条：政府部门年度报告1月31日前公布' },
  dispatched: { month: 1, day: 31, basis: '条例第四十九条：政府部门年度报告1月31日前公布' },
  township: { month: 1, day: 31, basis: '条例第四十九条：报本级政府汇总，1月31日前公布' },
  other: { month: 1, day: 31, basis: '条例第四十九条：1月31日前公布' },
};

const isKind = (k: string): k is AgencyKind => k in REPORT_DEADLINES;
const pad = (n: number) => String(n).padStart(2, '0');

/** The date (YYYY-MM-DD) by which the report of `year` must be published; unknown kinds as departments. */
export function reportDeadline(kind: string, year: number): string {
  const d = REPORT_DEADLINES[isKind(kind) ? kind : 'department'];
  return `${year + 1}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * on_time: published by the deadline; pending: not yet published, deadline not passed; overdue: not published
 * and the deadline has passed; published_late: published after the deadline.
 */
export type ReportTimeliness = 'on_time' | 'pending' | 'overdue' | 'published_late';

export const REPORT_TIMELINESS_LABELS: Record<ReportTimeliness, string> = {
  on_time: '按期公布',
  pending: '未到期限',
  overdue: '逾期未公布',
  published_late: '逾期公布',
};

export interface ReportDue {
  deadline: string;
  timeliness: ReportTimeliness;
  /** Days past the deadline: until today while unpublished, until publication when published late; else 0. */
  daysLate: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The report of `year` of an agency of `kind`, as of `today` (China date, YYYY-MM-DD). `publishedOn` is the
 * China date of publication; a report published without a known date (imported from a published text) counts
 * as published on time.
 */
export function reportDue(
  kind: string,
  year: number,
  r: { published: boolean; publishedOn: string | null },
  today: string,
): ReportDue {
  const deadline = reportDeadline(kind, year);
  if (r.published) {
    if (r.publishedOn === null || r.publishedOn <= deadline) return { deadline, timeliness: 'on_time', daysLate: 0 };
    return { deadline, timeliness: 'published_late', daysLate: days(deadline, r.publishedOn) };
  }
  if (today <= deadline) return { deadline, timeliness: 'pending', daysLate: 0 };
  return { deadline, timeliness: 'overdue', daysLate: days(deadline, today) };
}
