import { z } from 'zod';
import { isISODate } from '../calendar/index.ts';

/** 行政复议 / 行政诉讼 about a case (section 四 of the annual report, 条例第五十一条). */
const date = (title: string, labelEn: string) =>
  z.string().refine(isISODate, `${title}无效（格式 YYYY-MM-DD）`).meta({ title, labelEn, format: 'date' });
export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export const APPEAL_KIND_LABELS = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
} as const;
export const APPEAL_RESULT_LABELS = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
} as const;

const note = z.string().trim().max(1000).meta({ title: '备注', labelEn: 'note' });

export const appealInput = z.object({
  kind: z.enum(APPEAL_KINDS, { message: '类型应为行政复议或行政诉讼' }),
  filedDate: date('立案日期', 'date filed'),
  result: z.enum(APPEAL_RESULTS).default('pending').meta({ title: '结果', labelEn: 'result' }),
  resultDate: date('审结日期', 'date of the result').optional(),
  note: note.optional(),
});

export const appealPatch = z.object({
  result: z.enum(APPEAL_RESULTS, { message: '结果应为维持、纠正、其他或尚未审结' }),
  resultDate: date('审结日期', 'date of the result').optional(),
  note: note.optional(),
});

export type AppealInput = z.input<typeof appealInput>;
export type AppealPatch = z.input<typeof appealPatch>;
