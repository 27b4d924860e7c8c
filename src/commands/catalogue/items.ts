import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { agencyResource } from '../../db/repos/agencies.ts';
import { findItem, type ItemRow, nextIndexSeq, searchColumns } from '../../db/repos/catalogue.ts';
import type { DB } from '../../db/schema.ts';
import { chinaDate } from '../../domain/calendar/index.ts';
import { formatIndexNo, type ItemAction, type ItemState, itemTransition } from '../../domain/catalogue/index.ts';
import {
  approveInput,
  type ItemInput,
  itemInput,
  returnInput,
  reviewInput,
  withdrawInput,
} from '../../domain/catalogue/item-input.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { itemDecision } from '../../domain/review/history.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { recordReview } from '../../shared/review-history.ts';
import { htmlText, sanitizeBody } from './item-input.ts';

async function load(ctx: Ctx, id: string, action: 'catalogue.edit' | 'catalogue.review' | 'catalogue.approve') {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('信息');
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound('信息');
  authorize(ctx, action, { agencyId: item.agency_id, regionPath: item.region_path }, { visibleWith: 'catalogue.read' });
  return item;
}

/**
 * The item again, locked, inside the step's transaction: of two steps that loaded it at once, the second finds
 * it changed (its version moved on) and is refused, instead of both passing the state check.
 */
async function lockUnchanged(trx: Transaction<DB>, loaded: ItemRow): Promise<ItemRow> {
  const item = await findItem(trx, loaded.id, { lock: true });
  if (!item || item.version !== loaded.version || item.state !== loaded.state)
    throw new AppError('conflict', '该信息已被他人处理，请刷新后重试');
  return item;
}

function values(input: ItemInput) {
  const body = sanitizeBody(input.bodyHtml);
  return {
    title: input.title,
    doc_number: input.docNumber ?? null,
    written_date: input.writtenDate ?? null,
    formed_date: input.formedDate ?? input.writtenDate ?? null,
    topic: input.topic ?? null,
    genre: input.genre,
    article_item: input.articleItem ?? null,
    validity: input.validity as 'in_force' | 'amended' | 'repealed',
    validity_date: input.validityDate ?? null,
    supersedes_id: input.supersedesId ?? null,
    interprets_id: input.interpretsId ?? null,
    keywords: input.keywords ?? '',
    body_html: body,
    body_text: htmlText(body),
  };
}

/** The items a draft names (the one it replaces, the file it interprets) exist: else a refusal, not a broken key. */
async function checkLinks(ctx: Ctx, input: ItemInput) {
  const links = [
    ['supersedesId', input.supersedesId, '所替代的信息'],
    ['interpretsId', input.interpretsId, '所解读的文件'],
  ] as const;
  for (const [field, id, what] of links)
    if (id && !(await findItem(ctx.db, id))) throw invalid(`${what}不存在`, { field });
}

/** 新建信息 (draft), for the actor's agency. */
export async function createItem(ctx: Ctx, agencyId: string, body: z.input<typeof itemInput>): Promise<string> {
  const input = itemInput.parse(body);
  const res = await agencyResource(ctx.db, agencyId);
  if (!res) throw invalid('机关不存在');
  authorize(ctx, 'catalogue.edit', res, { visibleWith: 'catalogue.read' });
  await checkLinks(ctx, input);
  const v = values(input);
  return inTransaction(ctx, async (trx, audit) => {
    const row = await trx
      .insertInto('catalogue_items')
      .values({ agency_id: agencyId, ...v })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('catalogue_items')
      .set(searchColumns(v.title, v.doc_number, v.keywords, v.body_text) as never)
      .where('id', '=', row.id)
      .execute();
    await audit({
      agencyId,
      action: 'catalogue.created',
      entityType: 'catalogue_item',
      entityId: row.id,
      after: { title: v.title, genre: v.genre },
    });
    return row.id;
  });
}

/** 修改 a draft. */
export async function updateItem(ctx: Ctx, id: string, body: z.input<typeof itemInput>) {
  const item = await load(ctx, id, 'catalogue.edit');
  const t = itemTransition(item.state as ItemState, 'edit');
  if (!t.ok) throw new AppError('conflict', t.reason);
  const input = itemInput.parse(body);
  await checkLinks(ctx, input);
  const v = values(input);
  await inTransaction(ctx, async (trx, audit) => {
    await lockUnchanged(trx, item);
    await trx
      .updateTable('catalogue_items')
      .set({
        ...v,
        ...searchColumns(v.title, v.doc_number, v.keywords, v.body_text),
        updated_at: ctx.now(),
        version: item.version + 1,
      } as never)
      .where('id', '=', id)
      .execute();
    await audit({
      agencyId: item.agency_id,
      action: 'catalogue.updated',
      entityType: 'catalogue_item',
      entityId: id,
      before: { title: item.title },
      after: { title: v.title },
    });
  });
}

/** One step of the workflow; each is a command with its audit event. */
export async function itemStep(ctx: Ctx, id: string, action: Exclude<ItemAction, 'edit'>, body: unknown = {}) {
  const needs =
    action === 'review'
      ? 'catalogue.review'
      : action === 'approve' || action === 'withdraw' || action === 'publish'
        ? 'catalogue.approve'
        : 'catalogue.edit';
  const loaded = await load(ctx, id, action === 'return' ? 'catalogue.review' : needs);
  const t = itemTransition(loaded.state as ItemState, action);
  if (!t.ok) throw new AppError('conflict', t.reason);
  const now = ctx.now();
  return inTransaction(ctx, async (trx, audit) => {
    const item = await lockUnchanged(trx, loaded);
    const set: Record<string, unknown> = { state: t.to, updated_at: now, version: item.version + 1 };
    let after: Record<string, unknown> = {};
    let comment: string | null = null;
    switch (action) {
      case 'review': {
        // 条例第十七条: the 公开属性 decision and its reasons, recorded by a reviewer before anything is published.
        const r = reviewInput.parse(body);
        set.review = JSON.stringify({ reviewer: ctx.actor?.username, ...r, at: now.toISOString() });
        set.disclosure = r.disclosure;
        set.disclosure_reason = r.disclosure === 'proactive' ? null : `${r.reasons}（${r.article}）`;
        after = r;
        comment = r.disclosure === 'proactive' ? null : (set.disclosure_reason as string);
        break;
      }
      case 'approve': {
        const a = approveInput.parse(body);
        set.approval = JSON.stringify({ approver: ctx.actor?.username, at: now.toISOString() });
        if (a.publishAt && new Date(a.publishAt) > now) {
          set.publish_at = a.publishAt;
          after = { scheduled: a.publishAt };
        } else {
          Object.assign(set, await publication(trx, item, now, a.publishDate));
          after = { indexNo: set.index_no, publishDate: set.publish_date };
        }
        break;
      }
      case 'publish':
        Object.assign(set, await publication(trx, item, now));
        after = { indexNo: set.index_no };
        break;
      case 'withdraw': {
        const reason = withdrawInput.parse(body).reason;
        comment = reason;
        set.withdrawn_reason = reason;
        after = { reason };
        break;
      }
      case 'return': {
        comment = returnInput.parse(body).comment;
        set.review = null;
        set.approval = null;
        after = { comment };
        break;
      }
      case 'submit':
        break;
    }
    await trx
      .updateTable('catalogue_items')
      .set(set as never)
      .where('id', '=', id)
      .execute();
    await audit({
      agencyId: item.agency_id,
      action: `catalogue.${action}`,
      entityType: 'catalogue_item',
      entityId: id,
      before: { state: item.state },
      after: { state: set.state, ...after },
    });
    await recordReview(trx, ctx, {
      agencyId: item.agency_id,
      subject: 'catalogue_item',
      subjectId: id,
      step: action,
      decision: itemDecision(action),
      comment,
    });
    return { state: set.state as ItemState, indexNo: (set.index_no as string | undefined) ?? item.index_no };
  });
}

/** Publication: 主动公开 only; the 索引号 is taken now, gapless per agency and year. */
async function publication(trx: Transaction<DB>, item: ItemRow, now: Date, publishDate?: string) {
  if (item.disclosure !== 'proactive')
    throw new AppError('conflict', '经保密审查确定为依申请公开或不予公开的信息，不在网站主动发布');
  if (!item.review) throw new AppError('conflict', '未经保密审查的信息不能发布（条例第十七条）');
  const date = publishDate ?? chinaDate(now);
  const year = Number(date.slice(0, 4));
  const seq = await nextIndexSeq(trx, item.agency_id, year);
  const indexNo = formatIndexNo(item.index_pattern, {
    code: item.credit_code,
    year,
    month: Number(date.slice(5, 7)),
    seq,
  });
  return { state: 'published', index_no: indexNo, publish_date: date, published_at: now, publish_at: null };
}

/** Scheduled publications that are due (run by the scheduler). */
export async function publishDue(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .selectFrom('catalogue_items')
    .select('id')
    .where('state', '=', 'approved')
    .where('publish_at', '<=', ctx.now())
    .execute();
  for (const d of due) {
    await inTransaction(ctx, async (trx, audit) => {
      const item = (await findItem(trx, d.id, { lock: true }))!;
      if (item.state !== 'approved') return;
      const set = await publication(trx, item, ctx.now());
      await trx
        .updateTable('catalogue_items')
        .set({ ...set, updated_at: ctx.now(), version: item.version + 1 })
        .where('id', '=', d.id)
        .execute();
      await audit({
        agencyId: item.agency_id,
        action: 'catalogue.publish',
        entityType: 'catalogue_item',
        entityId: d.id,
        after: { indexNo: set.index_no, scheduled: true },
      });
    });
  }
  return due.length;
}
