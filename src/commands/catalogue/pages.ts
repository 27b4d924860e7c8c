import type { z } from 'zod';
import { findAgency } from '../../db/repos/agencies.ts';
import { PAGE_KINDS, pageInput } from '../../domain/catalogue/item-input.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { sanitizeBody } from './item-input.ts';

export { PAGE_KINDS };

/** 〔2019〕61号 column pages of an agency: its 指南 and 制度, edited by its admin, sanitised like item bodies. */
export async function saveAgencyPage(ctx: Ctx, agencyId: string, kind: string, body: z.input<typeof pageInput>) {
  const input = pageInput.parse(body);
  if (!(kind in PAGE_KINDS)) throw notFound('栏目');
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  authorize(ctx, 'agency.update', { agencyId, regionPath: agency.region_path }, { visibleWith: 'agency.read' });
  const html = sanitizeBody(input.bodyHtml);
  await inTransaction(ctx, async (trx, audit) => {
    await trx.deleteFrom('agency_pages').where('agency_id', '=', agencyId).where('kind', '=', kind).execute();
    await trx
      .insertInto('agency_pages')
      .values({ agency_id: agencyId, kind: kind, body_html: html, updated_at: ctx.now() })
      .execute();
    await audit({
      agencyId,
      action: 'agency.page_saved',
      entityType: 'agency_page',
      entityId: kind,
      after: { length: html.length },
    });
  });
}
