import { z } from 'zod';
import { findAgency } from '../../db/repos/agencies.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { sanitizeBody } from './item-input.ts';

export const pageInput = z.object({ bodyHtml: z.string().min(10, '内容过短').max(500_000, '内容过长') });
export const PAGE_KINDS = { guide: '政府信息公开指南', rules: '政府信息公开制度' } as const;

/** 〔2019〕61号 column pages of an agency: its 指南 and 制度, edited by its admin, sanitised like item bodies. */
export async function saveAgencyPage(ctx: Ctx, agencyId: string, kind: string, body: unknown) {
  const input = pageInput.parse(body);
  if (!(kind in PAGE_KINDS)) throw notFound('栏目');
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  authorize(ctx, 'agency.update', { agencyId, regionPath: agency.region_path }, { visibleWith: 'agency.read' });
  const html = sanitizeBody(input.bodyHtml);
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .deleteFrom('agency_pages')
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind as 'guide')
      .execute();
    await trx
      .insertInto('agency_pages')
      .values({ agency_id: agencyId, kind: kind as 'guide', body_html: html, updated_at: ctx.now() })
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
