import { z } from 'zod';
import { ARTICLE_ITEMS, GENRES, ITEM_STATE_LABELS } from '../catalogue/index.ts';
import { pageField, pageSizeField, searchField } from './paging.ts';

/** The staff's catalogue list (GET /api/v1/catalogue/items): paging, search, filters, sort. */

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** The work queues (条例第二十六条: 20 working days to publish; a 规范性文件 wants its 解读). */
export const ITEM_QUEUES = ['review', 'approval', 'overdue', 'no_interpretation'] as const;
export type ItemQueue = (typeof ITEM_QUEUES)[number];

/**
 * newest: by the item's date (published, else formed; undated drafts first), newest first; oldest: the reverse;
 * updated: last changed first.
 */
export const ITEM_SORTS = ['newest', 'oldest', 'updated'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const catalogueListQuery = z.object({
  page: pageField(),
  pageSize: pageSizeField(),
  q: searchField('标题、文号或索引号中的文字'),
  state: z
    .enum(keys(ITEM_STATE_LABELS), { message: '状态不正确' })
    .optional()
    .meta({ title: '状态', labelEn: 'state' }),
  queue: z.enum(ITEM_QUEUES, { message: '待办类别不正确' }).optional().meta({ title: '待办', labelEn: 'queue' }),
  year: z.coerce
    .number()
    .int()
    .min(1949)
    .max(2100)
    .optional()
    .meta({ title: '年份', labelEn: 'year', description: '发布日期（未发布的为形成日期）所在年份' }),
  genre: z.enum(keys(GENRES), { message: '体裁不正确' }).optional().meta({ title: '体裁', labelEn: 'genre' }),
  articleItem: z
    .enum(keys(ARTICLE_ITEMS), { message: '所属事项不正确' })
    .optional()
    .meta({ title: '所属事项', labelEn: 'article item', description: '条例第二十条（或第二十一条）的事项，如 20.1' }),
  agencyId: z
    .uuid({ message: '机关编号格式不正确' })
    .optional()
    .meta({ title: '机关', labelEn: 'agency', description: '看得到多个机关的用户（如监督人员）按机关筛选' }),
  sort: z.enum(ITEM_SORTS, { message: '排序方式不正确' }).default('newest').meta({ title: '排序', labelEn: 'sort' }),
});
export type CatalogueListQuery = z.output<typeof catalogueListQuery>;
