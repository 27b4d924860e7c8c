import { z } from 'zod';
import { isISODate } from '../calendar/index.ts';
import { RETURN_COMMENT_REQUIRED } from '../review/history.ts';
import { ARTICLE_ITEMS, GENRES } from './catalogue.ts';
import { PAGE_MAX_CHARS, PAGE_REQUIRED, PAGE_TOO_LONG, pageTextLength } from './column.ts';

/** The inputs of the catalogue's editing and review workflow (条例第十七条, 第十九条至第二十一条). */
const date = (title: string, labelEn: string) =>
  z.string().refine(isISODate, `${title}无效（格式 YYYY-MM-DD）`).meta({ title, labelEn, format: 'date' });

export const VALIDITIES = ['in_force', 'amended', 'repealed'] as const;

export const itemInput = z.object({
  title: z.string().trim().min(2, '请填写标题').max(300).meta({ title: '标题', labelEn: 'title' }),
  docNumber: z.string().trim().max(100).meta({ title: '文号', labelEn: 'document number' }).optional(),
  writtenDate: date('成文日期', 'date written').optional(),
  formedDate: date('形成或变更日期', 'date formed').optional(),
  topic: z.string().trim().max(50).meta({ title: '主题分类', labelEn: 'topic' }).optional(),
  genre: z.enum(Object.keys(GENRES) as [string, ...string[]], { message: '体裁不正确' }).default('other'),
  articleItem: z
    .enum(Object.keys(ARTICLE_ITEMS) as [string, ...string[]], { message: '所属第二十条、第二十一条事项不正确' })
    .optional(),
  validity: z.enum(VALIDITIES, { message: '有效性不正确' }).default('in_force'),
  validityDate: date('有效性变更日期', 'date of the validity').optional(),
  supersedesId: z.uuid('所替代信息的编号格式不正确').optional(),
  interpretsId: z.uuid('所解读文件的编号格式不正确').optional(),
  keywords: z.string().trim().max(300).meta({ title: '关键词', labelEn: 'keywords' }).optional(),
  bodyHtml: z.string().max(2_000_000, '正文过长').default(''),
});
export type ItemInput = z.infer<typeof itemInput>;

/** 保密审查: the 公开属性 decision; anything but 主动公开 states its reasons and article (第十四条至第十六条). */
export const reviewInput = z
  .object({
    disclosure: z.enum(['proactive', 'on_request', 'not_public'], {
      message: '公开属性应为主动公开、依申请公开或不予公开',
    }),
    reasons: z.string().trim().max(2000).meta({ title: '理由', labelEn: 'reasons' }).optional(),
    article: z.string().trim().max(200).meta({ title: '依据条款', labelEn: 'article' }).optional(),
  })
  .superRefine((r, c) => {
    if (r.disclosure !== 'proactive' && (!r.reasons || !r.article)) {
      c.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: '非主动公开的，须写明理由和依据条款（如第十四条、第十五条、第十六条）',
      });
    }
  });

export const approveInput = z.object({
  publishAt: z.iso.datetime({ offset: true, message: '定时发布时间格式不正确' }).optional(),
  publishDate: z.string().refine(isISODate, '发布日期无效').optional(),
});

export const withdrawInput = z.object({
  reason: z.string().trim().min(2, '请说明撤回原因').max(1000).meta({ title: '撤回原因', labelEn: 'reason' }),
});

/** 退回: the reviewer or approver says what to change (issue #18); the comment is kept in the review history. */
export const returnInput = z.object({
  comment: z
    .string({ message: RETURN_COMMENT_REQUIRED })
    .trim()
    .min(1, RETURN_COMMENT_REQUIRED)
    .max(2000, '退回意见不能超过2000字')
    .meta({ title: '退回意见', labelEn: 'comment' }),
});

/** 〔2019〕61号 column pages of an agency: its 指南 and 制度. */
export { PAGE_KINDS, PAGE_MAX_CHARS, PAGE_REQUIRED, PAGE_TOO_LONG, pageTextLength } from './column.ts';
export const pageInput = z.object({
  bodyHtml: z
    .string({ message: PAGE_REQUIRED })
    .max(500_000, PAGE_TOO_LONG)
    .refine((h) => pageTextLength(h) > 0, PAGE_REQUIRED)
    .refine((h) => pageTextLength(h) <= PAGE_MAX_CHARS, PAGE_TOO_LONG)
    .meta({ title: '内容', labelEn: 'text' }),
});
