import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** Regions, agencies, users and sessions, the audit log and the calendar. */
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

/** Failed password and code checks per (account, client), client and account (migration 0017, SECURITY.md). */
export interface AuthFailuresTable {
  key: string;
  realm: 'login' | 'code';
  scope: 'pair' | 'client' | 'account';
  failures: number;
  window_ends_at: Timestamp;
  locked_until: Timestamp | null;
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

/** Audit events (migration 0014): `seq` is the global display order, `(chain, chain_seq)` the hashed position. */
export interface AuditEventsTable {
  seq: number;
  chain: string;
  chain_seq: number;
  alg: 'sm3' | 'hmac-sm3';
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

/** One row per audit chain (an agency's, or 'platform'): its last record, and its legacy (unkeyed) prefix. */
export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
  legacy_seq: Generated<number>;
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
