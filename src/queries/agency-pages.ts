import type { Kysely } from 'kysely';
import type { AgencyContact } from '../db/schema/foundation.ts';
import type { DB } from '../db/schema.ts';
import { can } from '../domain/access/index.ts';
import {
  GUIDE_SECTIONS,
  type GuideFacts,
  PAGE_KINDS,
  paragraphsHtml,
  RULES_PAGES,
} from '../domain/catalogue/column.ts';
import { authorizeAgency, type Ctx } from '../shared/context.ts';

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  region_code: string;
  parent_agency_id: string | null;
  contact: AgencyContact | null;
}

/**
 * What a 指南 section's default text is made of: the agency's row and contact, its 救济途径 (letter settings) and
 * the government above it (条例第五十一条: where to complain) — the parent agency, else the region's government.
 */
export async function guideFacts(db: Kysely<DB>, row: AgencyRow): Promise<GuideFacts> {
  const [letters, parent] = await Promise.all([
    db
      .selectFrom('letter_settings')
      .select(['review_body', 'court'])
      .where('agency_id', '=', row.id)
      .executeTakeFirst(),
    row.parent_agency_id
      ? db.selectFrom('agencies').select('name').where('id', '=', row.parent_agency_id).executeTakeFirst()
      : db
          .selectFrom('agencies')
          .select('name')
          .where('region_code', '=', row.region_code)
          .where('kind', '=', 'government')
          .where('id', '!=', row.id)
          .executeTakeFirst(),
  ]);
  return {
    ...(row.contact ?? {}),
    name: row.name,
    kind: row.kind,
    reviewBody: letters?.review_body,
    court: letters?.court,
    supervisor: parent?.name,
  };
}

export interface AgencyPageEntry {
  kind: string;
  title: string;
  /** A 指南 section must have a text (条例第十二条); a 制度 page is optional until it is published. */
  required: boolean;
  /** The agency's own text (sanitised HTML), null while the default (or nothing) is shown. */
  bodyHtml: string | null;
  /** What the portal shows while there is no own text: a 指南 section's default, else null. */
  defaultHtml: string | null;
  updatedAt: string | null;
}

/**
 * The 指南 sections and 制度 pages of an agency as the console's form edits them: every kind of
 * src/domain/catalogue/column.ts, its saved text or its default. Staff who see the agency read it; `editable`
 * says whether the caller may save (the policy's agency.update, as `saveAgencyPage`).
 */
export async function agencyPagesForStaff(ctx: Ctx, agencyId: string) {
  const agency = await authorizeAgency(ctx, agencyId, 'agency.read');
  const row = agency;
  const [facts, saved] = await Promise.all([
    guideFacts(ctx.db, row),
    ctx.db
      .selectFrom('agency_pages')
      .select(['kind', 'body_html', 'updated_at'])
      .where('agency_id', '=', agency.id)
      .execute(),
  ]);
  const byKind = new Map(saved.map((p) => [p.kind, p]));
  const entry = (kind: string, title: string, required: boolean, defaultHtml: string | null): AgencyPageEntry => {
    const p = byKind.get(kind);
    return {
      kind,
      title,
      required,
      bodyHtml: p?.body_html ?? null,
      defaultHtml,
      updatedAt: p ? new Date(p.updated_at).toISOString() : null,
    };
  };
  return {
    agency: { id: row.id, name: row.name },
    editable: can(ctx.actor, 'agency.update', { agencyId: agency.id, regionPath: agency.region_path }),
    guide: [
      ...GUIDE_SECTIONS.map((s) => entry(s.kind, s.title, true, paragraphsHtml(s.text(facts)))),
      entry('guide', '其他说明', false, null),
    ],
    rules: [...RULES_PAGES, { kind: 'rules', title: PAGE_KINDS.rules! }].map((p) =>
      entry(p.kind, p.title, false, null),
    ),
  };
}
