import { z } from 'zod';
import { isISODate } from '../calendar/index.ts';
import { INDICATOR_KEYS, type IndicatorKey } from './assessment.ts';

/** The supervising government's inputs: 考核方案, 责任追究, 回应关切, and moderating 社会评议 comments. */
const date = (title: string, labelEn: string) =>
  z.string().refine(isISODate, `${title}无效（格式 YYYY-MM-DD）`).meta({ title, labelEn, format: 'date' });

/** 考核方案 (条例第四十七条): indicators and weights; the command checks that the weights sum to 100. */
export const planInput = z.object({
  indicators: z
    .array(
      z.object({
        key: z.enum(INDICATOR_KEYS as [IndicatorKey, ...IndicatorKey[]], { message: '未知的考核指标' }),
        weight: z.number({ message: '权重应为数字' }),
      }),
    )
    .max(20),
});

/** 责任追究 (条例第五十二条、第五十三条). */
export const accountabilityInput = z.object({
  agencyId: z.uuid('请选择机关'),
  subject: z
    .string()
    .trim()
    .min(1, '请填写责任对象（单位或人员）')
    .max(100)
    .meta({ title: '责任对象', labelEn: 'subject' }),
  measure: z
    .string()
    .trim()
    .min(1, '请填写追责措施（如约谈、通报批评、诫勉）')
    .max(100)
    .meta({ title: '追责措施', labelEn: 'measure' }),
  basis: z.string().trim().min(1, '请填写追责依据').max(300).meta({ title: '追责依据', labelEn: 'basis' }),
  reason: z.string().trim().max(1000).default('').meta({ title: '事由', labelEn: 'reason' }),
  date: date('日期', 'date'),
});

/** 回应关切 (条例第六条): where a public concern came from. */
export const CONCERN_SOURCES = {
  hotline: '政务服务热线',
  message_board: '网上留言',
  media: '媒体报道',
  online: '网络舆情',
  other: '其他',
} as const;

export const concernInput = z.object({
  agencyId: z.uuid('请选择机关'),
  source: z.enum(Object.keys(CONCERN_SOURCES) as [keyof typeof CONCERN_SOURCES], { message: '来源不正确' }),
  topic: z.string().trim().min(2, '请填写关切事项').max(200).meta({ title: '关切事项', labelEn: 'topic' }),
  summary: z.string().trim().max(2000).default('').meta({ title: '摘要', labelEn: 'summary' }),
  receivedDate: date('登记日期', 'date received'),
});

export const concernResponseInput = z.object({ itemId: z.uuid('请选择回应的信息') });

export const moderationInput = z.object({
  decision: z.enum(['approved', 'rejected'], { message: '审核结果应为 approved 或 rejected' }),
});
