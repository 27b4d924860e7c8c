import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** 主动公开: catalogue items, index sequences, agency pages, attachments and import jobs. */
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
  /** Folded title, 文号, keywords and text, one a line (searchText in domain/catalogue/search-query.ts). */
  search_text: ColumnType<string | null, never, never>;
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
  /** guide, rules, or a section or page of either (guide.fees, rules.secrecy: domain/catalogue/column.ts). */
  kind: string;
  body_html: string;
  updated_at: Generated<Date>;
}

export interface CatalogueAttachmentsTable {
  id: Generated<string>;
  /** The item's agency (migration 0024). */
  agency_id: string;
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
