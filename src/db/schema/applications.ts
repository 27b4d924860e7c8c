import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** 依申请公开: applications, their events, letters, fees, appeals, and the outbox and job runs. */
export interface ApplicationsTable {
  id: Generated<string>;
  agency_id: string;
  tracking_number: string;
  /** The 查询码 only as a keyed hash (shared/tracking.ts); it is shown once, at submission, and kept nowhere. */
  query_code_hash: string;
  channel: 'in_person' | 'post' | 'letter' | 'online' | 'fax' | 'email';
  received_date: string;
  receipt_basis: string;
  applicant_type: 'natural_person' | 'commercial' | 'research' | 'nonprofit' | 'legal_services' | 'other_org';
  applicant_key: string;
  applicant_enc: string;
  applicant_masked: Json<Record<string, string>>;
  /** Keyed hashes of the name's bigrams and whole name (shared/name-index.ts); null until indexed. */
  applicant_name_tokens: string[] | null;
  credit_code: string | null;
  description: string;
  form: 'paper' | 'email' | 'disc' | 'viewing';
  /** 获取信息的途径 (often a postal address) masked (maskAddress); in full only in `delivery_enc` (sealed). */
  delivery: string | null;
  delivery_enc: string | null;
  state: string;
  outcome: string | null;
  outcome_basis: string | null;
  outcome_reasons: string | null;
  decided_date: string | null;
  closed_date: string | null;
  /** 办结 for the annual report (generated: the decision's day, or the closing day; null while open). */
  ended_on: ColumnType<string | null, never, never>;
  reply_due: string | null;
  flags: ColumnType<unknown[], string | undefined, string>;
  extension_pending: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  /** The case's agency (migration 0024: every agency table's key leads with it). */
  agency_id: string;
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
  /** The case's agency (migration 0024). */
  agency_id: string;
  application_id: string;
  kind: string;
  title: string;
  /** Paragraphs as issued, personal values as markers (shared/letter-seal.ts). */
  body: Json<string[]>;
  /** The personal values, sealed (PersonalValues); null only on rows from before 0015 until the start-up step. */
  personal_enc: string | null;
  issued_date: string;
  event_seq: number | null;
  /** 发文字号 (migration 0018); null on letters from before it, and on a 登记回执 of an agency without a pattern. */
  doc_number: string | null;
  created_at: Generated<Date>;
}

/** An agency's 文号 patterns by letter kind, its 机关代字, and its 复议机关 and court (null: proposed). */
export interface LetterSettingsTable {
  agency_id: string;
  doc_code: string | null;
  patterns: Json<Partial<Record<string, string>>>;
  review_body: string | null;
  court: string | null;
  updated_at: Generated<Date>;
}

/** The last 文号 number given per agency, year and kind (migration 0018). */
export interface DocNumberCountersTable {
  agency_id: string;
  year: number;
  kind: string;
  last_n: number;
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
  /** { sealed } — the answer replayed (it holds the query code), sealed. */
  response: Json<{ sealed: string }>;
  created_at: Generated<Date>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  /** A keyed digest of the caller's dedupe key (which may name an address). */
  dedupe_key: string | null;
  /** Never personal data: the agency and the application number at most. */
  subject: string;
  /** { to, body } sealed (shared/outbox.ts); null only on rows from before 0015 until the start-up step. */
  sealed: string | null;
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
