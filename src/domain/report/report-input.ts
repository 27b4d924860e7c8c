import { z } from 'zod';

/** 年度报告 (条例第四十九条、第五十条): the narrative sections, and a step of the submission workflow. */
export const narrativeInput = z.object({
  overview: z.string().max(50_000).meta({ title: '总体情况', labelEn: 'overview' }).optional(),
  problems: z.string().max(50_000).meta({ title: '存在的主要问题及改进情况', labelEn: 'problems' }).optional(),
  other: z.string().max(50_000).meta({ title: '其他需要报告的事项', labelEn: 'other matters' }).optional(),
  version: z.enum(['2019', '2021']).optional(),
});

export const stepInput = z.object({
  comment: z.string().trim().max(2000).meta({ title: '意见', labelEn: 'comment' }).optional(),
  /** Publishing a report that fails its checks needs an approver's recorded reason. */
  overrideReason: z.string().trim().min(5, '请说明在校验不通过的情况下仍然发布的理由').max(2000).optional(),
});

export const REPORT_STEPS = ['submit', 'return', 'accept', 'publish'] as const;
