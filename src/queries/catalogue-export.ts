import { findAgency } from '../db/repos/agencies.ts';
import { exportRow, IMPORT_COLUMNS } from '../domain/catalogue/index.ts';
import { notFound } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { authorize } from '../shared/context.ts';

/** The published catalogue of an agency as a table in the import's columns (so it round-trips, as CSV or XLSX). */
export async function exportCatalogue(ctx: Ctx, agencyId: string): Promise<string[][]> {
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
  return [
    [...IMPORT_COLUMNS],
    ...rows.map((r) => exportRow({ ...r, index_no: r.index_no ?? '', publish_date: r.publish_date ?? '' })),
  ];
}
