import { sql } from 'kysely';
import { findAgency } from '../../db/repos/agencies.ts';
import { searchVector } from '../../db/repos/catalogue.ts';
import { isISODate } from '../../domain/calendar/index.ts';
import { ARTICLE_ITEMS, GENRES, VALIDITY_LABELS } from '../../domain/catalogue/index.ts';
import { parseCsv } from '../../domain/csv.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../context.ts';
import { htmlText, sanitizeBody } from './item-input.ts';

/** Columns of a legacy catalogue export, as printed on government disclosure pages. */
export const IMPORT_COLUMNS = [
  '索引号',
  '标题',
  '文号',
  '成文日期',
  '发布日期',
  '主题分类',
  '体裁',
  '所属事项',
  '有效性',
  '关键词',
  '正文',
] as const;

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const genreByLabel = Object.fromEntries(Object.entries(GENRES).map(([k, v]) => [v, k]));
const validityByLabel = Object.fromEntries(Object.entries(VALIDITY_LABELS).map(([k, v]) => [v, k]));

/**
 * 历史目录导入: a legacy catalogue (CSV) of already-published items, validated first and then loaded
 * all-or-nothing in one transaction; the per-row errors are reported in Chinese and nothing is written.
 * Progress is reported through `onProgress`.
 */
export async function importCatalogue(
  ctx: Ctx,
  agencyId: string,
  csvText: string,
  opts: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
) {
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw invalid('机关不存在');
  authorize(ctx, 'catalogue.import', { agencyId, regionPath: agency.region_path }, { visibleWith: 'catalogue.read' });
  const rows = parseCsv(csvText);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const missing = IMPORT_COLUMNS.slice(0, 5).filter((c) => !header.includes(c));
  if (missing.length)
    throw invalid(`缺少必需的列：${missing.join('、')}（第一行应为列名：${IMPORT_COLUMNS.join('、')}）`);
  const col = (r: string[], name: string) => (r[header.indexOf(name)] ?? '').trim();
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const items = rows.slice(1).map((r, i) => {
    const n = i + 2;
    const err = (column: string, message: string) => errors.push({ row: n, column, message });
    const indexNo = col(r, '索引号');
    const title = col(r, '标题');
    const written = col(r, '成文日期');
    const published = col(r, '发布日期');
    const genreLabel = col(r, '体裁') || '其他';
    const item = col(r, '所属事项');
    const validity = col(r, '有效性') || '现行有效';
    if (!indexNo) err('索引号', '索引号不能为空');
    else if (seen.has(indexNo)) err('索引号', `索引号 ${indexNo} 在文件中重复`);
    seen.add(indexNo);
    if (!title) err('标题', '标题不能为空');
    if (written && !isISODate(written)) err('成文日期', `成文日期“${written}”无效，应为 YYYY-MM-DD`);
    if (!isISODate(published)) err('发布日期', `发布日期“${published}”无效，应为 YYYY-MM-DD`);
    if (!genreByLabel[genreLabel]) err('体裁', `体裁“${genreLabel}”不在：${Object.values(GENRES).join('、')}`);
    if (item && !ARTICLE_ITEMS[item]) err('所属事项', `所属事项“${item}”应为 20.1–20.15 或 21`);
    if (!validityByLabel[validity]) err('有效性', `有效性“${validity}”应为现行有效、已修改或已废止`);
    const body = sanitizeBody(col(r, '正文'));
    return {
      index_no: indexNo,
      title,
      doc_number: col(r, '文号') || null,
      written_date: written || null,
      formed_date: written || null,
      publish_date: published,
      topic: col(r, '主题分类') || null,
      genre: genreByLabel[genreLabel] ?? 'other',
      article_item: item || null,
      validity: (validityByLabel[validity] ?? 'in_force') as 'in_force',
      keywords: col(r, '关键词'),
      body_html: body,
      body_text: htmlText(body),
    };
  });
  if (items.length === 0) throw invalid('文件中没有数据行');
  if (!errors.length) {
    const existing = await ctx.db
      .selectFrom('catalogue_items')
      .select('index_no')
      .where(
        'index_no',
        'in',
        items.map((i) => i.index_no),
      )
      .execute();
    for (const e of existing)
      errors.push({
        row: items.findIndex((i) => i.index_no === e.index_no) + 2,
        column: '索引号',
        message: `索引号 ${e.index_no} 已存在`,
      });
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
          batch.map((it) => ({
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
            search: searchVector(it.title, it.doc_number, it.keywords, it.body_text),
          })) as never,
        )
        .execute();
      opts.onProgress?.(Math.min(i + BATCH, items.length), items.length);
    }
    // Later publications continue the imported 索引号 sequences (the trailing number of each).
    const maxByYear = new Map<number, number>();
    for (const it of items) {
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
