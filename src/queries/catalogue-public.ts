import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface PublicFilter {
  agencyId?: string;
  articleItem?: string;
  topic?: string;
  year?: number;
  validity?: string;
  genre?: string;
}

export const PAGE_SIZE = 20;

/** Published 主动公开 items matching a filter; no join, so that counts and search candidates read the items only. */
export function publicOnly(db: Kysely<DB>, f: PublicFilter) {
  let q = db
    .selectFrom('catalogue_items as i')
    .where('i.state', '=', 'published')
    .where('i.disclosure', '=', 'proactive');
  if (f.agencyId) q = q.where('i.agency_id', '=', f.agencyId);
  if (f.articleItem) q = q.where('i.article_item', '=', f.articleItem);
  if (f.topic) q = q.where('i.topic', '=', f.topic);
  if (f.genre) q = q.where('i.genre', '=', f.genre);
  if (f.validity) q = q.where('i.validity', '=', f.validity as 'in_force');
  if (f.year) q = q.where('i.publish_date', '>=', `${f.year}-01-01`).where('i.publish_date', '<=', `${f.year}-12-31`);
  return q;
}

/** The same with the publishing agency, for what a page shows. */
export function publicBase(db: Kysely<DB>, f: PublicFilter) {
  return publicOnly(db, f).innerJoin('agencies as g', 'g.id', 'i.agency_id');
}

export const listColumns = [
  'i.id',
  'i.index_no',
  'i.title',
  'i.doc_number',
  'i.publish_date',
  'i.validity',
  'i.genre',
  'i.topic',
  'i.article_item',
  'g.name as agency_name',
  'i.agency_id',
] as const;
