import { IMPORT_COLUMNS } from '../commands/catalogue/import.ts';
import type { Ctx } from '../commands/context.ts';
import { authorize } from '../commands/context.ts';
import { findAgency } from '../db/repos/agencies.ts';
import { GENRES, VALIDITY_LABELS } from '../domain/catalogue/index.ts';
import { toCsv } from '../domain/csv.ts';
import { notFound } from '../domain/errors.ts';

/** The published catalogue of an agency as CSV, in the import's columns (so it round-trips). */
export async function exportCatalogue(ctx: Ctx, agencyId: string): Promise<string> {
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  authorize(ctx, 'catalogue.read', { agencyId, regionPath: agency.region_path });
  const rows = await ctx.db
    .selectFrom('catalogue_items')
    .select([
      'index_no',
      'title',
      'doc_number',
      'written_date',
      'publish_date',
      'topic',
      'genre',
      'article_item',
      'validity',
      'keywords',
      'body_html',
    ])
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'published')
    .orderBy('publish_date')
    .orderBy('index_no')
    .execute();
  return toCsv([
    [...IMPORT_COLUMNS],
    ...rows.map((r) => [
      r.index_no,
      r.title,
      r.doc_number,
      r.written_date,
      r.publish_date,
      r.topic,
      GENRES[r.genre as keyof typeof GENRES] ?? '其他',
      r.article_item,
      VALIDITY_LABELS[r.validity],
      r.keywords,
      r.body_html,
    ]),
  ]);
}
