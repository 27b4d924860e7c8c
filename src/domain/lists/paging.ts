import { z } from 'zod';

/**
 * Server-side lists of the console (issue #18): page, page size, search text and sort as one shape, and the
 * paging arithmetic. Pure: the queries (src/queries/*-list.ts) turn it into SQL.
 */

/** The largest page a list answers (a bigger one is refused: 400 on pageSize). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** Counted exactly up to here; beyond it the total is the planner's estimate, shown as "约 N 条". */
export const COUNT_CAP = 10_000;
/** How deep OFFSET paging goes (rows skipped); past it the user narrows the search instead. */
export const MAX_OFFSET = 10_000;

export const pageField = () =>
  z.coerce.number().int().min(1).max(100_000).default(1).meta({ title: '页码', labelEn: 'page' });

export const pageSizeField = () =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .meta({ title: '每页条数', labelEn: 'page size' });

export const searchField = (description: string) =>
  z
    .string()
    .trim()
    .max(60, '搜索词不超过60个字')
    .optional()
    .transform((s) => s || undefined)
    .meta({ title: '搜索', labelEn: 'search', description });

export interface Paging {
  page: number;
  pageSize: number;
}

/** Rows skipped before a page. */
export const offsetOf = (p: Paging): number => (p.page - 1) * p.pageSize;

/** Past MAX_OFFSET a page is refused in words (the user narrows the search), never read by a long OFFSET. */
export const tooDeep = (p: Paging): boolean => offsetOf(p) > MAX_OFFSET;

/** A page past the last row is empty, without reading: the total already says so. */
export const pastEnd = (p: Paging, total: number): boolean => offsetOf(p) >= total && p.page > 1;
