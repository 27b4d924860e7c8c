import { z } from 'zod';
import { APPLICANT_TYPES, CASE_STATES, OUTCOMES } from '../case/index.ts';
import { CHANNELS } from '../clock/index.ts';
import { pageField, pageSizeField, searchField } from './paging.ts';

/** The staff's case list (GET /api/v1/cases): paging, search, filters (the report's drill-down too), sort. */

/**
 * The queues, by the named state sets of domain/case/state-sets.ts: due soon (≤ 5 working days, 条例第三十三条),
 * overdue (`isOverdue`), waiting on the applicant (补正, fee), open (not 办结).
 */
export const CASE_QUEUES = ['due_soon', 'overdue', 'waiting', 'open'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** newest: received last first; oldest: the reverse; due: the nearest reply deadline first. */
export const CASE_SORTS = ['newest', 'oldest', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const tuple = <T extends string>(xs: readonly T[]) => xs as unknown as [T, ...T[]];

export const caseListQuery = z.object({
  page: pageField(),
  pageSize: pageSizeField(),
  q: searchField('申请编号，或申请人姓名（名称）中的文字（至少两个字）'),
  state: z.enum(tuple(CASE_STATES), { message: '状态不正确' }).optional().meta({ title: '状态', labelEn: 'state' }),
  queue: z.enum(CASE_QUEUES, { message: '待办类别不正确' }).optional().meta({ title: '待办', labelEn: 'queue' }),
  year: z.coerce
    .number()
    .int()
    .min(2008)
    .max(2100)
    .optional()
    .meta({ title: '年份', labelEn: 'year', description: '收到申请的年份' }),
  channel: z
    .enum(tuple(CHANNELS), { message: '申请渠道不正确' })
    .optional()
    .meta({ title: '渠道', labelEn: 'channel' }),
  outcome: z.enum(OUTCOMES, { message: '答复结果不正确' }).optional().meta({ title: '答复结果', labelEn: 'outcome' }),
  agencyId: z.uuid({ message: '机关编号格式不正确' }).optional().meta({ title: '机关', labelEn: 'agency' }),
  /** The annual report's drill-down: cases decided in a year, by outcome and applicant type. */
  decidedYear: z.coerce
    .number()
    .int()
    .min(2008)
    .max(2100)
    .optional()
    .meta({ title: '答复年份', labelEn: 'decision year' }),
  applicantType: z
    .enum(APPLICANT_TYPES, { message: '申请人类型不正确' })
    .optional()
    .meta({ title: '申请人类型', labelEn: 'applicant type' }),
  docNumber: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ title: '文号', labelEn: 'document number', description: '告知书的发文字号，如 凉市监依申〔2026〕12号' }),
  sort: z.enum(CASE_SORTS, { message: '排序方式不正确' }).default('newest').meta({ title: '排序', labelEn: 'sort' }),
});
export type CaseListQuery = z.output<typeof caseListQuery>;
