import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface RegionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  path: string;
}

export interface AgencyContact {
  office?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  fax?: string;
  email?: string;
  hours?: string;
}

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  short_name: string | null;
  credit_code: string;
  kind: 'government' | 'department' | 'dispatched' | 'township' | 'other';
  region_code: string;
  parent_agency_id: string | null;
  contact: Json<AgencyContact>;
  index_pattern: Generated<string>;
  settings: ColumnType<AgencySettings, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgencySettings {
  /** An approver signs off decisions before they are recorded (off by default). */
  requireApprovalForDecision?: boolean;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  password_changed_at: Generated<Date>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
}

export interface UserRolesTable {
  id: Generated<string>;
  user_id: string;
  role: 'operator' | 'reviewer' | 'approver' | 'agency_admin' | 'supervisor' | 'sysadmin';
  agency_id: string | null;
  region_code: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  kind: 'session' | 'api';
  name: string | null;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CalendarEntriesTable {
  id: Generated<string>;
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
  region_code: string | null;
  reason: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface CalendarYearsTable {
  year: number;
  notice: string;
  entered_by: string | null;
  entered_at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  agency_id: string;
  tracking_number: string;
  query_code_hash: string;
  query_code_enc: string;
  channel: 'in_person' | 'post' | 'letter' | 'online' | 'fax' | 'email';
  received_date: string;
  receipt_basis: string;
  applicant_type: 'natural_person' | 'commercial' | 'research' | 'nonprofit' | 'legal_services' | 'other_org';
  applicant_key: string;
  applicant_enc: string;
  applicant_masked: Json<Record<string, string>>;
  credit_code: string | null;
  description: string;
  form: 'paper' | 'email' | 'disc' | 'viewing';
  delivery: string | null;
  state: string;
  outcome: string | null;
  outcome_basis: string | null;
  outcome_reasons: string | null;
  decided_date: string | null;
  closed_date: string | null;
  reply_due: string | null;
  flags: ColumnType<unknown[], string | undefined, string>;
  extension_pending: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  seq: number;
  type: string;
  date: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Generated<Date>;
}

export interface LettersTable {
  id: Generated<string>;
  application_id: string;
  kind: string;
  title: string;
  body: Json<string[]>;
  issued_date: string;
  event_seq: number | null;
  created_at: Generated<Date>;
}

export interface LetterTemplatesTable {
  id: Generated<string>;
  agency_id: string | null;
  kind: string;
  title: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface FeesTable {
  id: Generated<string>;
  application_id: string;
  agency_id: string;
  mode: 'per_application' | 'per_volume';
  pages: number | null;
  nth_in_month: number | null;
  amount: number;
  notice_date: string;
  paid_date: string | null;
}

export interface AppealsTable {
  id: Generated<string>;
  application_id: string;
  agency_id: string;
  kind: 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';
  filed_date: string;
  result: Generated<'upheld' | 'corrected' | 'other' | 'pending'>;
  result_date: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  response: Json;
  created_at: Generated<Date>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  dedupe_key: string | null;
  to_address: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface JobRunsTable {
  job: string;
  run_key: string;
  at: Generated<Date>;
  result: Json | null;
}

export interface CatalogueItemsTable {
  id: Generated<string>;
  agency_id: string;
  index_no: string | null;
  title: string;
  doc_number: string | null;
  disclosure: Generated<'proactive' | 'on_request' | 'not_public'>;
  disclosure_reason: string | null;
  written_date: string | null;
  formed_date: string | null;
  publish_date: string | null;
  topic: string | null;
  genre: Generated<string>;
  article_item: string | null;
  validity: Generated<'in_force' | 'amended' | 'repealed'>;
  validity_date: string | null;
  supersedes_id: string | null;
  interprets_id: string | null;
  keywords: Generated<string>;
  body_html: Generated<string>;
  body_text: Generated<string>;
  state: Generated<string>;
  review: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  approval: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  withdrawn_reason: string | null;
  publish_at: Timestamp | null;
  published_at: Timestamp | null;
  search: ColumnType<string | null, never, never>;
  /** Generated: lower-cased title, 文号, keywords and text without spaces (exact-substring search). */
  match_text: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface IndexSequencesTable {
  agency_id: string;
  year: number;
  last: number;
}

export interface AgencyPagesTable {
  agency_id: string;
  kind: 'guide' | 'rules';
  body_html: string;
  updated_at: Generated<Date>;
}

export interface AnnualReportsTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  version: '2019' | '2021';
  source: Generated<'live' | 'imported'>;
  status: Generated<'draft' | 'submitted' | 'returned' | 'accepted' | 'published'>;
  narrative: ColumnType<{ overview?: string; problems?: string; other?: string }, string | undefined, string>;
  figures: ColumnType<Record<string, Record<string, number | string | null>>, string | undefined, string>;
  data: ColumnType<unknown, string | null | undefined, string | null>;
  override: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  comments: ColumnType<unknown[], string | undefined, string>;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  published_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface CatalogueAttachmentsTable {
  id: Generated<string>;
  item_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface ImportJobsTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  state: Generated<'running' | 'done' | 'failed'>;
  total: Generated<number>;
  result: Json | null;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface AssessmentPlansTable {
  region_code: string;
  year: number;
  indicators: Json<{ key: string; weight: number }[]>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface RatingsTable {
  id: Generated<string>;
  agency_id: string;
  target_type: 'item' | 'application';
  target_id: string;
  score: number;
  comment: Generated<string>;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  client_hash: string | null;
  created_at: Generated<Date>;
  moderated_by: string | null;
  moderated_at: Date | null;
}

export interface AccountabilityRecordsTable {
  id: Generated<string>;
  agency_id: string;
  subject: string;
  measure: string;
  basis: string;
  reason: Generated<string>;
  date: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ConcernsTable {
  id: Generated<string>;
  agency_id: string;
  source: 'hotline' | 'message_board' | 'media' | 'online' | 'other';
  topic: string;
  summary: Generated<string>;
  received_date: string;
  response_item_id: string | null;
  responded_date: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  calendar_entries: CalendarEntriesTable;
  calendar_years: CalendarYearsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  letters: LettersTable;
  letter_templates: LetterTemplatesTable;
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
}
