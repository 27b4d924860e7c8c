// The database as Kysely sees it: one interface per table, grouped by use-case under schema/.

import type {
  AppealsTable,
  ApplicationEventsTable,
  ApplicationsTable,
  DocNumberCountersTable,
  FeesTable,
  IdempotencyKeysTable,
  JobRunsTable,
  LetterSettingsTable,
  LettersTable,
  LetterTemplatesTable,
  MailOutboxTable,
} from './schema/applications.ts';
import type {
  AgencyPagesTable,
  CatalogueAttachmentsTable,
  CatalogueItemsTable,
  ImportJobsTable,
  IndexSequencesTable,
} from './schema/catalogue.ts';
import type {
  AgenciesTable,
  AuditEventsTable,
  AuditHeadTable,
  AuthFailuresTable,
  CalendarEntriesTable,
  CalendarYearsTable,
  RegionsTable,
  SessionsTable,
  UserRolesTable,
  UsersTable,
} from './schema/foundation.ts';
import type {
  AccountabilityRecordsTable,
  AnnualReportsTable,
  AssessmentPlansTable,
  ConcernsTable,
  RatingsTable,
} from './schema/reports.ts';
import type { ReviewHistoryTable } from './schema/reviews.ts';

export type * from './schema/applications.ts';
export type * from './schema/catalogue.ts';
export type * from './schema/foundation.ts';
export type * from './schema/reports.ts';
export type * from './schema/reviews.ts';

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadTable;
  calendar_entries: CalendarEntriesTable;
  calendar_years: CalendarYearsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  letters: LettersTable;
  letter_templates: LetterTemplatesTable;
  letter_settings: LetterSettingsTable;
  doc_number_counters: DocNumberCountersTable;
  fees: FeesTable;
  appeals: AppealsTable;
  idempotency_keys: IdempotencyKeysTable;
  mail_outbox: MailOutboxTable;
  job_runs: JobRunsTable;
  catalogue_items: CatalogueItemsTable;
  index_sequences: IndexSequencesTable;
  agency_pages: AgencyPagesTable;
  annual_reports: AnnualReportsTable;
  catalogue_attachments: CatalogueAttachmentsTable;
  import_jobs: ImportJobsTable;
  assessment_plans: AssessmentPlansTable;
  ratings: RatingsTable;
  accountability_records: AccountabilityRecordsTable;
  concerns: ConcernsTable;
  review_history: ReviewHistoryTable;
}
