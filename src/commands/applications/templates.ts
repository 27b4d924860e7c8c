import { findAgency } from '../../db/repos/agencies.ts';
import {
  DEFAULT_TEMPLATES,
  isLetterKind,
  type LetterKind,
  missingStatutoryParts,
  requiredVariables,
  STATUTORY_LABELS,
  templateParagraphs,
  unknownPlaceholders,
} from '../../domain/case/index.ts';
import { type TemplateInput, templateInput } from '../../domain/case/template-input.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

/**
 * 告知书模板: an agency's own wording of a letter; letters already issued keep the text they were issued with.
 * The frame (主送, 署名, 成文日期, 文号) is the platform's: a salutation or signature written into the template is
 * dropped. The statutory parts of the kind (its cited article, the 救济途径, the officer's reasons…) must stay.
 */
export async function saveLetterTemplate(ctx: Ctx, agencyId: string, kind: string, body: TemplateInput) {
  const input = templateInput.parse(body);
  if (!isLetterKind(kind)) throw notFound('告知书类型');
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  authorize(ctx, 'agency.update', { agencyId, regionPath: agency.region_path }, { visibleWith: 'agency.read' });
  const unknown = unknownPlaceholders(`${input.title}\n${input.body}`);
  if (unknown.length) throw invalid(`模板中有不认识的占位符：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  // The title is listed to everyone who may read the case (the supervisor too) and on the tracking page: no
  // personal data there, and the query code is printed nowhere but in the applicant's own copy.
  const personal = ['applicant', 'thirdParty', 'queryCode'].filter((v) => input.title.includes(`{{${v}}}`));
  if (personal.length)
    throw invalid(`告知书标题不能包含申请人信息或查询码：${personal.map((u) => `{{${u}}}`).join('、')}`, {
      field: 'title',
    });
  const paragraphs = templateParagraphs(input.body);
  const missing = missingStatutoryParts(kind, paragraphs.join('\n\n'));
  if (missing.length)
    throw invalid(`模板须保留法定内容：${missing.map((v) => `{{${v}}}（${STATUTORY_LABELS[v] ?? v}）`).join('、')}`, {
      field: 'body',
    });
  if (!paragraphs.length) throw invalid('告知书正文过短', { field: 'body' });
  const saved = { title: input.title, body: paragraphs.join('\n\n') };
  await inTransaction(ctx, async (trx, audit) => {
    await trx.deleteFrom('letter_templates').where('agency_id', '=', agencyId).where('kind', '=', kind).execute();
    await trx
      .insertInto('letter_templates')
      .values({ agency_id: agencyId, kind, title: saved.title, body: saved.body })
      .execute();
    await audit({
      agencyId,
      action: 'letter_template.saved',
      entityType: 'letter_template',
      entityId: kind,
      after: saved,
    });
  });
}

/** The templates in force for an agency: its own where it has one, else the platform's; and what each must keep. */
export async function letterTemplates(ctx: Ctx, agencyId: string) {
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId) ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw notFound('机关');
  authorize(ctx, 'agency.read', { agencyId, regionPath: agency.region_path });
  const own = await ctx.db
    .selectFrom('letter_templates')
    .select(['kind', 'title', 'body'])
    .where('agency_id', '=', agencyId)
    .execute();
  return Object.entries(DEFAULT_TEMPLATES).map(([kind, t]) => {
    const o = own.find((x) => x.kind === kind);
    return {
      kind,
      title: o?.title ?? t.title,
      body: o?.body ?? t.body,
      custom: !!o,
      required: requiredVariables(kind as LetterKind),
    };
  });
}
