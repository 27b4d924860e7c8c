import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** Annual reports and supervision: assessment plans, ratings, accountability records, concerns. */
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
