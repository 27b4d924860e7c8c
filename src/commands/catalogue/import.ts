import { sql } from 'kysely';
import { searchColumns } from '../../db/repos/catalogue.ts';
import { validateImportRows } from '../../domain/catalogue/index.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorizeAgency, type Ctx, inTransaction } from '../../shared/context.ts';
import type { ImportProgress } from '../../shared/import-progress.ts';
import { sanitizeBodies } from './item-input.ts';

/** The agency an import goes to, if the actor may import into it (404 when it cannot even see it). */
export async function authorizeImport(ctx: Ctx, agencyId: string) {
  return authorizeAgency(ctx, agencyId, 'catalogue.import', { visibleWith: 'catalogue.read' });
}

/**
 * 历史目录导入: a legacy catalogue (rows of a CSV or XLSX file, the first the column names) of already-published
 * items, validated first and then loaded all-or-nothing in one transaction; the per-row errors are reported in
 * Chinese and nothing is written. Progress is reported through `onProgress` (validation, then writing).
 */
export async function importCatalogue(
  ctx: Ctx,
  agencyId: string,
  table: string[][],
  opts: { dryRun?: boolean; onProgress?: (p: ImportProgress) => void } = {},
) {
  await authorizeImport(ctx, agencyId);
  const { rows, errors } = validateImportRows(table);
  if (errors[0]?.row === 1) throw invalid(errors[0].message, { errors });
  const bodies = await sanitizeBodies(rows.map((r) => r.body));
  const items = rows.map(({ body: _, row, ...r }, i) => {
    const b = bodies[i]!;
    if (!b.ok) errors.push({ row, column: '正文', message: b.message });
    const [body_html, body_text] = b.ok ? [b.html, b.text] : ['', ''];
    return { row, item: { ...r, formed_date: r.written_date, body_html, body_text } };
  });
  opts.onProgress?.({ phase: 'validate', done: items.length, total: items.length });
  if (items.length === 0) throw invalid('文件中没有数据行');
  if (!errors.length) {
    const rowOf = new Map(items.map((i) => [i.item.index_no, i.row]));
    const numbers = [...rowOf.keys()];
    for (let i = 0; i < numbers.length; i += 5000) {
      const existing = await ctx.db
        .selectFrom('catalogue_items')
        .select('index_no')
        // 索引号 are unique per agency (migration 0024): another agency's same number is no conflict.
        .where('agency_id', '=', agencyId)
        .where('index_no', 'in', numbers.slice(i, i + 5000))
        .execute();
      for (const e of existing)
        errors.push({
          row: rowOf.get(e.index_no ?? '') ?? 0,
          column: '索引号',
          message: `索引号 ${e.index_no} 已存在`,
        });
    }
  }
  if (errors.length)
    throw new AppError('invalid', `导入未执行：共 ${errors.length} 处错误，请修改后重新导入`, {
      errors: errors.slice(0, 500),
    });
  if (opts.dryRun) return { imported: 0, valid: items.length };
  const now = ctx.now();
  await inTransaction(ctx, async (trx, audit) => {
    const BATCH = 200;
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      await trx
        .insertInto('catalogue_items')
        .values(
          batch.map(({ item: it }) => ({
            ...it,
            agency_id: agencyId,
            state: 'published',
            disclosure: 'proactive' as const,
            review: JSON.stringify({
              imported: true,
              note: '历史目录导入：原系统已完成保密审查并发布',
              at: now.toISOString(),
            }),
            published_at: now,
            ...searchColumns(it.title, it.doc_number, it.keywords, it.body_text),
          })) as never,
        )
        .execute();
      opts.onProgress?.({ phase: 'write', done: Math.min(i + BATCH, items.length), total: items.length });
    }
    // Later publications continue the imported 索引号 sequences (the trailing number of each).
    const maxByYear = new Map<number, number>();
    for (const { item: it } of items) {
      const m = /(\d+)$/.exec(it.index_no);
      const year = Number(it.publish_date.slice(0, 4));
      if (m) maxByYear.set(year, Math.max(maxByYear.get(year) ?? 0, Number(m[1])));
    }
    for (const [year, last] of maxByYear) {
      await trx
        .insertInto('index_sequences')
        .values({ agency_id: agencyId, year, last })
        .onConflict((oc) =>
          oc.columns(['agency_id', 'year']).doUpdateSet({ last: sql`greatest(index_sequences.last, excluded.last)` }),
        )
        .execute();
    }
    await audit({
      agencyId,
      action: 'catalogue.imported',
      entityType: 'agency',
      entityId: agencyId,
      after: { items: items.length },
    });
  });
  return { imported: items.length, valid: items.length };
}
