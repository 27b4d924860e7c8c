import { findApplication } from '../../db/repos/applications.ts';
import { type AppealInput, type AppealPatch, appealInput, appealPatch } from '../../domain/case/appeal-input.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { checkKey, once } from '../../shared/idempotency.ts';

function checkDates(filed: string, result: string, resultDate?: string) {
  if (result !== 'pending' && !resultDate) throw invalid('已审结的须填写审结日期');
  if (resultDate && resultDate < filed) throw invalid('审结日期不能早于立案日期');
}

/**
 * 行政复议 / 行政诉讼 about a case, carried across years until decided (section 四 of the annual report). With an
 * `Idempotency-Key`, a repeat by the same user (a double click) records nothing more and gets the first answer.
 */
export async function addAppeal(ctx: Ctx, trackingNumber: string, body: AppealInput, idempotencyKey?: string) {
  const input = appealInput.parse(body);
  const key = checkKey(idempotencyKey);
  const app = await findApplication(ctx.db, trackingNumber);
  if (!app) throw notFound('申请');
  authorize(ctx, 'case.handle', { agencyId: app.agency_id, regionPath: app.region_path }, { visibleWith: 'case.read' });
  if (input.filedDate < app.received_date) throw invalid('复议或诉讼日期不能早于申请收到日期');
  checkDates(input.filedDate, input.result, input.resultDate);
  if (input.kind === 'litigation_after_reconsideration') {
    const r = await ctx.db
      .selectFrom('appeals')
      .select('id')
      .where('application_id', '=', app.id)
      .where('kind', '=', 'reconsideration')
      .executeTakeFirst();
    if (!r) throw new AppError('conflict', '复议后起诉须先登记该申请的行政复议');
  }
  const scope = {
    scope: `appeal:${ctx.actor?.userId || ctx.actor?.username}`,
    key,
    request: { trackingNumber, input },
  };
  return inTransaction(ctx, (trx, audit) =>
    once(trx, ctx.secretKey, scope, async () => {
      const row = await trx
        .insertInto('appeals')
        .values({
          application_id: app.id,
          agency_id: app.agency_id,
          kind: input.kind,
          filed_date: input.filedDate,
          result: input.result,
          result_date: input.resultDate ?? null,
          note: input.note ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        agencyId: app.agency_id,
        action: 'appeal.created',
        entityType: 'appeal',
        entityId: row.id,
        after: { trackingNumber, ...input },
      });
      return { id: row.id };
    }),
  );
}

export async function updateAppeal(ctx: Ctx, id: string, body: AppealPatch) {
  const input = appealPatch.parse(body);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('复议诉讼记录');
  const appeal = await ctx.db
    .selectFrom('appeals as p')
    .innerJoin('agencies as g', 'g.id', 'p.agency_id')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .selectAll('p')
    .select('r.path')
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!appeal) throw notFound('复议诉讼记录');
  authorize(ctx, 'case.handle', { agencyId: appeal.agency_id, regionPath: appeal.path }, { visibleWith: 'case.read' });
  checkDates(appeal.filed_date, input.result, input.resultDate);
  await inTransaction(ctx, async (trx, audit) => {
    // Under lock: the note kept and the audit's "before" are the row as this update finds it.
    const current = await trx
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('appeals')
      .set({ result: input.result, result_date: input.resultDate ?? null, note: input.note ?? current.note })
      .where('id', '=', id)
      .execute();
    await audit({
      agencyId: appeal.agency_id,
      action: 'appeal.updated',
      entityType: 'appeal',
      entityId: id,
      before: { result: current.result, resultDate: current.result_date },
      after: input,
    });
  });
}
