/**
 * How every table would be split across database nodes (issue #24, point 6; docs/deploy.md "Distribution-ready
 * keys"; migration 0024). One place, as data: `distribution-keys.db.test.ts` reads the catalog after migration
 * and fails on a table missing here, or on a key of a distributed table that leaves out its distribution column
 * unless listed below as an exception with its reason. A new table is a line here.
 *
 * - distributed: large, grows with each agency's work; split by `column` (Citus `create_distributed_table`, or
 *   native `partition by hash`). Primary key, unique constraints and foreign keys between distributed tables
 *   include the column, so an agency's rows and their constraints live on one node.
 * - reference: small, read everywhere, written rarely (names, the region tree, accounts, calendars); a copy on
 *   every node (Citus `create_reference_table`). Distributed tables may reference them.
 * - local: the platform's working state (sessions, rate limits, queues, the migrations' own table); stays on the
 *   coordinator, never joined with distributed rows.
 */

export type Distribution =
  | { kind: 'distributed'; column: string; why: string }
  | { kind: 'reference'; why: string }
  | { kind: 'local'; why: string };

const byAgency = (why: string): Distribution => ({ kind: 'distributed', column: 'agency_id', why });
const reference = (why: string): Distribution => ({ kind: 'reference', why });
const local = (why: string): Distribution => ({ kind: 'local', why });

export const tableDistribution: Readonly<Record<string, Distribution>> = {
  // 依申请公开
  applications: byAgency('cases'),
  application_events: byAgency("a case's events"),
  letters: byAgency('letters issued in a case'),
  fees: byAgency("a case's fee notice"),
  appeals: byAgency('reconsiderations and suits about a case'),
  letter_settings: byAgency("an agency's 文号 patterns, written in the agency's letter transactions"),
  doc_number_counters: byAgency("an agency's 发文字号 counters, taken by the issuing transaction"),
  // 主动公开
  catalogue_items: byAgency('the catalogue (its search vector and text are columns of the row)'),
  catalogue_attachments: byAgency("an item's files"),
  index_sequences: byAgency("an agency's 索引号 counters, taken by the publishing transaction"),
  agency_pages: byAgency("an agency's 指南 and 制度 pages"),
  import_jobs: byAgency("an agency's imports"),
  // 年度报告, supervision, review loops
  annual_reports: byAgency("an agency's reports (their cells are the row's JSON)"),
  ratings: byAgency('社会评议 of an agency’s items and cases'),
  accountability_records: byAgency('责任追究 records of an agency'),
  concerns: byAgency('回应关切 of an agency'),
  review_history: byAgency('every review step of an agency’s items, reports and extensions'),
  // The audit trail: one chain per agency and the platform's (agency_id null), so split by chain (migration 0014).
  audit_events: { kind: 'distributed', column: 'chain', why: 'one hash chain per agency and one for the platform' },
  audit_heads: { kind: 'distributed', column: 'chain', why: "each chain's head, locked by its appends" },

  regions: reference('the 行政区划 tree'),
  agencies: reference('agencies, named on every page'),
  users: reference('staff accounts (a few per agency)'),
  user_roles: reference("staff roles; a supervisor's or sysadmin's role names no agency"),
  calendar_entries: reference('working-day calendar: the State Council notice and regional overrides'),
  calendar_years: reference('years whose notice is entered'),
  letter_templates: reference('letter texts: the platform defaults (agency null) and agencies’ own'),
  assessment_plans: reference('考核 plans, per region and year'),

  sessions: local('logins and API tokens'),
  auth_failures: local('rate limits and lockouts, pruned as attempts come in'),
  idempotency_keys: local('replayed answers, per user and key'),
  mail_outbox: local('the mail queue'),
  job_runs: local('one row per scheduled run'),
  scheduler_passes: local('one row per scheduler interval, pruned after a day'),
  public_changes: local('the page cache’s change log'),
  schema_migrations: local('the applied migrations'),
};

/** What the catalog check allows on a distributed table without its distribution column, and why. */
export interface KeyException {
  table: string;
  /** The constraint's (or unique index's) name. */
  name: string;
  why: string;
}

export const keyExceptions: readonly KeyException[] = [
  {
    table: 'applications',
    name: 'applications_tracking_number_key',
    why:
      '申请编号 GK<year>-<serial> is one platform sequence and names no agency: the public lookup (number and 查询码) ' +
      'and replies by mail find a case by its number alone. On Citus: a lookup table distributed by the number.',
  },
  {
    table: 'catalogue_items',
    name: 'catalogue_items_id_key',
    why: 'the target of supersedes_id and interprets_id (a 解读 may be of another agency’s policy)',
  },
  {
    table: 'catalogue_items',
    name: 'catalogue_items_supersedes_fkey',
    why: 'an item may replace another agency’s item; on Citus checked by the command (checkLinks) instead',
  },
  {
    table: 'catalogue_items',
    name: 'catalogue_items_interprets_fkey',
    why: 'a 解读 may interpret another agency’s policy; on Citus checked by the command (checkLinks) instead',
  },
];
